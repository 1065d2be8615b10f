// SQLite implementation of the Store interface (better-sqlite3: synchronous, so the async
// interface wraps plain calls). Only src/store touches the database.
import type { AnalysedDocument } from '../../core/types.js';
import type { PageRequest, PutResult, Store } from '../types.js';
import type { ClusterRecord, DocumentSignature, ReferenceEvent, ReferenceQuery } from '../types.js';
import { createWriter, type Writer } from './write.js';
import { openDatabase, type Db } from './open.js';
import { SqliteReader } from './read.js';
import { SqliteClusters } from './clusters.js';
import { SqliteReference } from './reference.js';

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly db: Db;
  private readonly writer: Writer | null;
  private readonly reader: SqliteReader;
  private readonly has;
  private readonly setCluster;
  private readonly clusterTable: SqliteClusters;
  private readonly referenceTable: SqliteReference;

  constructor(readonly file: string, options: { readonly?: boolean } = {}) {
    this.db = openDatabase(file, options);
    this.writer = options.readonly ? null : createWriter(this.db);
    this.reader = new SqliteReader(this.db);
    this.clusterTable = new SqliteClusters(this.db);
    this.referenceTable = new SqliteReference(this.db);
    this.has = this.db.prepare('SELECT 1 FROM documents WHERE id = ?');
    this.setCluster = this.db.prepare('UPDATE events SET cluster_id = ? WHERE doc = (SELECT rowid FROM documents WHERE id = ?) AND idx = ?');
  }

  private write(): Writer {
    if (!this.writer) throw new Error('store opened read-only');
    return this.writer;
  }

  async putDocument(doc: AnalysedDocument): Promise<PutResult> { return this.write().put(doc); }
  /** synchronous variant for the analyze loop, which needs no await per document */
  putDocumentSync(doc: AnalysedDocument): PutResult { return this.write().put(doc); }
  /**
   * Several documents in one transaction, each still all-or-nothing (see write.ts):
   * one commit per batch instead of per document is what makes bulk analysis fast. A document
   * that fails to store is returned as its Error; the others are kept.
   */
  putDocumentsSync(docs: AnalysedDocument[]): (PutResult | Error)[] {
    return this.write().putMany(docs);
  }
  async hasDocument(id: string): Promise<boolean> { return this.has.get(id) !== undefined; }
  hasDocumentSync(id: string): boolean { return this.has.get(id) !== undefined; }
  async getDocument(id: string) { return this.reader.getDocument(id); }
  async *iterateDocuments(): AsyncIterable<AnalysedDocument> { yield* this.reader.iterate(); }
  async stats() { return this.reader.stats(); }
  async listDocuments(f: Parameters<SqliteReader['listDocuments']>[0]) { return this.reader.listDocuments(f); }
  async search(r: Parameters<SqliteReader['search']>[0]) { return this.reader.search(r); }
  async places(r: PageRequest & { q?: string }) { return this.reader.places(r); }
  async actors(r: PageRequest & { q?: string; affiliation?: string }) { return this.reader.actors(r); }
  async events(f: Parameters<SqliteReader['events']>[0]) { return this.reader.events(f); }
  async claims(f: Parameters<SqliteReader['claims']>[0]) { return this.reader.claims(f); }
  async network(r: PageRequest) { return this.reader.network(r); }
  async eventHistogram(f: Parameters<SqliteReader['eventHistogram']>[0]) { return this.reader.eventHistogram(f); }

  async setClusterIds(assignments: { documentId: string; index: number; clusterId: string | null }[]): Promise<void> {
    this.db.transaction(() => {
      for (const a of assignments) this.setCluster.run(a.clusterId, a.documentId, a.index);
    })();
  }

  async replaceClusters(clusters: ClusterRecord[]): Promise<void> { this.clusterTable.replace(clusters); }
  async clearClusters(): Promise<void> { this.clusterTable.clear(); }
  async addClusters(clusters: ClusterRecord[]): Promise<void> { this.clusterTable.add(clusters); }
  async getCluster(id: string) { return this.clusterTable.get(id); }
  async listClusters(r: PageRequest & { minSources?: number }) { return this.clusterTable.list(r); }
  async putSignatures(rows: DocumentSignature[]): Promise<void> { this.clusterTable.putSignatures(rows); }
  async getSignatures(ids: string[]) { return this.clusterTable.getSignatures(ids); }
  async putReferenceEvents(rows: ReferenceEvent[]) { return this.referenceTable.put(rows); }
  async referenceEventsNear(q: ReferenceQuery) { return this.referenceTable.nearby(q); }
  async referenceCounts() { return this.referenceTable.counts(); }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
