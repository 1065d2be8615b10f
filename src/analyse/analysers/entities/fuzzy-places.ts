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

const ARTICLE = /^(al|el|ar|as|ad|an|at|az|ash|ath)(?=[a-z]{3})/;

export function skeleton(name: string): string {
  let s = name.normalize('NFKD').replace(/[^A-Za-z\s-]/g, '').toLowerCase();
  s = s.split(/[\s-]+/).filter(Boolean).map((w, i, all) => (i === 0 && all.length > 1 && /^(al|el|ar|as|ad|an|at|az|ash|ath)$/.test(w) ? '' : w)).join('');
  s = s.replace(ARTICLE, '');
  s = s.replace(/ou/g, 'u').replace(/ph/g, 'f').replace(/dh/g, 'd').replace(/gh/g, 'g');
  s = s.replace(/[aeiouyw]/g, '').replace(/(.)\1+/g, '$1').replace(/h$/, '');
  return s;
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
}

/** Unmatched capitalised runs in a place context whose skeleton names a focus-country place. */
export function fuzzyPlaces(scan: Scan, index: Map<string, number[]>): FuzzyHit[] {
  const { tokens } = scan;
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
    if (!ctxBefore && !(CUE_AFTER.has(tokens[i + 1]?.norm) || CUE_AFTER.has(tokens[i + 2]?.norm) || CUE_AFTER.has(tokens[i + 3]?.norm))) continue;
    if (!usable(i)) continue;
    for (let n = 3; n >= 1; n--) {
      if (!runOk(i, n)) continue;
      const next = tokens[i + n];
      const ctxAfter = next && CUE_AFTER.has(next.norm);
      if (!ctxBefore && !ctxAfter) continue;
      const key = skeleton(scan.text.slice(tokens[i].start, tokens[i + n - 1].end));
      if (key.length < 3) continue;
      const candidates = index.get(key);
      if (!candidates) continue;
      out.push({ tokenStart: i, tokenEnd: i + n, candidates });
      i += n - 1;
      break;
    }
  }
  return out;
}
