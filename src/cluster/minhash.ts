// MinHash (Broder 1997) over word 3-shingles of the story, with LSH banding, for near-duplicate
// detection: reprints of one wire story share almost all their shingles whatever header,
// dateline or footer each outlet adds. (SimHash was tried first: on news-length texts a single
// edited word moved it 4-5 bits, too noisy for a fixed threshold.) Hand-written because no
// maintained npm package fits: 64 16-bit minima per document, double hashing from two
// FNV-1a hashes, a few dozen lines.
//
// Speed (the signature is computed on the analysis workers, for every document): `minhash` does
// not build word arrays, shingle strings or a shingle Set. It walks the lower-cased text once,
// keeps the word offsets of long-enough lines in typed arrays, and hashes each shingle straight
// from those offsets (the same FNV-1a over "w1 w2 w3"). Repeated shingles are skipped through a
// small open-addressing table keyed by the two hashes; skipping is only a saving, since a minimum
// over repeated values is the same minimum. `storyWords` stays as the plain statement of which
// words count; test/cluster/minhash-fast.test.ts holds the fast signature to the plain one.

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

/** 1 when the BMP code unit is a letter or number (WORD_RE), 0 when not, 255 not yet known */
const WORD_UNIT = new Uint8Array(65536).fill(255);
const WORD_CHAR_RE = /^[\p{L}\p{N}]$/u;

/** Length in code units of the word character at i (2 for an astral letter), or 0. */
function wordCharAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return WORD_CHAR_RE.test(s.slice(i, i + 2)) ? 2 : 0;
  }
  let v = WORD_UNIT[c]!;
  if (v === 255) WORD_UNIT[c] = v = WORD_CHAR_RE.test(String.fromCharCode(c)) ? 1 : 0;
  return v;
}

/** Start and end offsets of the story words (as storyWords finds them) in the lower-cased text. */
function storyWordOffsets(lower: string): { starts: Int32Array; ends: Int32Array; count: number } {
  let starts = new Int32Array(Math.max(64, lower.length >> 3));
  let ends = new Int32Array(starts.length);
  let count = 0;
  let lineFirst = 0;
  const n = lower.length;
  for (let i = 0; i <= n; ) {
    if (i === n || lower.charCodeAt(i) === 10) {
      if (count - lineFirst < MIN_LINE_WORDS) count = lineFirst; // a short line: drop its words
      lineFirst = count;
      i++;
      continue;
    }
    let w = wordCharAt(lower, i);
    if (!w) {
      i++;
      continue;
    }
    const start = i;
    while (w) {
      i += w;
      w = i < n ? wordCharAt(lower, i) : 0;
    }
    if (count === starts.length) {
      const s2 = new Int32Array(count * 2);
      s2.set(starts);
      starts = s2;
      const e2 = new Int32Array(count * 2);
      e2.set(ends);
      ends = e2;
    }
    starts[count] = start;
    ends[count] = i;
    count++;
  }
  return { starts, ends, count };
}

/** 64 minima of 16 bits as 256 hex digits, or null when the text is too short to sign. */
export function minhash(text: string): string | null {
  const lower = text.toLowerCase();
  const { starts, ends, count } = storyWordOffsets(lower);
  if (count < MIN_WORDS) return null;
  const mins = new Uint32Array(PERMUTATIONS).fill(0xffffffff);
  // shingles seen, keyed by their two hashes (used[slot] marks a filled slot)
  let size = 64;
  while (size < count * 2) size <<= 1;
  const mask = size - 1;
  const seenA = new Int32Array(size);
  const seenB = new Int32Array(size);
  const used = new Uint8Array(size);
  for (let i = 0; i + 2 < count; i++) {
    // FNV-1a of `${w0} ${w1} ${w2}` with both seeds, read from the offsets
    let a = 0x811c9dc5;
    let b = 0x9e3779b9;
    for (let k = 0; k < 3; k++) {
      if (k > 0) {
        a = Math.imul(a ^ 0x20, 0x01000193) >>> 0;
        b = Math.imul(b ^ 0x20, 0x01000193) >>> 0;
      }
      for (let j = starts[i + k]!, e = ends[i + k]!; j < e; j++) {
        const c = lower.charCodeAt(j);
        a = Math.imul(a ^ c, 0x01000193) >>> 0;
        b = Math.imul(b ^ c, 0x01000193) >>> 0;
      }
    }
    b = (b | 1) >>> 0;
    let slot = (Math.imul(a, 0x9e3779b1) ^ b) & mask;
    let repeated = false;
    while (used[slot]) {
      if (seenA[slot] === (a | 0) && seenB[slot] === (b | 0)) {
        repeated = true;
        break;
      }
      slot = (slot + 1) & mask;
    }
    if (repeated) continue;
    used[slot] = 1;
    seenA[slot] = a;
    seenB[slot] = b;
    // permutation k hashes a + k·b (mod 2^32): stepping x by b is the same sum without a multiply
    let x = a;
    for (let k = 0; k < PERMUTATIONS; k++) {
      const h = mix(x);
      if (h < mins[k]!) mins[k] = h;
      x = (x + b) >>> 0;
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
