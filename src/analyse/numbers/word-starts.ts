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

/** Heads as a trie in one transition table; `end` marks where a head is complete. */
export interface HeadTrie {
  /** node × width + column → child node, or -1 (16 bits: half the cache lines) */
  next: Int16Array;
  end: Uint8Array;
  /** folded code (< 0x460) → its column, or -1 when no head has it */
  cols: Int16Array;
  width: number;
  /** first folded codes of the heads */
  starts: Set<number>;
}

/**
 * Heads are cut to this many characters: the scan only rules positions out, and a short head
 * does that almost as well as a long one, while the table stays small enough for the CPU cache
 * (a full-length trie of several thousand nodes missed the cache at nearly every step).
 */
export const HEAD_DEPTH = 10;

/**
 * Heads as a trie of folded character codes, a space standing for a run of white space; null
 * when a head has a character outside ASCII and basic Cyrillic or does not start with a letter
 * (then callers fall back to the plain regex). `anyStart`: a head may also start with another
 * character (not white space), for callers whose regex has a left word edge before every
 * alternative (the technique rules' "#hashtag"). Columns are only the folded codes the heads use.
 */
export function headTrie(heads: string[], options: { anyStart?: boolean } = {}): HeadTrie | null {
  if (!heads.length) return null;
  const seqs: number[][] = [];
  const starts = new Set<number>();
  for (const h of heads) {
    if (!h || (options.anyStart ? /^\s/.test(h) : !/^\p{L}/u.test(h))) return null;
    const seq: number[] = [];
    let prevSpace = false;
    for (let j = 0; j < h.length; j++) {
      const c = h.charCodeAt(j);
      if (!simple(c)) return null;
      const f = /\s/.test(h[j] ?? '') ? SPACE : fold(c);
      if (f === SPACE && prevSpace) continue;
      prevSpace = f === SPACE;
      if (j === 0) starts.add(f);
      if (seq.length < HEAD_DEPTH) seq.push(f);
    }
    seqs.push(seq);
  }
  const cols = new Int16Array(0x460).fill(-1);
  let width = 0;
  for (const seq of seqs) for (const f of seq) if (cols[f] === -1) cols[f] = width++;
  const rows: number[][] = [new Array<number>(width).fill(-1)];
  const ends: boolean[] = [false];
  for (const seq of seqs) {
    let node = 0;
    for (const f of seq) {
      if (ends[node]) break; // a shorter head already ends here: it decides
      const row = rows[node]!;
      let child = row[cols[f]!] ?? -1;
      if (child < 0) {
        child = rows.length;
        row[cols[f]!] = child;
        rows.push(new Array<number>(width).fill(-1));
        ends.push(false);
      }
      node = child;
    }
    ends[node] = true;
  }
  // nodes renumbered breadth first: the shallow rows, where almost every walk ends, lie together
  if (rows.length > 0x7fff) return null;
  const order = [0];
  const id = new Int32Array(rows.length).fill(-1);
  id[0] = 0;
  for (let k = 0; k < order.length; k++) {
    for (const child of rows[order[k]!]!) {
      if (child >= 0 && id[child] === -1) {
        id[child] = order.length;
        order.push(child);
      }
    }
  }
  const next = new Int16Array(rows.length * width).fill(-1);
  const end = new Uint8Array(rows.length);
  order.forEach((old, k) => {
    const row = rows[old]!;
    for (let col = 0; col < width; col++) if (row[col]! >= 0) next[k * width + col] = id[row[col]!]!;
    end[k] = ends[old] ? 1 : 0;
  });
  return { next, end, cols, width, starts };
}

/** Whether a head starts at `p` (case-folded), or a character the trie cannot judge comes first. */
export function headAt(trie: HeadTrie, s: string, p: number): boolean {
  const { next, end, cols, width } = trie;
  let node = 0;
  for (let j = p; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (!simple(c)) return true;
    const f = fold(c);
    const col = cols[f]!;
    if (col < 0) return false;
    node = next[node * width + col]!;
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
