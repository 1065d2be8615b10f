// DOM → plain text with paragraph breaks, iteratively (an explicit stack, so 10,000-deep
// markup cannot overflow the call stack), plus a depth probe and a tag-stripping fallback for
// markup too deep for Readability. Hand-written because textContent loses block breaks.
import { parseHTML } from 'linkedom';

/** Minimal structural view of linkedom nodes (its own types are loose). */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentElement?: DomNode | null;
  getAttribute?: (name: string) => string | null;
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'IFRAME', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'OBJECT', 'EMBED', 'HEAD', 'SELECT', 'BUTTON', 'FORM', 'TEXTAREA', 'INPUT']);
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TR', 'UL', 'BODY', 'HTML', 'CAPTION',
]);
const BREAK = '\u0001';

/** Text of a subtree with blank lines between blocks; `skip` prunes elements (nested comments). */
export function blockText(root: DomNode, skip: (el: DomNode) => boolean = () => false): string {
  const out: string[] = [];
  const stack: Array<DomNode | string> = [root];
  while (stack.length) {
    const item = stack.pop() as DomNode | string;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    if (item.nodeType === 3) {
      out.push((item.textContent ?? '').replace(/\s+/g, ' '));
      continue;
    }
    if (item.nodeType !== 1 && item.nodeType !== 9 && item.nodeType !== 11) continue;
    const tag = item.nodeName.toUpperCase();
    if (SKIP.has(tag) || (item !== root && skip(item))) continue;
    if (tag === 'BR') {
      out.push('\n');
      continue;
    }
    const block = BLOCK.has(tag);
    if (block) stack.push(BREAK);
    else if (tag === 'TD' || tag === 'TH') stack.push(' ');
    const kids = item.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    if (block) stack.push(BREAK);
  }
  return out
    .join('')
    .replace(/[ \t\u00a0]*\n[ \t\u00a0]*/g, '\n')
    .replace(/[ \t]*\u0001[ \t\u0001\n]*/g, '\n\n')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
// the name is matched atomically (lookahead + backreference): with overlapping `[\w:-]*` and
// `[^>]*` an unclosed `<div…` of letters backtracked quadratically
const TAG = /<(\/?)(?=([a-zA-Z][\w:-]*))\2([^>]*)>/g;

/** Deepest element nesting, estimated from tags alone (cheap, no parse). */
export function maxNesting(html: string): number {
  let depth = 0;
  let max = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const name = m[2].toLowerCase();
    if (VOID.has(name) || m[3]!.endsWith('/')) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}

const DROP_BLOCKS = /<(script|style|iframe|noscript|template|svg|head|title)\b[\s\S]*?<\/\1\s*>/gi;
const BLOCK_TAG = /<\/?(?:p|div|br|li|h[1-6]|tr|blockquote|pre|section|article|ul|ol|table|hr)\b[^>]*>/gi;

/** Structure-free text for pathological markup: drop scripts, break at blocks, strip tags. */
export function flattenHtml(html: string): string {
  const stripped = html
    .replace(DROP_BLOCKS, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(BLOCK_TAG, '\n\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/</g, '&lt;');
  // let the HTML parser decode entities, on markup that now has no nesting at all
  const { document } = parseHTML(`<html><body><pre>${stripped}</pre></body></html>`);
  const text = document.querySelector('pre')?.textContent ?? '';
  return text
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
