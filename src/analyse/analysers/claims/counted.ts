// What a number counts (the head of the noun phrase after it) and whether a number is a claim
// at all: dates, times, years, ages, model numbers (T-90, S-400), video lengths, ratings (18+)
// and list numbering are not. Hand-written heuristics over a few tokens of context, because a
// full parser costs more than the 2 MB/s budget allows.
import type { NumberMatch } from '../../numbers/parse.js';

const WORD_RE = /[\p{L}][\p{L}\p{N}'’.-]*|[^\s\p{L}]/gu;
const RU_VERB = /(?:ли|ла|ло|ть|ет|ют|ят|ил|ал|ись|ась|ось|лся|ены|ены)$/;
const RU_COUNT = new Set(['человек', 'раз', 'людей', 'жителей', 'детей', 'беженцев']);
const NOT_PLURAL = /(?:ss|us|is|gas|news|series|species|arms)$/;
const FUNCTION_WORDS = new Set(
  ('of the a an and or but in on at to from by with for as than that which who whom this these those its their his her ' +
    'were was are is be been being have has had will would could should may might can did do does not no ' +
    'including among among them such while when where after before since during into onto over under about ' +
    'per each more less some other all both either own same so very also just only still there here then ' +
    'said says told according reported added claimed announced ago later earlier last next ' +
    'и в на с по из за от до для не что как это которые был были было').split(' '),
);
const OF_SKIP = new Set(['of', 'из']);
/** plurals without -s that close a noun phrase as a plural -s noun does */
const BARE_PLURALS = new Set(['people', 'children', 'men', 'women', 'personnel', 'люди']);
/** words before a year ("in 2015 protests began", "the 2014 elections"): a year, not a count */
const YEAR_BEFORE = /^(?:in|since|until|till|by|from|of|to|during|before|after|early|late|mid|spring|summer|autumn|fall|winter|year|between|and|through|circa|the|a|an|its|their|his|her|this|that|every|в|с|до|по|году)$/i;
const TIME_UNITS = new Set('second seconds minute minutes hour hours day days week weeks month months year years decade decades century centuries am pm a.m. p.m. gmt utc'.split(' '));
const MONTHS = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\.?$/i;

const LABEL_NOUNS = /^(?:resolution|annex|article|chapter|section|paragraph|no\.?|number|locations?|route|highway|flight|room|phase|part|item|point|case|page|line|exhibit|appendix|protocol)$/i;

export interface CountedNoun {
  counted: string;
  /** end offset of the counted phrase (or the number's end when nothing follows) */
  end: number;
}

interface Token {
  t: string;
  start: number;
}

/** Strips trailing dots and apostrophes ("U.S." keeps "U.S", "soldiers'" -> "soldiers"). */
function trimTail(w: string): string {
  let e = w.length;
  while (e > 0) {
    const c = w.charCodeAt(e - 1);
    if (c !== 0x2e && c !== 0x27 && c !== 0x2019) break;
    e--;
  }
  return e === w.length ? w : w.slice(0, e);
}

/**
 * The first `limit` tokens of the 80 characters after `from` that start before `end`, read only
 * as far as asked: most counted nouns are decided by the first token or two.
 */
class TokensAfter {
  private readonly toks: Token[] = [];
  private readonly window: string;
  private pos = 0;
  private done = false;

  constructor(
    private readonly from: number,
    text: string,
    private readonly limit: number,
    private readonly end: number,
  ) {
    this.window = text.slice(from, Math.min(text.length, from + 80));
  }

  at(i: number): Token | undefined {
    while (!this.done && this.toks.length <= i) {
      if (this.toks.length >= this.limit) {
        this.done = true;
        break;
      }
      WORD_RE.lastIndex = this.pos;
      const m = WORD_RE.exec(this.window);
      if (!m || this.from + m.index >= this.end) {
        this.done = true;
        break;
      }
      this.pos = WORD_RE.lastIndex;
      this.toks.push({ t: trimTail(m[0]), start: this.from + m.index });
    }
    return this.toks[i];
  }
}

/** The head noun after a number: "8,461 civilians" -> civilians, "tens of thousands of people" -> people. */
export function countedAfter(text: string, n: NumberMatch, sentenceEnd: number): CountedNoun {
  // ICU ends a sentence after "U.N." or "U.S.": let the phrase run on past such an abbreviation
  const end = text.charCodeAt(sentenceEnd - 1) === 0x2e && /(?:\p{Lu}\.){2,}$/u.test(text.slice(Math.max(0, sentenceEnd - 6), sentenceEnd)) ? sentenceEnd + 60 : sentenceEnd;
  const toks = new TokensAfter(n.end, text, 7, end);
  let i = 0;
  if (toks.at(0)?.t === '-' || toks.at(0)?.t === '+') i++;
  if (toks.at(i) && OF_SKIP.has(toks.at(i)?.t.toLowerCase() ?? '')) {
    i++;
    // "30 of them children", "11 of whom were children": the noun after the pronoun
    if (/^(?:them|whom|those)$/i.test(toks.at(i)?.t ?? '')) {
      i++;
      if (/^(?:were|are|was)$/i.test(toks.at(i)?.t ?? '')) i++;
    }
    if (/^(?:the|their|his|her|its|our|these|those)$/i.test(toks.at(i)?.t ?? '')) i++;
    // "27 of the 31 drones": the noun after the whole (digits come as one token each)
    while (/^[\d.,]$/.test(toks.at(i)?.t ?? '')) i++;
  }
  let head = '';
  let headEnd = n.end;
  let sawLower = false;
  for (let k = 0; toks.at(i) !== undefined && k < 4; i++, k++) {
    const tok = toks.at(i);
    if (!tok) break;
    const t = tok.t;
    const lower = t.toLowerCase();
    if (!/\p{L}/u.test(t)) break;
    if (FUNCTION_WORDS.has(lower)) break;
    if (k === 0 && /ly$/.test(lower) && toks.at(i + 1)) continue;
    // Russian: a verb ends the phrase ("двенадцать раз обстреляли"), a counting noun closes it
    if (/[\u0400-\u04ff]/.test(lower)) {
      if (k > 0 && RU_VERB.test(lower)) break;
      head = t;
      headEnd = tok.start + t.length;
      if (!/(?:ых|их|ого|ей\s)$/.test(lower) || RU_COUNT.has(lower)) break;
      continue;
    }
    const capital = /^\p{Lu}/u.test(t);
    if (capital && sawLower) break;
    if (k > 0 && /(?:ed|ing)$/.test(lower) && head && !/(?:ed|ing)$/.test(head.toLowerCase())) break;
    head = t;
    headEnd = tok.start + t.length;
    if (!capital) sawLower = true;
    // a plural common noun usually closes the phrase ("200 ISIL terrorists declared")
    if (!capital && ((/s$/.test(lower) && !NOT_PLURAL.test(lower)) || BARE_PLURALS.has(lower))) break;
  }
  if (!head && toks.at(0)?.t === '%') return { counted: 'percent', end: (toks.at(0)?.start ?? 0) + 1 };
  return { counted: head.toLowerCase(), end: headEnd };
}

/**
 * "killed 2000 terrorists": a year-like number read as a count, because a plural noun follows it
 * at once and nothing before it introduces a year ("in 2015", "the 2014 elections").
 */
function countsRightAfter(text: string, n: NumberMatch, before: string, counted: string): boolean {
  if (!counted || !(/s$/.test(counted) || BARE_PLURALS.has(counted)) || TIME_UNITS.has(counted)) return false;
  const next = text.slice(n.end + 1, n.end + 1 + counted.length);
  if (!/^[ \t]$/.test(text.charAt(n.end)) || next !== counted) return false;
  const prev = /([\p{L}]+)\s*$/u.exec(before)?.[1] ?? '';
  return !YEAR_BEFORE.test(prev);
}

/** Why a number is not a claim, or null when it is one. */
export function notAClaim(text: string, n: NumberMatch, counted: string, lineStart: number): string | null {
  const before = text.slice(Math.max(0, n.start - 12), n.start);
  const after = text.slice(n.end, n.end + 14);
  const raw = text.slice(n.start, n.end);
  if (!n.words) {
    if (/[\p{L}][-‐]?$/u.test(before) || /^[\p{L}]/u.test(after) || /^-[\p{Lu}\d]/u.test(after)) return 'model-number';
    if (/[/:=#]\s?$/.test(before) || /^[/:]\s?\d/.test(after)) return 'time-or-path';
    if (/^\+/.test(after)) return 'rating';
    if (/^\.\d/.test(after)) return 'version';
    if (n.start === lineStart && /^[.)]\s/.test(after)) return 'list-number';
    if (!n.ordinal && !/,/.test(raw) && n.value >= 1900 && n.value <= 2100 && Number.isInteger(n.value) && !countsRightAfter(text, n, before, counted)) return 'year';
    if (/^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|hrs\b|gmt\b|o['’]clock)/i.test(after)) return 'time';
  }
  if (/^-?\s*years?[-\s]old/i.test(after) || /^-year/i.test(after) || /\b(?:aged?|ages)\s+$/i.test(before)) return 'age';
  const prevWord = /([\p{L}.]+)\s*$/u.exec(before)?.[1] ?? '';
  const nextWord = /^\s*(?:of\s+)?([\p{L}.]+)/u.exec(after)?.[1] ?? '';
  if (n.value <= 31 && Number.isInteger(n.value) && (MONTHS.test(prevWord) || MONTHS.test(nextWord))) return 'date';
  if (TIME_UNITS.has(counted)) return 'duration-or-date';
  if (/^-(?:hour|day|week|month|year|minute)/i.test(after)) return 'duration';
  if (LABEL_NOUNS.test(prevWord)) return 'label-number';
  if (/^\s*(?:and|to|-|–)\s*\d{1,2}(?:st|nd|rd|th)?\s+([\p{L}.]+)/u.test(after) && MONTHS.test(/^\s*(?:and|to|-|–)\s*\d{1,2}(?:st|nd|rd|th)?\s+([\p{L}.]+)/u.exec(after)?.[1] ?? '')) return 'date-range';
  if (n.ordinal && /^(?:century|centuries|anniversary|floor|round|time|place)$/.test(counted)) return 'ordinal';
  if (n.words && n.value === 1 && !counted) return 'pronoun-one';
  if (n.ordinal && n.words) return 'ordinal-word';
  // "Annex 3", "Locations 2 and 4", "Resolution 2254": a label, not a count
  if (!counted && /^\p{Lu}\p{Ll}+$/u.test(prevWord) && !/^(?:Some|About|Around|Nearly|Over|Almost|Only|All)$/.test(prevWord)) return 'label-number';
  if (!counted && /\b(?:and|or|to)\s+$/.test(before) && /\p{Lu}\p{Ll}+\s+\d+\s+(?:and|or|to)\s+$/u.test(text.slice(Math.max(0, n.start - 30), n.start))) return 'label-number';
  return null;
}
