// `/search`: full-text search (SQLite FTS5) with filters for outlet, camp, date range, place,
// actor and technique; without words it lists the documents matching the filters.
import { get } from '../api.js';
import { fmt, h } from '../dom.js';
import { CAMPS, filterBar, opts, pick } from '../filters.js';
import { TECHNIQUES } from '../explain.js';
import type { DocumentSummary, Page, SearchHit, SearchPage } from '../types.js';
import { pager } from './claims.js';
import { docItem } from './overview.js';

export async function render(root: HTMLElement, _params: Record<string, string>, query: URLSearchParams): Promise<void> {
  const f = pick(query, ['q', 'outlet', 'camp', 'from', 'to', 'place', 'actor', 'technique', 'offset']);
  root.append(h('h1', {}, 'Search'));
  root.append(filterBar('/search', [
    { name: 'q', label: 'words', kind: 'text', placeholder: 'e.g. chlorine OR "Douma"' },
    { name: 'outlet', label: 'outlet', kind: 'text' },
    { name: 'camp', label: 'camp', kind: 'select', options: opts(CAMPS) },
    { name: 'from', label: 'from', kind: 'date' },
    { name: 'to', label: 'to', kind: 'date' },
    { name: 'place', label: 'place', kind: 'text', placeholder: 'id or name' },
    { name: 'actor', label: 'actor', kind: 'text', placeholder: 'id or name' },
    { name: 'technique', label: 'technique', kind: 'select', options: opts(Object.keys(TECHNIQUES)) },
  ], query));
  const results = h('ul', { class: 'doclist', id: 'results' });
  let page: Page<DocumentSummary | SearchHit>;
  let count: string;
  if (f.q) {
    const found = await get<SearchPage>('search', { ...f, limit: 50 });
    page = found;
    for (const d of found.items) results.append(docItem(d, d.snippet));
    // a word in most of a big corpus is not ranked: say so, and that the count stopped
    count = `${fmt(found.total)}${found.totalIsFloor ? '+' : ''} documents match “${f.q}”${found.order === 'recent' ? ' (too many to rank: last added first; add words to narrow it)' : ''}`;
  } else {
    page = await get<Page<DocumentSummary>>('documents', { ...f, limit: 50 });
    for (const d of page.items) results.append(docItem(d));
    count = `${fmt(page.total)} documents`;
  }
  root.append(h('p', { class: 'meta', id: 'result-count' }, count), results, pager('/search', query, page));
}
