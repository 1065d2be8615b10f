// Splits a document's text into segments: the main text (body, depth 0), then posts, comments
// and replies found by the first layout detector that recognises the page, then quoted blocks
// (">" lines, "Quote:", "X said:/wrote:") cut out of their posts. Segments never overlap,
// lie within the text and are sorted by start; each is trimmed of surrounding whitespace.
import type { Segment } from '../core/types.js';
import { findDate } from './dates.js';
import {
  authorLineLayout, bylineLayout, forumLayout, headerLayout, markerLayout, numberedLayout, separatorLayout, type Boundary,
} from './layouts.js';
import { cleanAuthor, nameLike, prevContent, SECTION_HEADING, toLines, type Line } from './lines.js';

function trimSpan(text: string, start: number, end: number): [number, number] | null {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return start < end ? [start, end] : null;
}

function segmentDate(lines: Line[], from: number, to: number): string | null {
  for (let i = from; i <= Math.min(to, from + 3); i++) {
    const l = lines[i];
    if (!l || l.blank || l.trimmed.length > 40) continue;
    const d = findDate(l.trimmed);
    if (d) return d.date;
  }
  return null;
}

function toSegments(text: string, lines: Line[], bounds: Boundary[]): Segment[] {
  const segs: Segment[] = [];
  const sorted = [...bounds].sort((a, b) => a.line - b.line);
  const first = sorted.length ? lines[sorted[0].line].start : text.length;
  // a "12 Comments" heading closes the main text but belongs to no comment
  const lastBody = prevContent(lines, (sorted.length ? sorted[0].line : lines.length) - 1);
  const headingCut = sorted.length && lastBody >= 0 && SECTION_HEADING.test(lines[lastBody].trimmed) ? lines[lastBody].start : first;
  const body = trimSpan(text, 0, headingCut);
  if (body) segs.push({ start: body[0], end: body[1], kind: 'body', author: null, depth: 0 });
  sorted.forEach((b, i) => {
    const nextLine = i + 1 < sorted.length ? sorted[i + 1].line : lines.length;
    const lastLine = Math.min(b.endLine ?? nextLine - 1, nextLine - 1);
    const span = trimSpan(text, lines[b.line].start, lines[lastLine].end);
    if (!span) return;
    const published = b.published ?? segmentDate(lines, b.line, lastLine);
    segs.push({ start: span[0], end: span[1], kind: b.kind, author: b.author, depth: b.depth, ...(published ? { published } : {}) });
  });
  return segs;
}

const SAID = /^(.{2,40}?)\s+(?:said|wrote|writes|пишет|писал)\s*:\s*$/i;
const QUOTE_OPEN = /^(?:quote|цитата)(?:\s+(?:from\s+)?(.{2,40}?))?\s*:\s*$/i;
const EXPAND = /^click to expand\.*$/i;

interface QuoteRange {
  from: number;
  to: number;
  author: string | null;
}

/** Quoted blocks as line ranges (inclusive). */
function findQuotes(lines: Line[]): QuoteRange[] {
  const out: QuoteRange[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.blank) continue;
    if (l.trimmed.startsWith('>')) {
      let j = i;
      while (j + 1 < lines.length && lines[j + 1].trimmed.startsWith('>')) j++;
      const prev = prevContent(lines, i - 1);
      const said = prev >= 0 && prev === i - 1 ? SAID.exec(lines[prev].trimmed) : null;
      const from = said && nameLike(said[1]) ? prev : i;
      out.push({ from, to: j, author: from === prev && said ? cleanAuthor(said[1]) : null });
      i = j;
      continue;
    }
    const said = SAID.exec(l.trimmed);
    const open = QUOTE_OPEN.exec(l.trimmed);
    if ((said && nameLike(said[1])) || open) {
      let j = i + 1;
      let end = -1;
      for (let k = i + 1; k < Math.min(lines.length, i + 60); k++) {
        if (EXPAND.test(lines[k].trimmed)) {
          end = k;
          break;
        }
      }
      if (end < 0) {
        while (j < lines.length && lines[j].blank) j++;
        while (j + 1 < lines.length && !lines[j + 1].blank) j++;
        end = j;
      }
      if (end > i) out.push({ from: i, to: end, author: said ? cleanAuthor(said[1]) : open?.[1] ? cleanAuthor(open[1]) : null });
      i = end;
    }
  }
  return out;
}

function cutQuotes(text: string, lines: Line[], segs: Segment[]): Segment[] {
  const quotes = findQuotes(lines).map((q) => ({ start: lines[q.from].start, end: lines[q.to].end, author: q.author }));
  if (!quotes.length) return segs;
  const out: Segment[] = [];
  for (const seg of segs) {
    let cursor = seg.start;
    for (const q of quotes) {
      if (q.start < seg.start || q.end > seg.end) continue;
      const before = trimSpan(text, cursor, q.start);
      if (before) out.push({ ...seg, start: before[0], end: before[1] });
      const quote = trimSpan(text, q.start, q.end);
      if (quote) out.push({ start: quote[0], end: quote[1], kind: 'quote', author: q.author, depth: seg.depth + 1 });
      cursor = q.end;
    }
    const rest = trimSpan(text, cursor, seg.end);
    if (rest) out.push({ ...seg, start: rest[0], end: rest[1] });
  }
  return out;
}

/** Segments of a plain-text page (or of an HTML page's extracted text). */
export function splitThread(text: string): Segment[] {
  const lines = toLines(text);
  const bounds = separatorLayout(lines) ?? numberedLayout(lines) ?? forumLayout(lines) ?? bylineLayout(lines) ?? markerLayout(lines) ?? headerLayout(lines) ?? authorLineLayout(lines) ?? [];
  return cutQuotes(text, lines, toSegments(text, lines, bounds));
}
