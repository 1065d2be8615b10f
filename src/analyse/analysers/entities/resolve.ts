// Runs the entity resolvers once per document in dependency order (places hand metonyms to
// actors; sources need actor and person mentions) and caches the result, so the four entity
// analysers can each copy their part without repeating work.
import type { AnalysisContext } from '../../analyser.js';
import type { ActorFinding, AnalysedDocument, PersonFinding, PlaceFinding, SourceCitedFinding } from '../../../core/types.js';
import { scanDocument } from './scan.js';
import { resolvePlaces } from './resolve-places.js';
import { resolveActors } from './resolve-actors.js';
import { resolvePersons } from './resolve-persons.js';
import { resolveSources } from './resolve-sources.js';

export interface Entities {
  places: PlaceFinding[];
  actors: ActorFinding[];
  persons: PersonFinding[];
  sourcesCited: SourceCitedFinding[];
}

const cache = new WeakMap<AnalysedDocument, { text: string; result: Entities }>();

export function entities(ctx: AnalysisContext): Entities {
  const hit = cache.get(ctx.doc);
  if (hit && hit.text === ctx.doc.text) return hit.result;
  const scan = scanDocument(ctx);
  const places = resolvePlaces(scan);
  const actors = resolveActors(scan, places.metonyms);
  const persons = resolvePersons(scan);
  const names = new Map(actors.actors.map((a) => [a.id, a.name]));
  const personNames = new Map(persons.persons.map((p) => [p.id, p.name]));
  const sourcesCited = resolveSources(scan, actors.mentions, persons.mentions, names, personNames);
  const result = { places: places.places, actors: actors.actors, persons: persons.persons, sourcesCited };
  cache.set(ctx.doc, { text: ctx.doc.text, result });
  return result;
}
