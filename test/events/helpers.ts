// Hand-built documents for the events and claims tests: places and actors are placed by
// searching their names in the text, so the tests do not depend on the entity analysers.
import type { ActorFinding, AnalysedDocument, PlaceFinding, PlaceKind, Span } from '../../src/core/types.js';
import { emptyFindings } from '../../src/core/types.js';
import { sentenceSpans } from '../../src/core/text.js';
import { loadPack } from '../../src/packs/loader.js';
import type { AnalysisContext } from '../../src/analyse/analyser.js';
import { claimsAnalyser } from '../../src/analyse/analysers/claims/index.js';
import { eventsAnalyser } from '../../src/analyse/analysers/events/index.js';

function spansOf(text: string, needle: string): Span[] {
  const out: Span[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) out.push({ start: i, end: i + needle.length });
  return out;
}

export interface PlaceSpec { id: string; names: string[]; kind: PlaceKind; region?: string; country?: string }
export interface ActorSpec { id: string; names: string[]; affiliation: string }

export function makeDoc(text: string, published: string | null, places: PlaceSpec[] = [], actors: ActorSpec[] = []): AnalysedDocument {
  const doc: AnalysedDocument = {
    id: 'test', source: 'test', externalId: null, outlet: 'test', title: null, published,
    languages: [{ lang: 'en', share: 1 }], text, segments: [], ...emptyFindings(),
  };
  for (const p of places) {
    const f: PlaceFinding = { id: p.id, name: p.names[0] ?? p.id, country: p.country ?? 'SY', kind: p.kind, lat: 35, lon: 38, region: p.region ?? null, mentions: p.names.flatMap((n) => spansOf(text, n)) };
    if (f.mentions.length) doc.places.push(f);
  }
  for (const a of actors) {
    const f: ActorFinding = { id: a.id, name: a.names[0] ?? a.id, affiliation: a.affiliation, mentions: a.names.flatMap((n) => spansOf(text, n)), labels: [] };
    if (f.mentions.length) doc.actors.push(f);
  }
  return doc;
}

export function analyse(doc: AnalysedDocument): AnalysedDocument {
  let sentences: Span[] | undefined;
  const ctx: AnalysisContext = { doc, pack: loadPack('syria'), sentences: () => (sentences ??= sentenceSpans(doc.text)) };
  claimsAnalyser.run(ctx);
  eventsAnalyser.run(ctx);
  return doc;
}

export const golden = (doc: AnalysedDocument, spans: (Span & { ruleId?: string })[]): string[] =>
  spans.map((s) => `${s.start}-${s.end} ${s.ruleId ?? ''} "${doc.text.slice(s.start, s.end)}"`);

export const PLACES: PlaceSpec[] = [
  { id: 'p:aleppo', names: ['Aleppo'], kind: 'city', region: 'Aleppo' },
  { id: 'p:idlib-province', names: ['Idlib province'], kind: 'region', region: 'Idlib' },
  { id: 'p:khan-sheikhoun', names: ['Khan Sheikhoun'], kind: 'town', region: 'Idlib' },
  { id: 'p:raqqa', names: ['Raqqa'], kind: 'city', region: 'Raqqa' },
  { id: 'p:douma', names: ['Douma'], kind: 'town', region: 'Rif Dimashq' },
  { id: 'p:syria', names: ['Syria'], kind: 'country' },
];

export const ACTORS: ActorSpec[] = [
  { id: 'syrian-arab-army', names: ['Syrian army', 'government forces'], affiliation: 'syrian_government_and_allies' },
  { id: 'russian-military', names: ['Russian warplanes', 'Russian jets'], affiliation: 'syrian_government_and_allies' },
  { id: 'isis', names: ['Islamic State', 'ISIS'], affiliation: 'jihadist' },
  { id: 'hts', names: ['Nusra Front'], affiliation: 'jihadist' },
  { id: 'fsa', names: ['Free Syrian Army', 'rebels'], affiliation: 'syrian_opposition' },
  { id: 'us-led-coalition', names: ['US-led coalition', 'coalition'], affiliation: 'us_and_allies' },
  { id: 'ypg', names: ['YPG', 'Kurdish fighters'], affiliation: 'kurdish' },
];
