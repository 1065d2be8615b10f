// SQLite side of reference event data sets (ACLED, UCDP GED): rows keyed by data set and id,
// indexed by 0.5° grid cell and start day so corroboration looks at a few cells and weeks.
import { cellOf, cellsWithin, distanceKm } from '../../cluster/geo.js';
import { coveredDays } from '../../cluster/days.js';
import type { CountRow, ReferenceEvent, ReferenceQuery } from '../types.js';
import { MAX_PAGE } from '../types.js';
import type { Db } from './open.js';

/** reference events spanning more than this are too vague to corroborate anything */
const MAX_SPAN_DAYS = 400;

interface RefDbRow {
  dataset: 'acled' | 'ucdp'; ref_id: string; date_from: string; date_to: string; time_precision: number | null; lat: number; lon: number;
  geo_precision: number | null; country: string | null; admin1: string | null; location: string | null; type: string | null;
  sub_type: string | null; actor1: string | null; actor2: string | null; fatalities: number | null; notes: string | null;
}

function toEvent(r: RefDbRow): ReferenceEvent {
  return {
    dataset: r.dataset, id: r.ref_id, dateFrom: r.date_from, dateTo: r.date_to, timePrecision: r.time_precision, lat: r.lat, lon: r.lon,
    geoPrecision: r.geo_precision, country: r.country, admin1: r.admin1, location: r.location, type: r.type, subType: r.sub_type,
    actor1: r.actor1, actor2: r.actor2, fatalities: r.fatalities, notes: r.notes,
  };
}

export class SqliteReference {
  private readonly insert;
  private readonly near;

  constructor(private readonly db: Db) {
    this.insert = db.prepare(`INSERT OR IGNORE INTO reference_events VALUES (@dataset, @id, @dayFrom, @dayTo, @dateFrom, @dateTo,
      @timePrecision, @lat, @lon, @cell, @geoPrecision, @country, @admin1, @location, @type, @subType, @actor1, @actor2, @fatalities, @notes)`);
    this.near = db.prepare(`SELECT * FROM reference_events WHERE cell = ? AND day_from BETWEEN ? AND ? AND day_to >= ?`);
  }

  put(rows: ReferenceEvent[]): number {
    return this.db.transaction(() => {
      let added = 0;
      for (const r of rows) {
        const from = coveredDays(r.dateFrom);
        const to = coveredDays(r.dateTo);
        if (!from || !to) continue;
        added += this.insert.run({ ...r, dayFrom: from[0], dayTo: to[1], cell: cellOf(r.lat, r.lon) }).changes;
      }
      return added;
    })();
  }

  nearby(q: ReferenceQuery): ReferenceEvent[] {
    const from = coveredDays(q.from);
    const to = coveredDays(q.to);
    if (!from || !to) return [];
    const out: { e: ReferenceEvent; km: number }[] = [];
    for (const cell of cellsWithin(q.lat, q.lon, q.radiusKm)) {
      for (const r of this.near.all(cell, from[0] - MAX_SPAN_DAYS, to[1], from[0]) as RefDbRow[]) {
        const km = distanceKm(q.lat, q.lon, r.lat, r.lon);
        if (km <= q.radiusKm) out.push({ e: toEvent(r), km });
      }
    }
    out.sort((a, b) => a.km - b.km || a.e.id.localeCompare(b.e.id));
    return out.slice(0, Math.min(q.limit ?? MAX_PAGE, MAX_PAGE)).map((x) => x.e);
  }

  counts(): CountRow[] {
    return this.db.prepare('SELECT dataset AS key, dataset AS label, count(*) AS count FROM reference_events GROUP BY dataset ORDER BY dataset').all() as CountRow[];
  }
}
