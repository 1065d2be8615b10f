// MinHash (Broder 1997) over word 3-shingles of the story, with LSH banding, for near-duplicate
// detection: reprints of one wire story share almost all their shingles whatever header,
// dateline or footer each outlet adds. (SimHash was tried first: on news-length texts a single
// edited word moved it 4-5 bits, too noisy for a fixed threshold.) Hand-written because no
// maintained npm package fits: 64 16-bit minima per document, double hashing from two
// FNV-1a hashes, a few dozen lines.

export const PERMUTATIONS = 64;
const ROWS = 4;
export const BANDS = PERMUTATIONS / ROWS;
/** texts with fewer story words than this get no signature: too short to call a reprint */
export const MIN_WORDS = 25;
/** estimated Jaccard similarity of shingle sets at or above which two texts are one story */
export const MIN_SIMILARITY = 0.7;
/** lines shorter than this are headers, bylines, credits and share prompts, not the story */
const MIN_LINE_WORDS = 8;

const WORD_RE = /[\p{L}\p{N}]+/gu;

function fnv1a(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** murmur3 finaliser: spreads double-hashed values over all bits */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The story's words: short boilerplate lines (what reprints add or drop) are left out. */
export function storyWords(text: string): string[] {
  const out: string[] = [];
  for (const line of text.toLowerCase().split('\n')) {
    const words = line.match(WORD_RE) ?? [];
    if (words.length >= MIN_LINE_WORDS) for (const w of words) out.push(w);
  }
  return out;
}

/** 64 minima of 16 bits as 256 hex digits, or null when the text is too short to sign. */
export function minhash(text: string): string | null {
  const words = storyWords(text);
  if (words.length < MIN_WORDS) return null;
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

/** Share of equal minima: an estimate of the Jaccard similarity of the two shingle sets. */
export function similarity(a: string, b: string): number {
  let same = 0;
  for (let k = 0; k < PERMUTATIONS; k++) if (a.slice(k * 4, k * 4 + 4) === b.slice(k * 4, k * 4 + 4)) same++;
  return same / PERMUTATIONS;
}

/** LSH band keys: texts with similarity 0.7 share at least one with probability above 0.99. */
export function bands(sig: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < BANDS; i++) out.push(`${i}:${sig.slice(i * ROWS * 4, (i + 1) * ROWS * 4)}`);
  return out;
}
