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

/** Folded codes as table columns: ASCII, then basic Cyrillic lower case (what `fold` yields). */
const WIDTH = 128 + 48;
function column(f: number): number {
  return f < 0x80 ? f : f >= 0x430 && f <= 0x45f ? 128 + f - 0x430 : -1;
}

/** Heads as a trie in one transition table; `end` marks where a head is complete. */
export interface HeadTrie {
  next: Int32Array;
  end: Uint8Array;
  /** first folded codes of the heads */
  starts: Set<number>;
}

/**
 * Heads as a trie of folded character codes, a space standing for a run of white space; null
 * when a head has a character outside ASCII and basic Cyrillic or does not start with a letter
 * (then callers fall back to the plain regex).
 */
export function headTrie(heads: string[]): HeadTrie | null {
  if (!heads.length) return null;
  const rows: number[][] = [new Array<number>(WIDTH).fill(-1)];
  const ends: boolean[] = [false];
  const starts = new Set<number>();
  for (const h of heads) {
    if (!h || !/^\p{L}/u.test(h)) return null;
    let node = 0;
    let prevSpace = false;
    for (let j = 0; j < h.length; j++) {
      const c = h.charCodeAt(j);
      if (!simple(c)) return null;
      const f = /\s/.test(h[j] ?? '') ? SPACE : fold(c);
      if (f === SPACE && prevSpace) continue;
      prevSpace = f === SPACE;
      if (j === 0) starts.add(f);
      const row = rows[node];
      const col = column(f);
      if (!row || col < 0) return null;
      let child = row[col] ?? -1;
      if (child < 0) {
        child = rows.length;
        row[col] = child;
        rows.push(new Array<number>(WIDTH).fill(-1));
        ends.push(false);
      }
      node = child;
    }
    ends[node] = true;
  }
  const next = new Int32Array(rows.length * WIDTH);
  rows.forEach((row, i) => next.set(row, i * WIDTH));
  return { next, end: Uint8Array.from(ends, (e) => (e ? 1 : 0)), starts };
}

/** Whether a head starts at `p` (case-folded), or a character the trie cannot judge comes first. */
export function headAt(trie: HeadTrie, s: string, p: number): boolean {
  const { next, end } = trie;
  let node = 0;
  for (let j = p; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (!simple(c)) return true;
    const f = fold(c);
    const col = f < 0x80 ? f : 128 + f - 0x430;
    node = next[node * WIDTH + col] ?? -1;
    if (node < 0) return false;
    if (end[node] === 1) return true;
    // a space in a head stands for the whole run of white space
    if (f === SPACE) while (j + 1 < s.length && s.charCodeAt(j + 1) < 0x80 && fold(s.charCodeAt(j + 1)) === SPACE) j++;
  }
  return false;
}

/**
 * Per character code: 1 when a head can start with it, 2 when the trie cannot judge it (a letter
 * or digit outside ASCII and basic Cyrillic, or a surrogate), 0 when no match starts there.
 */
export function firstTable(root: HeadTrie): Uint8Array {
  const word = wordChars();
  const first = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) {
    if (simple(c)) {
      if (root.starts.has(fold(c)) && fold(c) !== SPACE) first[c] = 1;
    } else if (word[c] !== 0) first[c] = 2;
  }
  return first;
}

export type StartScan = (s: string) => RegExpExecArray[];

/**
 * Matches of the global regex `re`, tried (sticky) only at word starts where one of `heads`
 * begins, and at ASCII digits when `digits` is set. The regex still decides every match, and the
 * positions skipped are ones where it cannot match, so the result equals the plain global scan.
 * Falls back to that plain scan when a head is not plain ASCII or Cyrillic letters.
 */
export function startScanner(re: RegExp, heads: string[], options: { digits?: boolean } = {}): StartScan {
  const plain: StartScan = (s) => {
    const out: RegExpExecArray[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) out.push(m);
    return out;
  };
  const root = headTrie(heads);
  if (!root) return plain;
  const word = wordChars();
  const first = firstTable(root);
  const digits = options.digits ?? false;
  const sticky = new RegExp(re.source, `${re.flags.replace(/[gy]/g, '')}y`);
  return (s) => {
    const out: RegExpExecArray[] = [];
    const n = s.length;
    let next = 0;
    for (let p = 0; p < n; p++) {
      if (p < next) continue;
      const c = s.charCodeAt(p);
      if (!digits || c < 48 || c > 57) {
        const cls = first[c];
        if (!cls) continue;
        if (p > 0 && word[s.charCodeAt(p - 1)] === 1) continue;
        if (cls === 1 && !headAt(root, s, p)) continue;
      }
      sticky.lastIndex = p;
      const m = sticky.exec(s);
      if (m) {
        out.push(m);
        next = p + m[0].length;
      }
    }
    return out;
  };
}
