// Partial ISO dates (YYYY, YYYY-MM, YYYY-MM-DD[THH:MM]) as ranges of epoch days, widened by
// the slack a time precision allows. Integer days make date windows and buckets cheap.

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/** Epoch day of a full date, or null. */
export function epochDay(y: number, m: number, d: number): number | null {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return Math.floor(t / DAY_MS);
}

export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The days a partial date covers: a year, a month or one day; null when it is not a date. */
export function coveredDays(date: string | null | undefined): [number, number] | null {
  const m = date ? DATE_RE.exec(date) : null;
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3]) {
    const d = epochDay(y, Number(m[2]), Number(m[3]));
    return d === null ? null : [d, d];
  }
  if (m[2]) {
    const mo = Number(m[2]);
    const first = epochDay(y, mo, 1);
    if (first === null) return null;
    const next = mo === 12 ? epochDay(y + 1, 1, 1)! : epochDay(y, mo + 1, 1)!;
    return [first, next - 1];
  }
  return [epochDay(y, 1, 1)!, epochDay(y, 12, 31)!];
}

/** ACLED time precision implied by how much of the date is known. */
export function precisionOf(date: string | null | undefined): 1 | 2 | 3 | null {
  const r = coveredDays(date);
  if (!r) return null;
  return r[1] === r[0] ? 1 : 3;
}

/**
 * Slack in days either side of the stated date, by ACLED time precision: 1 the day is known
 * (none), 2 within a week (a week-wide window), 3 within a month (a month-wide window).
 */
export function slackDays(timePrecision: number | null | undefined): number {
  if (timePrecision === 1) return 0;
  if (timePrecision === 2) return 3;
  return 15;
}

/** Days between two ranges (0 when they overlap). */
export function dayGap(a: [number, number], b: [number, number]): number {
  if (a[1] < b[0]) return b[0] - a[1];
  if (b[1] < a[0]) return a[0] - b[1];
  return 0;
}
