// Quantitative claims: every number that counts something, with what it counts, whether it is
// approximate or hedged, and who the text says makes it. Runs per sentence over precompiled
// matchers; the speaker comes from the who-and-where layer's mentions when one covers it.
import type { ClaimFinding, Span } from '../../../core/types.js';
import type { Analyser, AnalysisContext } from '../../analyser.js';
import { findNumbers } from '../../numbers/parse.js';
import { attribute, namedMentions } from './attribution.js';
import { countedAfter, notAClaim } from './counted.js';
import { claimsLexicon, type ClaimsLexicon } from './section.js';

function hedgesIn(text: string, sentence: Span, lex: ClaimsLexicon): string[] {
  const out: string[] = [];
  const s = text.slice(sentence.start, sentence.end);
  lex.hedges.lastIndex = 0;
  for (let m = lex.hedges.exec(s); m; m = lex.hedges.exec(s)) out.push(m[0].toLowerCase());
  return out;
}

// (the lookaheads name the words' first letters: a cheap test that fails most positions at once)
const TOLL_BEFORE = /(?=to|de)\b(?:toll|death\s+toll)\b[^.;]{0,25}$/i;
const KILL_BEFORE = /(?=ki|ma|ex)\b(?:kill(?:s|ed|ing)?|massacr(?:es|ed|ing)|execut(?:es|ed|ing))\s+(?:at\s+least\s+|some\s+|about\s+|more\s+than\s+|over\s+|nearly\s+|up\s+to\s+)?$/i;
const ELLIPSIS_BEFORE = /(?:\band|,|\bwhile|\bwith)\s+(?:\p{L}+\s+){0,2}$/u;

/** What a bare number counts when the text leaves the noun out: "killed six people and injured 32". */
function elided(text: string, at: number, sentenceStart: number, earlier: ClaimFinding[]): string {
  const before = text.slice(Math.max(sentenceStart, at - 40), at);
  if (TOLL_BEFORE.test(before)) return 'dead';
  const prev = earlier.at(-1);
  if (prev?.counted && ELLIPSIS_BEFORE.test(text.slice(Math.max(prev.end, at - 30), at))) return prev.counted;
  if (KILL_BEFORE.test(before)) return 'people';
  return '';
}

/** Claims in one sentence (exported for tests and for the events analyser's own use). */
export function claimsInSentence(text: string, sentence: Span, lex: ClaimsLexicon, named: ReturnType<typeof namedMentions>): ClaimFinding[] {
  const numbers = findNumbers(lex.numbers, text, sentence.start, sentence.end);
  if (!numbers.length) return [];
  const out: ClaimFinding[] = [];
  let attribution: ReturnType<typeof attribute> | undefined;
  let sentenceHedges: string[] | undefined;
  for (const n of numbers) {
    const after = countedAfter(text, n, sentence.end);
    const end = after.end;
    let counted = after.counted;
    const atLineStart = /(?:^|\n)[ \t]*$/.test(text.slice(Math.max(0, n.start - 8), n.start));
    if (notAClaim(text, n, counted, atLineStart ? n.start : -1)) continue;
    if (n.words && n.value === 1 && !lex.categories.has(counted)) continue;
    if (n.ordinal && !counted) continue;
    if (!counted) counted = elided(text, n.start, sentence.start, out);
    attribution ??= attribute(text, sentence, lex, named);
    sentenceHedges ??= hedgesIn(text, sentence, lex);
    const approxMatch = lex.approxBefore.exec(text.slice(Math.max(sentence.start, n.start - 30), n.start));
    const approxWord = approxMatch?.[1]?.toLowerCase().replace(/\s+/g, ' ');
    const hedges = [...sentenceHedges];
    if (approxWord && lex.hedgeApprox.has(approxWord)) hedges.push(approxWord);
    if (attribution?.hedged) hedges.push('claimed');
    const start = approxMatch ? n.start - approxMatch[0].length : n.start;
    out.push({
      start,
      end: Math.max(end, n.end),
      ruleId: n.words ? 'claims-number-words' : 'claims-number-digits',
      value: n.value,
      approx: n.vague || Boolean(approxWord) || /^\s*\+|^-plus/.test(text.slice(n.end, n.end + 5)),
      counted,
      attributedTo: attribution?.name ?? null,
      hedged: hedges.length > 0,
      number: { start: n.start, end: n.end },
      hedges: [...new Set(hedges)],
    });
  }
  return out;
}

export const claimsAnalyser: Analyser = {
  id: 'claims',
  after: ['sources-cited', 'actors', 'persons'],
  description: 'quantitative claims: numbers in digits or words, what they count, approximation, hedging and attribution',
  run(ctx: AnalysisContext): void {
    const lex = claimsLexicon(ctx.pack);
    const named = namedMentions(ctx.doc);
    const text = ctx.doc.text;
    for (const sentence of ctx.sentences()) {
      for (const c of claimsInSentence(text, sentence, lex, named)) ctx.doc.claims.push(c);
    }
  },
};
