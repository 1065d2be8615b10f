// The fast MinHash (offsets, no shingle strings) must sign every text exactly as the plain
// statement of the method does: word splitting over Unicode letters and numbers, astral letters,
// lone surrogates, short boilerplate lines, repeated shingles.
import { describe, expect, it } from 'vitest';
import { minhash, PERMUTATIONS, storyWords } from '../../src/cluster/minhash.js';
import { randomText } from '../helpers.js';

function fnv1a(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** MinHash written the plain way (word arrays, shingle strings, a Set), as it was before the fast one. */
function minhashReference(text: string): string | null {
  const words = storyWords(text);
  if (words.length < 25) return null;
  const mins = new Uint32Array(PERMUTATIONS).fill(0xffffffff);
  const seen = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) {
    const shingle = `${words[i]} ${words[i + 1]} ${words[i + 2]}`;
    if (seen.has(shingle)) continue;
    seen.add(shingle);
    const a = fnv1a(shingle, 0x811c9dc5);
    const b = fnv1a(shingle, 0x9e3779b9) | 1;
    for (let k = 0; k < PERMUTATIONS; k++) {
      const h = mix((a + Math.imul(k, b)) >>> 0);
      if (h < mins[k]!) mins[k] = h;
    }
  }
  let hex = '';
  for (const v of mins) hex += (v >>> 16).toString(16).padStart(4, '0');
  return hex;
}

const WORDS = ['army', 'Rebels', 'SHELLING', 'Алеппо', 'сирии', 'حلب', 'İdlib', 'ΣΟΦΙΑ', 'naïve', '𝐀𝐁𝐂', 'x1', '42', 'a_b', 'it’s', '\ud800', '\udc00', 'Straße'];
const SEPS = [' ', ' ', ' ', ', ', '. ', '\n', '\r\n', ' — ', '\t'];

const textOf = (seed: number): string => randomText(seed, WORDS, 20, 400, SEPS);

describe('fast MinHash', () => {
  it('equals the plain statement on random mixed-script texts', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const text = textOf(seed);
      expect(minhash(text), `seed ${seed}`).toBe(minhashReference(text));
    }
  });

  it('equals it on repeated lines, short lines only and empty text', () => {
    const line = 'the army shelled the town of Maarat al-Numan on Monday, the monitor said\n';
    for (const text of [line.repeat(30), 'short line\n'.repeat(50), '', line.repeat(3) + 'a b\n'.repeat(5) + line]) {
      expect(minhash(text)).toBe(minhashReference(text));
    }
  });
});
