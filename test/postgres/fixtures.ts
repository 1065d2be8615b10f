// Hand-built analysed documents for the store parity tests: English, Russian, and one with an
// emoji (a surrogate pair) and a U+0000 before its findings, so offsets are tested past both.
import type { AnalysedDocument } from '../../src/core/types.js';
import { analysed } from '../helpers.js';

const span = (text: string, needle: string, ruleId: string, from = 0): { start: number; end: number; ruleId: string } => {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`fixture: "${needle}" not in text`);
  return { start, end: start + needle.length, ruleId };
};

const ALEPPO = { id: 'geonames:170063', name: 'Aleppo', country: 'SY', kind: 'city' as const, lat: 36.2, lon: 37.16, region: 'Aleppo' };
const IDLIB = { id: 'geonames:169389', name: 'Idlib', country: 'SY', kind: 'city' as const, lat: 35.93, lon: 36.63, region: 'Idlib' };
const ARMY = { id: 'actor:syrian-army', name: 'Syrian Arab Army', affiliation: 'syrian_government_and_allies' };

export function fixtureDocuments(): AnalysedDocument[] {
  const t1 = 'Shelling hit eastern Aleppo on Monday. At least 12 civilians were killed, activists said. The Syrian army denied it.';
  const d1 = analysed(t1, {
    title: 'Shelling in Aleppo', outlet: 'Wire A', published: '2016-12-12',
    places: [{ ...ALEPPO, mentions: [span(t1, 'Aleppo', 'place-gazetteer')] }],
    actors: [{ ...ARMY, mentions: [span(t1, 'Syrian army', 'actor-alias')], labels: [] }],
    claims: [{ ...span(t1, 'At least 12 civilians were killed, activists said', 'claim-number'), value: 12, approx: true, counted: 'civilians', attributedTo: 'activists', hedged: true }],
    events: [{ ...span(t1, 'Shelling hit eastern Aleppo', 'event-trigger'), type: 'Explosions/Remote violence', subType: 'Shelling/artillery/missile attack',
      cause: 'shelling', agent: null, target: 'civilians', place: ALEPPO.id, date: '2016-12-12', fatalities: 12, civilianFatalities: 12, childFatalities: null }],
    stance: { camp: 'neutral', confidence: 0.8, evidence: [] },
  });

  const t2 = 'Армия освободила Алеппо от боевиков. Rebel fighters left Aleppo after the army advanced; 40 gunmen surrendered.';
  const d2 = analysed(t2, {
    title: 'Освобождение Алеппо', outlet: 'SANA', published: '2016-12-22',
    languages: [{ lang: 'ru', share: 0.5 }, { lang: 'en', share: 0.5 }],
    places: [{ ...ALEPPO, mentions: [span(t2, 'Алеппо', 'place-gazetteer'), span(t2, 'Aleppo', 'place-gazetteer')] }],
    actors: [{ ...ARMY, mentions: [span(t2, 'army', 'actor-alias')], labels: [{ ...span(t2, 'боевиков', 'label-lexicon'), label: 'militants', camp: 'pro_syrian_government' }] }],
    claims: [{ ...span(t2, '40 gunmen surrendered', 'claim-number'), value: 40, approx: false, counted: 'fighters', attributedTo: null, hedged: false }],
    events: [{ ...span(t2, 'Rebel fighters left Aleppo', 'event-trigger'), type: 'Battles', subType: 'Government regains territory', cause: null,
      agent: ARMY.id, target: 'actor:rebels', place: ALEPPO.id, date: '2016-12-22', fatalities: null, civilianFatalities: null, childFatalities: null }],
    techniques: [{ ...span(t2, 'освободила', 'technique-lexicon'), technique: 'Loaded_Language', confidence: 0.9 }],
    stance: { camp: 'pro_syrian_government', confidence: 0.7, evidence: [] },
  });

  const t3 = 'Live 🔴 report\u0000 from Idlib: two civilians were hurt when the Syrian army shelled a market.';
  const d3 = analysed(t3, {
    title: null, outlet: 'Forum', published: '2018-03',
    places: [{ ...IDLIB, mentions: [span(t3, 'Idlib', 'place-gazetteer')] }],
    actors: [{ ...ARMY, mentions: [span(t3, 'Syrian army', 'actor-alias')], labels: [] }],
    claims: [{ ...span(t3, 'two civilians were hurt', 'claim-number'), value: 2, approx: false, counted: 'injured', attributedTo: null, hedged: false }],
    events: [{ ...span(t3, 'the Syrian army shelled a market', 'event-trigger'), type: 'Explosions/Remote violence', subType: 'Shelling/artillery/missile attack',
      cause: 'shelling', agent: ARMY.id, target: 'civilians', place: IDLIB.id, date: '2018-03', fatalities: 0, civilianFatalities: null, childFatalities: null }],
    stance: { camp: 'pro_opposition', confidence: 0.6, evidence: [] },
  });
  return [d1, d2, d3];
}
