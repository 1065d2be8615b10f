// `/timeline`: events per month, stacked by type or by camp of the reporting document. Drag
// across the chart to brush a period: the event list below follows the selection.
import { get } from '../api.js';
import { monthly } from '../charts.js';
import { chip, fmt, h, link } from '../dom.js';
import { CAMPS, EVENT_TYPES, filterBar, opts, pick } from '../filters.js';
import type { EventCountRow, EventRow, Page } from '../types.js';

function monthEnd(m: string): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return `${m}-${String(new Date(Date.UTC(y, mo, 0)).getUTCDate()).padStart(2, '0')}`;
}

export function eventTable(events: EventRow[]): HTMLElement {
  const table = h('table', { class: 'data' }, h('thead', {}, h('tr', {}, ...['date', 'type', 'where', 'agent → target', 'fatalities', 'reported by', 'evidence'].map((t) => h('th', {}, t)))));
  const body = h('tbody');
  for (const e of events) {
    body.append(h('tr', {},
      h('td', {}, e.date ?? '–'), h('td', {}, e.type, e.subType ? h('small', {}, ` ${e.subType}`) : null), h('td', {}, e.placeName ?? e.place ?? '–'),
      h('td', {}, `${e.agent ?? '?'} → ${e.target ?? '?'}`), h('td', { class: 'num' }, fmt(e.fatalities)),
      h('td', {}, chip(e.camp), ' ', e.outlet ?? ''),
      h('td', {}, link(`/documents/${encodeURIComponent(e.documentId)}#event-${e.index}`, `“${e.evidence.slice(0, 140)}”`),
        e.clusterId ? h('span', {}, ' ', link(`/events/${encodeURIComponent(e.clusterId)}`, 'dossier')) : null)));
  }
  table.append(body);
  return table;
}

export async function render(root: HTMLElement, _params: Record<string, string>, query: URLSearchParams): Promise<void> {
  const by = query.get('by') === 'camp' ? 'camp' : 'type';
  const filter = pick(query, ['type', 'camp']);
  const hist = await get<Page<EventCountRow>>('events/histogram', { ...filter, limit: 500 });
  root.append(h('h1', {}, 'Timeline'));
  root.append(filterBar('/timeline', [
    { name: 'type', label: 'event type', kind: 'select', options: opts(EVENT_TYPES) },
    { name: 'camp', label: 'camp', kind: 'select', options: opts(CAMPS) },
    { name: 'by', label: 'stack by', kind: 'select', options: [['type', 'event type'], ['camp', 'camp']], required: true },
  ], query));
  const merged = new Map<string, { month: string; key: string; count: number }>();
  for (const r of hist.items) {
    const key = by === 'camp' ? r.camp : r.type;
    const k = `${r.month}|${key}`;
    const m = merged.get(k) ?? { month: r.month, key, count: 0 };
    m.count += r.count;
    merged.set(k, m);
  }
  const list = h('div', { id: 'timeline-events' });
  const status = h('p', { class: 'meta', id: 'brush-status' }, 'Drag across the chart to select a period.');
  const load = async (from: string | null, to: string | null): Promise<void> => {
    const range = from && to ? { from: `${from}-01`, to: monthEnd(to) } : {};
    const events = await get<Page<EventRow>>('events', { ...filter, ...range, limit: 100 });
    status.textContent = `${from && to ? `${from} to ${to}` : 'all dates'}: ${fmt(events.total)} events${events.total > 100 ? ' (newest 100 shown)' : ''}`;
    list.replaceChildren(eventTable(events.items));
  };
  const chart = monthly([...merged.values()], { onBrush: (a, b) => void load(a, b) });
  const keys = [...new Set([...merged.values()].map((r) => r.key))].sort();
  root.append(h('section', {}, chart, h('p', { class: 'legend' }, ...keys.map((k) => chip(k))), status, list));
  if (hist.total > hist.items.length) root.append(h('p', { class: 'note' }, `showing the first ${hist.items.length} of ${hist.total} month × type × camp rows`));
  await load(null, null);
}
