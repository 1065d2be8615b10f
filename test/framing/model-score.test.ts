// The fused inference scorers (src/ml/score.ts) must give bit-identical probabilities to
// scoreBinary over the training feature arrays (features.ts), with Float32 weights and with
// Int16 weights times their scale. Seeded random weights over a small hash space keep it fast.
import { describe, expect, it } from 'vitest';
import { sentenceSpans } from '../../src/core/text.js';
import { contextBuckets, prepare } from '../../src/ml/technique-model.js';
import { sentenceFeatures, tokenFeatures } from '../../src/ml/features.js';
import { rng, scoreBinary } from '../../src/ml/logreg.js';
import { scoreSentenceTokens, sentenceScore } from '../../src/ml/score.js';
import { fixture } from './helpers.js';

const DIM = 1 << 16;

function weights(seed: number): { f32: Float32Array; i16: Int16Array; scale: number } {
  const random = rng(seed);
  const i16 = new Int16Array(DIM);
  for (let i = 0; i < DIM; i++) i16[i] = Math.round((random() * 2 - 1) * 32767);
  const scale = 0.75 / 32767;
  const f32 = new Float32Array(DIM);
  for (let i = 0; i < DIM; i++) f32[i] = i16[i] * scale;
  return { f32, i16, scale };
}

const text = [fixture('en-1-gov.txt'), fixture('en-2-opp.txt'), fixture('ru-1-opp.txt'), '"Quoted words!" they said? YES. A'].join('\n\n');
const p = prepare(text, sentenceSpans(text));

describe('fused technique-model scoring', () => {
  it('sentence scores equal scoreBinary over sentenceFeatures', () => {
    const w = weights(3);
    for (let s = 0; s < p.sents.count; s++) {
      const want = scoreBinary(w.f32, sentenceFeatures(p.text, p.tokens, p.sents, s, DIM - 1));
      expect(sentenceScore(w.f32, 1, p.text, p.tokens, p.sents, s, DIM - 1)).toBe(want);
      expect(sentenceScore(w.i16, w.scale, p.text, p.tokens, p.sents, s, DIM - 1)).toBe(want);
    }
  });

  it('token scores equal scoreBinary over tokenFeatures', () => {
    const w = weights(5);
    const sprobs = Float64Array.from({ length: p.sents.count }, (_, s) => (s * 0.137) % 1);
    const ctx = contextBuckets(sprobs);
    const fused = new Float64Array(p.tokens.count);
    const quantised = new Float64Array(p.tokens.count);
    const buf: number[] = [];
    let checked = 0;
    for (let s = 0; s < p.sents.count; s++) {
      const context = { doc: ctx.doc, prev: ctx.at(s - 1), next: ctx.at(s + 1) };
      scoreSentenceTokens(w.f32, 1, p.tokens, p.keys, p.sents, p.quotes, s, sprobs[s], context, DIM - 1, fused);
      scoreSentenceTokens(w.i16, w.scale, p.tokens, p.keys, p.sents, p.quotes, s, sprobs[s], context, DIM - 1, quantised);
      for (let i = p.sents.first[s]; i < p.sents.last[s]; i++) {
        tokenFeatures(p.tokens, p.keys, p.sents, s, i, sprobs[s], p.quotes[i], context, DIM - 1, buf);
        const want = scoreBinary(w.f32, buf);
        expect(fused[i]).toBe(want);
        expect(quantised[i]).toBe(want);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
