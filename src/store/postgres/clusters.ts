// PostgreSQL side of event clusters, near-duplicate signatures and reference events (ACLED,
// UCDP), with the same answers as src/store/sqlite/{clusters,reference}.ts. Bulk writes go in
// as one json_to_recordset statement per chunk, inside one transaction.
import type pg from 'pg';
import { cellOf, cellsWithin, distanceKm } from '../../cluster/geo.js';
import { coveredDays } from '../../cluster/days.js';
import type { ClusterRecord, CountRow, DocumentSignature, Page, PageRequest, ReferenceEvent, ReferenceQuery } from '../types.js';
import { MAX_PAGE, clampPage } from '../types.js';

/** reference events spanning more than this are too vague to corroborate anything */
const MAX_SPAN_DAYS = 400;
const CHUNK = 2000;

const CLUSTER_COLUMNS = `id, type, date_from AS "dateFrom", date_to AS "dateTo", place_id AS "placeId", place_name AS "placeName", lat, lon,
  region, mentions, documents, sources, outlets, camps, earliest_document AS "earliestDocument", earliest_published AS "earliestPublished"`;

const REF_COLUMNS = `dataset, ref_id AS id, date_from AS "dateFrom", date_to AS "dateTo", time_precision AS "timePrecision", lat, lon,
  geo_precision AS "geoPrecision", country, admin1, location, type, sub_type AS "subType", actor1, actor2, fatalities, notes`;

async function inTransaction<T>(pool: pg.Pool, work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const out = await work(client);
    await client.query('COMMIT');
    return out;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}

/** SQLite's INSERT OR REPLACE keeps the last row of a repeated key; one upsert statement may not touch a row twice. */
function lastById<T>(rows: T[], key: (r: T) => string): T[] {
  return [...new Map(rows.map((r) => [key(r), r])).values()];
}

async function upsertClusters(c: pg.PoolClient, all: ClusterRecord[]): Promise<void> {
  const clusters = lastById(all, (r) => r.id);
  for (let i = 0; i < clusters.length; i += CHUNK) {
    await c.query(`INSERT INTO clusters SELECT x.id, x."type", x."dateFrom", x."dateTo", x."placeId", x."placeName", x.lat, x.lon, x.region,
        x.mentions, x.documents, x.sources, x.outlets, x.camps, x."earliestDocument", x."earliestPublished"
      FROM json_to_recordset($1::json) AS x(id text, "type" text, "dateFrom" text, "dateTo" text, "placeId" text, "placeName" text,
        lat float8, lon float8, region text, mentions int, documents int, sources int, outlets jsonb, camps jsonb,
        "earliestDocument" text, "earliestPublished" text)
      ON CONFLICT (id) DO UPDATE SET type = excluded.type, date_from = excluded.date_from, date_to = excluded.date_to,
        place_id = excluded.place_id, place_name = excluded.place_name, lat = excluded.lat, lon = excluded.lon, region = excluded.region,
        mentions = excluded.mentions, documents = excluded.documents, sources = excluded.sources, outlets = excluded.outlets,
        camps = excluded.camps, earliest_document = excluded.earliest_document, earliest_published = excluded.earliest_published`,
    [JSON.stringify(clusters.slice(i, i + CHUNK))]);
  }
}

export class PgClusters {
  constructor(private readonly pool: pg.Pool) {}

  async replace(all: ClusterRecord[]): Promise<void> {
    await inTransaction(this.pool, async (c) => {
      await c.query('DELETE FROM clusters');
      await upsertClusters(c, all);
    });
  }

  async clear(): Promise<void> {
    await this.pool.query('DELETE FROM clusters');
  }

  async add(clusters: ClusterRecord[]): Promise<void> {
    await inTransaction(this.pool, (c) => upsertClusters(c, clusters));
  }

  async get(id: string): Promise<ClusterRecord | null> {
    return (await this.pool.query<ClusterRecord>(`SELECT ${CLUSTER_COLUMNS} FROM clusters WHERE id = $1`, [id])).rows[0] ?? null;
  }

  async list(req: PageRequest & { minSources?: number }): Promise<Page<ClusterRecord>> {
    const { limit, offset } = clampPage(req);
    const min = req.minSources ?? 0;
    const total = Number((await this.pool.query<{ n: number }>('SELECT count(*) AS n FROM clusters WHERE sources >= $1', [min])).rows[0]?.n ?? 0);
    const items = (await this.pool.query<ClusterRecord>(`SELECT ${CLUSTER_COLUMNS} FROM clusters WHERE sources >= $1
      ORDER BY sources DESC, mentions DESC, id LIMIT $2 OFFSET $3`, [min, limit, offset])).rows;
    return { items, total, limit, offset };
  }

  async putSignatures(all: DocumentSignature[]): Promise<void> {
    const rows = lastById(all, (r) => r.documentId);
    await inTransaction(this.pool, async (c) => {
      for (let i = 0; i < rows.length; i += CHUNK) {
        await c.query(`INSERT INTO signatures (document_id, simhash, duplicate_of)
          SELECT x."documentId", x.simhash, x."duplicateOf" FROM json_to_recordset($1::json) AS x("documentId" text, simhash text, "duplicateOf" text)
          ON CONFLICT (document_id) DO UPDATE SET simhash = excluded.simhash, duplicate_of = excluded.duplicate_of`,
        [JSON.stringify(rows.slice(i, i + CHUNK))]);
      }
    });
  }

  async getSignatures(ids: string[]): Promise<DocumentSignature[]> {
    if (!ids.length) return [];
    const rows = (await this.pool.query<DocumentSignature>(`SELECT document_id AS "documentId", simhash, duplicate_of AS "duplicateOf"
      FROM signatures WHERE document_id = ANY($1::text[])`, [ids])).rows;
    const byId = new Map(rows.map((r) => [r.documentId, r]));
    return ids.map((id) => byId.get(id)).filter((r): r is DocumentSignature => !!r);
  }

  async putReference(rows: ReferenceEvent[]): Promise<number> {
    const ready = rows.flatMap((r) => {
      const from = coveredDays(r.dateFrom);
      const to = coveredDays(r.dateTo);
      return from && to ? [{ ...r, dayFrom: from[0], dayTo: to[1], cell: cellOf(r.lat, r.lon) }] : [];
    });
    return inTransaction(this.pool, async (c) => {
      let added = 0;
      for (let i = 0; i < ready.length; i += CHUNK) {
        const r = await c.query(`INSERT INTO reference_events SELECT x.dataset, x.id, x."dayFrom", x."dayTo", x."dateFrom", x."dateTo",
            x."timePrecision", x.lat, x.lon, x.cell, x."geoPrecision", x.country, x.admin1, x.location, x.type, x."subType", x.actor1, x.actor2,
            x.fatalities, x.notes
          FROM json_to_recordset($1::json) AS x(dataset text, id text, "dayFrom" int, "dayTo" int, "dateFrom" text, "dateTo" text,
            "timePrecision" int, lat float8, lon float8, cell int, "geoPrecision" int, country text, admin1 text, location text, type text,
            "subType" text, actor1 text, actor2 text, fatalities int, notes text)
          ON CONFLICT DO NOTHING`, [JSON.stringify(ready.slice(i, i + CHUNK))]);
        added += r.rowCount ?? 0;
      }
      return added;
    });
  }

  async nearby(q: ReferenceQuery): Promise<ReferenceEvent[]> {
    const from = coveredDays(q.from);
    const to = coveredDays(q.to);
    if (!from || !to) return [];
    const rows = (await this.pool.query<ReferenceEvent>(`SELECT ${REF_COLUMNS} FROM reference_events
      WHERE cell = ANY($1::int[]) AND day_from BETWEEN $2 AND $3 AND day_to >= $4`,
    [cellsWithin(q.lat, q.lon, q.radiusKm), from[0] - MAX_SPAN_DAYS, to[1], from[0]])).rows;
    return rows
      .map((e) => ({ e, km: distanceKm(q.lat, q.lon, e.lat, e.lon) }))
      .filter((x) => x.km <= q.radiusKm)
      .sort((a, b) => a.km - b.km || a.e.id.localeCompare(b.e.id))
      .slice(0, Math.min(q.limit ?? MAX_PAGE, MAX_PAGE))
      .map((x) => x.e);
  }

  async referenceCounts(): Promise<CountRow[]> {
    return (await this.pool.query<CountRow>('SELECT dataset AS key, dataset AS label, count(*)::int AS count FROM reference_events GROUP BY dataset ORDER BY dataset')).rows;
  }
}
