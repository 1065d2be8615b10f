// A lookahead on the first characters of a word list, put in front of the big word-list
// alternations (numbers, trigger words, hedges, speech verbs). V8's regex engine tries every
// alternative at every position; a short lookahead of distinct prefixes rejects most positions
// at once, which halves the cost of these regexes. It only states a necessary condition, so the
// matches are exactly those of the unguarded expression. Hand-written: a few lines, no library
// builds guards for JS regexes.

const SPECIAL = /[\\^$.*+?()[\]{}|/]/g;

function escapeChar(ch: string): string {
  return ch.replace(SPECIAL, '\\$&');
}

/** The guard atoms of one word: up to `depth` characters, a space as `\s`, stopping at a `*`. */
function atoms(word: string, depth: number): string[] | null {
  const out: string[] = [];
  for (const ch of word) {
    if (out.length >= depth || ch === '*') break;
    if (/\s/.test(ch)) {
      if (!out.length) return null;
      out.push('\\s');
      break;
    }
    out.push(escapeChar(ch));
  }
  return out.length ? out : null;
}

/**
 * `(?=abc|de\s|f)` over the words' first `depth` characters. Give the same flags as the guarded
 * regex: with `i` the guard folds case like the words themselves. `extra` adds raw alternatives
 * (`\d`). Empty string when a word cannot be guarded (starts with a space or a star) or the list
 * is empty.
 */
export function prefixGuard(words: Iterable<string>, extra: string[] = [], depth = 3): string {
  const prefixes: string[][] = [];
  for (const w of words) {
    const a = atoms(w, depth);
    if (!a) return '';
    prefixes.push(a);
  }
  if (!prefixes.length) return '';
  // a shorter prefix makes every longer one that starts with it redundant
  const keys = new Set(prefixes.map((a) => a.join('\u0000')));
  const kept = new Set<string>();
  for (const a of prefixes) {
    let covered = false;
    for (let k = 1; k < a.length && !covered; k++) covered = keys.has(a.slice(0, k).join('\u0000'));
    if (!covered) kept.add(a.join(''));
  }
  return `(?=${[...extra, ...kept].join('|')})`;
}
