// Who a sentence says makes its claims: "according to X", "X said", "said X", "X claimed",
// and quotations closed by a speech verb in the next sentence. A speaker span found this way is
// named after the cited source, person or actor whose mention it covers (from the who-and-where
// layer), else after its own words. Hand-written: speaker detection only needs a few cues.
import type { AnalysedDocument, Span } from '../../../core/types.js';
import type { ClaimsLexicon } from './section.js';

const CONNECTORS = new Set(['of', 'for', 'the', 'al', 'el', 'de', 'and', '&', 'on', 'in', 'de']);
const ADVERBS = new Set(['just', 'also', 'later', 'earlier', 'then', 'now', 'previously', 'today', 'yesterday', 'have', 'has', 'had', 'had', 'once', 'again', 'further']);
const DETERMINERS = /^(?:the|a|an)\s+/i;
const STOP_LEFT = new Set(
  'that which who and but or while as because after when if has have had was were is are will would also then it they he she we'.split(' '),
);

interface Named extends Span {
  name: string;
  /** persons name a speaker best, then cited sources, then actors */
  rank: number;
}

/** Mentions of sources, persons and actors, for naming a speaker span. */
export function namedMentions(doc: AnalysedDocument): Named[] {
  const out: Named[] = [];
  for (const s of doc.sourcesCited) for (const m of s.mentions) out.push({ start: m.start, end: m.end, name: s.name, rank: s.kind === 'person' ? 0 : 1 });
  for (const p of doc.persons) for (const m of p.mentions) out.push({ start: m.start, end: m.end, name: p.name, rank: 0 });
  for (const a of doc.actors) for (const m of a.mentions) out.push({ start: m.start, end: m.end, name: a.name, rank: 2 });
  return out.sort((a, b) => a.start - b.start);
}

// `named` is sorted by start; its longest mention bounds how far back an overlap can begin, so a
// binary search replaces the scan from the document's start (quadratic on long documents)
const longest = new WeakMap<Named[], number>();

function firstFrom(named: Named[], start: number): number {
  let lo = 0;
  let hi = named.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (named[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function nameFor(text: string, span: Span, named: Named[]): string {
  let max = longest.get(named);
  if (max === undefined) {
    max = named.reduce((m, n) => Math.max(m, n.end - n.start), 0);
    longest.set(named, max);
  }
  let best: Named | null = null;
  for (let i = firstFrom(named, span.start - max); i < named.length; i++) {
    const n = named[i]!;
    if (n.start >= span.end) break;
    if (n.end > span.start && (!best || n.rank < best.rank)) best = n;
  }
  if (best) return best.name;
  return text.slice(span.start, span.end).replace(DETERMINERS, '').trim();
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

/** The noun phrase ending at `end`: capitalised names with connectors, or up to 3 plain words, back to a determiner. */
function phraseBefore(text: string, from: number, endAt: number): Span | null {
  // "Airwars, a monitoring group, said": the name stands before the appositive
  const appositive = /,\s+(?:a|an|the)\s[^,;]{1,60},\s*$/.exec(text.slice(from, endAt));
  const end = appositive ? from + appositive.index : endAt;
  const toks: Span[] = [];
  const slice = text.slice(from, end);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) toks.push({ start: from + m.index, end: from + m.index + m[0].length });
  let start = -1;
  let plain = 0;
  let next = end;
  let phraseEnd = end;
  for (let i = toks.length - 1; i >= 0 && toks.length - i <= 9; i--) {
    const t = toks[i];
    if (!t) break;
    if (/[,;:"“”()!?]/.test(text.slice(t.end, next))) break;
    const w = text.slice(t.start, t.end);
    const lower = w.toLowerCase();
    // adverbs between speaker and verb: "the channel just reported", "officials later said"
    if (start < 0 && (/ly$/.test(lower) || ADVERBS.has(lower))) {
      next = t.start;
      continue;
    }
    if (lower === 'the' || lower === 'a' || lower === 'an') {
      if (start >= 0) start = t.start;
      break;
    }
    if (start < 0) phraseEnd = t.end;
    if (/^\p{Lu}/u.test(w) || /^\d/.test(w)) start = t.start;
    else if (CONNECTORS.has(lower) && start >= 0 && i > 0 && /^\p{Lu}/u.test(text.slice(toks[i - 1]?.start ?? 0))) start = t.start;
    else if (!STOP_LEFT.has(lower) && !CONNECTORS.has(lower) && plain < 3 && /^\p{Ll}/u.test(w) && !/ly$/.test(lower)) {
      start = t.start;
      plain++;
    } else break;
    next = t.start;
  }
  if (start < 0) return null;
  return { start, end: phraseEnd };
}

const AFTER_STOP = new Set(['that', 'said', 'says', 'who', 'which', 'on', 'in', 'as', 'while', 'when', 'after', 'before', 'because', 'was', 'were', 'is', 'are', 'has', 'had', 'have']);

/** The phrase starting at `from`: up to 8 words, stopping at punctuation or a clause word. */
function phraseAfter(text: string, from: number, to: number): Span | null {
  const slice = text.slice(from, Math.min(to, from + 120));
  TOKEN.lastIndex = 0;
  let start = -1;
  let end = -1;
  let prevEnd = 0;
  let count = 0;
  for (let m = TOKEN.exec(slice); m && count < 8; m = TOKEN.exec(slice), count++) {
    if (start >= 0 && /[,;:!?"“”()]/.test(slice.slice(prevEnd, m.index))) break;
    const w = m[0].replace(/[.'’-]+$/, '');
    if (AFTER_STOP.has(w.toLowerCase()) && start >= 0) break;
    if (start < 0) start = m.index;
    end = m.index + w.length;
    prevEnd = m.index + m[0].length;
    if (m[0].endsWith('.') && !/^(?:[A-Z]\.)+$/.test(m[0])) break;
  }
  if (start < 0 || end <= start) return null;
  return { start: from + start, end: from + end };
}

export interface Attribution {
  name: string;
  span: Span;
  /** the cue itself is a hedge ("claimed") */
  hedged: boolean;
}

/** Attribution for a sentence, or null when the author speaks. */
export function attribute(text: string, sentence: Span, lex: ClaimsLexicon, named: Named[]): Attribution | null {
  const s = text.slice(sentence.start, sentence.end);
  lex.according.lastIndex = 0;
  const acc = lex.according.exec(s);
  if (acc) {
    const span = phraseAfter(text, sentence.start + acc.index + acc[0].length, sentence.end);
    if (span) return { name: nameFor(text, span, named), span, hedged: false };
  }
  const cues: RegExpExecArray[] = [];
  lex.verbs.lastIndex = 0;
  for (let v = lex.verbs.exec(s); v; v = lex.verbs.exec(s)) cues.push(v);
  // plain speech verbs ("said", "told") name the speaker more surely than "announced", "put"
  const strong = (v: RegExpExecArray): number => (/^(?:said|says|say|told|claimed|claims|заявил\p{L}*|сообщил\p{L}*|сказал\p{L}*)$/iu.test(v[0]) ? 0 : 1);
  cues.sort((a, b) => strong(a) - strong(b) || a.index - b.index);
  for (const v of cues) {
    const verb = v[0].toLowerCase();
    if (verb === 'according') continue;
    const at = sentence.start + v.index;
    const hedged = /^claim/.test(verb) || /^alleg/.test(verb);
    const left = phraseBefore(text, sentence.start, at);
    if (left && !/^(?:it|they|he|she|we|i|this|which)$/i.test(text.slice(left.start, left.end))) {
      return { name: nameFor(text, left, named), span: left, hedged };
    }
    const right = phraseAfter(text, at + v[0].length, sentence.end);
    if (right && /^(?:the\s+)?\p{Lu}|^(?:the|a|an)\s/u.test(text.slice(right.start, right.end))) {
      return { name: nameFor(text, right, named), span: right, hedged };
    }
  }
  return null;
}
