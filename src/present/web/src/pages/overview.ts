// `/`: what is in the corpus at a glance: counts, documents by outlet and camp, events over
// time, top places and actors, a small map, and the latest documents.
import { get } from '../api.js';
import { bars, monthly } from '../charts.js';
import { chip, colour, fmt, h, link } from '../dom.js';
import { placeMap } from './map-layer.js';
import type { ClusterRecord, CorpusStats, DocumentSummary, Page, PlaceRow } from '../types.js';

export async function render(root: HTMLElement): Promise<void> {
  const [stats, docs, places, clusters] = await Promise.all([
    get<CorpusStats>('stats'),
    get<Page<DocumentSummary>>('documents', { limit: 15 }),
    get<Page<PlaceRow>>('places', { limit: 300 }),
    get<Page<ClusterRecord>>('clusters', { limit: 12 }),
  ]);
  root.append(h('h1', {}, 'Corpus overview'));
  const counts = h('dl', { class: 'counts' });
  const add = (k: string, v: number): void => { counts.append(h('div', {}, h('dt', {}, k), h('dd', {}, fmt(v)))); };
  add('documents', stats.documents);
  add('segments', stats.segments);
  add('findings', stats.findings);
  for (const [k, v] of Object.entries(stats.byKind)) add(k, v);
  root.append(counts);

  const grid = h('div', { class: 'grid' });
  grid.append(
    h('section', {}, h('h2', {}, 'Documents by outlet'), bars(stats.byOutlet.map((r) => ({ ...r, href: `/search?outlet=${encodeURIComponent(r.key)}` })))),
    h('section', {}, h('h2', {}, 'Documents by camp'), bars(stats.byCamp.map((r) => ({ ...r, href: `/search?camp=${encodeURIComponent(r.key)}` })), { colourBy: (b) => colour(b.key) })),
    h('section', {}, h('h2', {}, 'Top places'), bars(stats.topPlaces.map((r) => ({ ...r, href: `/search?place=${encodeURIComponent(r.key)}` })))),
    h('section', {}, h('h2', {}, 'Top actors'), bars(stats.topActors.map((r) => ({ ...r, href: `/search?actor=${encodeURIComponent(r.key)}` })))),
  );
  root.append(grid);

  const types = [...new Set(stats.eventsByMonth.map((r) => r.type))].sort();
  root.append(h('section', {}, h('h2', {}, 'Events over time'),
    monthly(stats.eventsByMonth.map((r) => ({ month: r.month, key: r.type, count: r.count }))),
    h('p', { class: 'legend' }, ...types.map((t) => chip(t))),
    h('p', {}, link('/timeline', 'Open the timeline →'))));

  const map = await placeMap(places.items, 520, 320);
  root.append(h('section', {}, h('h2', {}, 'Places mentioned'), map, h('p', {}, link('/map', 'Open the map →'))));

  if (clusters.items.length) {
    const ev = h('ul', { class: 'doclist', id: 'clusters' });
    for (const c of clusters.items) {
      ev.append(h('li', {}, link(`/events/${encodeURIComponent(c.id)}`, `${c.type} at ${c.placeName ?? 'unknown place'}, ${c.dateFrom ?? 'undated'}`),
        h('span', { class: 'meta' }, ` ${fmt(c.sources)} sources · ${fmt(c.documents)} documents · camps: ${c.camps.join(', ') || '–'}`)));
    }
    root.append(h('section', {}, h('h2', {}, `Events told by several sources (${fmt(clusters.total)})`), ev));
  }

  const list = h('ul', { class: 'doclist' });
  for (const d of docs.items) list.append(docItem(d));
  root.append(h('section', {}, h('h2', {}, `Latest documents (${fmt(docs.total)})`), list, h('p', {}, link('/search', 'All documents →'))));
}

export function docItem(d: DocumentSummary, snippet?: string): HTMLElement {
  return h('li', {},
    link(`/documents/${encodeURIComponent(d.id)}`, d.title || d.source),
    h('span', { class: 'meta' }, ` ${d.outlet ?? 'unknown outlet'} · ${d.published ?? 'undated'} · ${d.camp ?? 'unclear'} · ${fmt(d.counts.events)} events · ${fmt(d.counts.claims)} claims`),
    snippet ? h('p', { class: 'snippet' }, snippet) : null);
}
