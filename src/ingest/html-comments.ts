// Finds comment sections and forum posts in a parsed page by layout: elements whose class/id
// names a comment/reply/post/message (not its parts: body, author, meta, form …) that sit
// beside siblings of their kind or inside a comments container, and <li> items of lists inside
// such a container. Depth = 1 + enclosing items. Hand-written: Readability drops comments.
import type { PartialDate } from '../core/types.js';
import { parseDate } from './dates.js';
import { blockText, type DomNode } from './html-text.js';
import { cleanAuthor, MARKER } from './lines.js';

export interface HtmlElement extends DomNode {
  tagName: string;
  parentElement: HtmlElement | null;
  children: ArrayLike<HtmlElement>;
  getAttribute(name: string): string | null;
  querySelectorAll(sel: string): ArrayLike<HtmlElement>;
  remove(): void;
}

export interface HtmlComment {
  depth: number;
  author: string | null;
  published: PartialDate;
  text: string;
  kind: 'comment' | 'post' | 'reply';
  /** texts of the comment's own <blockquote>s, to be cut out as quote segments */
  quotes: string[];
}

const ITEM = new Set(['comment', 'reply', 'post', 'message', 'answer', 'response']);
const CONTAINER = new Set(['comments', 'replies', 'posts', 'messages', 'discussion', 'thread', 'responses', 'commentlist', 'answers']);
const PART = new Set([
  'body', 'content', 'text', 'meta', 'metadata', 'author', 'date', 'time', 'title', 'header', 'footer', 'form', 'link', 'links',
  'count', 'button', 'respond', 'avatar', 'actions', 'action', 'vcard', 'permalink', 'edit', 'nav', 'navigation', 'list', 'area',
  'wrap', 'wrapper', 'container', 'section', 'awaiting', 'moderation', 'pagination', 'share', 'like', 'likes', 'votes', 'rating',
  'number', 'icon', 'tools', 'toolbar', 'field', 'input', 'heading', 'info', 'signature', 'reply-link', 'tags', 'summary',
]);
// matched inside class/id words too ("postauthor", "comment-author", "username")
const AUTHOR = /author|user|poster|nick|commenter|byline|(?:^|[\s_-])(?:fn|name)(?:[\s_-]|$)/i;
const NOT_AUTHOR = /usertext|userbody|user-?content/i;
const DATE = new Set(['date', 'time', 'timestamp', 'published', 'datetime']);

function tokens(el: HtmlElement): string[] {
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
  return raw.split(/[\s_-]+|(?=\d)/).filter(Boolean);
}

function isAuthorEl(el: HtmlElement): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return AUTHOR.test(names) && !NOT_AUTHOR.test(names);
}

function isContainer(t: string[]): boolean {
  return t.some((w) => CONTAINER.has(w)) || (t.some((w) => ITEM.has(w)) && t.some((w) => w === 'list' || w === 'area' || w === 'section'));
}

function itemWord(t: string[]): boolean {
  return t.some((w) => ITEM.has(w)) && !t.some((w) => PART.has(w));
}

function hasAncestor(el: HtmlElement, pred: (a: HtmlElement) => boolean): boolean {
  for (let a = el.parentElement; a; a = a.parentElement) if (pred(a)) return true;
  return false;
}

/** The comment/post elements of the page, in document order. */
export function commentItems(root: HtmlElement): HtmlElement[] {
  const all = Array.from(root.querySelectorAll('*'));
  const tok = new Map<HtmlElement, string[]>();
  for (const el of all) tok.set(el, tokens(el));
  const containers = new Set(all.filter((el) => isContainer(tok.get(el) ?? [])));
  const inContainer = (el: HtmlElement): boolean => hasAncestor(el, (a) => containers.has(a));
  const worded = (el: HtmlElement): boolean => itemWord(tok.get(el) ?? []) && !containers.has(el);
  // a classless <li> is a comment only in a comments container, not in a list inside a post
  const listItem = (el: HtmlElement): boolean => {
    if (el.tagName !== 'LI') return false;
    for (let a = el.parentElement; a; a = a.parentElement) {
      if (containers.has(a)) return true;
      if (a.tagName !== 'LI' && worded(a)) return false;
    }
    return false;
  };
  const candidates = new Set(all.filter((el) => worded(el) || listItem(el)));
  const perParent = new Map<HtmlElement | null, number>();
  for (const el of candidates) perParent.set(el.parentElement, (perParent.get(el.parentElement) ?? 0) + 1);
  const items: HtmlElement[] = [];
  for (const el of candidates) {
    const siblings = (perParent.get(el.parentElement) ?? 0) - 1;
    if (!siblings && !inContainer(el) && !hasAncestor(el, (a) => candidates.has(a))) continue;
    items.push(el);
  }
  const itemSet = new Set(items);
  // an item without text of its own (a reply-link box) is chrome, not a comment
  return items.filter((el) => ownText(el, itemSet).text.length > 1);
}

function firstMatch(el: HtmlElement, itemSet: Set<HtmlElement>, pred: (d: HtmlElement) => boolean): HtmlElement | null {
  for (const d of Array.from(el.querySelectorAll('*'))) {
    if (hasNestedItemBetween(d, el, itemSet)) continue;
    if (pred(d)) return d;
  }
  return null;
}

function hasAncestorBelow(d: HtmlElement, top: HtmlElement, pred: (a: HtmlElement) => boolean): boolean {
  for (let a = d.parentElement; a && a !== top; a = a.parentElement) if (pred(a)) return true;
  return false;
}

function hasNestedItemBetween(d: HtmlElement, el: HtmlElement, itemSet: Set<HtmlElement>): boolean {
  for (let a: HtmlElement | null = d; a && a !== el; a = a.parentElement) if (itemSet.has(a)) return true;
  return false;
}

function ownText(el: HtmlElement, itemSet: Set<HtmlElement>, drop: Set<HtmlElement> = new Set()): { text: string } {
  const text = blockText(el, (d) => itemSet.has(d as HtmlElement) || drop.has(d as HtmlElement));
  const kept = text.split('\n').filter((l) => !MARKER.test(l.trim()) || !l.trim());
  return { text: kept.join('\n').replace(/\n{3,}/g, '\n\n').trim() };
}

/** Comments with author, date, depth and own text (nested replies excluded). */
export function extractComments(items: HtmlElement[]): HtmlComment[] {
  const itemSet = new Set(items);
  return items.map((el) => {
    let depth = 1;
    for (let a = el.parentElement; a; a = a.parentElement) if (itemSet.has(a)) depth++;
    const inQuote = (d: HtmlElement): boolean => hasAncestorBelow(d, el, (a) => a.tagName === 'BLOCKQUOTE');
    const authorEl = firstMatch(el, itemSet, (d) =>
      !inQuote(d) && (d.tagName === 'CITE' || d.getAttribute('itemprop') === 'author' || d.getAttribute('rel') === 'author' || isAuthorEl(d)),
    );
    const quotes = Array.from(el.querySelectorAll('blockquote'))
      .filter((q) => !hasNestedItemBetween(q, el, itemSet) && !inQuote(q))
      .map((q) => blockText(q))
      .filter(Boolean);
    const dateEl = firstMatch(el, itemSet, (d) => d.tagName === 'TIME' || tokens(d).some((w) => DATE.has(w)));
    const rawAuthor = authorEl ? blockText(authorEl).split('\n')[0] : '';
    const author = rawAuthor && rawAuthor.length <= 60 ? cleanAuthor(rawAuthor) || null : null;
    const published = dateEl ? parseDate(dateEl.getAttribute('datetime') ?? blockText(dateEl)) : null;
    const drop = new Set([authorEl, dateEl].filter((x): x is HtmlElement => !!x));
    const t = tokens(el);
    const kind = depth > 1 ? 'reply' : t.includes('post') || t.includes('message') ? 'post' : 'comment';
    return { depth, author, published, text: ownText(el, itemSet, drop).text, kind, quotes };
  });
}
