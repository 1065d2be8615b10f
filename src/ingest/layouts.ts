// Thread layouts of scraped plain text, each a detector that returns where posts/comments
// start (or null when its layout is absent). Cues are layout only: repeated rank lines glued
// above posts, isolated author lines between blank lines, Reply/Report chrome, numbered
// entries with indented bullet replies. Hand-written: no library segments scraped threads.
import type { PartialDate, SegmentKind } from '../core/types.js';
import { findDate } from './dates.js';
import {
  cleanAuthor, headerLike, isMarkerLine, nameLike, nextContent, prevContent, SECTION_HEADING, type Line,
} from './lines.js';

export interface Boundary {
  line: number;
  /** last line of the segment (inclusive) when the layout knows it */
  endLine?: number;
  kind: SegmentKind;
  author: string | null;
  depth: number;
  published?: PartialDate;
}

const SAYS = /^(.{2,40}?)\s*(?:says|said|wrote|writes|пишет|писал)?\s*:\s*(.*)$/i;

/** "Jane Doe says:", "Jane Doe", "Jane Doe on March 3, 2020 at 4:15 pm" → author and date. */
export function parseHeader(header: string): { author: string; published: PartialDate } | null {
  // "reader42 · 5h", "Jane Doe | 3 points": the name comes before the metadata
  let h = header.trim().split(/\s+[·•|]\s+/)[0];
  let published: PartialDate = null;
  const d = findDate(h);
  if (d && d.index > 0) {
    published = d.date;
    h = h.slice(0, d.index).replace(/[\s,–—|-]+(?:on|at)?\s*$/i, '').trim();
  }
  const says = SAYS.exec(h);
  if (says && !says[2] && nameLike(says[1])) return { author: cleanAuthor(says[1]), published };
  if (nameLike(h)) return { author: cleanAuthor(h), published };
  return null;
}

const ENTRY = /^(\s*)(?:(\d{1,4})[.)]|([•◦▪‣]))\s+(.+)$/;

/** 1. Name says: … with indented • replies; depth from indentation. */
export function numberedLayout(lines: Line[]): Boundary[] | null {
  const entries: Array<{ line: number; indent: number; bullet: boolean; author: string; published: PartialDate }> = [];
  for (const l of lines) {
    const m = ENTRY.exec(l.text);
    if (!m) continue;
    const head = parseHeader(m[4]);
    if (!head) continue;
    const next = lines[l.index + 1];
    if (!next || next.blank || ENTRY.test(next.text)) {
      const nc = nextContent(lines, l.index + 1);
      if (nc < 0 || ENTRY.test(lines[nc].text)) continue;
    }
    entries.push({ line: l.index, indent: m[1].length, bullet: !!m[3], ...head });
  }
  if (entries.length < 2 || !entries.some((e) => !e.bullet)) return null;
  const indents = [...new Set(entries.map((e) => e.indent))].sort((a, b) => a - b);
  return entries.map((e) => {
    const depth = Math.max(indents.indexOf(e.indent) + 1, e.bullet ? 2 : 1);
    return { line: e.line, kind: depth > 1 ? 'reply' : 'comment', author: e.author, depth, published: e.published };
  });
}

function blockStarts(lines: Line[]): number[] {
  const out: number[] = [];
  for (const l of lines) if (!l.blank && (l.index === 0 || lines[l.index - 1].blank)) out.push(l.index);
  return out;
}

/** Forum posts under repeated rank lines ("The Living Force / FOTCM Member"), glued to the post. */
export function forumLayout(lines: Line[]): Boundary[] | null {
  const runs: Array<{ start: number; len: number }> = [];
  const counts = new Map<string, number>();
  // "Posts: 2,114" and "Posts: 9,870" are the same rank line
  const key = (l: Line): string => l.trimmed.replace(/\d/g, '#');
  for (const b of blockStarts(lines)) {
    let len = 0;
    while (len < 4 && b + len < lines.length && !lines[b + len].blank && headerLike(lines[b + len].trimmed)) len++;
    if (len === 0) continue;
    runs.push({ start: b, len });
    for (let k = 0; k < len; k++) counts.set(key(lines[b + k]), (counts.get(key(lines[b + k])) ?? 0) + 1);
  }
  const rank = (l: Line): number => counts.get(key(l)) ?? 0;
  const out: Boundary[] = [];
  for (const r of runs) {
    let last = -1;
    for (let k = 0; k < r.len; k++) if (rank(lines[r.start + k]) >= 2) last = k;
    if (last < 0) continue;
    const after = lines[r.start + last + 1];
    if (!after || after.blank) continue; // rank lines sit directly above the post's text
    const first = lines[r.start];
    const others = Math.max(0, ...Array.from({ length: last }, (_, k) => rank(lines[r.start + k + 1])));
    const author = last > 0 && nameLike(first.trimmed) && (rank(first) === 1 || rank(first) < others) ? cleanAuthor(first.trimmed) : null;
    out.push({ line: r.start, kind: 'post', author, depth: 1 });
  }
  return out.length >= 3 ? out : null;
}

const BYLINE = /^(?:posted\s+by|post\s+by|by|от|автор)\s+(.{2,40}?)\s*(?:»|›|-|–|—|\||,|\bon\b|\bat\b|$)(.*)$/i;

/** Posts opened by bylines: "Post by X » Mon Jan 06, 2020 8:14 pm", "Posted by X on …". */
export function bylineLayout(lines: Line[]): Boundary[] | null {
  const out: Boundary[] = [];
  for (const b of blockStarts(lines)) {
    const m = BYLINE.exec(lines[b].trimmed);
    if (!m || !nameLike(m[1])) continue;
    out.push({ line: b, kind: 'post', author: cleanAuthor(m[1]), depth: 1, published: findDate(m[2])?.date ?? null });
  }
  return out.length >= 2 ? out : null;
}

function sectionStart(lines: Line[], before: number): number {
  for (let i = Math.min(before, lines.length - 1); i >= 0; i--) if (SECTION_HEADING.test(lines[i].trimmed)) return i + 1;
  return -1;
}

function depthsByIndent(lines: Line[], starts: number[]): number[] {
  const indents = [...new Set(starts.map((s) => lines[s].indent))].sort((a, b) => a - b);
  return starts.map((s) => indents.indexOf(lines[s].indent) + 1);
}

/** Comments closed by "Reply" / "Report" chrome lines. */
export function markerLayout(lines: Line[]): Boundary[] | null {
  const markers = lines.filter(isMarkerLine).map((l) => l.index);
  if (markers.length < 2) return null;
  let begin = sectionStart(lines, markers[0]);
  if (begin < 0) {
    // walk back from the first marker to the author line that opens the first comment
    begin = prevContent(lines, markers[0] - 1);
    for (let i = markers[0] - 1; i >= Math.max(0, markers[0] - 40); i--) {
      if (!lines[i].blank && lines[i].gapBefore > 0 && parseHeader(lines[i].trimmed)) {
        begin = i;
        break;
      }
    }
  }
  const starts: number[] = [];
  const ends: number[] = [];
  let from = begin;
  for (const m of markers) {
    const s = nextContent(lines, from);
    if (s >= 0 && s < m) {
      starts.push(s);
      ends.push(m);
    }
    from = m + 1;
  }
  if (starts.length < 2) return null;
  const depths = depthsByIndent(lines, starts);
  return starts.map((s, i) => {
    const head = parseHeader(lines[s].trimmed);
    const dateLine = lines.slice(s, s + 3).find((l) => findDate(l.trimmed));
    return {
      line: s, endLine: ends[i], kind: depths[i] > 1 ? 'reply' : 'comment', author: head?.author ?? null, depth: depths[i],
      published: head?.published ?? (dateLine ? findDate(dateLine.trimmed)?.date : null) ?? null,
    };
  });
}

const SAYS_LINE = /^(.{2,40}?)\s+says\s*:?\s*$/i;

/** WordPress-style text: "Jane Doe says:" or a name line over a date line, at block starts. */
export function headerLayout(lines: Line[]): Boundary[] | null {
  const found: Array<{ line: number; author: string; published: PartialDate }> = [];
  for (const b of blockStarts(lines)) {
    const l = lines[b];
    const next = lines[b + 1];
    const says = SAYS_LINE.exec(l.trimmed);
    const dateBelow = next && !next.blank && next.trimmed.length <= 60 ? findDate(next.trimmed) : null;
    if (says && nameLike(says[1])) found.push({ line: b, author: cleanAuthor(says[1]), published: dateBelow?.date ?? null });
    else if (dateBelow && dateBelow.index <= 3 && nameLike(l.trimmed)) found.push({ line: b, author: cleanAuthor(l.trimmed), published: dateBelow.date });
  }
  if (found.length < 2) return null;
  const depths = depthsByIndent(lines, found.map((f) => f.line));
  return found.map((f, i) => ({ line: f.line, kind: depths[i] > 1 ? 'reply' : 'comment', author: f.author, depth: depths[i], published: f.published }));
}

/** Comments under isolated author lines; runs of 2+ blank lines part unsigned comments. */
export function authorLineLayout(lines: Line[]): Boundary[] | null {
  const firstContent = nextContent(lines, 0);
  const isolated = (l: Line): boolean =>
    !l.blank && l.index > firstContent && l.gapBefore > 0 && (l.index + 1 >= lines.length || lines[l.index + 1].blank);
  const cands = lines
    .filter((l) => isolated(l) && nameLike(l.trimmed) && !SECTION_HEADING.test(l.trimmed) && !/^by\s/i.test(l.trimmed))
    .map((l) => l.index);
  const candSet = new Set(cands);
  // an author line signs the text below it; a run of bare short lines is a list, not comments
  const signs = (c: number): boolean => {
    const n = nextContent(lines, c + 1);
    return n >= 0 && !candSet.has(n) && lines[n].gapBefore === 1;
  };
  const heading = sectionStart(lines, lines.length - 1);
  let pool = heading >= 0 ? cands.filter((c) => c >= heading) : cands;
  if (heading < 0) {
    const signed = pool.map(signs);
    const k = pool.findIndex((c, i) => signed[i] && signed.slice(i).filter(Boolean).length >= 3 && pool[i + 1] - c <= 25);
    if (k < 0) return null;
    pool = pool.slice(k);
  } else if (pool.length === 0) return null;
  const begin = heading >= 0 ? heading : pool[0];
  const authorLines = new Set(pool);
  const starts = blockStarts(lines).filter((b) => b >= begin);
  const gaps = starts.filter((b) => !authorLines.has(b)).map((b) => lines[b].gapBefore);
  const mixed = gaps.some((g) => g === 1) && gaps.some((g) => g >= 2);
  const out: Boundary[] = [];
  for (const b of starts) {
    if (authorLines.has(b)) out.push({ line: b, kind: 'comment', author: cleanAuthor(lines[b].trimmed), depth: 1 });
    else if (b === starts[0] || (mixed && lines[b].gapBefore >= 2)) out.push({ line: b, kind: 'comment', author: null, depth: 1 });
  }
  return out;
}

const SEPARATOR = /^[-=_*~─━═]{8,}$/;
const POST_NUMBER = /^#\s?\d{1,6}$/;
const META_FIELD = /\b(?:posts?|messages?|joined|reputation|rep|karma|level|rank|location|likes?)\b\s*:?|^\s*(?:senior\s+|junior\s+|new\s+|full\s+)?(?:member|moderator|admin(?:istrator)?|guest|banned|veteran|newbie)\s*$/i;

/** The user name on a post's meta line: "Senior Member | Kestrel_77 | Posts: 2,118". */
function authorFromMeta(line: string): string | null {
  if (!line.includes('|')) return null;
  const fields = line.split('|').map((f) => f.trim()).filter((f) => f && !META_FIELD.test(f));
  const handle = fields.find((f) => !/\s/.test(f) && /\p{L}/u.test(f));
  const name = handle ?? fields.find((f) => nameLike(f));
  return name ? cleanAuthor(name) : null;
}

/**
 * Posts between separator lines ("-----" rules that many boards print between posts), each
 * opened by a post number ("#3"), a `|`-separated meta line or a "Posted …" line.
 */
export function separatorLayout(lines: Line[]): Boundary[] | null {
  const out: Boundary[] = [];
  for (const l of lines) {
    if (!SEPARATOR.test(l.trimmed)) continue;
    const first = nextContent(lines, l.index + 1);
    if (first < 0) continue;
    let author: string | null = null;
    let opened = false;
    for (let k = first; k < Math.min(lines.length, first + 4); k++) {
      const t = lines[k]!.trimmed;
      if (!t || SEPARATOR.test(t)) break;
      if (POST_NUMBER.test(t) || /^posted\b/i.test(t)) opened = true;
      const a = authorFromMeta(t);
      if (a) {
        author ??= a;
        opened = true;
      }
    }
    if (opened) out.push({ line: first, kind: 'post', author, depth: 1 });
  }
  return out.length >= 2 ? out : null;
}
