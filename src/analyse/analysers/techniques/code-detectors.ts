// The two technique detectors that need code rather than a regex: short exclamations (slogans)
// and phrases repeated three times or more. Both are single passes over characters or tokens
// (test/framing/rules-speed-equivalence.test.ts holds them to the plain regex and map versions
// they replace). Split from rules.ts, which keeps the pack's regex rules.
import type { TechniqueFinding } from '../../../core/types.js';
import { documentTokens } from '../../../match/normalise.js';

/** JavaScript's \s (WhiteSpace and LineTerminator). */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x80 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

const isStop = (c: number): boolean => c === 0x2e || c === 0x21 || c === 0x3f || c === 0x0a || c === 0x2026;

/**
 * Short exclamations: the matches of /(?:^|(?<=[.!?…\n]\s*))([^.!?…\n]{2,60}!+)/gu, found in
 * one pass over the characters (the regex tried its lookbehind at every position). A match
 * starts at the text start or after a sentence end plus optional spaces, runs 2..60 code points
 * to the next sentence end, which must be "!", and takes the whole run of "!".
 */
export function exclamations(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (text.indexOf('!') < 0) return out;
  const n = text.length;
  let behind = false; // a sentence end, then only spaces, lies just before p
  let q = -1; // next sentence end at or after p
  for (let p = 0; p < n; ) {
    if (p === 0 || behind) {
      if (q < p) {
        q = p;
        while (q < n && !isStop(text.charCodeAt(q))) q++;
      }
      if (q < n && text.charCodeAt(q) === 0x21 && q - p <= 120) {
        let cps = q - p;
        for (let i = p; i + 1 < q; i++) {
          const c = text.charCodeAt(i);
          if (c >= 0xd800 && c <= 0xdbff) {
            const d = text.charCodeAt(i + 1);
            if (d >= 0xdc00 && d <= 0xdfff) {
              cps--;
              i++;
            }
          }
        }
        if (cps >= 2 && cps <= 60) {
          let r = q;
          while (r < n && text.charCodeAt(r) === 0x21) r++;
          out.push({ start: p, end: r });
          p = r;
          behind = true;
          continue;
        }
      }
    }
    const c = text.charCodeAt(p);
    behind = isStop(c) || (behind && isSpace(c));
    p++;
  }
  return out;
}
/** words that cannot start a repeated phrase and need a content word beside them */
export const STOP = new Set(
  ('the a an and or but of to in on at by for with from as is are was were be been it its this that these those he she they we you i ' +
    'his her their our your my not no so if then than there here who whom which what when where why how has have had do does did will would ' +
    'can could should may might must also just only very more most said says say about into over after before up down out all any some ' +
    'и в во не на что с со как а то по из за к у о от же для это этот эта эти так но да бы ли был была были быть он она они мы вы я его ее её их')
    .split(' '),
);

/** FNV-1a of a token norm: the key of the stop-word table and of the trigram table below */
function normHash(norm: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < norm.length; k++) h = Math.imul(h ^ norm.charCodeAt(k), 0x01000193);
  return h;
}

// STOP by the FNV hash repetitions computes anyway (a Set lookup per token hashed every norm a
// second time): open addressing, the word itself kept to confirm a hit
const STOP_SIZE = 1024;
const STOP_HASH = new Int32Array(STOP_SIZE);
const STOP_WORD: (string | null)[] = new Array<string | null>(STOP_SIZE).fill(null);
for (const w of STOP) {
  const h = normHash(w);
  let slot = h & (STOP_SIZE - 1);
  while (STOP_WORD[slot] !== null) slot = (slot + 1) & (STOP_SIZE - 1);
  STOP_HASH[slot] = h;
  STOP_WORD[slot] = w;
}

function isStopWord(norm: string, h: number): boolean {
  for (let slot = h & (STOP_SIZE - 1); ; slot = (slot + 1) & (STOP_SIZE - 1)) {
    const w = STOP_WORD[slot];
    if (w === null) return false;
    if (STOP_HASH[slot] === h && w === norm) return true;
  }
}

// Trigrams are grouped with an open-addressing table keyed by a hash of the three words (FNV
// over each norm's characters, no string building, no big id map whose lookups miss the cache);
// equal norms are then checked on the strings. Groups come out in order of first occurrence.
export function repetitions(text: string): TechniqueFinding[] {
  const toks = documentTokens(text);
  const n = toks.length;
  const content = new Uint8Array(n);
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const norm = toks[i].norm;
    const h = normHash(norm);
    ids[i] = h;
    content[i] = isStopWord(norm, h) ? 0 : 1;
  }
  const same = (f: number, i: number): boolean => toks[f].norm === toks[i].norm && toks[f + 1].norm === toks[i + 1].norm && toks[f + 2].norm === toks[i + 2].norm;
  let size = 16;
  while (size < n * 2) size <<= 1;
  const mask = size - 1;
  const head = new Int32Array(size).fill(-1);
  // per first occurrence: its count and last occurrence; per occurrence: the next one
  const count = new Int32Array(n);
  const tail = new Int32Array(n);
  const nextAt = new Int32Array(n).fill(-1);
  const firsts: number[] = [];
  for (let i = 0; i + 2 < n; i++) {
    if (!content[i] || content[i + 1] + content[i + 2] < 1) continue;
    if (toks[i].cap && toks[i + 1].cap && toks[i + 2].cap) continue;
    if (toks[i + 2].start - toks[i].end > 20) continue;
    const a = ids[i];
    const b = ids[i + 1];
    const c = ids[i + 2];
    let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35)) & mask;
    for (;;) {
      const f = head[slot];
      if (f < 0) {
        head[slot] = i;
        count[i] = 1;
        tail[i] = i;
        firsts.push(i);
        break;
      }
      if (ids[f] === a && ids[f + 1] === b && ids[f + 2] === c && same(f, i)) {
        count[f]++;
        nextAt[tail[f]] = i;
        tail[f] = i;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  const out: TechniqueFinding[] = [];
  for (const f of firsts) {
    if (count[f] < 3) continue;
    // a phrase repeated hundreds of times (boilerplate, quoted threads) is reported at most 10 times
    let k = 0;
    for (let i = nextAt[f]; i >= 0 && k < 10; i = nextAt[i], k++) {
      out.push({ start: toks[i].start, end: toks[i + 2].end, technique: 'Repetition', confidence: 0.4, ruleId: 'techniques-repetition' });
    }
  }
  return out;
}
