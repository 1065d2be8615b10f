// Column access that survives the variants real exports use: upper or lower case, spaces or
// underscores, a BOM on the first header, and renamed columns across versions.
import { epochDay, isoDay } from '../cluster/days.js';

export type Row = Record<string, string>;

/** "EVENT DATE" and "\uFEFFevent_date" both become event_date. */
export function normaliseHeader(h: string): string {
  return h.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** First non-empty value among the column names given. */
export function field(row: Row, ...names: string[]): string | null {
  for (const n of names) {
    const v = row[n];
    if (v !== undefined && v.trim() !== '') return v.trim();
  }
  return null;
}

export function numberField(row: Row, ...names: string[]): number | null {
  const v = field(row, ...names);
  if (v === null) return null;
  const n = Number(v.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/**
 * ISO day from the date forms reference exports use: 2016-12-13, 2016-12-13 00:00:00.000,
 * 13 December 2016, 13-December-2016, 13-Dec-16, 13/12/2016 (day first, as ACLED writes it).
 */
export function parseReferenceDate(s: string | null): string | null {
  if (!s) return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s);
  if (m) return valid(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})[\s-]+([A-Za-z]{3,})[\s-]+(\d{2,4})$/.exec(s);
  if (m) {
    const mo = MONTHS[m[2]!.slice(0, 3).toLowerCase()];
    const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return mo ? valid(y, mo, +m[1]!) : null;
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return valid(+m[3]!, +m[2]!, +m[1]!);
  return null;
}

function valid(y: number, m: number, d: number): string | null {
  const day = epochDay(y, m, d);
  return day === null ? null : isoDay(day);
}
