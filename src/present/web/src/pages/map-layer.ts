// Points on the basemap: places sized by mentions, events sized by fatalities. Each point is a
// link (navigates on click or Enter) to the documents behind it.
import { basemap, fitBox } from '../geo.js';
import { colour, navigate, s } from '../dom.js';
import type { EventRow, PlaceRow } from '../types.js';

function radius(v: number, max: number, min = 2.5, top = 14): number {
  return min + (top - min) * Math.sqrt(Math.max(0, v) / Math.max(1, max));
}

function clickable(el: SVGElement, href: string): SVGElement {
  el.setAttribute('tabindex', '0');
  el.setAttribute('role', 'link');
  el.setAttribute('data-href', href);
  el.addEventListener('click', () => navigate(href));
  el.addEventListener('keydown', (e) => { if ((e as KeyboardEvent).key === 'Enter') navigate(href); });
  return el;
}

export async function placeMap(places: PlaceRow[], width: number, height: number): Promise<SVGElement> {
  const located = places.filter((p) => p.lat !== null && p.lon !== null && p.kind !== 'country');
  const map = await basemap(width, height, fitBox(located.map((p) => [p.lon!, p.lat!])), '110m');
  drawPlaces(map.layer, map.project, located);
  return map.svg;
}

export function drawPlaces(layer: SVGElement, project: (lon: number, lat: number) => [number, number] | null, places: PlaceRow[]): number {
  const max = Math.max(1, ...places.map((p) => p.mentions));
  let drawn = 0;
  for (const p of [...places].sort((a, b) => b.mentions - a.mentions)) {
    if (p.lat === null || p.lon === null) continue;
    const xy = project(p.lon, p.lat);
    if (!xy) continue;
    const c = s('circle', { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: radius(p.mentions, max).toFixed(1), class: `place kind-${p.kind}` },
      s('title', {}, `${p.name} (${p.kind}${p.region ? `, ${p.region}` : ''}): ${p.mentions} mentions in ${p.documents} documents`));
    layer.append(clickable(c, `/search?place=${encodeURIComponent(p.id)}`));
    drawn++;
  }
  return drawn;
}

export function drawEvents(layer: SVGElement, project: (lon: number, lat: number) => [number, number] | null, events: EventRow[], colourBy: 'type' | 'camp'): number {
  const max = Math.max(1, ...events.map((e) => e.fatalities ?? 0));
  let drawn = 0;
  for (const e of [...events].sort((a, b) => (b.fatalities ?? 0) - (a.fatalities ?? 0))) {
    if (e.lat === null || e.lon === null) continue;
    const xy = project(e.lon, e.lat);
    if (!xy) continue;
    const c = s('circle', { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: radius(e.fatalities ?? 0, max, 3, 16).toFixed(1), class: 'event', fill: colour(colourBy === 'type' ? e.type : e.camp) },
      s('title', {}, `${e.type}${e.subType ? ` / ${e.subType}` : ''} at ${e.placeName ?? e.place ?? '?'}, ${e.date ?? 'undated'}; fatalities ${e.fatalities ?? '–'}; reported by ${e.outlet ?? 'unknown'} (${e.camp ?? 'unclear'})`));
    layer.append(clickable(c, `/documents/${encodeURIComponent(e.documentId)}#event-${e.index}`));
    drawn++;
  }
  return drawn;
}
