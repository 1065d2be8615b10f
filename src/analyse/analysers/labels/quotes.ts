// Scare quotes: short quoted stretches (at most six words) such as “moderates” or "government".
// A label inside one is distanced rather than used. Long quotations are reported speech and
// are not scare quotes. Straight single quotes count only at word edges (not apostrophes).
import type { Span } from '../../../core/types.js';

const QUOTED_RE = /(?:[“"«„]\s?([^“”"«»„\n]{1,60}?)\s?[”"»“])|(?:(?<![\p{L}\p{N}])['‘]([^'‘’\n]{1,60}?)['’](?![\p{L}\p{N}]))/gu;

export function scareQuoteSpans(text: string): Span[] {
  const out: Span[] = [];
  QUOTED_RE.lastIndex = 0;
  for (let m = QUOTED_RE.exec(text); m; m = QUOTED_RE.exec(text)) {
    const inner = m[1] ?? m[2] ?? '';
    if (inner.trim().split(/\s+/).length <= 6) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Whether [start, end) lies inside one of the (sorted) quote spans. */
export function insideAny(spans: Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid];
    if (s.end <= start) lo = mid + 1;
    else if (s.start > start) hi = mid - 1;
    else return end <= s.end;
  }
  return false;
}
