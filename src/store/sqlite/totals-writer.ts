// Running totals (place_totals, actor_totals, edge_totals, event_months) kept by the write path
// once per batch instead of by row triggers. The triggers of migration 3 ran an upsert, and moved
// an entry of the totals' mentions index, for every place, actor and event row: a third of the
// store's write time. Migration 5 drops them; a batch of documents now adds up its rows here and
// upserts each distinct key once. Deleting still goes through migration 3's remove triggers.
import type { AnalysedDocument } from '../../core/types.js';
import type { Db } from './open.js';

type PlaceTotal = [name: string, country: string | null, kind: string, lat: number | null, lon: number | null, region: string | null, documents: number, mentions: number];
type ActorTotal = [name: string, affiliation: string, documents: number, mentions: number, labels: number];

/** What one stored document adds to the totals; merged into the batch only once its rows are in. */
export interface DocumentTotals {
  places: { id: string; row: PlaceTotal }[];
  actors: { id: string; row: ActorTotal }[];
  edges: [agent: string, target: string][];
  months: { month: string; type: string; camp: string; fatalities: number }[];
}

export function emptyTotals(): DocumentTotals {
  return { places: [], actors: [], edges: [], months: [] };
}

/** The event_months contribution of one event row, as the old trigger computed it. */
export function monthOf(doc: AnalysedDocument, e: AnalysedDocument['events'][number]): DocumentTotals['months'][number] | null {
  if (typeof e.date !== 'string' || e.date.length < 7) return null;
  const f = e.fatalities;
  return { month: e.date.slice(0, 7), type: e.type, camp: doc.stance.camp ?? 'unclear', fatalities: typeof f === 'number' && Number.isFinite(f) ? f : 0 };
}

export class TotalsBatch {
  private places = new Map<string, PlaceTotal>();
  private actors = new Map<string, ActorTotal>();
  private edges = new Map<string, [string, string, number]>();
  private months = new Map<string, [string, string, string, number, number]>();
  private readonly upsertPlace;
  private readonly upsertActor;
  private readonly upsertEdge;
  private readonly upsertMonth;

  constructor(db: Db) {
    this.upsertPlace = db.prepare(`INSERT INTO place_totals VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(place_id) DO UPDATE SET documents = documents + excluded.documents, mentions = mentions + excluded.mentions`);
    this.upsertActor = db.prepare(`INSERT INTO actor_totals VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT(actor_id) DO UPDATE SET documents = documents + excluded.documents, mentions = mentions + excluded.mentions, labels = labels + excluded.labels`);
    this.upsertEdge = db.prepare(`INSERT INTO edge_totals VALUES (?, ?, ?)
      ON CONFLICT(agent, target) DO UPDATE SET count = count + excluded.count`);
    this.upsertMonth = db.prepare(`INSERT INTO event_months VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(month, type, camp) DO UPDATE SET count = count + excluded.count, fatalities = fatalities + excluded.fatalities`);
  }

  add(t: DocumentTotals): void {
    // the first row of a key gives its name and coordinates, as the first insert did for the trigger
    for (const { id, row } of t.places) {
      const have = this.places.get(id);
      if (have) { have[6] += row[6]; have[7] += row[7]; } else this.places.set(id, [...row]);
    }
    for (const { id, row } of t.actors) {
      const have = this.actors.get(id);
      if (have) { have[2] += row[2]; have[3] += row[3]; have[4] += row[4]; } else this.actors.set(id, [...row]);
    }
    for (const [agent, target] of t.edges) {
      const key = `${agent}\u0000${target}`;
      const have = this.edges.get(key);
      if (have) have[2]++;
      else this.edges.set(key, [agent, target, 1]);
    }
    for (const m of t.months) {
      const key = `${m.month}\u0000${m.type}\u0000${m.camp}`;
      const have = this.months.get(key);
      if (have) { have[3]++; have[4] += m.fatalities; } else this.months.set(key, [m.month, m.type, m.camp, 1, m.fatalities]);
    }
  }

  /** Forget what was added: its rows were rolled back. */
  reset(): void {
    this.places = new Map();
    this.actors = new Map();
    this.edges = new Map();
    this.months = new Map();
  }

  /** Upsert the batch's totals (inside the batch's transaction) and start a new batch. */
  flush(): void {
    try {
      for (const [id, r] of this.places) this.upsertPlace.run(id, ...r);
      for (const [id, r] of this.actors) this.upsertActor.run(id, ...r);
      for (const r of this.edges.values()) this.upsertEdge.run(...r);
      for (const r of this.months.values()) this.upsertMonth.run(...r);
    } finally {
      this.reset();
    }
  }
}
