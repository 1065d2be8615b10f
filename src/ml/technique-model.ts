// Inference of the statistical propaganda-span model: stage 1 scores each sentence, stage 2
// tags tokens using local context and the sentence score, tagged tokens are merged into spans,
// and a multinomial classifier names each span's technique. Linear in the text length.
import { sentenceIndex, quoteFlags, tokenKeys, type SentenceIndex, type TokenKeys } from './features.js';
import { scoreMulti } from './logreg.js';
import { scoreSentenceTokens, sentenceScore, type Weights } from './score.js';
import { mix, tokenize, type Tokens } from './tokenize.js';

export interface DecodeParams {
  threshold: number;
  /** a run is kept only when some token in it reaches this probability (hysteresis) */
  seed: number;
  /** tagged runs separated by at most this many untagged tokens are merged */
  gap: number;
  minTokens: number;
  /** sentences whose stage-1 score is below this are not tagged at all (also skips their scoring) */
  floor: number;
  /** token score = alpha × token probability + (1 − alpha) × sentence probability */
  alpha: number;
}

export interface TechniqueModel {
  version: number;
  sentenceDim: number;
  tokenDim: number;
  spanDim: number;
  decode: DecodeParams;
  techniques: string[];
  sentenceW: Float32Array;
  tokenW: Float32Array;
  spanW: Float32Array;
  /**
   * rule ids whose detections the techniques analyser emits on their own; other rules' only
   * inside a model span (chosen at training time, see rule-selection.ts). Absent: every rule.
   */
  standaloneRules?: string[];
  /** the stage weights as stored (Int16, see score.ts Weights); inference prefers them */
  quantised?: { sentenceW: Int16Array; sentenceScale: number; tokenW: Int16Array; tokenScale: number };
}

export interface PredictedSpan {
  start: number;
  end: number;
  /** mean token probability */
  prob: number;
  technique: string;
  techniqueProb: number;
}

export interface Prepared {
  text: string;
  tokens: Tokens;
  keys: TokenKeys;
  sents: SentenceIndex;
  quotes: Uint8Array;
}

export function prepare(text: string, sentences: { start: number; end: number }[]): Prepared {
  const tokens = tokenize(text);
  const sents = sentenceIndex(tokens, sentences);
  return { text, tokens, keys: tokenKeys(tokens), sents, quotes: quoteFlags(text, tokens, sents) };
}

export function sentenceProbs(w: Weights, dim: number, p: Prepared, scale = 1): Float64Array {
  const out = new Float64Array(p.sents.count);
  for (let s = 0; s < p.sents.count; s++) out[s] = sentenceScore(w, scale, p.text, p.tokens, p.sents, s, dim - 1);
  return out;
}

/** Document-level and neighbouring-sentence context of the stage-1 scores, as 0..9 buckets (10 = none). */
export function contextBuckets(sprobs: Float64Array): { doc: number; at: (s: number) => number } {
  let sum = 0;
  for (const v of sprobs) sum += v;
  const bucket = (v: number): number => Math.min(9, Math.floor(v * 10));
  return {
    doc: sprobs.length ? bucket((sum / sprobs.length) * 1.5) : 10,
    at: (s) => (s >= 0 && s < sprobs.length ? bucket(sprobs[s]) : 10),
  };
}

/** Probability per token (tokens outside any sentence get 0). */
export function tokenProbs(m: Pick<TechniqueModel, 'tokenW' | 'tokenDim' | 'quantised'>, p: Prepared, sprobs: Float64Array, floor = 0): Float64Array {
  const out = new Float64Array(p.tokens.count);
  const w = m.quantised?.tokenW ?? m.tokenW;
  const scale = m.quantised?.tokenScale ?? 1;
  const ctx = contextBuckets(sprobs);
  for (let s = 0; s < p.sents.count; s++) {
    if (sprobs[s] < floor) continue;
    const context = { doc: ctx.doc, prev: ctx.at(s - 1), next: ctx.at(s + 1) };
    scoreSentenceTokens(w, scale, p.tokens, p.keys, p.sents, p.quotes, s, sprobs[s], context, m.tokenDim - 1, out);
  }
  return out;
}

/**
 * Token scores after blending in the sentence score (see DecodeParams.alpha). Sentences below
 * the floor are left at 0: decoding never reads them.
 */
export function blend(p: Prepared, raw: Float64Array, sprobs: Float64Array, d: Pick<DecodeParams, 'alpha' | 'floor'>): Float64Array {
  if (d.alpha === 1) return raw;
  const out = new Float64Array(raw.length);
  for (let s = 0; s < p.sents.count; s++) {
    if (sprobs[s] < d.floor) continue;
    for (let i = p.sents.first[s]; i < p.sents.last[s]; i++) out[i] = d.alpha * raw[i] + (1 - d.alpha) * sprobs[s];
  }
  return out;
}

/** Merge tagged tokens into spans, never across sentences. Returns [firstToken, lastToken] pairs. */
export function decodeRuns(p: Prepared, raw: Float64Array, sprobs: Float64Array, d: DecodeParams, probs = blend(p, raw, sprobs, d)): [number, number][] {
  const runs: [number, number][] = [];
  for (let s = 0; s < p.sents.count; s++) {
    if (sprobs[s] < d.floor) continue;
    let open = -1;
    let lastTagged = -1;
    let peak = 0;
    const close = (): void => {
      if (open >= 0 && lastTagged - open + 1 >= d.minTokens && peak >= d.seed) runs.push([open, lastTagged]);
      open = -1;
      peak = 0;
    };
    for (let i = p.sents.first[s]; i < p.sents.last[s]; i++) {
      if (probs[i] < d.threshold) continue;
      if (open >= 0 && i - lastTagged - 1 > d.gap) close();
      if (open < 0) open = i;
      lastTagged = i;
      if (probs[i] > peak) peak = probs[i];
    }
    close();
  }
  return runs;
}

export function spanFeatures(p: Prepared, a: number, b: number, mask: number): number[] {
  const t = p.tokens;
  const out: number[] = [mix(40, 0) & mask, mix(41, Math.min(8, Math.floor(Math.log2(b - a + 2) * 2))) & mask];
  for (let i = a; i <= b; i++) {
    out.push(mix(42, t.hash[i]) & mask);
    if (i < b) out.push(mix(43, mix(t.hash[i], t.hash[i + 1])) & mask);
  }
  for (let k = 1; k <= 2; k++) {
    if (a - k >= 0) out.push(mix(44 + k, t.hash[a - k]) & mask);
    if (b + k < t.count) out.push(mix(46 + k, t.hash[b + k]) & mask);
  }
  out.push(mix(49, t.hash[a]) & mask, mix(50, t.hash[b]) & mask);
  return out;
}

export function predictSpans(m: TechniqueModel, p: Prepared): PredictedSpan[] {
  const q = m.quantised;
  const sprobs = q ? sentenceProbs(q.sentenceW, m.sentenceDim, p, q.sentenceScale) : sentenceProbs(m.sentenceW, m.sentenceDim, p);
  const raw = tokenProbs(m, p, sprobs, m.decode.floor);
  const probs = blend(p, raw, sprobs, m.decode);
  const out: PredictedSpan[] = [];
  for (const [a, b] of decodeRuns(p, raw, sprobs, m.decode, probs)) {
    let sum = 0;
    for (let i = a; i <= b; i++) sum += probs[i];
    const cls = scoreMulti(m.spanW, m.spanDim, m.techniques.length, spanFeatures(p, a, b, m.spanDim - 1));
    let best = 0;
    for (let c = 1; c < cls.length; c++) if (cls[c] > cls[best]) best = c;
    out.push({
      start: p.tokens.start[a],
      end: p.tokens.end[b],
      prob: sum / (b - a + 1),
      technique: m.techniques[best],
      techniqueProb: cls[best],
    });
  }
  return out;
}
