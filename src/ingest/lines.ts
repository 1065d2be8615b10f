// The line model the thread splitter works on: each line with its offsets, indentation, the
// blank lines before it, plus the small layout predicates (author-like, marker lines). Hand-
// written: no library splits scraped web text into posts; these cues are layout, not names.
import { isDateLine } from './dates.js';

export interface Line {
  index: number;
  start: number;
  /** end of the line's visible text (exclusive, without the newline) */
  end: number;
  text: string;
  trimmed: string;
  indent: number;
  blank: boolean;
  /** blank lines directly above this line */
  gapBefore: number;
}

export function toLines(text: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  let gap = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const raw = text.slice(pos, nl);
    const trimmed = raw.trim();
    const blank = trimmed.length === 0;
    const indent = raw.length - raw.trimStart().length;
    lines.push({ index: lines.length, start: pos, end: nl, text: raw, trimmed, indent, blank, gapBefore: gap });
    gap = blank ? gap + 1 : 0;
    pos = nl + 1;
  }
  return lines;
}

const PARTICLES = /^(?:de|da|do|dos|van|von|der|den|al|el|bin|ibn|la|le|du|di|y|и)$/i;
const NO_NAME_PUNCT = /[!?,;:"“”«»()[\]{}<>|@#=+*/\\]/;
const HANDLE = /^[\p{L}\p{N}_.'-]{2,32}$/u;

/** Disqus-style scrapes leave " ." after handles; strip it. */
export function cleanAuthor(s: string): string {
  return s
    .trim()
    .replace(/\s+\.$/, '')
    .replace(/\s*(?:says|said|wrote|писал|пишет)\s*:?$/i, '')
    .replace(/:$/, '')
    .trim();
}

/** A line that could be a person's name or handle: short, no sentence punctuation, name casing. */
export function nameLike(line: string): boolean {
  const t = line.trim().replace(/\s+\.$/, '');
  if (t.length < 2 || t.length > 40) return false;
  if (NO_NAME_PUNCT.test(t) || (/\.$/.test(t) && !/(?:^|\s)\p{Lu}\.$/u.test(t))) return false;
  if (!/\p{L}/u.test(t) || /^\d/.test(t) || isDateLine(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 4) return false;
  if (words.length === 1) return HANDLE.test(t) && !MARKER.test(t);
  return words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || PARTICLES.test(w));
}

/** A rank/title line a forum prints under or above a user name: short, no sentence punctuation. */
export function headerLike(line: string): boolean {
  const t = line.trim();
  if (t.length < 2 || t.length > 40) return false;
  if (/^[([{<"'“«>]/.test(t) || /[.!?:;,]$/.test(t)) return false;
  if (!/^\p{L}/u.test(t) || isDateLine(t)) return false;
  return t.split(/\s+/).length <= 5;
}

/** Comment chrome: "Reply", "Report", "Like · Reply", "Reply ↓", "12 likes" … */
export const MARKER =
  /^(?:(?:like|likes|reply|report|report abuse|share|flag|permalink|quote|edit|edited|delete|hide|log in to reply|↓|·|•|\||\d+\s*(?:likes?|replies|points?|votes?)|\d+\s*(?:s|m|h|d|w|y|mo|mins?|hrs?|hours?|days?|weeks?|months?|years?)(?:\s+ago)?|[▲▼↑])[\s·•|]*)+$/i;
export const REPLY_MARKER = /\b(?:reply|report)\b/i;

/** Headings that open a comment section. */
export const SECTION_HEADING =
  /^(?:\d+\s+)?(?:comments?|responses?|replies|discussion|reader comments|leave a (?:reply|comment)|join the discussion|комментарии)\b[^.]{0,30}$/i;

export function isMarkerLine(l: Line): boolean {
  return !l.blank && MARKER.test(l.trimmed) && REPLY_MARKER.test(l.trimmed);
}

/** Index of the next non-blank line at or after i, or -1. */
export function nextContent(lines: Line[], i: number): number {
  for (let j = i; j < lines.length; j++) if (!lines[j].blank) return j;
  return -1;
}

/** Index of the previous non-blank line at or before i, or -1. */
export function prevContent(lines: Line[], i: number): number {
  for (let j = i; j >= 0; j--) if (!lines[j].blank) return j;
  return -1;
}
