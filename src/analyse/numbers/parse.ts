// Finds numbers in text: digits (8,461; 1.5 million; 14th), English and Russian number words
// ("four million", "две тысячи"), and vague numerals ("tens of thousands", "half a million")
// valued at their lower bound. Hand-written because no maintained JS library both parses
// number words in English and Russian and reports character offsets; the word lists are data
// (the pack's claims section), this module only compiles and combines them.
import type { Span } from '../../core/types.js';
import { escapeRegExp } from '../../core/text.js';
import { prefixGuard } from './prefix.js';
import { startScanner } from './word-starts.js';

export interface NumberWords {
  units: Record<string, number>;
  scales: Record<string, number>;
  ordinals: Record<string, number>;
  vague: Record<string, number>;
}

export interface NumberMatch extends Span {
  value: number;
  /** a vague numeral (hundreds, dozens): value is its lower bound */
  vague: boolean;
  ordinal: boolean;
  /** written in words rather than digits */
  words: boolean;
}

export interface NumberMatcher {
  re: RegExp;
  /** the matches of `re` in a string, found faster (see word-starts.ts) */
  scan: (s: string) => RegExpExecArray[];
  units: Map<string, number>;
  scales: Map<string, number>;
  ordinals: Map<string, number>;
  vague: Map<string, number>;
}

const L = '(?<![\\p{L}\\p{N}_])';
const R = '(?![\\p{L}\\p{N}_])';

function alternation(words: string[]): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRegExp(w).replace(/ /g, '\\s+'))
    .join('|');
}

function lowerMap(...records: Record<string, number>[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of records) for (const [k, v] of Object.entries(r)) m.set(k.toLowerCase(), v);
  return m;
}

/** Compile once per pack (callers memoise on the pack). */
export function compileNumbers(lexicons: NumberWords[]): NumberMatcher {
  const units = lowerMap(...lexicons.map((l) => l.units));
  const scales = lowerMap(...lexicons.map((l) => l.scales));
  const ordinals = lowerMap(...lexicons.map((l) => l.ordinals));
  const vague = lowerMap(...lexicons.map((l) => l.vague));
  const word = alternation([...units.keys(), ...scales.keys(), ...ordinals.keys()]);
  const scale = alternation([...scales.keys()]);
  const digits = `(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?`;
  const src =
    `${L}(?<vague>${alternation([...vague.keys()])})${R}` +
    `|(?<digits>${digits})(?<suffix>st|nd|rd|th)?(?:[\\s-](?<dscale>${scale})${R})?(?![\\p{L}_])` +
    `|${L}(?<words>(?:an?\\s+(?=(?:${scale})${R}))?(?:${word})(?:(?:\\s+and\\s+|[\\s-]+)(?:${word})${R})*)${R}`;
  // every match starts with a digit or with the first letters of a listed word ("a"/"an" before a scale)
  const guard = prefixGuard([...vague.keys(), ...units.keys(), ...scales.keys(), ...ordinals.keys(), 'a ', 'an'], ['\\d']);
  const re = new RegExp(guard ? `${guard}(?:${src})` : src, 'giu');
  // "a"/"an" only count before a scale word ("a hundred")
  const heads = [...vague.keys(), ...units.keys(), ...scales.keys(), ...ordinals.keys(), ...[...scales.keys()].flatMap((k) => [`a ${k}`, `an ${k}`])];
  return { re, scan: numberScanner(re, heads), units, scales, ordinals, vague };
}

/**
 * Matches of the number regex, tried only at digits and at word starts where a number word (or
 * "a " before a scale) begins: the regex cannot match anywhere else, so the result is the same.
 */
function numberScanner(re: RegExp, words: string[]): (s: string) => RegExpExecArray[] {
  return startScanner(re, words, { digits: true });
}

function wordsValue(m: NumberMatcher, phrase: string): { value: number; ordinal: boolean } | null {
  const tokens = phrase.toLowerCase().split(/\s+and\s+|[\s-]+/).filter((t) => t && t !== 'a' && t !== 'an');
  let total = 0;
  let current = 0;
  let ordinal = false;
  let any = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    // two-word units such as "a dozen" were split: rejoin when the pair is known
    const u = m.units.get(t);
    const s = m.scales.get(t);
    const o = m.ordinals.get(t);
    if (u !== undefined) {
      current += u;
      any = true;
    } else if (o !== undefined) {
      current += o;
      ordinal = true;
      any = true;
    } else if (s !== undefined) {
      if (s === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * s;
        current = 0;
      }
      any = true;
    }
  }
  return any ? { value: total + current, ordinal } : null;
}

/** Every number in text[from, to), left to right, non-overlapping. */
export function findNumbers(m: NumberMatcher, text: string, from = 0, to = text.length): NumberMatch[] {
  const out: NumberMatch[] = [];
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  for (const hit of m.scan(slice)) {
    const g = hit.groups ?? {};
    const start = from + hit.index;
    const end = start + hit[0].length;
    if (g.vague) {
      const v = m.vague.get(g.vague.toLowerCase().replace(/\s+/g, ' '));
      if (v !== undefined) out.push({ start, end, value: v, vague: true, ordinal: false, words: true });
    } else if (g.digits) {
      let value = Number(g.digits.replace(/,/g, ''));
      if (g.dscale) value *= m.scales.get(g.dscale.toLowerCase()) ?? 1;
      out.push({ start, end, value, vague: false, ordinal: Boolean(g.suffix), words: false });
    } else if (g.words) {
      const parsed = wordsValue(m, g.words);
      if (parsed) out.push({ start, end, value: parsed.value, vague: false, ordinal: parsed.ordinal, words: true });
    }
  }
  return out;
}
