// Literal heads of a regex: strings one of which every match begins with (as written; the scan
// folds case). The technique rules are regexes from techniques.yaml, and their union was the
// hottest regex of the analysers, run at every position of every text; with heads, a character
// trie (numbers/word-starts.ts) rules out almost every position before the regex is asked. A head
// may be shorter than the literal text the regex requires (a shorter head filters less, never
// wrongly); anything this reader does not follow ends the head there, and an alternative with no
// literal start at all gives null (the caller then scans with the regex alone). Hand-written:
// regex parsers on npm build a full AST, and this needs one narrow answer.
import { fold, HEAD_DEPTH, simple } from '../../numbers/word-starts.js';

interface Head {
  text: string;
  /** the alternative was literal to its end (more literal text may follow the group) */
  complete: boolean;
}

/** at most this many heads (alternatives inside alternatives multiply) */
const MAX_HEADS = 5000;

class Reader {
  private i = 0;
  constructor(private readonly src: string) {}

  /** the heads of the alternatives up to `)` or the end; null when one has no literal start */
  alternation(): Head[] | null {
    const out: Head[] = [];
    let ok = true;
    for (;;) {
      const seq = this.sequence();
      if (!seq) ok = false;
      else out.push(...seq);
      if (this.src[this.i] !== '|') break;
      this.i++;
    }
    return ok && out.length <= MAX_HEADS ? out : null;
  }

  private sequence(): Head[] | null {
    let heads: Head[] = [{ text: '', complete: true }];
    let open = true; // still literal so far: later elements extend the heads
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const el = this.element();
      if (!open) continue;
      if (!el) {
        open = false;
        continue;
      }
      const next: Head[] = [];
      for (const h of heads) for (const e of el) next.push({ text: h.text + e.text, complete: e.complete });
      if (next.length > MAX_HEADS) return null;
      heads = next;
      open = heads.every((h) => h.complete);
      if (!open) heads = heads.map((h) => ({ text: h.text, complete: false }));
    }
    if (open) return heads;
    return heads.every((h) => h.text.length > 0) ? heads.map((h) => ({ text: h.text, complete: false })) : null;
  }

  /** one element's literal heads, or null when it is not literal (a class, an escape class, a quantifier) */
  private element(): Head[] | null {
    const s = this.src;
    let lit: Head[] | null;
    const c = s[this.i]!;
    if (c === '(') {
      const head = /^\((?:\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>))?/.exec(s.slice(this.i))![0];
      this.i += head.length;
      const inner = this.alternation();
      if (s[this.i] === ')') this.i++;
      lit = /^\(\?(?:=|!|<=|<!)$/.test(head) ? null : inner;
    } else if (c === '[') {
      let j = this.i + 1;
      while (j < s.length && s[j] !== ']') j += s[j] === '\\' ? 2 : 1;
      this.i = j + 1;
      lit = null;
    } else if (c === '\\') {
      const esc = /^\\(?:[pP]\{[^}]*\}|u\{[0-9A-Fa-f]+\}|u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2}|c[A-Za-z]|k<[^>]*>|\d+|[^])/.exec(s.slice(this.i))![0];
      this.i += esc.length;
      // an escaped punctuation character is itself; every other escape is a class or an assertion
      lit = esc.length === 2 && /^[^\p{L}\p{N}\s]$/u.test(esc[1]!) ? [{ text: esc[1]!, complete: true }] : null;
    } else if (c === '^' || c === '$' || c === '.') {
      this.i++;
      lit = null;
    } else {
      const ch = String.fromCodePoint(s.codePointAt(this.i)!);
      this.i += ch.length;
      lit = [{ text: ch, complete: true }];
    }
    const q = /^(?:[*?+]|\{\d+(?:,\d*)?\})\??/.exec(s.slice(this.i));
    if (q) {
      this.i += q[0].length;
      // a repeated element: its heads still begin the match only when it must occur
      const min = q[0][0] === '{' ? Number(/\d+/.exec(q[0])![0]) : q[0][0] === '+' ? 1 : 0;
      if (!lit || min === 0) return null;
      return lit.map((h) => ({ text: h.text, complete: false }));
    }
    return lit;
  }
}

/** Literal heads of `source`: every match of it begins with one of them; null when none can be given. */
export function literalHeads(source: string): string[] | null {
  try {
    const heads = new Reader(source).alternation();
    if (!heads || heads.some((h) => !h.text)) return null;
    return [...new Set(heads.map((h) => h.text))];
  } catch {
    return null;
  }
}

/**
 * The heads of several rules in one character trie (case-folded as in numbers/word-starts.ts, a
 * space standing for a run of white space, heads cut to HEAD_DEPTH characters), each node
 * carrying the rules whose heads end there: one walk from a position names the rules that can
 * match at it, instead of one walk per rule.
 */
export interface RuleHeads {
  next: Int16Array;
  width: number;
  /** folded code (< 0x460) → column, or -1 */
  cols: Int16Array;
  /** per node: bit k set when a head of rule k ends there */
  ends: Int32Array;
  /** every rule's bit */
  all: number;
}

/** null when there are more than 31 rules, a head is not ASCII or basic Cyrillic, or the trie is too big */
export function ruleHeads(perRule: string[][]): RuleHeads | null {
  if (!perRule.length || perRule.length > 31) return null;
  const seqs: [number[], number][] = [];
  for (let k = 0; k < perRule.length; k++) {
    for (const h of perRule[k]!) {
      if (!h || /^\s/.test(h)) return null;
      const seq: number[] = [];
      let prevSpace = false;
      for (let j = 0; j < h.length && seq.length < HEAD_DEPTH; j++) {
        const c = h.charCodeAt(j);
        if (!simple(c)) return null;
        const f = /\s/.test(h[j] ?? '') ? 0x20 : fold(c);
        if (f === 0x20 && prevSpace) continue;
        prevSpace = f === 0x20;
        seq.push(f);
      }
      seqs.push([seq, k]);
    }
  }
  const cols = new Int16Array(0x460).fill(-1);
  let width = 0;
  for (const [seq] of seqs) for (const f of seq) if (cols[f] === -1) cols[f] = width++;
  const rows: number[][] = [new Array<number>(width).fill(-1)];
  const ends: number[] = [0];
  for (const [seq, k] of seqs) {
    let node = 0;
    for (const f of seq) {
      const row = rows[node]!;
      let child = row[cols[f]!]!;
      if (child < 0) {
        child = rows.length;
        row[cols[f]!] = child;
        rows.push(new Array<number>(width).fill(-1));
        ends.push(0);
      }
      node = child;
    }
    ends[node]! |= 1 << k;
  }
  if (rows.length > 0x7fff) return null;
  const next = new Int16Array(rows.length * width);
  rows.forEach((row, i) => next.set(row, i * width));
  return { next, width, cols, ends: Int32Array.from(ends), all: perRule.length === 31 ? 0x7fffffff : (1 << perRule.length) - 1 };
}

/**
 * The rules one of whose heads begins at p (bit k for rule k); every rule when a character the
 * trie cannot fold comes first (the regexes then decide).
 */
export function rulesAt(t: RuleHeads, text: string, p: number): number {
  const { next, width, cols, ends } = t;
  let node = 0;
  let found = 0;
  for (let j = p; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (!simple(c)) return t.all;
    const f = fold(c);
    const col = cols[f]!;
    if (col < 0) return found;
    node = next[node * width + col]!;
    if (node < 0) return found;
    found |= ends[node]!;
    // a space in a head stands for the whole run of white space
    if (f === 0x20) while (j + 1 < text.length && text.charCodeAt(j + 1) < 0x80 && fold(text.charCodeAt(j + 1)) === 0x20) j++;
  }
  return found;
}
