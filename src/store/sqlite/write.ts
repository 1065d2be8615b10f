// The write path: one transaction per document, prepared statements reused for every row.
import type { AnalysedDocument } from '../../core/types.js';
import type { PutResult } from '../types.js';
import type { Db } from './open.js';

/** The findings column keeps everything but the text (stored once, in its own column). */
export function findingsJson(doc: AnalysedDocument): string {
  const { text: _text, ...rest } = doc;
  return JSON.stringify(rest);
}

export function createWriter(db: Db): (doc: AnalysedDocument) => PutResult {
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

  return db.transaction((doc: AnalysedDocument): PutResult => {
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
    const row = Number(info.lastInsertRowid);
    insertFts.run(row, doc.title ?? '', doc.text);
    doc.segments.forEach((s, i) => insertSegment.run(row, i, s.kind, s.author, s.depth, s.start, s.end, s.stance ?? null));
    for (const p of doc.places) insertPlace.run(row, p.id, p.name, p.country, p.kind, p.lat, p.lon, p.region ?? null, p.mentions.length);
    for (const a of doc.actors) insertActor.run(row, a.id, a.name, a.affiliation, a.mentions.length, a.labels.length);
    for (const p of doc.persons) insertPerson.run(row, p.id, p.name, p.role, p.mentions.length);
    doc.claims.forEach((c, i) =>
      insertClaim.run(row, i, c.start, c.end, c.value, c.approx ? 1 : 0, c.counted, c.attributedTo, c.hedged ? 1 : 0, c.ruleId ?? null, doc.text.slice(c.start, c.end)),
    );
    const placeById = new Map(doc.places.map((p) => [p.id, p]));
    doc.events.forEach((e, i) => {
      const p = e.place ? placeById.get(e.place) : undefined;
      insertEvent.run(row, i, e.start, e.end, e.type, e.subType, e.cause, e.agent, e.target, e.place, p?.name ?? null,
        p?.lat ?? null, p?.lon ?? null, e.date, e.fatalities, e.civilianFatalities, e.childFatalities, e.clusterId ?? null, e.ruleId ?? null, doc.text.slice(e.start, e.end));
    });
    doc.techniques.forEach((t, i) => insertTechnique.run(row, i, t.start, t.end, t.technique, t.confidence ?? null, t.ruleId ?? null));
    return 'added';
  });
}
