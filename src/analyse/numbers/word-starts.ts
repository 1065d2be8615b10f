// Character-level prefilter for the big word-list regexes (trigger words, number words): a loop
// over character codes finds the word starts where one of the list's heads begins (case-folded
// through a small trie), and only there is the regex run, sticky. Skipped positions are ones the
// regex cannot match at, so the matches equal those of the global regex, for a fraction of the
// cost. Hand-written: JS regex engines have no such prefilter and no library adds one.

/** 1 for a letter, digit or `_` (what `(?<![\p{L}\p{N}_])` looks at), 2 for a surrogate half. */
let wordTable: Uint8Array | null = null;

export function wordChars(): Uint8Array {
  if (wordTable) return wordTable;
  const t = new Uint8Array(65536);
  const re = /[\p{L}\p{N}_]/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) t[c] = 2;
    else if (re.test(String.fromCharCode(c))) t[c] = 1;
  }
  wordTable = t;
  return t;
}

/** ASCII and basic Cyrillic, where toLowerCase is the regex engine's case folding. */
export function simple(c: number): boolean {
  return c < 0x80 || (c >= 0x400 && c <= 0x45f);
}

const SPACE = 0x20;

/** Lower case of a `simple` character code; ASCII white space becomes a plain space. */
export function fold(c: number): number {
  if (c < 0x80) return c >= 65 && c <= 90 ? c + 32 : (c >= 9 && c <= 13) ? SPACE : c;
  return c <= 0x40f ? c + 0x50 : c <= 0x42f ? c + 0x20 : c;
}

export interface TrieNode {
  next: Map<number, TrieNode>;
  end: boolean;
}

/**
 * Heads as a trie of folded character codes, a space standing for any white space; null when a
 * head has a character outside ASCII and basic Cyrillic or does not start with a letter (then
 * callers fall back to the plain regex).
 */
export function headTrie(heads: string[]): TrieNode | null {
  const root: TrieNode = { next: new Map(), end: false };
  if (!heads.length) return null;
  for (const h of heads) {
    if (!h || !/^\p{L}/u.test(h)) return null;
    let node = root;
    for (let j = 0; j < h.length; j++) {
      const c = h.charCodeAt(j);
      if (!simple(c)) return null;
      const f = /\s/.test(h[j] ?? '') ? SPACE : fold(c);
      let child = node.next.get(f);
      if (!child) node.next.set(f, (child = { next: new Map(), end: false }));
      node = child;
    }
    node.end = true;
  }
  return root;
}

/** Whether a head starts at `p` (case-folded), or a character the trie cannot judge comes first. */
export function headAt(root: TrieNode, s: string, p: number): boolean {
  let node: TrieNode | undefined = root;
  for (let j = p; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (!simple(c)) return true;
    node = node.next.get(fold(c));
    if (!node) return false;
    if (node.end) return true;
  }
  return false;
}

/**
 * Per character code: 1 when a head can start with it, 2 when the trie cannot judge it (a letter
 * or digit outside ASCII and basic Cyrillic, or a surrogate), 0 when no match starts there.
 */
export function firstTable(root: TrieNode): Uint8Array {
  const word = wordChars();
  const first = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) {
    if (simple(c)) {
      if (root.next.has(fold(c)) && fold(c) !== SPACE) first[c] = 1;
    } else if (word[c] !== 0) first[c] = 2;
  }
  return first;
}
