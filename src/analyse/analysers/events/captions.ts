// Splits sentences where a scraped page runs a photo caption into the lead: "... destroyed
// buildings in Hasakeh on Monday (AFP photo) BEIRUT Thirteen civilians were killed ...". The
// sentence splitter sees one sentence (no full stop), and the caption's place would then be
// read as the event's. The split points are a photo credit in brackets ("(AFP photo)",
// "(Reuters)", "(TRT World and Agencies)") and a dateline: a place written in capitals
// ("BEIRUT", "KHAN SHEIKHUN"). Hand-written: the sentence segmenter has no notion of captions.
import type { Span } from '../../../core/types.js';
import type { PlaceMention } from './place.js';

const CREDIT = /\((?:[^()]{0,30}?\b(?:photo|photos|picture|AFP|AP|Reuters|Agencies|Archive|Sputnik|file)\b[^()]{0,12})\)/y;
/** a dateline stands within this many characters of the text's start (after a headline, a date, a caption) */
const DATELINE_WITHIN = 600;
/** a part shorter than this is no sentence of its own */
const MIN_PART = 25;

/** A dateline: a place named in capitals (at least four letters, none lower case). */
export function isDateline(text: string, m: Span): boolean {
  if (m.end - m.start < 4) return false;
  // most mentions fail on their second letter, before any slicing
  const second = text.charCodeAt(m.start + 1);
  if (second >= 97 && second <= 122) return false;
  const s = text.slice(m.start, m.end);
  return s === s.toUpperCase() && s !== s.toLowerCase();
}

/** Positions where a caption or dateline starts or ends, sorted. */
export function captionBreaks(text: string, places: PlaceMention[]): number[] {
  const out: number[] = [];
  for (let at = text.indexOf('('); at >= 0; at = text.indexOf('(', at + 1)) {
    CREDIT.lastIndex = at;
    const m = CREDIT.exec(text);
    if (m) out.push(at + m[0].length);
  }
  for (const p of places) {
    // a dateline opens a story: the places are sorted, none further on is one
    if (p.start > DATELINE_WITHIN) break;
    // a dateline's first two letters are capitals: most mentions fail on the second
    const second = text.charCodeAt(p.start + 1);
    if (second >= 97 && second <= 122) continue;
    if (isDateline(text, p)) out.push(p.start);
  }
  return out.sort((a, b) => a - b);
}

/** The sentences, each cut at the caption breaks strictly inside it (parts of a useful length only). */
export function splitAtBreaks(text: string, sentences: Span[], breaks: number[]): Span[] {
  if (!breaks.length) return sentences;
  const out: Span[] = [];
  let b = 0;
  for (const s of sentences) {
    while (b < breaks.length && (breaks[b] ?? 0) <= s.start) b++;
    let from = s.start;
    for (let k = b; k < breaks.length && (breaks[k] ?? Infinity) < s.end; k++) {
      let at = breaks[k] ?? 0;
      while (at < s.end && /\s/.test(text[at] ?? '')) at++;
      if (at - from >= MIN_PART && s.end - at >= MIN_PART) {
        let end = at;
        while (end > from && /\s/.test(text[end - 1] ?? '')) end--;
        out.push({ start: from, end });
        from = at;
      }
    }
    out.push(from === s.start ? s : { start: from, end: s.end });
  }
  return out;
}
