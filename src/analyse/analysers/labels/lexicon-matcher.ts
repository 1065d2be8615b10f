// Phrase matcher for the framing lexicons (labels, stance cues). It reuses the shared token
// normalisation (src/match/normalise.ts) so lexicon forms meet text the same way gazetteer
// names do, and adds what the shared trie lacks: forms ending in * match any word that starts
// with the stem (Russian inflection: "боевик*" → боевики, боевиков). Leftmost-longest,
// non-overlapping, never across a sentence end; O(tokens × phrase length).
import { documentTokens, normWord, type Token } from '../../../match/normalise.js';

interface Node<T> {
  next: Map<string, Node<T>>;
  /** wildcard children, grouped by the first three letters of their stem (stems have ≥ 3) */
  prefixes: Map<string, [string, Node<T>][]> | null;
  /** first character codes of the `prefixes` keys: most words are ruled out without slicing them */
  initials: Set<number> | null;
  value: T | null;
}

const newNode = <T>(): Node<T> => ({ next: new Map(), prefixes: null, initials: null, value: null });

/** the wildcard group of `node` a word's first three letters lead to */
function prefixGroup<T>(node: Node<T>, norm: string): [string, Node<T>][] | undefined {
  return node.initials?.has(norm.charCodeAt(0)) ? node.prefixes?.get(norm.slice(0, 3)) : undefined;
}

export interface LexiconMatch<T> {
  start: number;
  end: number;
  value: T;
}

const WORD_RE = /[\p{L}\p{N}]+/gu;
/** a sentence end or clause break (. ! ? newline ; :) in text[from, to): phrases never span one */
function breakBetween(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 46 || c === 33 || c === 63 || c === 10 || c === 59 || c === 58) return true;
  }
  return false;
}

// Every matcher's first words (and wildcard stems' first three letters). One pass per token
// list finds the tokens that can start a phrase of any matcher; each matcher's scan then visits
// only those instead of every token (labels, distancers, stance cues and sources all scan the
// same document).
const firstWords = new Set<string>();
const firstStems = new Set<string>();
/** first characters of firstStems: most tokens are ruled out without slicing their norm */
const stemInitials = new Uint8Array(65536);
let firstsVersion = 0;
const candidateCache = new WeakMap<Token[], { version: number; at: Int32Array }>();

/** FNV-1a over the UTF-16 units */
function strHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

// firstWords again as an open-addressing table keyed by an FNV hash of the word, rebuilt when the
// set grows: a Set lookup per token of every document hashed each fresh token string in the engine
let firstIndex: { version: number; mask: number; hashes: Int32Array; words: (string | null)[] } | null = null;

function isFirstWord(norm: string): boolean {
  if (!firstIndex || firstIndex.version !== firstsVersion) {
    let size = 16;
    while (size < firstWords.size * 4) size <<= 1;
    const ix = { version: firstsVersion, mask: size - 1, hashes: new Int32Array(size), words: new Array<string | null>(size).fill(null) };
    for (const w of firstWords) {
      const h = strHash(w);
      let slot = h & ix.mask;
      while (ix.words[slot] !== null) slot = (slot + 1) & ix.mask;
      ix.hashes[slot] = h;
      ix.words[slot] = w;
    }
    firstIndex = ix;
  }
  const ix = firstIndex;
  const h = strHash(norm);
  for (let slot = h & ix.mask; ; slot = (slot + 1) & ix.mask) {
    const w = ix.words[slot];
    if (w === null) return false;
    if (ix.hashes[slot] === h && w === norm) return true;
  }
}

function candidates(toks: Token[]): Int32Array {
  const hit = candidateCache.get(toks);
  if (hit && hit.version === firstsVersion) return hit.at;
  const at: number[] = [];
  for (let i = 0; i < toks.length; i++) {
    const norm = toks[i].norm;
    if (isFirstWord(norm) || (stemInitials[norm.charCodeAt(0)] === 1 && firstStems.has(norm.slice(0, 3)))) at.push(i);
  }
  const out = Int32Array.from(at);
  candidateCache.set(toks, { version: firstsVersion, at: out });
  return out;
}

function asciiBetween(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) >= 0x80) return false;
  return true;
}

/** How a wildcard stem and the word it is compared with are written: no accents, lower case, е for ё. */
function stemForm(w: string): string {
  return w.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/ё/g, 'е');
}

export class LexiconMatcher<T> {
  private readonly root: Node<T> = newNode<T>();
  readonly duplicates: string[] = [];

  add(form: string, value: T): void {
    const wildcard = form.endsWith('*');
    const words = (wildcard ? form.slice(0, -1) : form).match(WORD_RE) ?? [];
    if (!words.length) return;
    let node = this.root;
    words.forEach((w, k) => {
      const last = k === words.length - 1;
      if (last && wildcard) {
        const stem = stemForm(w);
        node.prefixes ??= new Map();
        (node.initials ??= new Set()).add(stem.charCodeAt(0));
        if (node === this.root && !firstStems.has(stem.slice(0, 3))) {
          firstStems.add(stem.slice(0, 3));
          stemInitials[stem.charCodeAt(0)] = 1;
          firstsVersion++;
        }
        const group = node.prefixes.get(stem.slice(0, 3)) ?? [];
        node.prefixes.set(stem.slice(0, 3), group);
        let child = group.find(([p]) => p === stem)?.[1];
        if (!child) group.push([stem, (child = newNode<T>())]);
        node = child;
        return;
      }
      const key = normWord(w);
      if (node === this.root && !firstWords.has(key)) {
        firstWords.add(key);
        firstsVersion++;
      }
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = newNode<T>()));
      node = child;
    });
    if (node.value !== null) this.duplicates.push(form);
    node.value = value;
  }

  /** the children of `node` that `tok` leads to, written into `out` from `count` on; the new count */
  private step(node: Node<T>, tok: Token, text: string, out: Node<T>[], count: number): number {
    const norm = tok.norm;
    const exact = node.next.get(norm);
    if (exact) out[count++] = exact;
    const group = prefixGroup(node, norm);
    if (group) {
      // the Russian stemmer may cut into a stem ("называемое" → "назыв"): compare the word as written
      // too (made only when needed; an ASCII word's stem form is its norm, so it is never needed)
      let surface: string | null = asciiBetween(text, tok.start, tok.end) ? norm : null;
      for (const [p, child] of group) if (norm.startsWith(p) || (surface ??= stemForm(text.slice(tok.start, tok.end))).startsWith(p)) out[count++] = child;
    }
    return count;
  }

  // The walk reuses two frontier arrays (with their own counts: emptying an array by its length
  // drops its storage) and tests the gap between tokens character by character (it was a slice
  // and a regex per step): the scan runs for every matcher over every candidate token of every
  // document, and its garbage was a large share of the analysers' allocation.
  scan(text: string, toks: Token[] = documentTokens(text)): LexiconMatch<T>[] {
    const out: LexiconMatch<T>[] = [];
    const first = this.root.next;
    const at = candidates(toks);
    let frontier: Node<T>[] = [];
    let next: Node<T>[] = [];
    // a scan over every token would resume here after each match (leftmost-longest, no overlaps)
    let resume = 0;
    for (let k = 0; k < at.length; k++) {
      const i = at[k];
      if (i < resume) continue;
      const norm = toks[i].norm;
      if (!first.has(norm) && !prefixGroup(this.root, norm)) continue;
      frontier[0] = this.root;
      let size = 1;
      let bestEnd = -1;
      let bestValue: T | null = null;
      let bestNext = 0;
      for (let j = i; j < toks.length && size > 0; j++) {
        if (j > i && breakBetween(text, toks[j - 1].end, toks[j].start)) break;
        let nextSize = 0;
        for (let f = 0; f < size; f++) nextSize = this.step(frontier[f], toks[j], text, next, nextSize);
        for (let f = 0; f < nextSize; f++) {
          const n = next[f];
          if (n.value !== null) {
            bestEnd = toks[j].end;
            bestValue = n.value;
            bestNext = j + 1;
          }
        }
        const swap = frontier;
        frontier = next;
        next = swap;
        size = nextSize;
      }
      if (bestEnd >= 0) {
        out.push({ start: toks[i].start, end: bestEnd, value: bestValue as T });
        resume = bestNext;
      }
    }
    return out;
  }
}
