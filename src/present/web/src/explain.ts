// What the side panel says about a finding: the rule that fired, the technique's definition,
// the resolved entity and its coordinates. Definitions are short paraphrases of the SemEval-2020
// Task 11 technique list, written for this workbench.
import { h, link } from './dom.js';
import type { AnalysedDocument } from './types.js';

export const TECHNIQUES: Record<string, string> = {
  Loaded_Language: 'Words chosen for their emotional charge rather than their content, to sway the reader.',
  'Name_Calling,Labeling': 'Attaching a label the audience fears, hates or admires to a person, group or act instead of arguing.',
  Repetition: 'Saying the same message again and again until it is accepted.',
  'Exaggeration,Minimisation': 'Making something larger, worse or better than it is, or playing it down.',
  Doubt: 'Questioning the credibility of someone or something without offering evidence.',
  'Appeal_to_fear-prejudice': 'Seeking support by raising fear or playing on an existing prejudice against an alternative.',
  'Flag-Waving': 'Playing on patriotism or group identity to justify an idea or action.',
  Causal_Oversimplification: 'Pinning a complex outcome on a single cause or culprit.',
  Slogans: 'A short, striking phrase that stands in for an argument.',
  Appeal_to_Authority: 'Claiming something is true because an authority said so, without other support.',
  'Black-and-White_Fallacy': 'Presenting two options as the only ones when more exist.',
  'Thought-terminating_Cliches': 'A stock phrase that discourages further thought on the matter.',
  'Whataboutism,Straw_Men,Red_Herring': 'Deflecting by accusing the other side, distorting its position, or changing the subject.',
  'Bandwagon,Reductio_ad_hitlerum': 'Urging agreement because everyone does, or rejecting an idea by tying it to a hated group.',
};

export type Kind = 'place' | 'actor' | 'person' | 'source' | 'claim' | 'event' | 'technique' | 'label';
export const KINDS: [Kind, string][] = [
  ['place', 'places'], ['actor', 'actors'], ['person', 'persons'], ['source', 'sources cited'], ['claim', 'claims'],
  ['event', 'events'], ['technique', 'techniques'], ['label', 'loaded labels'],
];

export interface Mark {
  id: number;
  kind: Kind;
  start: number;
  end: number;
  ruleId?: string;
  /** index into the document's list for this kind (events: event index) */
  index: number;
  explain: () => Node[];
}

type Row = [string, string | number | boolean | null | undefined];

function rows(list: Row[]): HTMLElement {
  const dl = h('dl', { class: 'facts' });
  for (const [k, v] of list) if (v !== undefined && v !== null && v !== '') dl.append(h('dt', {}, k), h('dd', {}, String(v)));
  return dl;
}

function coords(lat: number | null | undefined, lon: number | null | undefined): string | null {
  return lat === null || lat === undefined || lon === null || lon === undefined ? null : `${lat.toFixed(4)}, ${lon.toFixed(4)}`;
}

/** Every finding of the document as a highlightable mark with its explanation. */
export function marks(doc: AnalysedDocument): Mark[] {
  const out: Mark[] = [];
  const add = (kind: Kind, index: number, span: { start: number; end: number; ruleId?: string }, explain: () => Node[]): void => {
    if (span.end > span.start && span.start >= 0 && span.end <= doc.text.length) out.push({ id: out.length, kind, index, start: span.start, end: span.end, ruleId: span.ruleId, explain });
  };
  const placeName = (id: string | null): string | null => (id ? doc.places.find((p) => p.id === id)?.name ?? id : null);
  const actorName = (id: string | null): string | null => (id ? doc.actors.find((a) => a.id === id)?.name ?? id : null);
  doc.places.forEach((p, i) => p.mentions.forEach((m) => add('place', i, m, () => [
    h('h3', {}, p.name), rows([['resolved to', p.id], ['kind', p.kind], ['country', p.country], ['region', p.region], ['coordinates', coords(p.lat, p.lon)],
      ['population', p.population], ['mentions here', p.mentions.length], ['rule', m.ruleId]]),
    link(`/search?place=${encodeURIComponent(p.id)}`, 'other documents mentioning it →')])));
  doc.actors.forEach((a, i) => {
    a.mentions.forEach((m) => add('actor', i, m, () => [h('h3', {}, a.name), rows([['resolved to', a.id], ['affiliation', a.affiliation], ['mentions here', a.mentions.length], ['labels here', a.labels.map((l) => l.label).join(', ')], ['rule', m.ruleId]]),
      link(`/search?actor=${encodeURIComponent(a.id)}`, 'other documents mentioning it →')]));
    a.labels.forEach((l) => add('label', i, l, () => [h('h3', {}, `Loaded label “${l.label}”`), rows([['names actor', `${a.name} (${a.id})`], ['label belongs to camp', l.camp], ['rule', l.ruleId]])]));
  });
  doc.persons.forEach((p, i) => p.mentions.forEach((m) => add('person', i, m, () => [h('h3', {}, p.name), rows([['resolved to', p.id], ['role', p.role], ['belongs to', actorName(p.actor ?? null)], ['rule', m.ruleId]])])));
  doc.sourcesCited.forEach((c, i) => c.mentions.forEach((m) => add('source', i, m, () => [h('h3', {}, `Source cited: ${c.name}`), rows([['kind', c.kind], ['resolved to', c.id], ['country', c.country], ['rule', m.ruleId]])])));
  doc.claims.forEach((c, i) => add('claim', i, c, () => [h('h3', {}, `Claim: ${c.approx ? '≈ ' : ''}${c.value} ${c.counted}`),
    rows([['value', c.value], ['approximate', c.approx], ['counted', c.counted], ['attributed to', c.attributedTo ?? 'not attributed'], ['hedged', c.hedged], ['hedges', c.hedges?.join(', ')], ['rule', c.ruleId]]),
    link(`/claims?counted=${encodeURIComponent(c.counted)}`, 'other claims counting the same →')]));
  doc.events.forEach((e, i) => add('event', i, e, () => [h('h3', {}, `Event: ${e.type}`),
    rows([['sub-type', e.subType], ['cause', e.cause], ['agent', actorName(e.agent)], ['target', e.target === 'civilians' ? 'civilians' : actorName(e.target)], ['place', placeName(e.place)],
      ['date', e.date], ['fatalities', e.fatalities], ['civilians killed', e.civilianFatalities], ['children killed', e.childFatalities], ['women killed', e.womenFatalities],
      ['combatants killed', e.combatantFatalities], ['trigger', e.trigger ? doc.text.slice(e.trigger.start, e.trigger.end) : null], ['CAMEO root', e.cameo],
      ['geo precision', e.geoPrecision], ['time precision', e.timePrecision], ['rule', e.ruleId]]),
    e.clusterId ? link(`/events/${encodeURIComponent(e.clusterId)}`, 'the event dossier: every account side by side →') : h('p', { class: 'meta' }, 'not clustered with other accounts')]));
  doc.techniques.forEach((t, i) => add('technique', i, t, () => [h('h3', {}, t.technique.replace(/_/g, ' ')),
    h('p', { class: 'definition' }, TECHNIQUES[t.technique] ?? 'A propaganda technique.'), rows([['confidence', t.confidence?.toFixed(2)], ['rule', t.ruleId]]),
    link(`/search?technique=${encodeURIComponent(t.technique)}`, 'other documents using it →')]));
  doc.labels.forEach((l, i) => {
    if (doc.actors.some((a) => a.labels.some((x) => x.start === l.start && x.end === l.end))) return;
    add('label', i, l, () => [h('h3', {}, `Loaded label “${l.label}”`), rows([['label belongs to camp', l.camp], ['refers to', l.refersTo], ['in scare quotes', l.scareQuoted], ['rule', l.ruleId]])]);
  });
  return out;
}
