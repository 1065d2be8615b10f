// Hashed feature extraction for the technique model: one integer array of feature indices per
// sentence (stage 1) and per token (stage 2). Integer mixing instead of string keys keeps
// inference linear and allocation-light.
import type { Tokens } from './tokenize.js';

// Local copy of tokenize.mix: hot loops call it millions of times, and a module-local function
// is inlined reliably (no live-binding indirection under loaders such as tsx).
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35);
  return (h ^ (h >>> 13)) >>> 0;
}

/** Word-keyed feature index: 16 slots of one key share a 64-byte cache line. */
function line(key: number, slot: number, mask: number): number {
  return ((key << 4) | slot) & mask;
}

export interface SentenceIndex {
  /** first token index of each sentence */
  first: Int32Array;
  /** one past the last token index of each sentence */
  last: Int32Array;
  count: number;
}

/** Group tokens into sentences given sentence character spans (sorted, non-overlapping). */
export function sentenceIndex(tokens: Tokens, sentences: { start: number; end: number }[]): SentenceIndex {
  const first = new Int32Array(sentences.length);
  const last = new Int32Array(sentences.length);
  let t = 0;
  let k = 0;
  for (const s of sentences) {
    while (t < tokens.count && tokens.end[t] <= s.start) t++;
    const a = t;
    while (t < tokens.count && tokens.start[t] < s.end) t++;
    if (t > a) {
      first[k] = a;
      last[k] = t;
      k++;
    }
  }
  return { first, last, count: k };
}

export const QUOTES = new Set(['"', '“', '”', '«', '»', '„'].map((q) => q.charCodeAt(0)));

/** Per-token flag: inside a quotation within its sentence. */
export function quoteFlags(text: string, tokens: Tokens, sents: SentenceIndex): Uint8Array {
  const flags = new Uint8Array(tokens.count);
  for (let s = 0; s < sents.count; s++) {
    let inside = 0;
    for (let i = sents.first[s]; i < sents.last[s]; i++) {
      if (tokens.end[i] - tokens.start[i] === 1 && QUOTES.has(text.charCodeAt(tokens.start[i]))) {
        inside ^= 1;
        continue;
      }
      flags[i] = inside;
    }
  }
  return flags;
}

const BANG = 0x21;
const QMARK = 0x3f;

/** Stage 1: bag of unigrams and bigrams plus sentence-shape features. */
export function sentenceFeatures(text: string, tokens: Tokens, sents: SentenceIndex, s: number, mask: number): number[] {
  const out: number[] = [];
  const a = sents.first[s];
  const b = sents.last[s];
  let caps = 0;
  let bang = 0;
  let qmark = 0;
  let quotes = 0;
  for (let i = a; i < b; i++) {
    const h = tokens.hash[i];
    out.push(mix(1, h) & mask, mix(10, tokens.stem[i]) & mask);
    if (i + 1 < b) out.push(mix(2, mix(h, tokens.hash[i + 1])) & mask);
    if (tokens.shape[i] === 2) caps++;
    if (tokens.shape[i] === 4) {
      const c = text.charCodeAt(tokens.start[i]);
      if (c === BANG) bang++;
      else if (c === QMARK) qmark++;
      else if (QUOTES.has(c)) quotes++;
    }
  }
  const len = b - a;
  out.push(mix(3, Math.min(12, Math.floor(Math.log2(len + 1) * 2))) & mask);
  out.push(mix(4, Math.min(3, caps)) & mask);
  out.push(mix(5, Math.min(2, bang)) & mask);
  out.push(mix(6, Math.min(2, qmark)) & mask);
  out.push(mix(7, Math.min(4, quotes)) & mask);
  out.push(mix(8, s === 0 ? 1 : 0) & mask);
  out.push(mix(9, 0) & mask);
  return out;
}

export const NONE = 0x5bd1e995;

/** Stage 2: local window features for token i, conditioned on its sentence's stage-1 score. */
/** Per-token feature keys computed once per document, so each is hashed once, not per window. */
export interface TokenKeys {
  word: Uint32Array;
  stem: Uint32Array;
  suffix: Uint32Array;
  /** key of the bigram (k, k+1) */
  bigram: Uint32Array;
}

export const NONE_WORD = mix(20, NONE);
export const NONE_STEM = mix(52, NONE);

export function tokenKeys(tokens: Tokens): TokenKeys {
  const n = tokens.count;
  const word = new Uint32Array(n);
  const stem = new Uint32Array(n);
  const suffix = new Uint32Array(n);
  const bigram = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    word[i] = mix(20, tokens.hash[i]);
    stem[i] = mix(52, tokens.stem[i]);
    suffix[i] = mix(27, tokens.suffix[i]);
    if (i + 1 < n) bigram[i] = mix(25, mix(tokens.hash[i], tokens.hash[i + 1]));
  }
  return { word, stem, suffix, bigram };
}

/** Stage 2: local window features for token i, conditioned on its sentence's stage-1 score. */
export function tokenFeatures(
  tokens: Tokens,
  keys: TokenKeys,
  sents: SentenceIndex,
  s: number,
  i: number,
  sentenceProb: number,
  inQuote: number,
  /** 0..9 bucket of the document's mean sentence score, plus neighbour sentence buckets */
  context: { doc: number; prev: number; next: number },
  mask: number,
  out: number[],
): void {
  out.length = 0;
  const a = sents.first[s];
  const b = sents.last[s];
  const bucket = Math.min(9, Math.floor(sentenceProb * 10));
  const len = b - a;
  const rel = len <= 1 ? 0 : Math.min(4, Math.floor(((i - a) / (len - 1)) * 4.999));
  const edge = i === a ? 1 : i === b - 1 ? 2 : 0;
  const w0 = keys.word[i];
  // Word-keyed features of one word share a 64-byte cache line (16 slots): the word at i is
  // looked up again as the left neighbour of i+1 and i+2, which then hits the cache.
  out.push(
    line(w0, 0, mask),
    line(i - 1 >= a ? keys.word[i - 1] : NONE_WORD, 1, mask),
    line(i + 1 < b ? keys.word[i + 1] : NONE_WORD, 2, mask),
    line(i - 2 >= a ? keys.word[i - 2] : NONE_WORD, 3, mask),
    line(i + 2 < b ? keys.word[i + 2] : NONE_WORD, 4, mask),
    line(w0, 5 + bucket, mask),
    line(i - 1 >= a ? keys.bigram[i - 1] : mix(25, mix(NONE, tokens.hash[i])), 0, mask),
    line(i + 1 < b ? keys.bigram[i] : mix(25, mix(tokens.hash[i], NONE)), 1, mask),
    line(keys.stem[i], 0, mask),
    line(i > a ? keys.stem[i - 1] : NONE_STEM, 1, mask),
    line(i + 1 < b ? keys.stem[i + 1] : NONE_STEM, 2, mask),
    line(keys.suffix[i], 0, mask),
    mix(28, tokens.shape[i] * 16 + (i > a ? tokens.shape[i - 1] : 7)) & mask,
    mix(29, bucket) & mask,
    mix(30, bucket * 8 + rel) & mask,
    mix(31, bucket * 4 + edge) & mask,
    mix(32, inQuote * 16 + bucket) & mask,
    mix(33, Math.min(10, Math.floor(Math.log2(len + 1) * 2)) * 16 + bucket) & mask,
    mix(34, s === 0 ? bucket + 100 : 0) & mask,
    mix(36, 0) & mask,
    mix(37, context.doc * 16 + bucket) & mask,
    mix(38, context.prev * 16 + bucket) & mask,
    mix(39, context.next * 16 + bucket) & mask,
  );
}
