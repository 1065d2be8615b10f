// Corpus-wide lists read from the running totals that migration 3's triggers keep (place_totals,
// actor_totals, edge_totals, event_months): a few thousand rows instead of aggregating every
// mention per request. Databases opened read-only before that migration fall back to the
// aggregate queries in read.ts (hasTotals() is false there).
import type { ActorRow, CountRow, EventCountRow, EventFilter, NetworkEdge, Page, PageRequest, PlaceRow } from '../types.js';
import { clampPage } from '../types.js';
import type { Db } from './open.js';

export function hasTotals(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'event_months'").get() !== undefined;
}

/** WHERE clause for place/actor lists: name contains q, and the affiliation when given. */
export function nameFilter(r: { q?: string; affiliation?: string }): { where: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (r.q) { parts.push('name LIKE ?'); params.push(`%${r.q}%`); }
  if (r.affiliation) { parts.push('affiliation = ?'); params.push(r.affiliation); }
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export class TotalsReader {
  constructor(private readonly db: Db) {}

  places(r: PageRequest & { q?: string }): Page<PlaceRow> {
    const { limit, offset } = clampPage(r);
    const { where, params } = nameFilter(r);
    const total = (this.db.prepare(`SELECT count(*) AS n FROM place_totals ${where}`).get(...params) as { n: number }).n;
    const items = this.db.prepare(`SELECT place_id AS id, name, country, kind, lat, lon, region, documents, mentions
      FROM place_totals ${where} ORDER BY mentions DESC, place_id LIMIT ? OFFSET ?`).all(...params, limit, offset) as PlaceRow[];
    return { items, total, limit, offset };
  }

  actors(r: PageRequest & { q?: string; affiliation?: string }): Page<ActorRow> {
    const { limit, offset } = clampPage(r);
    const { where, params } = nameFilter(r);
    const total = (this.db.prepare(`SELECT count(*) AS n FROM actor_totals ${where}`).get(...params) as { n: number }).n;
    const items = this.db.prepare(`SELECT actor_id AS id, name, affiliation, documents, mentions
      FROM actor_totals ${where} ORDER BY mentions DESC, actor_id LIMIT ? OFFSET ?`).all(...params, limit, offset) as ActorRow[];
    return { items, total, limit, offset };
  }

  network(r: PageRequest): Page<NetworkEdge> {
    const { limit, offset } = clampPage(r);
    const total = (this.db.prepare('SELECT count(*) AS n FROM edge_totals').get() as { n: number }).n;
    const items = this.db.prepare('SELECT agent, target, count FROM edge_totals ORDER BY count DESC, agent, target LIMIT ? OFFSET ?').all(limit, offset) as NetworkEdge[];
    return { items, total, limit, offset };
  }

  /** null when the filter needs more than month, type and camp (the caller aggregates events) */
  histogram(f: EventFilter): Page<EventCountRow> | null {
    if (f.place || f.actor || f.from || f.to || f.clusterId || f.bbox) return null;
    const { limit, offset } = clampPage(f);
    const parts: string[] = [];
    const params: unknown[] = [];
    if (f.type) { parts.push('type = ?'); params.push(f.type); }
    if (f.camp) { parts.push('camp = ?'); params.push(f.camp); }
    const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM event_months ${where}`).get(...params) as { n: number }).n;
    const items = this.db.prepare(`SELECT month, type, camp, count, fatalities FROM event_months ${where} ORDER BY month, type, camp LIMIT ? OFFSET ?`)
      .all(...params, limit, offset) as EventCountRow[];
    return { items, total, limit, offset };
  }

  /** the parts of CorpusStats the totals answer */
  statsParts(): { places: number; actors: number; labels: number; eventsByMonth: { month: string; type: string; count: number }[]; topPlaces: CountRow[]; topActors: CountRow[] } {
    const sums = this.db.prepare('SELECT (SELECT coalesce(sum(mentions), 0) FROM place_totals) AS places, (SELECT coalesce(sum(mentions), 0) FROM actor_totals) AS actors, (SELECT coalesce(sum(labels), 0) FROM actor_totals) AS labels').get() as { places: number; actors: number; labels: number };
    return {
      ...sums,
      eventsByMonth: this.db.prepare('SELECT month, type, sum(count) AS count FROM event_months GROUP BY 1, 2 ORDER BY 1, 2').all() as { month: string; type: string; count: number }[],
      topPlaces: this.db.prepare('SELECT place_id AS key, name AS label, mentions AS count FROM place_totals ORDER BY mentions DESC, place_id LIMIT 20').all() as CountRow[],
      topActors: this.db.prepare('SELECT actor_id AS key, name AS label, mentions AS count FROM actor_totals ORDER BY mentions DESC, actor_id LIMIT 20').all() as CountRow[],
    };
  }
}
