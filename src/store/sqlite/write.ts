// The write path: prepared statements reused for every row; a batch of documents in one
// transaction, each document all-or-nothing inside it, and the running totals upserted once per
// batch (totals-writer.ts). A batch is first written without a savepoint per document: a
// savepoint copies every page a document touches to the statement journal (a temporary file:
// ~150 pages, 600 KB of writes per document) and makes FTS5 flush its pending terms as a
// one-document segment; together a third of the store's CPU. Should any document fail, the whole
// batch is rolled back and written again with a savepoint per document, which keeps the others.
import type { AnalysedDocument } from '../../core/types.js';
import type { PutResult } from '../types.js';
import type { Db } from './open.js';
import { emptyTotals, monthOf, TotalsBatch, type DocumentTotals } from './totals-writer.js';

const serialised = new WeakMap<AnalysedDocument, string>();
const signatures = new WeakMap<AnalysedDocument, string | null>();

/** The document without its text as JSON: the findings column, and the form analysis workers send. */
export function serialiseFindings(doc: AnalysedDocument): string {
  const { text: _text, ...rest } = doc;
  return JSON.stringify(rest);
}

/** Remember the JSON a worker already made of this document, so the store does not make it again. */
export function attachFindingsJson(doc: AnalysedDocument, json: string): void {
  serialised.set(doc, json);
}

/**
 * Remember the near-duplicate signature a worker computed (src/cluster/minhash.ts; null: too
 * short to sign): it is stored with the document, and the clustering pass, which runs on one
 * thread after analysis, finds it there instead of computing it again.
 */
export function attachSignature(doc: AnalysedDocument, signature: string | null): void {
  signatures.set(doc, signature);
}

/** The findings column keeps everything but the text (stored once, in its own column). */
export function findingsJson(doc: AnalysedDocument): string {
  return serialised.get(doc) ?? serialiseFindings(doc);
}

export interface Writer {
  /** one document in its own transaction */
  put(doc: AnalysedDocument): PutResult;
  /** several documents in one transaction; a document that fails is returned as its Error */
  putMany(docs: AnalysedDocument[]): (PutResult | Error)[];
}

export function createWriter(db: Db): Writer {
  const insertDoc = db.prepare(`INSERT OR IGNORE INTO documents
    (id, source, external_id, outlet, title, published, languages, text, camp, pack, findings, analysed_at)
    VALUES (@id, @source, @externalId, @outlet, @title, @published, @languages, @text, @camp, @pack, @findings, @at)`);
  const insertFts = db.prepare('INSERT INTO documents_fts(rowid, title, text) VALUES (?, ?, ?)');
  const insertSegment = db.prepare('INSERT INTO segments VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insertPlace = db.prepare('INSERT OR IGNORE INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertActor = db.prepare('INSERT OR IGNORE INTO actors VALUES (?, ?, ?, ?, ?, ?)');
  const insertPerson = db.prepare('INSERT OR IGNORE INTO persons VALUES (?, ?, ?, ?, ?)');
  const insertClaim = db.prepare(`INSERT INTO claims (doc, idx, start, "end", value, approx, counted, attributed_to, hedged, rule_id, evidence)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertEvent = db.prepare(`INSERT INTO events (doc, idx, start, "end", type, sub_type, cause, agent, target, place_id, place_name, lat, lon, date,
    fatalities, civilian_fatalities, child_fatalities, cluster_id, rule_id, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertTechnique = db.prepare('INSERT INTO techniques VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertSignature = db.prepare('INSERT OR REPLACE INTO signatures (document_id, simhash, duplicate_of) VALUES (?, ?, NULL)');

  const totals = new TotalsBatch(db);
  // the rows of one document; its totals are returned, to be counted only if its rows stay in
  const putRows = (doc: AnalysedDocument): DocumentTotals | 'exists' => {
    const info = insertDoc.run({
      id: doc.id,
      source: doc.source,
      externalId: doc.externalId,
      outlet: doc.outlet,
      title: doc.title,
      published: doc.published,
      languages: JSON.stringify(doc.languages),
      text: doc.text,
      camp: doc.stance.camp,
      pack: null,
      findings: findingsJson(doc),
      at: new Date().toISOString(),
    });
    if (info.changes === 0) return 'exists';
    const t = emptyTotals();
    const row = Number(info.lastInsertRowid);
    insertFts.run(row, doc.title ?? '', doc.text);
    if (signatures.has(doc)) insertSignature.run(doc.id, signatures.get(doc) ?? null);
    doc.segments.forEach((s, i) => insertSegment.run(row, i, s.kind, s.author, s.depth, s.start, s.end, s.stance ?? null));
    for (const p of doc.places) {
      const region = p.region ?? null;
      if (insertPlace.run(row, p.id, p.name, p.country, p.kind, p.lat, p.lon, region, p.mentions.length).changes) {
        t.places.push({ id: p.id, row: [p.name, p.country, p.kind, p.lat, p.lon, region, 1, p.mentions.length] });
      }
    }
    for (const a of doc.actors) {
      if (insertActor.run(row, a.id, a.name, a.affiliation, a.mentions.length, a.labels.length).changes) {
        t.actors.push({ id: a.id, row: [a.name, a.affiliation, 1, a.mentions.length, a.labels.length] });
      }
    }
    for (const p of doc.persons) insertPerson.run(row, p.id, p.name, p.role, p.mentions.length);
    doc.claims.forEach((c, i) =>
      insertClaim.run(row, i, c.start, c.end, c.value, c.approx ? 1 : 0, c.counted, c.attributedTo, c.hedged ? 1 : 0, c.ruleId ?? null, doc.text.slice(c.start, c.end)),
    );
    const placeById = new Map(doc.places.map((p) => [p.id, p]));
    doc.events.forEach((e, i) => {
      const p = e.place ? placeById.get(e.place) : undefined;
      insertEvent.run(row, i, e.start, e.end, e.type, e.subType, e.cause, e.agent, e.target, e.place, p?.name ?? null,
        p?.lat ?? null, p?.lon ?? null, e.date, e.fatalities, e.civilianFatalities, e.childFatalities, e.clusterId ?? null, e.ruleId ?? null, doc.text.slice(e.start, e.end));
      if (e.agent != null && e.target != null) t.edges.push([e.agent, e.target]);
      const month = monthOf(doc, e);
      if (month) t.months.push(month);
    });
    doc.techniques.forEach((t, i) => insertTechnique.run(row, i, t.start, t.end, t.technique, t.confidence ?? null, t.ruleId ?? null));
    return t;
  };
  // the usual case: no document fails, one transaction and no savepoints
  const putAll = db.transaction((docs: AnalysedDocument[]): PutResult[] => {
    totals.reset();
    const out = docs.map((d): PutResult => {
      const t = putRows(d);
      if (t === 'exists') return 'exists';
      totals.add(t);
      return 'added';
    });
    totals.flush();
    return out;
  });
  // after a failure: each document in its own savepoint, a failing one returned as its Error
  const putOne = db.transaction(putRows);
  const putEach = db.transaction((docs: AnalysedDocument[]): (PutResult | Error)[] => {
    totals.reset();
    const out = docs.map((d): PutResult | Error => {
      try {
        const t = putOne(d);
        if (t === 'exists') return 'exists';
        totals.add(t);
        return 'added';
      } catch (err) {
        return err as Error;
      }
    });
    totals.flush();
    return out;
  });
  const putMany = (docs: AnalysedDocument[]): (PutResult | Error)[] => {
    try {
      return putAll(docs);
    } catch {
      // rolled back whole (inside a caller's transaction: to putAll's own savepoint)
      return putEach(docs);
    }
  };
  return {
    put: (doc) => {
      const [r] = putMany([doc]);
      if (r instanceof Error) throw r;
      return r ?? 'exists';
    },
    putMany,
  };
}
