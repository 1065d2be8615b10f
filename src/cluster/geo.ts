// Distances and grid cells for event matching. Haversine and a fixed 0.5° grid are a few lines
// each; a geo library would add weight for nothing we need.

const EARTH_KM = 6371.0088;
/** grid cell size in degrees: 0.5° is about 55 km north-south, so a 75 km radius spans 5×5 cells */
export const CELL_DEG = 0.5;
const COLUMNS = Math.round(360 / CELL_DEG);

const rad = (d: number): number => (d * Math.PI) / 180;

/** Great-circle distance in km. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = rad(lat2 - lat1);
  const dLon = rad(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

function rowCol(lat: number, lon: number): [number, number] {
  return [Math.floor((Math.max(-90, Math.min(89.999, lat)) + 90) / CELL_DEG), Math.floor((((lon + 180) % 360) + 360) % 360 / CELL_DEG)];
}

/** One integer per 0.5° cell. */
export function cellOf(lat: number, lon: number): number {
  const [r, c] = rowCol(lat, lon);
  return r * COLUMNS + c;
}

/** Every cell that a circle of radiusKm around the point touches (bounding-box approximation). */
export function cellsWithin(lat: number, lon: number, radiusKm: number): number[] {
  const dLat = radiusKm / 111.2;
  const dLon = radiusKm / (111.2 * Math.max(0.1, Math.cos(rad(lat))));
  const [r0, c0] = rowCol(lat - dLat, lon - dLon);
  const [r1, c1] = rowCol(lat + dLat, lon + dLon);
  const out: number[] = [];
  for (let r = r0; r <= r1; r++) {
    // a box crossing the antimeridian wraps around
    const span = c1 >= c0 ? c1 - c0 : c1 + COLUMNS - c0;
    for (let k = 0; k <= span; k++) out.push(r * COLUMNS + ((c0 + k) % COLUMNS));
  }
  return out;
}

/** cellsWithin, the point's own cell first and then outwards (cached: a corpus has few distinct boxes). */
const byDistance = new Map<string, number[]>();
export function cellsByDistance(lat: number, lon: number, radiusKm: number): number[] {
  const cells = cellsWithin(lat, lon, radiusKm);
  const [r, c] = rowCol(lat, lon);
  const key = `${r},${c},${cells[0]},${cells[cells.length - 1]},${cells.length}`;
  let sorted = byDistance.get(key);
  if (!sorted) {
    const ring = (cell: number): number => {
      const dr = Math.floor(cell / COLUMNS) - r;
      const dc = Math.abs((cell % COLUMNS) - c);
      return dr * dr + Math.min(dc, COLUMNS - dc) ** 2;
    };
    sorted = cells.sort((a, b) => ring(a) - ring(b) || a - b);
    byDistance.set(key, sorted);
  }
  return sorted;
}

/** Matching radius by ACLED geo precision: 1 town, 2 near a town or part of a region, 3 region. */
export function radiusKm(geoPrecision: number | null | undefined): number {
  if (geoPrecision === 1) return 15;
  if (geoPrecision === 2) return 35;
  return 80;
}
