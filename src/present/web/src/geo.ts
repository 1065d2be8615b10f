// The offline basemap: Natural Earth country shapes from the world-atlas package (bundled by
// Vite, so no tile server or CDN), projected with d3-geo into SVG paths. No npm package ships
// first-level (governorate) boundaries, so regions appear as points from the gazetteer instead.
import { geoMercator, geoPath, geoGraticule10 } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { s } from './dom.js';

export type BBox = [number, number, number, number];

/** Syria and its neighbours, when there is nothing to fit. */
export const DEFAULT_BBOX: BBox = [34.5, 31.5, 43, 37.6];

export type Detail = '110m' | '50m';
const atlases = new Map<Detail, Promise<Topology>>();
/** 1:110m shapes (small) for thumbnails, 1:50m for the map page */
function loadAtlas(detail: Detail): Promise<Topology> {
  let a = atlases.get(detail);
  if (!a) {
    a = (detail === '50m' ? import('world-atlas/countries-50m.json') : import('world-atlas/countries-110m.json')).then((m) => (m.default ?? m) as unknown as Topology);
    atlases.set(detail, a);
  }
  return a;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!;
}

/**
 * Box around the theatre: the points within 12° of the median point (padded), so a few
 * far-away mentions (Washington, Moscow) do not shrink it to a dot; DEFAULT_BBOX when empty.
 */
export function fitBox(points: [number, number][]): BBox {
  const ok = points.filter(([lon, lat]) => Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lat) <= 85);
  if (!ok.length) return DEFAULT_BBOX;
  const mid = [quantile(ok.map((p) => p[0]).sort((a, b) => a - b), 0.5), quantile(ok.map((p) => p[1]).sort((a, b) => a - b), 0.5)] as const;
  const near = ok.filter(([lon, lat]) => Math.abs(lon - mid[0]) <= 12 && Math.abs(lat - mid[1]) <= 12);
  const use = near.length >= ok.length / 2 ? near : ok;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of use) { x0 = Math.min(x0, lon); x1 = Math.max(x1, lon); y0 = Math.min(y0, lat); y1 = Math.max(y1, lat); }
  const pad = Math.max(1, (x1 - x0) * 0.1, (y1 - y0) * 0.1);
  return [Math.max(-180, x0 - pad), Math.max(-80, y0 - pad), Math.min(180, x1 + pad), Math.min(84, y1 + pad)];
}

export interface Basemap {
  svg: SVGElement;
  /** where points go, above the countries */
  layer: SVGElement;
  project(lon: number, lat: number): [number, number] | null;
}

export async function basemap(width: number, height: number, box: BBox, detail: Detail = '50m'): Promise<Basemap> {
  const topo = await loadAtlas(detail);
  const objects = topo.objects as { countries: GeometryCollection; land: GeometryCollection };
  // the box's corners (a Polygon would need spherical winding order: counter-clockwise means "the whole globe but this")
  const outline = { type: 'MultiPoint' as const, coordinates: [[box[0], box[1]], [box[2], box[1]], [box[2], box[3]], [box[0], box[3]]] };
  const projection = geoMercator().fitExtent([[4, 4], [width - 4, height - 4]], outline);
  const path = geoPath(projection);
  const svg = s('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'basemap', role: 'img', 'aria-label': 'map' });
  svg.append(s('rect', { width, height, class: 'sea' }));
  svg.append(s('path', { d: path(geoGraticule10()) ?? '', class: 'graticule' }));
  const countries = feature(topo, objects.countries);
  const g = s('g', { class: 'countries' });
  for (const f of countries.features) {
    const d = path(f);
    if (d) g.append(s('path', { d, class: 'country' }, s('title', {}, String((f.properties as { name?: string } | null)?.name ?? ''))));
  }
  svg.append(g);
  svg.append(s('path', { d: path(mesh(topo, objects.countries, (a, b) => a !== b)) ?? '', class: 'border' }));
  const layer = s('g', { class: 'points' });
  svg.append(layer);
  return {
    svg,
    layer,
    project(lon, lat) {
      const p = projection([lon, lat]);
      return p && Number.isFinite(p[0]) && Number.isFinite(p[1]) ? [p[0], p[1]] : null;
    },
  };
}
