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
  value: T | null;
}

const newNode = <T>(): Node<T> => ({ next: new Map(), prefixes: null, value: null });

export interface LexiconMatch<T> {
  start: number;
  end: number;
  value: T;
}

const WORD_RE = /[\p{L}\p{N}]+/gu;
const BREAK_RE = /[.!?\n;:]/;

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

function candidates(toks: Token[]): Int32Array {
  const hit = candidateCache.get(toks);
  if (hit && hit.version === firstsVersion) return hit.at;
  const at: number[] = [];
  for (let i = 0; i < toks.length; i++) {
    const norm = toks[i].norm;
    if (firstWords.has(norm) || (stemInitials[norm.charCodeAt(0)] === 1 && firstStems.has(norm.slice(0, 3)))) at.push(i);
  }
  const out = Int32Array.from(at);
  candidateCache.set(toks, { version: firstsVersion, at: out });
  return out;
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

  private step(node: Node<T>, tok: Token, text: string): Node<T>[] {
    const out: Node<T>[] = [];
    const norm = tok.norm;
    const exact = node.next.get(norm);
    if (exact) out.push(exact);
    const group = node.prefixes?.get(norm.slice(0, 3));
    if (group) {
      // the Russian stemmer may cut into a stem ("называемое" → "назыв"): compare the word as written too
      const surface = stemForm(text.slice(tok.start, tok.end));
      for (const [p, child] of group) if (norm.startsWith(p) || surface.startsWith(p)) out.push(child);
    }
    return out;
  }

  scan(text: string, toks: Token[] = documentTokens(text)): LexiconMatch<T>[] {
    const out: LexiconMatch<T>[] = [];
    const first = this.root.next;
    const firstPrefixes = this.root.prefixes;
    const at = candidates(toks);
    // a scan over every token would resume here after each match (leftmost-longest, no overlaps)
    let resume = 0;
    for (let k = 0; k < at.length; k++) {
      const i = at[k];
      if (i < resume) continue;
      const norm = toks[i].norm;
      if (!first.has(norm) && !firstPrefixes?.has(norm.slice(0, 3))) continue;
      let frontier: Node<T>[] = [this.root];
      let best: { end: number; value: T; next: number } | null = null;
      for (let j = i; j < toks.length && frontier.length; j++) {
        if (j > i && BREAK_RE.test(text.slice(toks[j - 1].end, toks[j].start))) break;
        const next: Node<T>[] = [];
        for (const n of frontier) for (const m of this.step(n, toks[j], text)) next.push(m);
        for (const n of next) if (n.value !== null) best = { end: toks[j].end, value: n.value, next: j + 1 };
        frontier = next;
      }
      if (best) {
        out.push({ start: toks[i].start, end: best.end, value: best.value });
        resume = best.next;
      }
    }
    return out;
  }
}
