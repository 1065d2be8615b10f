// Inference-time scoring of the technique model's two binary stages without building feature
// arrays: each weight is added straight into the sum, in exactly the order sentenceFeatures and
// tokenFeatures (features.ts, used for training) list the features, so probabilities are
// bit-identical to scoreBinary over those arrays. Features that depend only on the sentence
// (score bucket, length, position buckets) are hashed once per sentence, not once per token.
// Keep the two in step: test/framing/model-score.test.ts compares them.
import { NONE, NONE_STEM, NONE_WORD, QUOTES, type SentenceIndex, type TokenKeys } from './features.js';
import { sigmoid } from './logreg.js';
import type { Tokens } from './tokenize.js';

// Module-local copies of features.ts's mix and line: hot loops inline them reliably.
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35);
  return (h ^ (h >>> 13)) >>> 0;
}

function line(key: number, slot: number, mask: number): number {
  return ((key << 4) | slot) & mask;
}

/**
 * Weights as trained (Float32Array, scale 1) or as stored (Int16Array, scale = the file's
 * quantisation step): fround(w × scale) is then exactly the Float32 value the dequantised array
 * would hold, at half the memory, so twice as many weights stay in the CPU cache.
 */
export type Weights = Float32Array | Int16Array;

const BANG = 0x21;
const QMARK = 0x3f;

/** Stage-1 probability of sentence s (same features and order as sentenceFeatures). */
export function sentenceScore(w: Weights, scale: number, text: string, tokens: Tokens, sents: SentenceIndex, s: number, mask: number): number {
  const a = sents.first[s];
  const b = sents.last[s];
  const hash = tokens.hash;
  const shape = tokens.shape;
  let z = 0;
  let caps = 0;
  let bang = 0;
  let qmark = 0;
  let quotes = 0;
  for (let i = a; i < b; i++) {
    const h = hash[i];
    z += Math.fround(w[mix(1, h) & mask] * scale);
    z += Math.fround(w[mix(10, tokens.stem[i]) & mask] * scale);
    if (i + 1 < b) z += Math.fround(w[mix(2, mix(h, hash[i + 1])) & mask] * scale);
    const sh = shape[i];
    if (sh === 2) caps++;
    else if (sh === 4) {
      const c = text.charCodeAt(tokens.start[i]);
      if (c === BANG) bang++;
      else if (c === QMARK) qmark++;
      else if (QUOTES.has(c)) quotes++;
    }
  }
  const len = b - a;
  z += Math.fround(w[mix(3, Math.min(12, Math.floor(Math.log2(len + 1) * 2))) & mask] * scale);
  z += Math.fround(w[mix(4, Math.min(3, caps)) & mask] * scale);
  z += Math.fround(w[mix(5, Math.min(2, bang)) & mask] * scale);
  z += Math.fround(w[mix(6, Math.min(2, qmark)) & mask] * scale);
  z += Math.fround(w[mix(7, Math.min(4, quotes)) & mask] * scale);
  z += Math.fround(w[mix(8, s === 0 ? 1 : 0) & mask] * scale);
  z += Math.fround(w[mix(9, 0) & mask] * scale);
  return sigmoid(z);
}

/** Shape-pair feature indices (shape 0..4 of the token, 0..4 or 7 = none of its left neighbour). */
function shapeTable(mask: number): Int32Array {
  const t = new Int32Array(5 * 16);
  for (let sh = 0; sh < 5; sh++) for (let prev = 0; prev < 8; prev++) t[sh * 16 + prev] = mix(28, sh * 16 + prev) & mask;
  return t;
}

const shapeTables = new Map<number, Int32Array>();
const F30 = new Int32Array(5);
const F31 = new Int32Array(3);
const F32 = new Int32Array(2);

/**
 * Stage-2 probabilities of the tokens of sentence s, written into out (same features and order
 * as tokenFeatures). context: 0..9 buckets of the document mean and the neighbour sentences.
 */
export function scoreSentenceTokens(
  w: Weights,
  scale: number,
  tokens: Tokens,
  keys: TokenKeys,
  sents: SentenceIndex,
  quotes: Uint8Array,
  s: number,
  sentenceProb: number,
  context: { doc: number; prev: number; next: number },
  mask: number,
  out: Float64Array,
): void {
  let shapes = shapeTables.get(mask);
  if (!shapes) shapeTables.set(mask, (shapes = shapeTable(mask)));
  const a = sents.first[s];
  const b = sents.last[s];
  const bucket = Math.min(9, Math.floor(sentenceProb * 10));
  const len = b - a;
  const word = keys.word;
  const stem = keys.stem;
  const bigram = keys.bigram;
  const shape = tokens.shape;
  // features that depend only on the sentence
  const f29 = mix(29, bucket) & mask;
  // per-sentence feature indices in reused typed arrays (three small arrays per sentence were garbage)
  const f30 = F30;
  const f31 = F31;
  const f32 = F32;
  for (let rel = 0; rel < 5; rel++) f30[rel] = mix(30, bucket * 8 + rel) & mask;
  for (let edge = 0; edge < 3; edge++) f31[edge] = mix(31, bucket * 4 + edge) & mask;
  for (let q = 0; q < 2; q++) f32[q] = mix(32, q * 16 + bucket) & mask;
  const f33 = mix(33, Math.min(10, Math.floor(Math.log2(len + 1) * 2)) * 16 + bucket) & mask;
  const f34 = mix(34, s === 0 ? bucket + 100 : 0) & mask;
  const f36 = mix(36, 0) & mask;
  const f37 = mix(37, context.doc * 16 + bucket) & mask;
  const f38 = mix(38, context.prev * 16 + bucket) & mask;
  const f39 = mix(39, context.next * 16 + bucket) & mask;
  const slot = 5 + bucket;
  for (let i = a; i < b; i++) {
    const rel = len <= 1 ? 0 : Math.min(4, Math.floor(((i - a) / (len - 1)) * 4.999));
    const edge = i === a ? 1 : i === b - 1 ? 2 : 0;
    const w0 = word[i];
    let z = 0;
    z += Math.fround(w[line(w0, 0, mask)] * scale);
    z += Math.fround(w[line(i - 1 >= a ? word[i - 1] : NONE_WORD, 1, mask)] * scale);
    z += Math.fround(w[line(i + 1 < b ? word[i + 1] : NONE_WORD, 2, mask)] * scale);
    z += Math.fround(w[line(i - 2 >= a ? word[i - 2] : NONE_WORD, 3, mask)] * scale);
    z += Math.fround(w[line(i + 2 < b ? word[i + 2] : NONE_WORD, 4, mask)] * scale);
    z += Math.fround(w[line(w0, slot, mask)] * scale);
    z += Math.fround(w[line(i - 1 >= a ? bigram[i - 1] : mix(25, mix(NONE, tokens.hash[i])), 0, mask)] * scale);
    z += Math.fround(w[line(i + 1 < b ? bigram[i] : mix(25, mix(tokens.hash[i], NONE)), 1, mask)] * scale);
    z += Math.fround(w[line(stem[i], 0, mask)] * scale);
    z += Math.fround(w[line(i > a ? stem[i - 1] : NONE_STEM, 1, mask)] * scale);
    z += Math.fround(w[line(i + 1 < b ? stem[i + 1] : NONE_STEM, 2, mask)] * scale);
    z += Math.fround(w[line(keys.suffix[i], 0, mask)] * scale);
    z += Math.fround(w[shapes[shape[i] * 16 + (i > a ? shape[i - 1] : 7)]] * scale);
    z += Math.fround(w[f29] * scale);
    z += Math.fround(w[f30[rel]] * scale);
    z += Math.fround(w[f31[edge]] * scale);
    z += Math.fround(w[f32[quotes[i]]] * scale);
    z += Math.fround(w[f33] * scale);
    z += Math.fround(w[f34] * scale);
    z += Math.fround(w[f36] * scale);
    z += Math.fround(w[f37] * scale);
    z += Math.fround(w[f38] * scale);
    z += Math.fround(w[f39] * scale);
    out[i] = sigmoid(z);
  }
}
