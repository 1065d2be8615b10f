// SQLite side of event clusters and near-duplicate signatures (written by src/cluster/run.ts,
// read by dossiers and the API). Statements are prepared once per store.
import type { ClusterRecord, DocumentSignature, Page, PageRequest } from '../types.js';
import { clampPage } from '../types.js';
import type { Db } from './open.js';

interface ClusterDbRow {
  id: string; type: string; date_from: string | null; date_to: string | null; place_id: string | null; place_name: string | null;
  lat: number | null; lon: number | null; region: string | null; mentions: number; documents: number; sources: number;
  outlets: string; camps: string; earliest_document: string | null; earliest_published: string | null;
}

function toRecord(r: ClusterDbRow): ClusterRecord {
  return {
    id: r.id, type: r.type, dateFrom: r.date_from, dateTo: r.date_to, placeId: r.place_id, placeName: r.place_name,
    lat: r.lat, lon: r.lon, region: r.region, mentions: r.mentions, documents: r.documents, sources: r.sources,
    outlets: JSON.parse(r.outlets) as string[], camps: JSON.parse(r.camps) as string[],
    earliestDocument: r.earliest_document, earliestPublished: r.earliest_published,
  };
}

export class SqliteClusters {
  private readonly insert;
  private readonly byId;
  private readonly putSig;
  private readonly getSig;

  constructor(private readonly db: Db) {
    this.insert = db.prepare(`INSERT OR REPLACE INTO clusters VALUES (@id, @type, @dateFrom, @dateTo, @placeId, @placeName, @lat, @lon,
      @region, @mentions, @documents, @sources, @outlets, @camps, @earliestDocument, @earliestPublished)`);
    this.byId = db.prepare('SELECT * FROM clusters WHERE id = ?');
    this.putSig = db.prepare('INSERT OR REPLACE INTO signatures (document_id, simhash, duplicate_of) VALUES (?, ?, ?)');
    this.getSig = db.prepare('SELECT document_id AS documentId, simhash, duplicate_of AS duplicateOf FROM signatures WHERE document_id = ?');
  }

  replace(clusters: ClusterRecord[]): void {
    this.db.transaction(() => {
      this.clear();
      this.add(clusters);
    })();
  }

  clear(): void {
    this.db.exec('DELETE FROM clusters');
  }

  add(clusters: ClusterRecord[]): void {
    this.db.transaction(() => {
      for (const c of clusters) this.insert.run({ ...c, outlets: JSON.stringify(c.outlets), camps: JSON.stringify(c.camps) });
    })();
  }

  get(id: string): ClusterRecord | null {
    const r = this.byId.get(id) as ClusterDbRow | undefined;
    return r ? toRecord(r) : null;
  }

  list(req: PageRequest & { minSources?: number }): Page<ClusterRecord> {
    const { limit, offset } = clampPage(req);
    const min = req.minSources ?? 0;
    const total = (this.db.prepare('SELECT count(*) AS n FROM clusters WHERE sources >= ?').get(min) as { n: number }).n;
    const rows = this.db.prepare('SELECT * FROM clusters WHERE sources >= ? ORDER BY sources DESC, mentions DESC, id LIMIT ? OFFSET ?')
      .all(min, limit, offset) as ClusterDbRow[];
    return { items: rows.map(toRecord), total, limit, offset };
  }

  putSignatures(rows: DocumentSignature[]): void {
    this.db.transaction(() => {
      for (const r of rows) this.putSig.run(r.documentId, r.simhash, r.duplicateOf);
    })();
  }

  getSignatures(ids: string[]): DocumentSignature[] {
    const out: DocumentSignature[] = [];
    for (const id of ids) {
      const r = this.getSig.get(id) as DocumentSignature | undefined;
      if (r) out.push(r);
    }
    return out;
  }
}
