// Binary search over start-sorted spans, so per-cue and per-segment lookups stay O(log n) on
// long forum threads instead of scanning every span each time.

/** Index of the first span whose start is ≥ pos (spans sorted by start). */
export function lowerBound(spans: ArrayLike<{ start: number }>, pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Spans lying inside [start, end), assuming spans sorted by start. */
export function spansWithin<T extends { start: number; end: number }>(spans: T[], start: number, end: number): T[] {
  const out: T[] = [];
  for (let i = lowerBound(spans, start); i < spans.length && spans[i].start < end; i++) if (spans[i].end <= end) out.push(spans[i]);
  return out;
}
