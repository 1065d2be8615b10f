// Date strings from metadata, CSV columns and datelines → partial ISO dates at the precision
// the string carries (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH:MM). Hand-written: Date.parse
// guesses silently (time zones, two-digit years, "JUNE 2023" → 1 June), while we must keep
// exactly the precision written and never invent a day.
import type { PartialDate } from '../core/types.js';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  января: 1, февраля: 2, марта: 3, апреля: 4, мая: 5, июня: 6, июля: 7, августа: 8, сентября: 9, октября: 10, ноября: 11, декабря: 12,
};
const MONTH_NAMES =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?' +
  '|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря';
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
const TIME = '(?:\\s*(?:,|-|–|at|в)?\\s*(\\d{1,2})\\s*:\\s*(\\d{2})(?::\\d{2})?\\s*([ap]\\.?m\\.?)?)?';

const pad = (n: number): string => String(n).padStart(2, '0');

function year(y: string): number {
  const n = Number(y);
  if (y.length === 2) return n < 50 ? 2000 + n : 1900 + n;
  return n;
}

function month(name: string): number | undefined {
  const k = name.toLowerCase();
  return MONTHS[k] ?? MONTHS[k.slice(0, 3)];
}

function build(y: number, m?: number, d?: number, hh?: string, mm?: string, ampm?: string): PartialDate {
  if (y < 1900 || y > 2100) return null;
  if (m === undefined) return String(y);
  if (m < 1 || m > 12) return null;
  if (d === undefined) return `${y}-${pad(m)}`;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d < 1 || d > days) return null;
  const date = `${y}-${pad(m)}-${pad(d)}`;
  if (hh === undefined || mm === undefined) return date;
  let h = Number(hh);
  if (ampm) {
    const pm = ampm.toLowerCase().startsWith('p');
    if (h === 12) h = pm ? 12 : 0;
    else if (pm) h += 12;
  }
  if (h > 23 || Number(mm) > 59) return date;
  return `${date}T${pad(h)}:${mm}`;
}

interface DatePattern {
  re: RegExp;
  make: (m: RegExpExecArray) => PartialDate;
}

// Order matters: the most specific forms first. All patterns are unanchored so they also serve
// the dateline search; `parseDate` requires the match to cover the whole string.
const PATTERNS: DatePattern[] = [
  // 2019-12-21, 2019-12-21T10:00:00+03:00, 2019/12/21 10:00
  {
    re: /\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T\s](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/,
    make: (m) => build(Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5]),
  },
  // 29.12.2019 - 23:49, 29.12.2019
  {
    re: new RegExp(`\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})${TIME}`),
    make: (m) => build(Number(m[3]), Number(m[2]), Number(m[1]), m[4], m[5], m[6]),
  },
  // 15-09-2013 (day first, as Arab and European sites print it; month first only when the day cannot be a month)
  {
    re: /\b(\d{1,2})-(\d{1,2})-(\d{4})\b/,
    make: (m) => (Number(m[2]) > 12 ? build(Number(m[3]), Number(m[1]), Number(m[2])) : build(Number(m[3]), Number(m[2]), Number(m[1]))),
  },
  // 4/5/17, 04/05/2017 (US order, as FA-KES writes it)
  {
    re: /\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/,
    make: (m) => build(year(m[3]), Number(m[1]), Number(m[2])),
  },
  // Wed 05 Apr 2017, 21 December 2019, 27 January, 2020, 21 Dec 2019 10:00
  {
    re: new RegExp(`\\b${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_NAMES})\\.?,?\\s+(\\d{4})${TIME}`, 'i'),
    make: (m) => build(Number(m[3]), month(m[2]), Number(m[1]), m[4], m[5], m[6]),
  },
  // Dec 19, 2019, December 19 2019 at 4:15 pm, Thursday, December 19, 2019
  {
    re: new RegExp(`\\b${WEEKDAY}(${MONTH_NAMES})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}`, 'i'),
    make: (m) => build(Number(m[3]), month(m[1]), Number(m[2]), m[4], m[5], m[6]),
  },
  // Apr 232017: a site template that glues the day to the year
  {
    re: new RegExp(`\\b(${MONTH_NAMES})\\.?\\s+(\\d{2})((?:19|20)\\d{2})\\b`, 'i'),
    make: (m) => build(Number(m[3]), month(m[1]), Number(m[2])),
  },
  // JUNE 2023, December 2019
  {
    re: new RegExp(`\\b(${MONTH_NAMES})\\.?,?\\s+(\\d{4})\\b`, 'i'),
    make: (m) => build(Number(m[2]), month(m[1])),
  },
];

const YEAR_ONLY = /^(\d{4})$/;

/** Parse a whole date string (metadata, CSV cell); null when it is not a date we understand. */
export function parseDate(raw: string | null | undefined): PartialDate {
  if (!raw) return null;
  const s = raw.trim();
  if (!s) return null;
  const y = YEAR_ONLY.exec(s);
  if (y) return build(Number(y[1]));
  for (const p of PATTERNS) {
    const m = p.re.exec(s);
    if (!m) continue;
    // the date must be most of the string: allow a weekday, time zone or "GMT" around it
    if (m[0].length < s.length * 0.6) continue;
    // a well-formed but impossible date ("31 February") is not a date at a coarser precision
    return p.make(m);
  }
  return null;
}

/** Find a date anywhere in a short line; returns the date and the match position. */
export function findDate(line: string): { date: string; index: number; length: number } | null {
  let best: { date: string; index: number; length: number } | null = null;
  for (const p of PATTERNS) {
    const m = p.re.exec(line);
    if (!m) continue;
    const d = p.make(m);
    if (d && (!best || m.index < best.index)) best = { date: d, index: m.index, length: m[0].length };
  }
  return best;
}

const GLOBAL_PATTERNS = PATTERNS.map((p) => ({ ...p, re: new RegExp(p.re.source, `${p.re.flags}g`) }));
/** words a site prints right before its own date ("Published", "Posted on", "Last updated at") */
const CUE_BEFORE = /(?:\bpublished(?:\s+on)?|\bposted(?:\s+on)?|\bdate\s+of\s+publication|\b(?:last\s+)?updated(?:\s+at|\s+on)?|\bprint\s+this\s+page)\s*[:\-–]?\s*$/i;
/** a wire service's credit right before the date ("Monitor AFP Friday 15 Jul 2016") */
const WIRE_BEFORE = /\b(?:AFP|AP|Reuters|SANA|Xinhua|DPA|ANHA|ANSA|TASS|Sputnik|IRNA|UPI|AA)\s*[,:\-–]?\s*$/;
/** a place and a wire credit right after the date ("6 October 2016 Aleppo SANA-") */
const WIRE_AFTER = /^\s*[,:\-–]?\s*(?:\p{Lu}[\p{L}'-]*\s+){0,3}(?:SANA|AFP|Reuters|Xinhua|ANHA|TASS|AP)\b/u;
/** "18.05.2017", "2017-05-18", "15-09-2013": numeric full dates are site furniture, not prose */
const NUMERIC = /^\d{1,4}[-./]\d{1,2}[-./]\d{1,4}/;
const LEAD_CHARS = 320;

/** A date inside a long first line (text flattened to one paragraph) that the page itself printed. */
function leadDate(line: string): PartialDate {
  const head = line.slice(0, LEAD_CHARS);
  let best: { date: string; index: number } | null = null;
  for (const p of GLOBAL_PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(head); m; m = p.re.exec(head)) {
      const d = p.make(m);
      // only a full day: a month alone in a lead is usually the story's background
      if (!d || d.length < 10 || (best && m.index >= best.index)) continue;
      const before = head.slice(Math.max(0, m.index - 40), m.index);
      const after = head.slice(m.index + m[0].length, m.index + m[0].length + 40);
      if (CUE_BEFORE.test(before) || WIRE_BEFORE.test(before) || WIRE_AFTER.test(after) || NUMERIC.test(m[0])) best = { date: d, index: m.index };
    }
  }
  return best?.date ?? null;
}

/** The text's own dateline: a date within the first lines, as short lines or a line's lead. */
export function datelineDate(text: string, maxLines = 12, maxChars = 1200): PartialDate {
  const head = text.slice(0, maxChars);
  const lines = head.split('\n').filter((l) => l.trim());
  for (const line of lines.slice(0, maxLines)) {
    const found = findDate(line);
    if (!found) continue;
    // a dateline is short, or the date leads the line ("Wed 05 Apr 2017 Syria attack …"),
    // or follows a byline ("By X - 27 January, 2020")
    if (line.trim().length <= 60 || found.index <= 3 || /^\s*by\s/i.test(line)) return found.date;
  }
  // pages flattened to one paragraph: "Posted on April 4 2017 by …", "Headline AFP Friday 15 Jul 2016 …"
  const first = lines[0];
  return first ? leadDate(first) : null;
}

/** Is this whole line just a date (used to skip datelines when guessing a headline)? */
export function isDateLine(line: string): boolean {
  const found = findDate(line);
  return !!found && found.length >= line.trim().length * 0.6;
}
