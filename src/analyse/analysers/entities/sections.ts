// Schemas of the four pack sections the entity analysers own (places, actors, persons,
// outlets), registered so `npm run check:packs` validates them, plus the cross-checks a schema
// cannot express (affiliations from pack.yaml, parent and person→actor references).
import type { Pack } from '../../../packs/loader.js';
import { readSection, registerSection } from '../../../packs/sections.js';
import type { CuratedPlace, RegionSpec } from '../../../gazetteer/index.js';

const strings = { type: 'array', items: { type: 'string' } } as const;
const nullableString = { type: ['string', 'null'] } as const;

export interface PlacesSection {
  focusCountries: string[];
  nearCountries?: string[];
  regions?: RegionSpec[];
  places?: CuratedPlace[];
  stopwords?: string[];
  /** phrases that contain a place name but name no place of their own ("North America") */
  notPlaces?: string[];
}

export interface ActorSpec {
  id: string; name: string; affiliation: string; parent?: string; aliases: string[];
  /** what the actor is when cited as a source: ngo, ministry, government, ... (derived when absent) */
  kind?: string;
  renamings?: { name: string; from?: string; until?: string }[];
}
/** proxies: the actor "<adjective>-backed forces/rebels/..." names ("Turkish-backed rebels") */
export interface NationalitySpec { country: string; adjectives: string[]; military: string; government: string; capital?: string; proxies?: string }
/** near: affiliations whose last-mentioned actor a bare group word refers to; "military" and
 * "government" mean the state actors of `nationalities`; an actor id means that actor, looked
 * for anywhere earlier in the document ("the Coalition" after "the Syrian Coalition") */
export interface GroupWordSpec { words: string[]; default: string; near: string[] }
/** fixed: the epithet always names its default actor unless written next to another ("regime") */
export interface EpithetSpec { label: string; forms: string[]; camp: string | null; targets: string[]; default: string | null; fixed?: boolean }
export interface ActorsSection {
  actors: ActorSpec[];
  nationalities?: NationalitySpec[];
  militaryNouns?: string[];
  governmentNouns?: string[];
  proxyNouns?: string[];
  agentVerbs?: string[];
  groupWords?: GroupWordSpec[];
  epithets?: EpithetSpec[];
}

export interface PersonSpec { id: string; name: string; role: string | null; actor?: string | null; aliases: string[] }
export interface PersonsSection { persons: PersonSpec[]; titles?: Record<string, string[]>; firstNames?: string[] }

export interface OutletSpec { id: string; name: string; kind: string; country: string | null; ownership?: string; aliases: string[] }
export interface OutletsSection { outlets: OutletSpec[]; attribution?: { before?: string[]; after?: string[] } }

const kinds = { enum: ['country', 'region', 'city', 'town', 'site'] };

export const placesSpec = registerSection({
  file: 'places',
  required: false,
  schema: {
    type: 'object', required: ['focusCountries'], additionalProperties: false,
    properties: {
      focusCountries: strings, nearCountries: strings, stopwords: strings, notPlaces: strings,
      regions: { type: 'array', items: { type: 'object', required: ['id', 'name', 'region', 'country', 'lat', 'lon'], additionalProperties: false,
        properties: { id: { type: 'string' }, name: { type: 'string' }, region: { type: 'string' }, country: { type: 'string' }, admin1: { type: 'string' }, lat: { type: 'number' }, lon: { type: 'number' }, kind: kinds, aliases: strings } } },
      places: { type: 'array', items: { type: 'object', required: ['aliases'], additionalProperties: false,
        properties: { geonames: { type: 'integer' }, id: { type: 'string' }, name: { type: 'string' }, kind: kinds, country: nullableString, region: { type: 'string' }, lat: { type: 'number' }, lon: { type: 'number' }, aliases: strings },
        anyOf: [{ required: ['geonames'] }, { required: ['id', 'name', 'lat', 'lon', 'country'] }] } },
    },
  },
  check(pack) {
    const s = readSection<PlacesSection>(pack, placesSpec);
    const problems: string[] = [];
    const ids = new Set<string>();
    for (const p of s?.places ?? []) {
      const key = p.id ?? String(p.geonames);
      if (ids.has(key)) problems.push(`place ${key} listed twice`);
      ids.add(key);
    }
    return problems;
  },
});

export const actorsSpec = registerSection({
  file: 'actors',
  required: false,
  schema: {
    type: 'object', required: ['actors'], additionalProperties: false,
    properties: {
      actors: { type: 'array', items: { type: 'object', required: ['id', 'name', 'affiliation', 'aliases'], additionalProperties: false,
        properties: { id: { type: 'string', pattern: '^[a-z0-9-]+$' }, name: { type: 'string' }, affiliation: { type: 'string' }, kind: { type: 'string' }, parent: { type: 'string' }, aliases: strings,
          renamings: { type: 'array', items: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, from: { type: 'string' }, until: { type: 'string' } } } } } } },
      nationalities: { type: 'array', items: { type: 'object', required: ['country', 'adjectives', 'military', 'government'], properties: { country: { type: 'string' }, adjectives: strings, military: { type: 'string' }, government: { type: 'string' }, capital: { type: 'string' }, proxies: { type: 'string' } } } },
      militaryNouns: strings, governmentNouns: strings, proxyNouns: strings, agentVerbs: strings,
      groupWords: { type: 'array', items: { type: 'object', required: ['words', 'default', 'near'], properties: { words: strings, default: { type: 'string' }, near: strings } } },
      epithets: { type: 'array', items: { type: 'object', required: ['label', 'forms', 'camp', 'targets', 'default'], properties: { label: { type: 'string' }, fixed: { type: 'boolean' }, forms: strings, camp: nullableString, targets: strings, default: nullableString } } },
    },
  },
  check(pack) {
    const s = readSection<ActorsSection>(pack, actorsSpec);
    if (!s) return [];
    const problems: string[] = [];
    const ids = new Set(s.actors.map((a) => a.id));
    const affs = new Set(pack.manifest.affiliations);
    const camps = new Set(pack.manifest.camps);
    const seen = new Map<string, string>();
    for (const a of s.actors) {
      if (!affs.has(a.affiliation)) problems.push(`actor ${a.id}: affiliation "${a.affiliation}" is not in pack.yaml affiliations`);
      if (a.parent && !ids.has(a.parent)) problems.push(`actor ${a.id}: unknown parent "${a.parent}"`);
      for (const al of a.aliases) {
        const prev = seen.get(al);
        if (prev && prev !== a.id) problems.push(`alias "${al}" used by both ${prev} and ${a.id}`);
        seen.set(al, a.id);
      }
    }
    const ref = (where: string, id: string | null | undefined): void => { if (id && !ids.has(id)) problems.push(`${where}: unknown actor "${id}"`); };
    for (const n of s.nationalities ?? []) { ref(`nationality ${n.country}`, n.military); ref(`nationality ${n.country}`, n.government); ref(`nationality ${n.country}`, n.proxies); }
    for (const g of s.groupWords ?? []) {
      ref(`group word ${g.words[0]}`, g.default);
      for (const n of g.near) if (n !== 'military' && n !== 'government' && !affs.has(n) && !ids.has(n)) problems.push(`group word ${g.words[0]}: near "${n}" is neither an affiliation nor an actor`);
    }
    for (const e of s.epithets ?? []) {
      ref(`epithet ${e.label}`, e.default);
      if (e.camp !== null && !camps.has(e.camp)) problems.push(`epithet ${e.label}: camp "${e.camp}" is not in pack.yaml camps`);
      for (const t of e.targets) if (!affs.has(t)) problems.push(`epithet ${e.label}: target "${t}" is not an affiliation`);
    }
    return problems;
  },
});

export const personsSpec = registerSection({
  file: 'persons',
  required: false,
  schema: {
    type: 'object', required: ['persons'], additionalProperties: false,
    properties: {
      persons: { type: 'array', items: { type: 'object', required: ['id', 'name', 'role', 'aliases'], additionalProperties: false,
        properties: { id: { type: 'string', pattern: '^[a-z0-9-]+$' }, name: { type: 'string' }, role: nullableString, actor: nullableString, aliases: strings } } },
      titles: { type: 'object', additionalProperties: strings },
      firstNames: strings,
    },
  },
  check(pack) {
    const s = readSection<PersonsSection>(pack, personsSpec);
    const actors = readSection<ActorsSection>(pack, actorsSpec);
    const ids = new Set((actors?.actors ?? []).map((a) => a.id));
    return (s?.persons ?? []).filter((p) => p.actor && !ids.has(p.actor)).map((p) => `person ${p.id}: unknown actor "${p.actor}"`);
  },
});

export const outletsSpec = registerSection({
  file: 'outlets',
  required: false,
  schema: {
    type: 'object', required: ['outlets'], additionalProperties: false,
    properties: {
      outlets: { type: 'array', items: { type: 'object', required: ['id', 'name', 'kind', 'country', 'aliases'], additionalProperties: false,
        properties: { id: { type: 'string', pattern: '^[a-z0-9-]+$' }, name: { type: 'string' }, kind: { type: 'string' }, country: nullableString, ownership: { type: 'string' }, aliases: strings } } },
      attribution: { type: 'object', properties: { before: strings, after: strings } },
    },
  },
});

export function entitySections(pack: Pack): { places?: PlacesSection; actors?: ActorsSection; persons?: PersonsSection; outlets?: OutletsSection } {
  return {
    places: readSection<PlacesSection>(pack, placesSpec),
    actors: readSection<ActorsSection>(pack, actorsSpec),
    persons: readSection<PersonsSection>(pack, personsSpec),
    outlets: readSection<OutletsSection>(pack, outletsSpec),
  };
}
