// Regenerates src/gazetteer/country-centroids.json: one [lat, lon] per ISO 3166-1 alpha-2 code,
// the centroid of the country's polygon in world-atlas (Natural Earth 1:50m), computed with
// d3-geo. Run with `npx tsx scripts/country-centroids.ts` when world-atlas is updated; the JSON
// is checked in so that the gazetteer needs no dev dependency at run time.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoCentroid } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';

const require = createRequire(import.meta.url);
const topo = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
const names = new Intl.DisplayNames('en', { type: 'region' });
const byName = new Map<string, string>();
// withdrawn codes ICU still names (Yemen's YD, Burma's BU, ...)
const WITHDRAWN = new Set(['YD', 'DD', 'BU', 'TP', 'ZR', 'YU', 'CS', 'SU', 'FX', 'NT', 'QO', 'AN', 'DY', 'HV', 'NH', 'RH', 'VD', 'UK', 'EU', 'EZ', 'UN', 'XA', 'XB']);
const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
for (const a of A) for (const b of A) {
  const code = a + b;
  if (WITHDRAWN.has(code)) continue;
  const n = names.of(code);
  if (n && n !== code && !byName.has(n.toLowerCase())) byName.set(n.toLowerCase(), code);
}
// Natural Earth short names that differ from CLDR's
const EXTRA: Record<string, string> = {
  'united states of america': 'US', 'dem. rep. congo': 'CD', 'congo': 'CG', 'central african rep.': 'CF', 's. sudan': 'SS',
  'bosnia and herz.': 'BA', 'dominican rep.': 'DO', 'eq. guinea': 'GQ', "côte d'ivoire": 'CI', 'w. sahara': 'EH', 'solomon is.': 'SB',
  'turkey': 'TR', 'czechia': 'CZ', 'macedonia': 'MK', 'north macedonia': 'MK', 'palestine': 'PS', 'myanmar': 'MM', 'eswatini': 'SZ', 'swaziland': 'SZ',
  'n. cyprus': 'CY', 'somaliland': 'SO', 'fr. s. antarctic lands': 'TF', 'falkland is.': 'FK', 'timor-leste': 'TL', 'cabo verde': 'CV',
  'st. vin. and gren.': 'VC', 'antigua and barb.': 'AG', 'st. kitts and nevis': 'KN', 'faeroe is.': 'FO', 'cayman is.': 'KY', 'turks and caicos is.': 'TC',
  'marshall is.': 'MH', 'n. mariana is.': 'MP', 'cook is.': 'CK', 'wallis and futuna is.': 'WF', 'fr. polynesia': 'PF', 'heard i. and mcdonald is.': 'HM',
  'br. indian ocean ter.': 'IO', 'st-barthélemy': 'BL', 'st-martin': 'MF', 'sint maarten': 'SX', 'u.s. virgin is.': 'VI', 'british virgin is.': 'VG',
  's. geo. and the is.': 'GS', 'são tomé and principe': 'ST', 'st. pierre and miquelon': 'PM', 'pitcairn is.': 'PN', 'norfolk island': 'NF', 'kosovo': 'XK',
  'vatican': 'VA', 'åland': 'AX', 'hong kong': 'HK', 'macao': 'MO', 'micronesia': 'FM', 'bahamas': 'BS', 'gambia': 'GM', 'siachen glacier': 'IN', 'indian ocean ter.': 'CX', 'ashmore and cartier is.': 'AU',
};
const collection = topo.objects.countries as GeometryCollection<{ name: string }>;
const out: Record<string, [number, number]> = {};
const missing: string[] = [];
for (const f of feature(topo, collection).features) {
  const name = (f.properties?.name ?? '').toLowerCase();
  const code = EXTRA[name] ?? byName.get(name);
  if (!code) { missing.push(name); continue; }
  if (out[code]) continue;
  const [lon, lat] = geoCentroid(f);
  out[code] = [Math.round(lat * 100) / 100, Math.round(lon * 100) / 100];
}
const target = new URL('../src/gazetteer/country-centroids.json', import.meta.url);
writeFileSync(target, JSON.stringify(out, null, 0).replace(/\],/g, '],\n') + '\n');
console.log(`${Object.keys(out).length} countries written; unmatched: ${missing.join(', ') || 'none'}`);
