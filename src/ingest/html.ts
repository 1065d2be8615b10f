// HTML page → text, metadata and segments. Readability (over linkedom) finds the main text;
// comment sections and forum posts are taken out first (Readability would drop them or take
// them for the article) and appended after the main text, one segment each. Markup nested
// deeper than MAX_DEPTH is flattened to text with a warning, since Readability recurses.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { normaliseText } from '../core/text.js';
import type { Segment } from '../core/types.js';
import { extractComments, commentItems, type HtmlComment, type HtmlElement } from './html-comments.js';
import { blockText, flattenHtml, maxNesting, type DomNode } from './html-text.js';
import { splitThread } from './threads.js';
import { cleanAuthor } from './lines.js';

export const MAX_DEPTH = 400;

export interface HtmlExtract {
  text: string;
  title: string | null;
  date: string | null;
  siteName: string | null;
  segments: Segment[];
  warning?: string;
}

interface Doc {
  title: string;
  body: HtmlElement | null;
  documentElement: HtmlElement;
  querySelector(sel: string): HtmlElement | null;
  querySelectorAll(sel: string): ArrayLike<HtmlElement>;
}

const DATE_METAS = [
  'meta[property="article:published_time"]', 'meta[name="article:published_time"]', 'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]', 'meta[name="publishdate"]', 'meta[name="publish-date"]', 'meta[name="date"]',
  'meta[name="DC.date.issued"]', 'meta[name="dcterms.created"]', 'meta[name="parsely-pub-date"]', 'meta[name="sailthru.date"]',
  'meta[property="og:published_time"]',
];

function meta(doc: Doc, selectors: string[]): string | null {
  for (const sel of selectors) {
    const v = doc.querySelector(sel)?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

/** datePublished anywhere in JSON-LD blocks (searched iteratively). */
function jsonLdDate(doc: Doc): string | null {
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(s.textContent ?? '');
    } catch {
      continue;
    }
    const stack: unknown[] = [data];
    while (stack.length) {
      const v = stack.pop();
      if (!v || typeof v !== 'object') continue;
      const rec = v as Record<string, unknown>;
      if (typeof rec.datePublished === 'string') return rec.datePublished;
      stack.push(...Object.values(rec));
    }
  }
  return null;
}

function pageDate(doc: Doc): string | null {
  const time = doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
  return meta(doc, DATE_METAS) ?? jsonLdDate(doc) ?? time;
}

function compose(main: string, comments: HtmlComment[]): { text: string; segments: Segment[] } {
  let text = main;
  const segments: Segment[] = [];
  if (main) segments.push({ start: 0, end: main.length, kind: 'body', author: null, depth: 0 });
  for (const c of comments) {
    const block = c.author && c.text ? `${c.author}\n${c.text}` : c.author ?? c.text;
    if (!block) continue;
    const start = text ? text.length + 2 : 0;
    text = text ? `${text}\n\n${block}` : block;
    const own = { kind: c.kind, author: c.author, depth: c.depth, ...(c.published ? { published: c.published } : {}) };
    // the comment's own <blockquote>s become quote segments between the pieces of the comment
    let cursor = 0;
    for (const q of c.quotes) {
      const at = block.indexOf(q, cursor);
      if (at < 0) continue;
      if (block.slice(cursor, at).trim()) segments.push({ start: start + cursor, end: start + trimEnd(block, at), ...own });
      const said = SAID_LINE.exec(q.split('\n')[0]);
      segments.push({ start: start + at, end: start + at + q.length, kind: 'quote', author: said ? cleanAuthor(said[1]) : null, depth: c.depth + 1 });
      cursor = skipSpace(block, at + q.length);
    }
    if (cursor < block.length) segments.push({ start: start + cursor, end: text.length, ...own });
  }
  return { text, segments };
}

const SAID_LINE = /^(.{2,40}?)\s+(?:said|wrote|writes|пишет|писал)\s*:/i;
const trimEnd = (s: string, i: number): number => {
  while (i > 0 && /\s/.test(s[i - 1])) i--;
  return i;
};
const skipSpace = (s: string, i: number): number => {
  while (i < s.length && /\s/.test(s[i])) i++;
  return i;
};

function flattened(html: string, depth: number): HtmlExtract {
  const text = normaliseText(flattenHtml(html));
  const title = /<title[^>]*>([^<]{1,300})<\/title>/i.exec(html)?.[1]?.trim() ?? null;
  return {
    text, title, date: null, siteName: null, segments: splitThread(text),
    warning: `HTML nested ${depth} levels deep (limit ${MAX_DEPTH}); structure flattened to plain text`,
  };
}

export function extractHtml(html: string): HtmlExtract {
  const depth = maxNesting(html);
  if (depth > MAX_DEPTH) return flattened(html, depth);
  const wrapped = /<html[\s>]|<body[\s>]/i.test(html) ? html : `<html><body>${html}</body></html>`;
  const { document } = parseHTML(wrapped) as unknown as { document: Doc };
  const title = meta(document, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ?? (document.title?.trim() || null);
  const siteName = meta(document, ['meta[property="og:site_name"]', 'meta[name="application-name"]']);
  let date = pageDate(document);
  const items = document.body ? commentItems(document.body) : [];
  const comments = extractComments(items).map((c) => ({ ...c, author: c.author && normaliseText(c.author), text: normaliseText(c.text) }));
  const itemSet = new Set(items);
  for (const el of items) if (!hasItemAncestor(el, itemSet)) el.remove();
  const fallbackRoot = document.body ?? document.documentElement;
  let main = '';
  try {
    const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
    date ??= article?.publishedTime ?? null;
    if (article?.content) main = blockText(parseHTML(`<html><body>${article.content}</body></html>`).document.body as unknown as DomNode);
  } catch {
    main = '';
  }
  if (!main.trim()) {
    for (const el of Array.from(fallbackRoot.querySelectorAll('nav, header, footer, aside'))) el.remove();
    main = blockText(fallbackRoot);
  }
  const { text, segments } = compose(normaliseText(main), comments);
  // a page without comment markup may still be a thread laid out in text
  if (!comments.length || normaliseText(text) !== text) {
    const t = normaliseText(text);
    return { text: t, title, date, siteName, segments: splitThread(t) };
  }
  return { text, title, date, siteName, segments };
}

function hasItemAncestor(el: HtmlElement, set: Set<HtmlElement>): boolean {
  for (let a = el.parentElement; a; a = a.parentElement) if (set.has(a)) return true;
  return false;
}
