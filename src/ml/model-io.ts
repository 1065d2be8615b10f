// Reads and writes the technique model as one JSON file with Int16-quantised weight arrays
// (base64), so the committed file stays a few MB and loads without native code. Loading keeps
// the two large stage arrays as Int16 too (model.quantised), which inference reads: half the
// memory traffic of Float32, same values (see src/ml/score.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { endianness } from 'node:os';
import type { TechniqueModel } from './technique-model.js';

interface Quantised {
  scale: number;
  data: string;
}

interface ModelFile extends Omit<TechniqueModel, 'sentenceW' | 'tokenW' | 'spanW'> {
  sentenceW: Quantised;
  tokenW: Quantised;
  spanW: Quantised;
}

function quantise(w: Float32Array): Quantised {
  let max = 0;
  for (const v of w) max = Math.max(max, Math.abs(v));
  const scale = max > 0 ? max / 32767 : 1;
  const q = new Int16Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.round(w[i] / scale);
  return { scale, data: Buffer.from(q.buffer, q.byteOffset, q.byteLength).toString('base64') };
}

function int16s(q: Quantised): Int16Array {
  const buf = Buffer.from(q.data, 'base64');
  const ints = new Int16Array(buf.byteLength / 2);
  // the file is little-endian: on a little-endian host the bytes are copied as they are
  if (endianness() === 'LE') new Uint8Array(ints.buffer).set(buf.subarray(0, ints.length * 2));
  else for (let i = 0; i < ints.length; i++) ints[i] = buf.readInt16LE(i * 2);
  return ints;
}

function dequantise(q: Quantised, ints = int16s(q)): Float32Array {
  const out = new Float32Array(ints.length);
  for (let i = 0; i < ints.length; i++) out[i] = ints[i] * q.scale;
  return out;
}

export function saveModel(path: string, m: TechniqueModel): void {
  const file: ModelFile = {
    version: m.version, sentenceDim: m.sentenceDim, tokenDim: m.tokenDim, spanDim: m.spanDim, decode: m.decode, techniques: m.techniques,
    ...(m.standaloneRules ? { standaloneRules: m.standaloneRules } : {}),
    sentenceW: quantise(m.sentenceW), tokenW: quantise(m.tokenW), spanW: quantise(m.spanW),
  };
  writeFileSync(path, JSON.stringify(file));
}

export function loadModel(path: string): TechniqueModel {
  const file = JSON.parse(readFileSync(path, 'utf8')) as ModelFile;
  const sentenceQ = int16s(file.sentenceW);
  const tokenQ = int16s(file.tokenW);
  return {
    ...file,
    sentenceW: dequantise(file.sentenceW, sentenceQ),
    tokenW: dequantise(file.tokenW, tokenQ),
    spanW: dequantise(file.spanW),
    quantised: { sentenceW: sentenceQ, sentenceScale: file.sentenceW.scale, tokenW: tokenQ, tokenScale: file.tokenW.scale },
  };
}
