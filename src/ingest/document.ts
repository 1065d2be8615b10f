// Turns extracted text plus whatever metadata the format gave into an IngestedDocument:
// normalise once (every offset is into this stored text), then segments, headline and
// dateline guesses, languages and the content id.
import { contentId } from '../core/ids.js';
import { normaliseText } from '../core/text.js';
import type { IngestedDocument, PartialDate, Segment } from '../core/types.js';
import { datelineDate, isDateLine, parseDate } from './dates.js';
import { detectLanguages } from './languages.js';
import { splitThread } from './threads.js';

export interface DocumentParts {
  source: string;
  text: string;
  title?: string | null;
  /** raw date string from metadata or a column; parsed here */
  date?: string | null;
  externalId?: string | null;
  outlet?: string | null;
  meta?: Record<string, string>;
  /** segments already known (HTML comments); offsets into the normalised `text` */
  segments?: Segment[];
  /** the text is already normalised (HTML path builds it that way) */
  normalised?: boolean;
  /** guess a headline from the first line when no title is given */
  guessTitle?: boolean;
  /** largest stored text in UTF-8 bytes (decoding can grow a single-byte input) */
  maxBytes?: number;
  /** leave `languages` empty for the analysis pool to fill on a worker thread */
  deferLanguages?: boolean;
}

/** First line that looks like a headline: short, no final period, more text below it. */
export function guessHeadline(text: string): string | null {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  for (const [i, line] of lines.slice(0, 3).entries()) {
    if (isDateLine(line)) continue;
    const heading = line.replace(/^#{1,6}\s+/, '');
    const words = heading.split(/\s+/).length;
    if (i < lines.length - 1 && heading.length <= 160 && words <= 25 && (!/[.,;:]$/.test(heading) || titleCase(heading))) return heading;
    return null;
  }
  return null;
}

/** Most longer words capitalised: a headline even when it ends with a period. */
function titleCase(line: string): boolean {
  const long = line.split(/\s+/).filter((w) => w.length >= 4);
  return long.length >= 3 && long.filter((w) => /^\p{Lu}/u.test(w)).length >= long.length * 0.6 && !/,$/.test(line);
}

/** Build the document; returns a reason string instead when there is no text. */
export function buildDocument(parts: DocumentParts): IngestedDocument | string {
  const text = parts.normalised ? parts.text : normaliseText(parts.text);
  if (!text.trim()) return 'empty input (no text after extraction)';
  const bytes = Buffer.byteLength(text);
  if (parts.maxBytes !== undefined && bytes > parts.maxBytes) {
    return `text is ${bytes} bytes after decoding, over the maximum document size of ${parts.maxBytes} bytes (--max-doc-mb)`;
  }
  const title = parts.title?.trim() ? normaliseText(parts.title.trim()) : parts.guessTitle ? guessHeadline(text) : null;
  const published: PartialDate = parseDate(parts.date) ?? datelineDate(text);
  let segments = parts.segments ?? splitThread(text);
  if (!segments.length) {
    const start = text.length - text.trimStart().length;
    segments = [{ start, end: text.trimEnd().length, kind: 'body', author: null, depth: 0 }];
  }
  return {
    id: contentId(text, title),
    source: parts.source,
    externalId: parts.externalId?.trim() || null,
    outlet: parts.outlet?.trim() || null,
    title,
    published,
    languages: parts.deferLanguages ? [] : detectLanguages(text),
    text,
    segments,
    ...(parts.meta && Object.keys(parts.meta).length ? { meta: parts.meta } : {}),
  };
}
