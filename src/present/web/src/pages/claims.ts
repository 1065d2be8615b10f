// `/claims`: quantitative claims in a sortable, filterable table. Two claims contradict when
// they count the same (named) thing, come from different outlets' documents published within
// three days of each other, and their values differ by more than a quarter: both rows are
// highlighted. Only the rows shown are compared (a page is at most 200 rows).
import { get } from '../api.js';
import { chip, fmt, h, link } from '../dom.js';
import { CAMPS, filterBar, opts, pick } from '../filters.js';
import type { ClaimRow, Page } from '../types.js';

function day(d: string | null | undefined): number | null {
  if (!d || !/^\d{4}-\d{2}-\d{2}/.test(d)) return null;
  return Date.parse(d.slice(0, 10)) / 86_400_000;
}

export function contradictions(rows: ClaimRow[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  rows.forEach((a, i) => rows.forEach((b, j) => {
    if (j <= i || !a.counted.trim() || a.counted !== b.counted || a.documentId === b.documentId) return;
    if (a.outlet && b.outlet && a.outlet === b.outlet) return;
    const da = day(a.published);
    const db = day(b.published);
    if (da === null || db === null || Math.abs(da - db) > 3) return;
    const hi = Math.max(a.value, b.value);
    if (hi <= 0 || Math.abs(a.value - b.value) / hi <= 0.25) return;
    (out.get(i) ?? out.set(i, []).get(i)!).push(j);
    (out.get(j) ?? out.set(j, []).get(j)!).push(i);
  }));
  return out;
}

export async function render(root: HTMLElement, _params: Record<string, string>, query: URLSearchParams): Promise<void> {
  const f = pick(query, ['counted', 'camp', 'documentId', 'sort', 'order', 'offset']);
  const page = await get<Page<ClaimRow>>('claims', { ...f, limit: 200 });
  root.append(h('h1', {}, 'Quantitative claims'));
  root.append(filterBar('/claims', [
    { name: 'counted', label: 'counted', kind: 'text', placeholder: 'e.g. killed' },
    { name: 'camp', label: 'camp', kind: 'select', options: opts(CAMPS) },
    { name: 'documentId', label: 'document', kind: 'text' },
  ], query));
  const clash = contradictions(page.items);
  root.append(h('p', { class: 'meta', id: 'claims-summary' }, `${fmt(page.total)} claims; ${fmt(page.items.length)} shown from ${fmt(page.offset + 1)}; `,
    h('span', { class: 'contradiction-key' }, `${fmt(clash.size)} rows contradict another shown row`), ' (same thing counted, different outlets, published ≤ 3 days apart, values differ by > 25%).'));
  const sortLink = (col: 'value' | 'counted' | 'document', text: string): HTMLElement => {
    const q = new URLSearchParams(query);
    const same = (f.sort ?? 'document') === col;
    q.set('sort', col);
    q.set('order', same && f.order !== 'desc' ? 'desc' : 'asc');
    q.delete('offset');
    return link(`/claims?${q}`, text + (same ? (f.order === 'desc' ? ' ▼' : ' ▲') : ''));
  };
  const head = h('tr', {}, h('th', {}, sortLink('value', 'value')), h('th', {}, sortLink('counted', 'counted')), h('th', {}, 'attributed to'), h('th', {}, 'hedged'),
    h('th', {}, sortLink('document', 'document')), h('th', {}, 'camp'), h('th', {}, 'published'), h('th', {}, 'evidence'));
  const body = h('tbody');
  page.items.forEach((c, i) => {
    const against = clash.get(i);
    body.append(h('tr', { class: against ? 'contradiction' : '' },
      h('td', { class: 'num' }, `${c.approx ? '≈' : ''}${fmt(c.value)}`), h('td', {}, c.counted), h('td', {}, c.attributedTo ?? '–'), h('td', {}, c.hedged ? 'yes' : 'no'),
      h('td', {}, link(`/documents/${encodeURIComponent(c.documentId)}`, c.documentTitle ?? c.documentId.slice(0, 12)), h('small', {}, ` ${c.outlet ?? ''}`)),
      h('td', {}, chip(c.camp)), h('td', {}, c.published ?? '–'),
      h('td', {}, `“${c.evidence.slice(0, 160)}”`, against ? h('div', { class: 'clash' }, `contradicts: ${against.map((j) => `${fmt(page.items[j]!.value)} (${page.items[j]!.outlet ?? page.items[j]!.documentId.slice(0, 8)})`).join(', ')}`) : null)));
  });
  root.append(h('table', { class: 'data', id: 'claims-table' }, h('thead', {}, head), body));
  root.append(pager('/claims', query, page));
}

export function pager(path: string, query: URLSearchParams, page: Page<unknown>): HTMLElement {
  const nav = h('p', { class: 'pager' });
  const at = (offset: number): string => { const q = new URLSearchParams(query); q.set('offset', String(offset)); return `${path}?${q}`; };
  if (page.offset > 0) nav.append(link(at(Math.max(0, page.offset - page.limit)), '← previous'), ' ');
  if (page.offset + page.items.length < page.total) nav.append(link(at(page.offset + page.limit), 'next →'));
  return nav;
}
