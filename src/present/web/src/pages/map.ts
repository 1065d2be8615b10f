// `/map`: places and events as points on the offline basemap; events filtered by time, type
// and camp, sized by fatalities; places sized by mentions. Points link to their documents.
import { get } from '../api.js';
import { chip, fmt, h } from '../dom.js';
import { CAMPS, EVENT_TYPES, filterBar, opts, pick } from '../filters.js';
import { basemap, fitBox } from '../geo.js';
import type { EventRow, Page, PlaceRow } from '../types.js';
import { drawEvents, drawPlaces } from './map-layer.js';

export async function render(root: HTMLElement, _params: Record<string, string>, query: URLSearchParams): Promise<void> {
  const show = query.get('show') ?? 'both';
  const colourBy = query.get('colour') === 'camp' ? 'camp' : 'type';
  const filter = pick(query, ['from', 'to', 'type', 'camp']);
  const [events, places] = await Promise.all([
    show === 'places' ? null : get<Page<EventRow>>('events', { ...filter, limit: 500 }),
    show === 'events' ? null : get<Page<PlaceRow>>('places', { limit: 500 }),
  ]);
  root.append(h('h1', {}, 'Map'));
  root.append(filterBar('/map', [
    { name: 'from', label: 'from', kind: 'date' },
    { name: 'to', label: 'to', kind: 'date' },
    { name: 'type', label: 'event type', kind: 'select', options: opts(EVENT_TYPES) },
    { name: 'camp', label: 'camp', kind: 'select', options: opts(CAMPS) },
    { name: 'show', label: 'show', kind: 'select', options: [['both', 'places and events'], ['events', 'events'], ['places', 'places']], required: true },
    { name: 'colour', label: 'colour events by', kind: 'select', options: [['type', 'type'], ['camp', 'camp']], required: true },
  ], query));
  const ev = events?.items ?? [];
  const pl = (places?.items ?? []).filter((p) => p.kind !== 'country');
  const points: [number, number][] = [...ev, ...pl].filter((p) => p.lat !== null && p.lon !== null).map((p) => [p.lon!, p.lat!]);
  const map = await basemap(900, 560, fitBox(points));
  const nPlaces = drawPlaces(map.layer, map.project, pl);
  const nEvents = drawEvents(map.layer, map.project, ev, colourBy);
  const keys = [...new Set(ev.map((e) => (colourBy === 'type' ? e.type : e.camp ?? 'unclear')))].sort();
  root.append(
    h('p', { class: 'meta', id: 'map-summary' },
      `${fmt(nEvents)} located events (of ${fmt(events?.total ?? 0)} matching, newest 500 shown) · ${fmt(nPlaces)} places (top 500 by mentions). `,
      'Grey circles are places (sized by mentions); coloured ones are events (sized by fatalities). Click a point to open its documents.'),
    h('p', { class: 'legend' }, ...keys.map((k) => chip(k))),
    map.svg,
    h('p', { class: 'note' }, 'Basemap: Natural Earth country borders (world-atlas), bundled. First-level regions are shown as gazetteer points: no offline package of admin-1 boundaries is used.'),
  );
}
