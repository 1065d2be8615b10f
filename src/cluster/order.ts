// The order the clusterer reads mentions in: a sweep through time, so that a corpus of any size
// is clustered holding only the clusters still inside the date window (run.ts streams mentions
// in this order from an on-disk sort). Precise accounts must still form the clusters that vaguer
// ones then join: each precision tier lags the one before by TIER_LAG days, and a mention is
// keyed by the END of the days it may match (its days plus slack), so every anchor it could
// join has been read before it, however wide its own window. Only how two vague mentions of
// different tiers meet can differ from reading every tier over the whole corpus in turn.
import { matchSlack } from './compatible.js';
import type { EventMention } from './mentions.js';
import { matchDays, matchPrecision } from './news-day.js';

/** days between one precision tier and the next (> the 1-day slack of the tiers before) */
export const TIER_LAG = 3;
/** a mention matched over more days than this ("in 2013", "since 2011") is no date to match events by */
export const MAX_MATCH_SPAN = 31;
/** the lowest rank is 0, the highest RANKS - 1 */
export const RANKS = 10;

/** precise first: stated before inferred, then by time and place precision (2..6, 12..16) */
export function tierOf(m: EventMention): number {
  return (m.inferred ? 10 : 0) + matchPrecision(m) + m.geoPrecision;
}

/** tiers 2..6 and 12..16 as ranks 0..9 */
export const rankOf = (tier: number): number => (tier < 10 ? tier - 2 : tier - 7);

/** The days a mention can be matched by, or null: undated, or dated too vaguely to match. */
export function matchableDays(m: EventMention): [number, number] | null {
  const days = matchDays(m);
  return days && days[1] - days[0] < MAX_MATCH_SPAN ? days : null;
}

/** sweep key of mentions that match nothing: read first, they start clusters of their own */
export const UNMATCHED_KEY = -1e9;

/** Where in the sweep a mention is read. */
export function sweepKey(m: EventMention): number {
  const days = matchableDays(m);
  if (!days) return UNMATCHED_KEY;
  return days[1] + matchSlack(m, true) + rankOf(tierOf(m)) * TIER_LAG;
}

/**
 * The earliest day a mention read at `key` or later can still match: clusters whose members all
 * end before it are complete. Covers the widest window (MAX_MATCH_SPAN plus a month's slack), the
 * highest rank's lag, and the week buckets vague mentions are indexed by.
 */
export function horizonOf(key: number): number {
  return key - (RANKS - 1) * TIER_LAG - 2 * 15 - MAX_MATCH_SPAN - 7 - 1;
}

/** The full sweep order: key, then tier, first matched day, document, index (as run.ts's SQL sort). */
export function bySweep(a: EventMention, b: EventMention): number {
  return sweepKey(a) - sweepKey(b) || sweepTieBreak(a, b);
}

/** bySweep between mentions of one key. */
export function sweepTieBreak(a: EventMention, b: EventMention): number {
  const da = matchDays(a)?.[0] ?? 0;
  const db = matchDays(b)?.[0] ?? 0;
  return tierOf(a) - tierOf(b) || da - db || (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0) || a.index - b.index;
}

/** The columns run.ts sorts by on disk, in bySweep's order. */
export function sortColumns(m: EventMention): { key: number; tier: number; day: number } {
  return { key: sweepKey(m), tier: tierOf(m), day: matchDays(m)?.[0] ?? 0 };
}
