// PostgreSQL implementation of the Store interface, for teams: several analysts and several
// ingest workers on different machines share one corpus (`--db postgres://user@host/db`).
// node-postgres (pg) with a small connection pool; the schema is migrated on open under an
// advisory lock; read-only opens run every transaction read-only. Only src/store touches
// the database.
import pg from 'pg';
import type { AnalysedDocument } from '../../core/types.js';
import type {
  ClaimFilter, ClusterRecord, DocumentFilter, DocumentSignature, EventFilter, PageRequest, PutResult, ReferenceEvent, ReferenceQuery,
  SearchRequest, Store,
} from '../types.js';
import { PgClusters } from './clusters.js';
import { checkSchema, migrate } from './migrations.js';
import { PgReader } from './read.js';
import { putQuery, putResult } from './write.js';

// bigint (count, identity) arrives as a string by default; our counts fit in a double
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export interface PostgresOptions {
  readonly?: boolean;
  /** connections in the pool (default 4) */
  connections?: number;
}

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  private readonly reader: PgReader;
  private readonly clusterTables: PgClusters;
  private closed = false;

  private constructor(readonly pool: pg.Pool, private readonly readonly: boolean) {
    this.reader = new PgReader(pool);
    this.clusterTables = new PgClusters(pool);
  }

  /** Connects, checks the server answers, and brings the schema up to date (unless read-only). */
  static async open(url: string, options: PostgresOptions = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.connections ?? 4,
      options: options.readonly ? '-c default_transaction_read_only=on' : undefined,
    });
    // an idle client losing its connection must not crash the process; the next query reconnects
    pool.on('error', () => {});
    try {
      const client = await pool.connect();
      try {
        if (options.readonly) await checkSchema(client);
        else await migrate(client);
      } finally {
        client.release();
      }
    } catch (err) {
      await pool.end();
      throw new Error(`cannot open PostgreSQL store ${redact(url)}: ${(err as Error).message}`);
    }
    return new PostgresStore(pool, options.readonly ?? false);
  }

  async putDocument(doc: AnalysedDocument): Promise<PutResult> {
    if (this.readonly) throw new Error('store opened read-only');
    const r = await this.pool.query(putQuery(doc));
    return putResult(r.rowCount ?? 0);
  }

  async hasDocument(id: string): Promise<boolean> {
    return ((await this.pool.query('SELECT 1 FROM documents WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }

  getDocument(id: string) { return this.reader.getDocument(id); }
  iterateDocuments(): AsyncIterable<AnalysedDocument> { return this.reader.iterate(); }
  stats() { return this.reader.stats(); }
  listDocuments(f: DocumentFilter) { return this.reader.listDocuments(f); }
  search(r: SearchRequest) { return this.reader.search(r); }
  places(r: PageRequest & { q?: string }) { return this.reader.places(r); }
  actors(r: PageRequest & { q?: string; affiliation?: string }) { return this.reader.actors(r); }
  events(f: EventFilter) { return this.reader.events(f); }
  claims(f: ClaimFilter) { return this.reader.claims(f); }
  network(r: PageRequest) { return this.reader.network(r); }
  eventHistogram(f: EventFilter) { return this.reader.eventHistogram(f); }
  replaceClusters(clusters: ClusterRecord[]) { return this.clusterTables.replace(clusters); }
  clearClusters() { return this.clusterTables.clear(); }
  addClusters(clusters: ClusterRecord[]) { return this.clusterTables.add(clusters); }
  getCluster(id: string) { return this.clusterTables.get(id); }
  listClusters(r: PageRequest & { minSources?: number }) { return this.clusterTables.list(r); }
  putSignatures(rows: DocumentSignature[]) { return this.clusterTables.putSignatures(rows); }
  getSignatures(ids: string[]) { return this.clusterTables.getSignatures(ids); }
  putReferenceEvents(rows: ReferenceEvent[]) { return this.clusterTables.putReference(rows); }
  referenceEventsNear(q: ReferenceQuery) { return this.clusterTables.nearby(q); }
  referenceCounts() { return this.clusterTables.referenceCounts(); }

  async setClusterIds(assignments: { documentId: string; index: number; clusterId: string | null }[]): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      for (let i = 0; i < assignments.length; i += 5000) {
        const chunk = assignments.slice(i, i + 5000).map((a) => ({ id: a.documentId, idx: a.index, c: a.clusterId }));
        await client.query(`UPDATE events e SET cluster_id = x.c
          FROM json_to_recordset($1::json) AS x(id text, idx int, c text), documents d
          WHERE d.id = x.id AND e.doc = d.rid AND e.idx = x.idx`, [JSON.stringify(chunk)]);
      }
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
