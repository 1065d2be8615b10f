// One dictionary per pack for every entity kind: gazetteer names, actor aliases (and the
// nationality × force-noun phrases derived from them), group words, epithets, person aliases,
// person titles and outlet names all go into a single token trie, so a document is scanned
// once for all of them. Built once per pack (pack.memo) and cached on disk across processes and
// worker threads (lexicon-cache.ts): only the trie is rebuilt from the cached phrase list.
import type { Pack } from '../../../packs/loader.js';
import { TokenTrie, type CaseRule } from '../../../match/trie.js';
import { phraseKey } from '../../../match/normalise.js';
import { buildGazetteer, caseRuleFor, type Gazetteer } from '../../../gazetteer/index.js';
import { commonWords, firstNameWords, useCommonWords } from '../../../gazetteer/geonames.js';
import { cachedLexicon, type LexiconData, type TrieInput } from './lexicon-cache.js';
import { buildSkeletons } from './fuzzy-places.js';
import { entitySections, type ActorSpec, type EpithetSpec, type GroupWordSpec, type NationalitySpec, type OutletSpec, type PersonSpec } from './sections.js';

export type Hit =
  | { t: 'place'; i: number }
  | { t: 'actor'; id: string }
  | { t: 'group'; g: number }
  | { t: 'epithet'; e: number }
  | { t: 'person'; id: string }
  | { t: 'title'; role: string }
  | { t: 'outlet'; id: string }
  | { t: 'cue-before' }
  /** a phrase that contains a name but is no entity ("North America"): matched only to hide it */
  | { t: 'block' }
  | { t: 'cue-after' };

export interface Lexicon {
  trie: TokenTrie<Hit>;
  gaz: Gazetteer;
  actors: Map<string, ActorSpec>;
  groups: GroupWordSpec[];
  epithets: EpithetSpec[];
  nationalities: NationalitySpec[];
  persons: Map<string, PersonSpec>;
  outlets: Map<string, OutletSpec>;
  /** normalised verbs that make a country or capital an agent */
  agentVerbs: Set<string>;
  /** normalised first names (compromise lexicon + pack) */
  firstNames: Set<string>;
  /** normalised keys of `after` attribution cues, single and multi-word */
  afterCues: Set<string>;
  /** gazetteer indexes of capitals (GeoNames PPLC and the nationalities' capitals) */
  capitals: Set<number>;
  focusCountries: string[];
  /** country code → English country name */
  countryNames: Map<string | null, string>;
  /** consonant skeletons of focus-country place names (fuzzy-places.ts) */
  skeletons: Map<string, number[]>;
  /** per gazetteer place: `${country}|${region}` and `${country}.${admin1}` (built once, not per mention) */
  regionKeys: string[];
  adminKeys: string[];
}

function actorCase(alias: string): CaseRule {
  const rule = caseRuleFor(alias);
  return rule === 'cap' ? 'first' : rule;
}

export function lexicon(pack: Pack): Lexicon {
  return pack.memo('entities:lexicon', () => {
    const data = cachedLexicon(pack, () => buildLexicon(pack));
    useCommonWords(data.commonWords);
    const trie = new TokenTrie<Hit>(true);
    for (const [phrase, hit, rule] of data.phrases) trie.add(phrase, hit, rule);
    const { phrases: _phrases, commonWords: _words, ...rest } = data;
    const regionKeys = data.gaz.places.map((p) => `${p.country}|${p.region}`);
    const adminKeys = data.gaz.places.map((p) => `${p.country}.${p.admin1}`);
    return { ...rest, trie, regionKeys, adminKeys };
  });
}

/** the lexicon built from scratch (exported for the cache test) */
export function buildLexicon(pack: Pack): LexiconData {
  const s = entitySections(pack);
  const phrases: TrieInput[] = [];
  const trie = { add: (phrase: string, hit: Hit, rule: CaseRule = 'any'): void => void phrases.push([phrase, hit, rule]) };
  const pl = s.places;
  const gaz = buildGazetteer({
    pack: pack.name,
    focusCountries: pl?.focusCountries ?? pack.manifest.countries.slice(0, 1),
    nearCountries: pl?.nearCountries ?? pack.manifest.countries,
    regions: pl?.regions ?? [],
    places: pl?.places ?? [],
    stopwords: pl?.stopwords ?? [],
  });
  for (const n of gaz.names) trie.add(n.phrase, { t: 'place', i: n.place }, n.caseRule);
  for (const b of pl?.notPlaces ?? []) trie.add(b, { t: 'block' }, 'first');

  const a = s.actors;
  const actors = new Map((a?.actors ?? []).map((x) => [x.id, x]));
  for (const x of actors.values()) for (const al of new Set([x.name, ...x.aliases, ...(x.renamings ?? []).map((r) => r.name)])) trie.add(al, { t: 'actor', id: x.id }, actorCase(al));
  const nationalities = a?.nationalities ?? [];
  for (const n of nationalities) {
    for (const adj of n.adjectives) {
      // the adjective must be capitalised ("US forces", not "us forces"); the noun may be in any case
      const rule: CaseRule = /\p{Lu}/u.test(adj) ? 'first' : 'any';
      for (const noun of a?.militaryNouns ?? []) trie.add(`${adj} ${noun}`, { t: 'actor', id: n.military }, rule);
      for (const noun of a?.governmentNouns ?? []) trie.add(`${adj} ${noun}`, { t: 'actor', id: n.government }, rule);
      if (n.proxies) for (const noun of a?.proxyNouns ?? []) trie.add(`${adj}-backed ${noun}`, { t: 'actor', id: n.proxies }, rule);
    }
  }
  // "Syria's army", "Syrias government" (apostrophe-less text), "Russia's military"
  const countryNames = new Map(gaz.places.filter((x) => x.kind === 'country').map((x) => [x.country, x.name]));
  for (const n of nationalities) {
    const cn = countryNames.get(n.country);
    if (!cn) continue;
    for (const form of [`${cn}'s`, `${cn}s`]) {
      for (const noun of a?.militaryNouns ?? []) trie.add(`${form} ${noun}`, { t: 'actor', id: n.military }, 'first');
      for (const noun of a?.governmentNouns ?? []) trie.add(`${form} ${noun}`, { t: 'actor', id: n.government }, 'first');
    }
  }
  const capitals = new Set<number>(gaz.capitals.values());
  const capitalNames = new Set(nationalities.map((n) => n.capital).filter(Boolean));
  for (const nm of gaz.names) if (capitalNames.has(nm.phrase)) capitals.add(nm.place);
  const groups = a?.groupWords ?? [];
  groups.forEach((g, gi) => g.words.forEach((w) => trie.add(w, { t: 'group', g: gi }, caseRuleFor(w) === 'exact' ? 'exact' : 'any')));
  const epithets = a?.epithets ?? [];
  epithets.forEach((e, ei) => e.forms.forEach((f) => trie.add(f, { t: 'epithet', e: ei }, caseRuleFor(f) === 'exact' ? 'exact' : 'any')));

  const p = s.persons;
  const persons = new Map((p?.persons ?? []).map((x) => [x.id, x]));
  for (const x of persons.values()) for (const al of new Set([x.name, ...x.aliases])) trie.add(al, { t: 'person', id: x.id }, caseRuleFor(al));
  for (const [role, titles] of Object.entries(p?.titles ?? {})) for (const t of titles) trie.add(t, { t: 'title', role }, caseRuleFor(t) === 'exact' ? 'exact' : 'any');

  const o = s.outlets;
  const outlets = new Map((o?.outlets ?? []).map((x) => [x.id, x]));
  for (const x of outlets.values()) for (const al of new Set([x.name, ...x.aliases])) trie.add(al, { t: 'outlet', id: x.id }, actorCase(al));
  for (const c of o?.attribution?.before ?? []) trie.add(c, { t: 'cue-before' }, 'any');
  const afterCues = new Set((o?.attribution?.after ?? []).map((c) => phraseKey(c)));

  const firstNames = new Set<string>((p?.firstNames ?? []).map((n) => phraseKey(n)));
  for (const w of firstNameWords()) firstNames.add(w);
  return {
    phrases, commonWords: commonWords(), gaz, actors, countryNames, groups, epithets, nationalities, persons, outlets,
    agentVerbs: new Set((a?.agentVerbs ?? []).map((v) => phraseKey(v))),
    firstNames,
    afterCues,
    capitals,
    focusCountries: pl?.focusCountries ?? [],
    skeletons: buildSkeletons(gaz),
  };
}

