// A token trie for dictionary matching: every dictionary phrase (place names, actor aliases,
// outlet names, ...) is inserted once; a document is then scanned in a single left-to-right pass
// over its tokens, taking the longest dictionary phrase starting at each token. This is the
// word-level equivalent of Aho-Corasick with leftmost-longest semantics; because phrases are at
// most a few tokens long, restarting the walk at each token costs O(tokens × depth) and needs no
// failure links. Hand-written: the npm Aho-Corasick packages work on characters (no word
// boundaries, no Unicode folding) and would need a second pass to recover token offsets.
// Every token is looked up among the phrases' first words; that lookup (a Map keyed by a fresh
// string per token, hashed by the engine each time) was the costliest line of the analysers, so
// the first words also sit in a small open-addressing table keyed by an FNV hash of the token.
import { tokenize, type Token } from './normalise.js';

export type CaseRule = 'any' | 'first' | 'cap' | 'exact';

export interface Entry<T> {
  value: T;
  /** 'cap': every token with letters must start upper-case (particles al/el/ad... excepted);
   * 'first': only the first token must start upper-case ("Syrian army");
   * 'exact': the surface must equal the phrase as written (acronyms such as IS); 'any' */
  caseRule: CaseRule;
  /** the phrase as written in the dictionary (for 'exact') */
  phrase: string;
  /** which of the phrase's tokens are written capitalised (for 'cap') */
  caps: boolean[];
  /** the phrase without trailing punctuation, what an 'exact' surface must equal (made once, not per check) */
  bare: string;
}

interface Node<T> {
  next: Map<string, Node<T>>;
  entries: Entry<T>[] | null;
}

export interface Match<T> {
  start: number;
  end: number;
  /** index of the first and one-past-last token */
  tokenStart: number;
  tokenEnd: number;
  /** dictionary entries whose case rule the surface satisfies */
  entries: Entry<T>[];
  /** free slot for a caller's per-match derived data (cheaper than a WeakMap lookup per use) */
  memo?: unknown;
}

const PARTICLES = new Set(['al', 'el', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'an', 'ez', 'es', 'de', 'di', 'du', 'la', 'le', 'of', 'the', 'and', 'bin', 'ibn', 'bint', 'abu', 's', 'i', 'v', 'na', 'sur']);

function surfaceOk<T>(e: Entry<T>, text: string, toks: Token[], a: number, b: number, possessive = false): boolean {
  if (e.caseRule === 'any') return true;
  if (e.caseRule === 'first') {
    let i = a;
    while (i < b - 1 && PARTICLES.has(toks[i].norm) && !toks[i].cap) i++;
    return toks[i].cap;
  }
  if (e.caseRule === 'exact') {
    const from = toks[a].start;
    const to = toks[b - 1].end;
    const phrase = e.bare;
    return sameText(text, from, to, phrase, '') || (possessive && sameText(text, from, to, phrase, 's'));
  }
  for (let i = a; i < b; i++) {
    const t = toks[i];
    if (e.caps[i - a] && !t.cap && !PARTICLES.has(t.norm) && !/^\d/.test(t.norm)) return false;
  }
  return true;
}

/** text[from, to) equals phrase + suffix, compared in place (no slice per check) */
function sameText(text: string, from: number, to: number, phrase: string, suffix: string): boolean {
  if (to - from !== phrase.length + suffix.length) return false;
  for (let k = 0; k < phrase.length; k++) if (text.charCodeAt(from + k) !== phrase.charCodeAt(k)) return false;
  for (let k = 0; k < suffix.length; k++) if (text.charCodeAt(from + phrase.length + k) !== suffix.charCodeAt(k)) return false;
  return true;
}

/** the entries whose case rule the surface satisfies; the stored array itself when all do (no copy) */
function accepted<T>(entries: Entry<T>[], text: string, toks: Token[], a: number, b: number, possessive = false): Entry<T>[] {
  let k = 0;
  while (k < entries.length && surfaceOk(entries[k], text, toks, a, b, possessive)) k++;
  if (k === entries.length) return entries;
  const out = entries.slice(0, k);
  for (k++; k < entries.length; k++) if (surfaceOk(entries[k], text, toks, a, b, possessive)) out.push(entries[k]);
  return out;
}

/** phrases never span a sentence end or a line break; the dot of "U.S." or "St." is no end */
function phraseBreak(text: string, from: number, to: number, prev: Token): boolean {
  let dot = false;
  for (let k = from; k < to; k++) {
    const ch = text.charCodeAt(k);
    if (ch === 33 || ch === 63 || ch === 10 || ch === 59 || ch === 58) return true; // ! ? \n ; :
    if (ch === 46) dot = true;
  }
  if (!dot) return false;
  const len = prev.end - prev.start;
  return !(len === 1 || (len <= 3 && prev.cap && to - from <= 2));
}

/** FNV-1a over the UTF-16 units: the first-word table's key */
function strHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** the root's children by first word, in typed arrays (slot empty when keys[slot] is null) */
interface RootIndex<T> {
  mask: number;
  /** 8 bits of each slot's hash, never 0; 0: empty. Most tokens are no first word, and this small
   * array (not the keys) is all their lookup touches */
  fps: Uint8Array;
  hashes: Int32Array;
  keys: (string | null)[];
  nodes: (Node<T> | null)[];
}

export class TokenTrie<T> {
  private readonly root: Node<T> = { next: new Map(), entries: null };
  private count = 0;
  private rootIndex: RootIndex<T> | null = null;

  /** @param possessives also match a phrase whose last word carries an apostrophe-less possessive s */
  constructor(private readonly possessives = false) {}

  get size(): number {
    return this.count;
  }

  add(phrase: string, value: T, caseRule: CaseRule = 'any'): void {
    this.rootIndex = null;
    const toks = tokenize(phrase);
    const key = toks.map((t) => t.norm).join(' ');
    if (!key) return;
    let node = this.root;
    for (const part of key.split(' ')) {
      let child = node.next.get(part);
      if (!child) {
        child = { next: new Map(), entries: null };
        node.next.set(part, child);
      }
      node = child;
    }
    (node.entries ??= []).push({ value, caseRule, phrase, caps: toks.map((t) => t.cap), bare: phrase.replace(/[^\p{L}\p{N}]+$/u, '') });
    this.count++;
  }

  /** the entries stored under a normalised key (token norms joined by spaces), if any */
  lookup(key: string): Entry<T>[] | null {
    let node: Node<T> | undefined = this.root;
    for (const part of key.split(' ')) {
      node = node.next.get(part);
      if (!node) return null;
    }
    return node.entries;
  }

  private buildRootIndex(): RootIndex<T> {
    let size = 16;
    while (size < this.root.next.size * 4) size <<= 1;
    const ix: RootIndex<T> = { mask: size - 1, fps: new Uint8Array(size), hashes: new Int32Array(size), keys: new Array<string | null>(size).fill(null), nodes: new Array<Node<T> | null>(size).fill(null) };
    for (const [key, node] of this.root.next) {
      const h = strHash(key);
      let slot = h & ix.mask;
      while (ix.keys[slot] !== null) slot = (slot + 1) & ix.mask;
      ix.fps[slot] = (h >>> 24) | 1;
      ix.hashes[slot] = h;
      ix.keys[slot] = key;
      ix.nodes[slot] = node;
    }
    return ix;
  }

  /** root.next.get(word), through the hash table */
  private rootChild(word: string): Node<T> | undefined {
    const ix = (this.rootIndex ??= this.buildRootIndex());
    const h = strHash(word);
    const fp = (h >>> 24) | 1;
    for (let slot = h & ix.mask; ; slot = (slot + 1) & ix.mask) {
      const f = ix.fps[slot];
      if (f === 0) return undefined;
      if (f === fp && ix.hashes[slot] === h && ix.keys[slot] === word) return ix.nodes[slot] ?? undefined;
    }
  }

  /** Leftmost-longest, non-overlapping matches over pre-computed tokens of `text`. */
  scanTokens(text: string, toks: Token[]): Match<T>[] {
    const out: Match<T>[] = [];
    let i = 0;
    while (i < toks.length) {
      let node: Node<T> | undefined = this.root;
      let best: Match<T> | null = null;
      for (let j = i; j < toks.length && node; j++) {
        // phrases never span a sentence end or a line break
        if (j > i && toks[j].start - toks[j - 1].end > 0 && phraseBreak(text, toks[j - 1].end, toks[j].start, toks[j - 1])) break;
        const parent: Node<T> = node;
        node = j === i ? this.rootChild(toks[j].norm) : parent.next.get(toks[j].norm);
        if (node?.entries) {
          const ok = accepted(node.entries, text, toks, i, j + 1);
          if (ok.length) best = { start: toks[i].start, end: toks[j].end, tokenStart: i, tokenEnd: j + 1, entries: ok };
        } else if (this.possessives && (toks[j].cap ? toks[j].norm.length > 3 : toks[j].norm.length > 6) && toks[j].norm.endsWith('s')) {
          // text stripped of apostrophes ("Syrias war", "Aleppos Old City"): the phrase may end here
          const alt = j === i ? this.rootChild(toks[j].norm.slice(0, -1)) : parent.next.get(toks[j].norm.slice(0, -1));
          const ok = alt?.entries ? accepted(alt.entries, text, toks, i, j + 1, true) : [];
          if (ok.length) best = { start: toks[i].start, end: toks[j].end, tokenStart: i, tokenEnd: j + 1, entries: ok };
        }
      }
      if (best) {
        out.push(best);
        i = best.tokenEnd;
      } else i++;
    }
    return out;
  }

  scan(text: string): Match<T>[] {
    return this.scanTokens(text, tokenize(text));
  }
}
