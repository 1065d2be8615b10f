// Word tokens with UTF-16 offsets and integer hashes, the input of the statistical technique
// model. Hand-written because the model needs one cheap pass that yields hashes directly (no
// string building per feature), which general tokenisers (wink, compromise) do not offer.

export interface Tokens {
  start: Int32Array;
  end: Int32Array;
  /** FNV-1a hash of the lowercased token */
  hash: Uint32Array;
  /** 0 lower, 1 Capitalised, 2 UPPER, 3 digit, 4 punctuation */
  shape: Uint8Array;
  /** 3-char suffix hash (words only) */
  suffix: Uint32Array;
  /** 5-char prefix hash (a cheap stem; the word itself when shorter) */
  stem: Uint32Array;
  count: number;
}

export function fnv(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Combine two 32-bit hashes (order matters). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35);
  return (h ^ (h >>> 13)) >>> 0;
}

// Character classes, computed once per code unit: 0 space, 1 word (letter or digit), 2 other.
const CLASS = new Uint8Array(65536).fill(255);
const LOWER = new Uint16Array(65536);
const UPPER_FLAG = new Uint8Array(65536);
const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE_CHAR = /\s/u;

function classOf(c: number): number {
  let k = CLASS[c];
  if (k === 255) {
    const ch = String.fromCharCode(c);
    k = c >= 0xd800 && c <= 0xdfff ? 2 : SPACE_CHAR.test(ch) ? 0 : WORD_CHAR.test(ch) ? 1 : 2;
    const lower = ch.toLowerCase();
    LOWER[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
    UPPER_FLAG[c] = lower !== ch ? 1 : 0;
    CLASS[c] = k;
  }
  return k;
}

const APOS = 0x27;
const RSQUO = 0x2019;
const FNV_OFFSET = 0x811c9dc5;

/** One pass over the characters: no regex or string allocation per token. */
export function tokenize(text: string): Tokens {
  const cap = Math.max(16, (text.length >> 2) + 16);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let hash = new Uint32Array(cap);
  let shape = new Uint8Array(cap);
  let suffix = new Uint32Array(cap);
  let stem = new Uint32Array(cap);
  let n = 0;
  const len = text.length;
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    const k = classOf(c);
    if (k === 0) {
      i++;
      continue;
    }
    if (n === start.length) {
      const grow = <T extends Int32Array | Uint32Array | Uint8Array>(a: T, make: (m: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      start = grow(start, (m) => new Int32Array(m));
      end = grow(end, (m) => new Int32Array(m));
      hash = grow(hash, (m) => new Uint32Array(m));
      shape = grow(shape, (m) => new Uint8Array(m));
      suffix = grow(suffix, (m) => new Uint32Array(m));
      stem = grow(stem, (m) => new Uint32Array(m));
    }
    start[n] = i;
    if (k === 2) {
      const h = Math.imul(FNV_OFFSET ^ c, 0x01000193) >>> 0;
      end[n] = i + 1;
      hash[n] = h;
      suffix[n] = h;
      stem[n] = h;
      shape[n] = 4;
      n++;
      i++;
      continue;
    }
    let h = FNV_OFFSET;
    let h5 = 0;
    let count = 0;
    let uppers = 0;
    let apostrophe = false;
    const first = c;
    let j = i;
    while (j < len) {
      let d = text.charCodeAt(j);
      if (classOf(d) !== 1) {
        // one inner apostrophe followed by a letter stays in the word (don't, Assad's)
        if (!apostrophe && (d === APOS || d === RSQUO) && j + 1 < len && classOf(text.charCodeAt(j + 1)) === 1) {
          apostrophe = true;
          d = APOS;
        } else break;
      } else {
        uppers += UPPER_FLAG[d];
        d = LOWER[d];
      }
      h = Math.imul(h ^ d, 0x01000193);
      count++;
      if (count === 5) h5 = h >>> 0;
      j++;
    }
    h >>>= 0;
    end[n] = j;
    hash[n] = h;
    stem[n] = count > 5 ? Math.imul(h5 ^ 0x54321, 0x01000193) >>> 0 : h;
    if (count > 4) {
      let hs = 0x12345;
      for (let q = j - 3; q < j; q++) {
        const d = text.charCodeAt(q);
        hs = Math.imul(hs ^ (d === RSQUO ? APOS : LOWER[d] || d), 0x01000193);
      }
      suffix[n] = hs >>> 0;
    } else suffix[n] = h;
    shape[n] = first >= 48 && first <= 57 ? 3 : uppers === 0 ? 0 : uppers === count && count > 1 ? 2 : UPPER_FLAG[first] ? 1 : 0;
    n++;
    i = j;
  }
  return { start, end, hash, shape, suffix, stem, count: n };
}
