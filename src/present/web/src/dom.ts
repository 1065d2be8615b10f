// DOM building without HTML strings: every piece of corpus text goes through textContent or
// createTextNode, so a document full of <script> or onerror= stays inert text. Attributes are
// set one by one; `on*` attributes are refused so no handler can be built from data.
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined>;

function setAttrs(el: Element, attrs: Attrs): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (/^on/i.test(k) || k === 'style') throw new Error(`refusing attribute ${k}`);
    el.setAttribute(k, v === true ? '' : String(v));
  }
}

function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG = 'http://www.w3.org/2000/svg';
export function s(tag: string, attrs: Attrs = {}, ...children: Child[]): SVGElement {
  const el = document.createElementNS(SVG, tag) as SVGElement;
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** An in-app link: the router intercepts clicks on it. */
export function link(href: string, ...children: Child[]): HTMLAnchorElement {
  return h('a', { href, 'data-link': true }, ...children);
}

export function clear(el: Element): void {
  el.replaceChildren();
}

export function fmt(n: number | null | undefined): string {
  return n === null || n === undefined ? '–' : n.toLocaleString('en');
}

const CAMP_COLOURS: Record<string, string> = {
  pro_syrian_government: '#c0392b', pro_opposition: '#2e86c1', neutral: '#7f8c8d', mixed: '#8e44ad', unclear: '#b3b3b3',
  syrian_government_and_allies: '#c0392b', syrian_opposition: '#2e86c1', jihadist: '#2c3e50', kurdish: '#d4ac0d',
  us_and_allies: '#17a589', turkey: '#e67e22', international_body: '#5d6d7e', media: '#a04000', other: '#95a5a6', civilians: '#27ae60',
  Battles: '#34495e', 'Explosions/Remote violence': '#e74c3c', 'Violence against civilians': '#8e44ad', Protests: '#f39c12', Riots: '#d35400',
  'Strategic developments': '#16a085',
};
const EXTRA = ['#1abc9c', '#f1c40f', '#9b59b6', '#34495e', '#e74c3c', '#3498db', '#16a085', '#d35400'];

/** Stable colour for a camp, affiliation or event type. */
export function colour(key: string | null | undefined): string {
  const k = key ?? 'unclear';
  if (CAMP_COLOURS[k]) return CAMP_COLOURS[k]!;
  let hash = 0;
  for (const ch of k) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return EXTRA[hash % EXTRA.length]!;
}

/** A small coloured chip for a camp / affiliation; the colour is an SVG fill (CSP forbids inline styles). */
export function chip(key: string | null | undefined): HTMLElement {
  return h('span', { class: 'chip' }, s('svg', { width: 10, height: 10, 'aria-hidden': 'true' }, s('circle', { cx: 5, cy: 5, r: 5, fill: colour(key) })) as unknown as Node, ` ${key ?? 'unclear'}`);
}

export function label(text: string, control: HTMLElement): HTMLLabelElement {
  return h('label', {}, `${text} `, control);
}

export function select(name: string, options: [string, string][], value: string): HTMLSelectElement {
  const el = h('select', { name });
  for (const [v, t] of options) el.append(h('option', { value: v, selected: v === value }, t));
  return el;
}

/** Route to an in-app address (the router listens to popstate). */
export function navigate(href: string): void {
  history.pushState(null, '', href);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
