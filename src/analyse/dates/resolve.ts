// Resolves date expressions in a stretch of text against the document's publication date:
// explicit dates ("5 April 2017", "April 5", "2017-04-05"), weekdays ("on Saturday"), deictic
// words ("yesterday", "last night", "today"), counted offsets ("two weeks ago") and vague
// periods ("last spring", "last year", "earlier this month"). Each result carries an
// ACLED-style time precision (1 day, 2 week or near a date, 3 month or vaguer).
// Hand-written because chrono-node is not a dependency and its English-only rules do not
// report ACLED precision; the grammar needed for news datelines is small.
import type { PartialDate, Span } from '../../core/types.js';

export interface DateMention extends Span {
  date: PartialDate;
  precision: 1 | 2 | 3;
}

export interface ResolveOptions {
  /** turns a count word ("two", "a dozen") into a number; digits are always understood */
  count?: (word: string) => number | null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const SEASON_MONTH: Record<string, number> = { spring: 4, summer: 7, autumn: 10, fall: 10, winter: 1 };

const MONTH = '(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const MONTH2 = MONTH.replace('?<mon>', '?<mon2>');
const DATE_PARTS = [
  `(?<iso>\\b(?<iy>(?:19|20)\\d\\d)-(?<im>[01]\\d)-(?<id>[0-3]\\d)\\b)`,
  `\\b(?<d1>[0-3]?\\d)(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+(?<y1>(?:19|20)\\d\\d)(?!-\\d))?\\b`,
  `\\b${MONTH2}\\s+(?<d2>[0-3]?\\d)(?:st|nd|rd|th)?\\b(?:,?\\s+(?<y2>(?:19|20)\\d\\d)\\b(?!-\\d))?`,
  `\\b(?:in|since|during|by|of|until)\\s+(?<mon3>january|february|march|april|may|june|july|august|september|october|november|december)(?:\\s+(?<y3>(?:19|20)\\d\\d))?\\b`,
  `\\b(?:in|since|during|of)\\s+(?<year>(?:19|20)\\d\\d)\\b`,
  `\\b(?<dayBefore>the\\s+day\\s+before\\s+yesterday)\\b`,
  `\\b(?<deictic>yesterday|today|tonight|last\\s+night|this\\s+morning|this\\s+afternoon|this\\s+evening|earlier\\s+today)\\b`,
  `\\b(?:(?<dayRel>last|this|next|on|late|early)\\s+)?(?<wday>sunday|monday|tuesday|wednesday|thursday|friday|saturday)(?:\\s+(?:night|morning|evening|afternoon))?\\b`,
  `\\b(?<ago>\\d+|[a-z]+|a|an)\\s+(?<agoUnit>day|week|month|year)s?\\s+ago\\b`,
  `\\b(?<lastRel>last|this|earlier\\s+this|later\\s+this|past)\\s+(?<lastUnit>week|month|year|spring|summer|autumn|fall|winter|weekend)\\b`,
];
const DATE_RE = new RegExp(DATE_PARTS.join('|'), 'gi');
// Without "ago" in the text the counted-offset branch, which starts at every word, cannot match:
// the others all start with a digit or one of these beginnings, so a lookahead on them skips most
// positions. Same matches in the same order, much less work.
const FIRST_PAIRS = '\\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|in\\s|sin|dur|by\\s|of\\s|unt|the|thi|yes|tod|ton|las|lat|ear|nex|on\\s|sun|mon|tue|wed|thu|fri|sat|pas';
const DATE_RE_NO_AGO = new RegExp(`(?=${FIRST_PAIRS})(?:${DATE_PARTS.filter((p) => !p.includes('?<ago>')).join('|')})`, 'gi');
const AGO = /ago/i;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
function day(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
function month(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}
function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * 86_400_000);
}
function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase());
}

/** Parse a PartialDate with at least a day into a UTC Date, or null. */
export function toDate(published: PartialDate): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published ?? '');
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** Year for a month/day given without one: the latest such date not after publication (+2 days slack). */
function inferYear(ref: Date | null, mon: number, d: number): number | null {
  if (!ref) return null;
  const y = ref.getUTCFullYear();
  const candidate = Date.UTC(y, mon, d);
  return candidate > ref.getTime() + 2 * 86_400_000 ? y - 1 : y;
}

function resolveOne(g: Record<string, string | undefined>, ref: Date | null, opts: ResolveOptions): [PartialDate, 1 | 2 | 3] | null {
  if (g.iso) return [`${g.iy}-${g.im}-${g.id}`, 1];
  const mon = g.mon ?? g.mon2;
  const d = g.d1 ?? g.d2;
  if (mon && d) {
    const mi = monthIndex(mon);
    const dn = Number(d);
    if (mi < 0 || dn < 1 || dn > 31) return null;
    const y = g.y1 ?? g.y2 ? Number(g.y1 ?? g.y2) : inferYear(ref, mi, dn);
    return y === null ? null : [`${y}-${pad(mi + 1)}-${pad(dn)}`, 1];
  }
  if (g.mon3) {
    const mi = monthIndex(g.mon3);
    const y = g.y3 ? Number(g.y3) : inferYear(ref, mi, 1);
    return y === null ? null : [`${y}-${pad(mi + 1)}`, 3];
  }
  if (g.year) return [g.year, 3];
  if (!ref) return null;
  if (g.dayBefore) return [day(addDays(ref, -2)), 1];
  if (g.deictic) {
    const w = g.deictic.toLowerCase();
    return [day(w === 'yesterday' || w.startsWith('last') ? addDays(ref, -1) : ref), 1];
  }
  if (g.wday) {
    const target = DAYS.indexOf(g.wday.toLowerCase());
    let back = (ref.getUTCDay() - target + 7) % 7;
    if (g.dayRel?.toLowerCase() === 'last' && back === 0) back = 7;
    if (g.dayRel?.toLowerCase() === 'next') return [day(addDays(ref, (target - ref.getUTCDay() + 7) % 7 || 7)), 1];
    return [day(addDays(ref, -back)), 1];
  }
  if (g.ago && g.agoUnit) {
    const w = g.ago.toLowerCase();
    const n = /^\d+$/.test(w) ? Number(w) : w === 'a' || w === 'an' ? 1 : opts.count?.(w) ?? null;
    if (n === null) return null;
    const unit = g.agoUnit.toLowerCase();
    if (unit === 'day') return [day(addDays(ref, -n)), 1];
    if (unit === 'week') return [day(addDays(ref, -7 * n)), 2];
    if (unit === 'month') return [month(new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() - n, 1))), 3];
    return [String(ref.getUTCFullYear() - n), 3];
  }
  if (g.lastRel && g.lastUnit) {
    const rel = g.lastRel.toLowerCase().replace(/\s+/g, ' ');
    const unit = g.lastUnit.toLowerCase();
    const back = rel === 'last' || rel === 'past';
    if (unit === 'week' || unit === 'weekend') return [day(addDays(ref, back ? -7 : 0)), 2];
    if (unit === 'month') return [month(new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() - (back ? 1 : 0), 1))), 3];
    if (unit === 'year') return [String(ref.getUTCFullYear() - (back ? 1 : 0)), 3];
    const sm = SEASON_MONTH[unit] ?? 1;
    const refMonth = ref.getUTCMonth() + 1;
    // "last spring" is the most recent spring that has ended; "this spring" the current year's
    let y = ref.getUTCFullYear();
    if (back && (sm + 2 >= refMonth || (unit === 'winter' && refMonth <= 3))) y -= 1;
    return [`${y}-${pad(sm)}`, 3];
  }
  return null;
}

// cheap test before the full grammar: every date expression has a digit or one of these words
const MAYBE_DATE = /\d|day|night|ago|week|month|year|spring|summer|autumn|fall|winter|morning|evening|afternoon|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;

// the events analyser resolves every sentence of a document against the same date: parse it once
let lastPublished: PartialDate | undefined;
let lastRef: Date | null = null;
function refDate(published: PartialDate): Date | null {
  if (published !== lastPublished) {
    lastPublished = published;
    lastRef = toDate(published);
  }
  return lastRef;
}

/** Every date expression in text[from, to), resolved against `published` when it is relative. */
export function resolveDates(text: string, published: PartialDate, from = 0, to = text.length, opts: ResolveOptions = {}): DateMention[] {
  const out: DateMention[] = [];
  const slice = text.slice(from, to);
  if (!MAYBE_DATE.test(slice)) return out;
  const ref = refDate(published);
  const re = AGO.test(slice) ? DATE_RE : DATE_RE_NO_AGO;
  re.lastIndex = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const r = resolveOne(m.groups ?? {}, ref, opts);
    if (r) out.push({ start: from + m.index, end: from + m.index + m[0].length, date: r[0], precision: r[1], ruleId: 'date-expression' });
  }
  return out;
}
