// Logistic regression (binary and multinomial) over hashed binary features, trained with
// AdaGrad. Hand-written: a few dozen lines give deterministic, dependency-free training whose
// weights load as one Float32Array; the npm ML packages are either unmaintained or far heavier.

import { mulberry32 } from '../core/random.js';

export interface Example {
  features: number[];
  label: number;
  weight?: number;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function scoreBinary(w: Float32Array, features: ArrayLike<number>): number {
  let z = 0;
  for (let k = 0; k < features.length; k++) z += w[features[k]];
  return sigmoid(z);
}

/** Seeded so training reproduces the same weights. */
export const rng = mulberry32;

export function shuffled<T>(items: T[], random: () => number): T[] {
  const a = items.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

export interface TrainOptions {
  dim: number;
  epochs: number;
  rate: number;
  l2: number;
  seed: number;
}

export function trainBinary(examples: Example[], o: TrainOptions): Float32Array {
  const w = new Float32Array(o.dim);
  const g2 = new Float32Array(o.dim).fill(1e-6);
  const random = rng(o.seed);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (const ex of shuffled(examples, random)) {
      const p = scoreBinary(w, ex.features);
      const grad = (p - ex.label) * (ex.weight ?? 1);
      for (const f of ex.features) {
        const g = grad + o.l2 * w[f];
        g2[f] += g * g;
        w[f] -= (o.rate * g) / Math.sqrt(g2[f]);
      }
    }
  }
  return w;
}

/** Class probabilities for a multinomial model stored class-major (classes × dim). */
export function scoreMulti(w: Float32Array, dim: number, classes: number, features: ArrayLike<number>): Float64Array {
  const z = new Float64Array(classes);
  let max = -Infinity;
  for (let c = 0; c < classes; c++) {
    let s = 0;
    const base = c * dim;
    for (let k = 0; k < features.length; k++) s += w[base + features[k]];
    z[c] = s;
    if (s > max) max = s;
  }
  let sum = 0;
  for (let c = 0; c < classes; c++) sum += z[c] = Math.exp(z[c] - max);
  for (let c = 0; c < classes; c++) z[c] /= sum;
  return z;
}

export function trainMulti(examples: Example[], classes: number, o: TrainOptions): Float32Array {
  const w = new Float32Array(o.dim * classes);
  const g2 = new Float32Array(o.dim * classes).fill(1e-6);
  const random = rng(o.seed);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (const ex of shuffled(examples, random)) {
      const p = scoreMulti(w, o.dim, classes, ex.features);
      for (let c = 0; c < classes; c++) {
        const grad = (p[c] - (c === ex.label ? 1 : 0)) * (ex.weight ?? 1);
        const base = c * o.dim;
        for (const f of ex.features) {
          const j = base + f;
          const g = grad + o.l2 * w[j];
          g2[j] += g * g;
          w[j] -= (o.rate * g) / Math.sqrt(g2[j]);
        }
      }
    }
  }
  return w;
}
