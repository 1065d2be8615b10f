// Finds trigger words without running the big trigger alternation at every position: a loop
// over character codes keeps only word starts whose first letters (case-folded) begin some
// trigger word, and runs the same regex, sticky, there. The regex still decides every match, and
// the positions skipped are ones where it cannot match, so the matches are exactly those of the
// global regex. One sticky regex only: many smaller ones (one per first letter) measured slower
// in the full pipeline. Hand-written: regex engines offer no such prefilter.
import { firstTable, headAt, headTrie, wordChars } from '../../numbers/word-starts.js';

export type TriggerScan = (s: string) => RegExpExecArray[];

/**
 * A scanner equivalent to `re` (global, flags `giu`, every alternative a literal head of one of
 * `words` behind a `(?<![\p{L}\p{N}_])` boundary). Falls back to the plain regex when a word's
 * head is not plain ASCII or Cyrillic letters.
 */
export function triggerScanner(re: RegExp, words: string[]): TriggerScan {
  const plain: TriggerScan = (s) => {
    const out: RegExpExecArray[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) out.push(m);
    return out;
  };
  // a head is the word up to its first star: every match starts with one
  const heads = words.map((w) => w.toLowerCase().split('*')[0] ?? '');
  const root = headTrie(heads);
  if (!root) return plain;
  const word = wordChars();
  const first = firstTable(root);
  const flags = re.flags.replace('g', '') + 'y';
  const sticky = new RegExp(re.source, flags);
  return (s) => {
    const out: RegExpExecArray[] = [];
    const n = s.length;
    let next = 0;
    for (let p = 0; p < n; p++) {
      const cls = first[s.charCodeAt(p)];
      if (!cls || p < next) continue;
      if (p > 0 && word[s.charCodeAt(p - 1)] === 1) continue;
      if (cls === 1 && !headAt(root, s, p)) continue;
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
