// Transliteration-tolerant place matching for the pack's focus countries. Arabic place names
// reach English text in many spellings (Taduf / Tādif, Maaret Masrin / Ma‘arratmişrīn, Khan
// Arnabeh / Khān Arnabah, Quaryatayn / Al Qaryatayn) that no alias list can enumerate. Names are
// compared by their consonant skeleton (article, vowels, semi-vowels, doubled letters and a final
// h dropped), and only for capitalised words the dictionary did not match, that are not ordinary
// English words, and that stand in a place context ("the village of X", "in X", "X countryside").
// Hand-written: no library does Arabic-transliteration skeleton matching.
import { isCommonWord } from '../../../gazetteer/geonames.js';
import type { Gazetteer } from '../../../gazetteer/index.js';
import { gap, type Scan } from './scan.js';

const ARTICLE_WORD = /^(al|el|ar|as|ad|an|at|az|ash|ath|ad|ed|es|ez|er|et|en)$/;
const ATTACHED_ARTICLE = /^(al|el)(?=[a-z]{4})/;
const FIRST_ARTICLE = /^(al|el|ar|as|ad|an|at|az|ash|ath)(?=[a-z]{3})/;

/**
 * The consonant skeleton of a transliterated Arabic name, the same for "Deir ez-Zor", "Dayr
 * az-Zawr", "Deir Ezour" and "Deir Ezzor": article words (al-, el-, ad-, ar-, ez- …) and an article
 * written onto the word ("Almehemdiya") dropped, digraphs folded (ou/u, ph/f, dh/d, gh/g, ch/sh,
 * dj/j, th/t, q/k), vowels and semi-vowels (a e i o u y w, so ee/i and Dayr/Deir meet) and doubled
 * letters removed, and a final h dropped (-ah/-eh/-a endings meet).
 */
export function skeleton(name: string): string {
  const s = name.normalize('NFKD').replace(/[^A-Za-z\s-]/g, '').toLowerCase();
  const words = s.split(/[\s-]+/).filter(Boolean);
  const dropped = consonants(words.map((w, i) => (i < words.length - 1 && ARTICLE_WORD.test(w) ? '' : w.replace(ATTACHED_ARTICLE, ''))).join(''));
  // a middle article is kept when dropping it leaves too little ("Ain al-Arab" must not become "Nayrab")
  return dropped.length >= 4 || words.length < 2 ? dropped : consonants(words.map((w) => w.replace(ATTACHED_ARTICLE, '')).join(''));
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'w']);
// two-letter spellings of one consonant: ph/f, dh/d, gh/g, ch/sh, dj/j, th/t, ck/k
const DIGRAPHS = new Map([['ph', 'f'], ['dh', 'd'], ['gh', 'g'], ['ch', 'sh'], ['dj', 'j'], ['th', 't'], ['ck', 'k']]);

/** one pass: digraphs folded, q as k, vowels and semi-vowels dropped, doubled letters merged, final h dropped */
function consonants(word: string): string {
  const s = word.replace(FIRST_ARTICLE, '');
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (VOWELS.has(c)) continue;
    const d = i + 1 < s.length ? DIGRAPHS.get(c + s[i + 1]) : undefined;
    const emit = d ?? (c === 'q' ? 'k' : c);
    if (d !== undefined) i++;
    for (const e of emit) if (out[out.length - 1] !== e) out += e;
  }
  return out.endsWith('h') ? out.slice(0, -1) : out;
}

export function buildSkeletons(gaz: Gazetteer): Map<string, number[]> {
  const index = new Map<string, number[]>();
  gaz.places.forEach((p, i) => {
    if (!p.focus || p.kind === 'country' || p.kind === 'region') return;
    const k = skeleton(p.name);
    if (k.length < 3) return;
    const list = index.get(k) ?? [];
    if (!list.includes(i)) list.push(i);
    index.set(k, list);
  });
  for (const n of gaz.names) {
    const p = gaz.places[n.place];
    if (!p.focus || p.kind === 'country' || p.kind === 'region') continue;
    const k = skeleton(n.phrase);
    if (k.length < 3) continue;
    const list = index.get(k) ?? [];
    if (!list.includes(n.place)) list.push(n.place);
    index.set(k, list);
  }
  return index;
}

const CUE_BEFORE = new Set(['village', 'villages', 'town', 'towns', 'city', 'area', 'of', 'in', 'near', 'outside', 'around', 'at', 'from', 'into', 'toward', 'towards', 'between']);
const CUE_AFTER = new Set(['village', 'town', 'city', 'area', 'countryside', 'neighborhood', 'neighbourhood', 'district', 'region', 'province']);

export interface FuzzyHit {
  tokenStart: number;
  tokenEnd: number;
  candidates: number[];
  /** found without a place cue: only towns large or curated enough to stand alone */
  bare: boolean;
  /** skeleton long enough to trust outside the regions the document names */
  long: boolean;
}

const skeletonCache = new Map<string, string>();
function cachedSkeleton(s: string): string {
  let k = skeletonCache.get(s);
  if (k === undefined) {
    k = skeleton(s);
    if (skeletonCache.size < 50_000) skeletonCache.set(s, k);
  }
  return k;
}
/** a bare capitalised word is taken for a respelled place only when the place is a big or curated town */
export const BARE_MIN_POPULATION = 100_000;
/** shorter skeletons ("Qusour" qsr, "Kurd" krd) are too ambiguous outside a region the text names */
export const BARE_MIN_SKELETON = 4;

/** Unmatched capitalised runs in a place context whose skeleton names a focus-country place. */
export function fuzzyPlaces(scan: Scan, index: Map<string, number[]>): FuzzyHit[] {
  const { tokens } = scan;
  const places = scan.lex.gaz.places;
  const standsAlone = (i: number): boolean => places[i].population >= BARE_MIN_POPULATION;
  const out: FuzzyHit[] = [];
  const cheap = (i: number): boolean => i < tokens.length && tokens[i].cap && !tokens[i].upper && scan.matchAt[i] < 0;
  const usable = (i: number): boolean =>
    cheap(i) && !/\d/.test(tokens[i].norm) && !isCommonWord(tokens[i].norm) && !scan.lex.firstNames.has(tokens[i].norm);
  const runOk = (i: number, n: number): boolean => {
    for (let k = 0; k < n; k++) if (!usable(i + k) || (k > 0 && !/^[\s-]+$/.test(gap(scan, i + k - 1, i + k)))) return false;
    return true;
  };
  for (let i = 0; i < tokens.length; i++) {
    if (!cheap(i)) continue;
    const prev = tokens[i - 1];
    const ctxBefore = prev !== undefined && CUE_BEFORE.has(prev.norm) && !/[.!?\n;:]/.test(gap(scan, i - 1, i));
    if (!usable(i)) continue;
    for (let n = 3; n >= 1; n--) {
      if (!runOk(i, n)) continue;
      const next = tokens[i + n];
      const ctxAfter = next && CUE_AFTER.has(next.norm);
      const key = cachedSkeleton(scan.text.slice(tokens[i].start, tokens[i + n - 1].end));
      if (key.length < 3) continue;
      const candidates = index.get(key);
      if (!candidates) continue;
      const bare = !ctxBefore && !ctxAfter;
      if (bare && !(key.length >= BARE_MIN_SKELETON && candidates.some(standsAlone))) continue;
      out.push({ tokenStart: i, tokenEnd: i + n, candidates, bare, long: key.length >= BARE_MIN_SKELETON });
      i += n - 1;
      break;
    }
  }
  return out;
}
