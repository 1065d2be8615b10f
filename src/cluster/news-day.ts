// The dates event matching uses. Fresh news is matched by its news day (the report's own
// dateline); a report written more than FRESH_DAYS after the event it states (a follow-up, a UN
// debate, an anniversary) is matched by that stated day. Why: the day a fresh report gives is
// mostly relative ("on Friday", "yesterday", "overnight") to a dateline whose time zone and
// edition we do not know, and people date such reports by the dateline: in the FA-KES development
// set the crowd's event date is the article's dateline for 70% of articles and the day before it
// for under 1%, also when the text puts the event a day or three earlier, while follow-ups weeks
// later get the day they name. Matching fresh reports by the stated day put Saturday's report of
// Friday's raids on Aleppo with Friday's reports of other raids there; by news day FA-KES pairwise
// F1 went from 0.47 to 0.60 (eval/clusters.ts prints both).
// The cost: two fresh reports of one event a dateline apart join only at one named town or site
// (the one-day slack in compatible.ts), not when one names the whole city or province; a reprint
// is dated by its original's dateline (run.ts), so it stays with it.
// The event's own dates (`days`, `timePrecision`) stay as stated: dossiers and corroboration
// against ACLED/UCDP use them. Hand-written: a few lines of date arithmetic.
import type { EventMention } from './mentions.js';

/** a stated day at most this many days before publication is fresh news */
export const FRESH_DAYS = 3;

export interface MatchDates {
  days: [number, number];
  precision: 1 | 2 | 3;
}

/**
 * The news day of a mention: the report day when what the mention states reaches into the
 * FRESH_DAYS before publication (a day, a range inferred from the dateline, or a week, month or
 * year still running: "this month's toll" is that day's news, not every day of the month); otherwise
 * null, and the stated dates are matched as they are.
 */
export function newsDay(days: [number, number] | null, reportDay: number | null): MatchDates | null {
  if (reportDay === null || !days) return null;
  if (days[0] > reportDay || days[1] < reportDay - FRESH_DAYS) return null;
  return { days: [reportDay, reportDay], precision: 1 };
}

/** The days matching uses: the news day when the mention has one, else its stated days. */
export function matchDays(m: EventMention): [number, number] | null {
  return m.news?.days ?? m.days;
}

/** The time precision matching uses. */
export function matchPrecision(m: EventMention): 1 | 2 | 3 {
  return m.news?.precision ?? m.timePrecision;
}
