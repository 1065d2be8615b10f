// Hand-built analysed documents: one Aleppo shelling told by three camps, a reprint of the wire
// story, and unrelated events, with offsets computed from the text so spans stay honest.
import type { AnalysedDocument, ClaimFinding, EventFinding, LabelFinding, PlaceFinding } from '../../src/core/types.js';
import { analysed } from '../helpers.js';

export const ALEPPO: Omit<PlaceFinding, 'mentions'> = { id: 'geonames:170063', name: 'Aleppo', country: 'SY', kind: 'city', lat: 36.2021, lon: 37.1343, region: 'Aleppo' };
export const RAQQA: Omit<PlaceFinding, 'mentions'> = { id: 'geonames:172955', name: 'Raqqa', country: 'SY', kind: 'city', lat: 35.9528, lon: 39.0079, region: 'Raqqa' };
/** 8 km from Aleppo's centre */
export const HANANO: Omit<PlaceFinding, 'mentions'> = { id: 'pack:syria/place/hanano', name: 'Hanano', country: 'SY', kind: 'site', lat: 36.2355, lon: 37.19, region: 'Aleppo' };

const at = (text: string, phrase: string): { start: number; end: number } => {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`fixture: "${phrase}" not in text`);
  return { start, end: start + phrase.length };
};

export interface Spec {
  text: string;
  outlet: string;
  camp: string;
  published: string;
  place: Omit<PlaceFinding, 'mentions'>;
  placeWord: string;
  event: { phrase: string; type?: EventFinding['type']; subType?: string | null; agent?: string | null; target?: string | null;
    date?: string | null; fatalities?: number | null; civilianFatalities?: number | null; timePrecision?: 1 | 2 | 3; geoPrecision?: 1 | 2 | 3 };
  labels?: { phrase: string; label: string; camp: string; refersTo?: string }[];
  claims?: { phrase: string; value: number; counted: string; attributedTo?: string | null; hedged?: boolean }[];
  actors?: { id: string; name: string; affiliation: string; phrase: string }[];
}

export function doc(s: Spec): AnalysedDocument {
  const e = s.event;
  const event: EventFinding = {
    ...at(s.text, e.phrase), ruleId: 'event-test', type: e.type ?? 'Explosions/Remote violence', subType: e.subType ?? null, cause: null,
    agent: e.agent ?? null, target: e.target ?? null, place: s.place.id, date: e.date === undefined ? s.published : e.date,
    fatalities: e.fatalities ?? null, civilianFatalities: e.civilianFatalities ?? null, childFatalities: null,
    timePrecision: e.timePrecision ?? 1, geoPrecision: e.geoPrecision ?? 1,
  };
  const labels: LabelFinding[] = (s.labels ?? []).map((l) => ({ ...at(s.text, l.phrase), ruleId: 'label-test', label: l.label, camp: l.camp, refersTo: l.refersTo ?? null }));
  const claims: ClaimFinding[] = (s.claims ?? []).map((c) => ({ ...at(s.text, c.phrase), ruleId: 'claim-test', value: c.value, approx: false,
    counted: c.counted, attributedTo: c.attributedTo ?? null, hedged: c.hedged ?? false }));
  return analysed(s.text, {
    outlet: s.outlet, published: s.published, title: `${s.outlet}: ${s.text.slice(0, 30)}`,
    places: [{ ...s.place, mentions: [{ ...at(s.text, s.placeWord), ruleId: 'place-test' }] }],
    actors: (s.actors ?? []).map((a) => ({ id: a.id, name: a.name, affiliation: a.affiliation, mentions: [{ ...at(s.text, a.phrase), ruleId: 'actor-test' }], labels: [] })),
    events: [event], labels, claims,
    stance: { camp: s.camp, confidence: 0.9, evidence: [] },
  });
}

const WIRE_TEXT = 'Shelling hit eastern Aleppo on Monday, killing at least 12 civilians, a monitoring group said. ' +
  'The Syrian Observatory for Human Rights said government aircraft and artillery pounded the Hanano district, ' +
  'where rebels have held out for four years. Residents described buildings collapsing as families sheltered in basements. ' +
  'State media said the army was advancing and accused rebel groups of using civilians as human shields.';

export const wire = (): AnalysedDocument => doc({
  text: WIRE_TEXT, outlet: 'Wire A', camp: 'neutral', published: '2016-12-12', place: ALEPPO, placeWord: 'Aleppo',
  event: { phrase: 'Shelling hit eastern Aleppo', agent: 'syrian-army', target: 'civilians', fatalities: 12, civilianFatalities: 12 },
  claims: [{ phrase: 'at least 12 civilians', value: 12, counted: 'civilians', attributedTo: 'a monitoring group', hedged: true }],
  actors: [{ id: 'syrian-army', name: 'Syrian Arab Army', affiliation: 'syrian_government_and_allies', phrase: 'government aircraft' }],
});

/** the wire story reprinted by another outlet with its own headline line and footer */
export const reprint = (): AnalysedDocument => {
  const d = doc({
    text: `AGGREGATOR NEWS\n${WIRE_TEXT}\nShare this story.`, outlet: 'Aggregator', camp: 'neutral', published: '2016-12-13', place: ALEPPO,
    placeWord: 'Aleppo', event: { phrase: 'Shelling hit eastern Aleppo', agent: 'syrian-army', target: 'civilians', fatalities: 12, date: '2016-12-12' },
    claims: [{ phrase: 'at least 12 civilians', value: 12, counted: 'civilians', attributedTo: 'a monitoring group', hedged: true }],
    actors: [{ id: 'syrian-army', name: 'Syrian Arab Army', affiliation: 'syrian_government_and_allies', phrase: 'government aircraft' }],
  });
  return d;
};

export const progov = (): AnalysedDocument => doc({
  text: 'The heroic Syrian army continued the liberation of eastern Aleppo on Monday, advancing into Hanano. ' +
    'Terrorists shelled residential areas, killing 3 civilians, the ministry said. Militants fired mortars on the Old City as they retreated.',
  outlet: 'SANA', camp: 'pro_syrian_government', published: '2016-12-12', place: HANANO, placeWord: 'Hanano',
  event: { phrase: 'Terrorists shelled residential areas', agent: 'armed-opposition', target: 'civilians', fatalities: 3, civilianFatalities: 3 },
  labels: [
    { phrase: 'liberation of eastern Aleppo', label: 'liberation', camp: 'pro_syrian_government', refersTo: 'aleppo-offensive' },
    { phrase: 'Terrorists', label: 'terrorists', camp: 'pro_syrian_government', refersTo: 'armed-opposition' },
  ],
  claims: [{ phrase: '3 civilians', value: 3, counted: 'civilians', attributedTo: 'the ministry' }],
  actors: [{ id: 'armed-opposition', name: 'Armed opposition', affiliation: 'syrian_opposition', phrase: 'Terrorists' }],
});

export const proopp = (): AnalysedDocument => doc({
  text: 'The fall of Aleppo draws near as the regime and its Russian backers pressed their blitzkrieg. ' +
    'Regime barrel bombs struck the Hanano district on Monday and killed 45 civilians, rescuers said, in a fresh massacre.',
  outlet: 'Opposition Voice', camp: 'pro_opposition', published: '2016-12-12T18:00', place: HANANO, placeWord: 'Hanano',
  event: { phrase: 'Regime barrel bombs struck the Hanano district', agent: 'syrian-army', target: 'civilians', fatalities: 45, civilianFatalities: 45, date: '2016-12-12' },
  labels: [
    { phrase: 'fall of Aleppo', label: 'fall', camp: 'pro_opposition', refersTo: 'aleppo-offensive' },
    { phrase: 'Regime', label: 'regime', camp: 'pro_opposition', refersTo: 'syrian-army' },
    { phrase: 'massacre', label: 'massacre', camp: 'pro_opposition' },
  ],
  claims: [{ phrase: '45 civilians', value: 45, counted: 'civilians', attributedTo: 'rescuers' }],
  actors: [{ id: 'syrian-army', name: 'Syrian Arab Army', affiliation: 'syrian_government_and_allies', phrase: 'Regime' }],
});

export const raqqa = (): AnalysedDocument => doc({
  text: 'Coalition air strikes hit Raqqa on Monday, killing 7 people, activists said.',
  outlet: 'Wire B', camp: 'neutral', published: '2016-12-12', place: RAQQA, placeWord: 'Raqqa',
  event: { phrase: 'Coalition air strikes hit Raqqa', agent: 'us-led-coalition', target: 'isis', fatalities: 7 },
  claims: [{ phrase: '7 people', value: 7, counted: 'people', attributedTo: 'activists' }],
});

/** Aleppo again, but three weeks later: another event */
export const aleppoLater = (): AnalysedDocument => doc({
  text: 'A car bomb exploded in western Aleppo on Tuesday, killing 5 people, state media said.',
  outlet: 'Wire B', camp: 'neutral', published: '2017-01-03', place: ALEPPO, placeWord: 'Aleppo',
  event: { phrase: 'A car bomb exploded in western Aleppo', fatalities: 5 },
});
