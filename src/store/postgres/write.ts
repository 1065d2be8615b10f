// The PostgreSQL write path: one document = one SQL statement. The document row and every
// finding row go in through data-modifying CTEs fed by json_to_recordset, so a document is
// stored all-or-nothing in a single round trip, and the prepared statement is parsed once per
// connection. `ON CONFLICT (id) DO NOTHING` makes concurrent ingest workers on different
// machines safe: whichever commits first stores the document, the others get 'exists'.
// PostgreSQL text cannot hold U+0000 and its JSON rejects lone surrogates; both are replaced
// with U+FFFD, which keeps every UTF-16 offset unchanged.
import type { AnalysedDocument } from '../../core/types.js';
import type { PutResult } from '../types.js';
import { findingsJson } from '../sqlite/write.js';

const BAD = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HAS_BAD = /\u0000|[\uD800-\uDFFF]/;

/** Replaces what PostgreSQL cannot store, one UTF-16 unit for one, so offsets stay valid. */
export function pgSafe(s: string): string {
  return HAS_BAD.test(s) ? s.replace(BAD, '\uFFFD') : s;
}

const rows = (xs: object[]): string => JSON.stringify(xs, (_k, v: unknown) => (typeof v === 'string' ? pgSafe(v) : v));

const SQL = `WITH d AS (
    INSERT INTO documents (id, source, external_id, outlet, title, published, languages, text, length, camp, pack, findings)
    VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12)
    ON CONFLICT (id) DO NOTHING
    RETURNING rid),
  s AS (INSERT INTO segments (doc, idx, kind, author, depth, start, "end", stance)
    SELECT d.rid, x.idx, x.kind, x.author, x.depth, x.start, x."end", x.stance
    FROM d, json_to_recordset($13::json) AS x(idx int, kind text, author text, depth int, start int, "end" int, stance text)),
  p AS (INSERT INTO places (doc, place_id, name, country, kind, lat, lon, region, mentions)
    SELECT d.rid, x.id, x.name, x.country, x.kind, x.lat, x.lon, x.region, x.mentions
    FROM d, json_to_recordset($14::json) AS x(id text, name text, country text, kind text, lat float8, lon float8, region text, mentions int)
    ON CONFLICT DO NOTHING),
  a AS (INSERT INTO actors (doc, actor_id, name, affiliation, mentions, labels)
    SELECT d.rid, x.id, x.name, x.affiliation, x.mentions, x.labels
    FROM d, json_to_recordset($15::json) AS x(id text, name text, affiliation text, mentions int, labels int)
    ON CONFLICT DO NOTHING),
  pe AS (INSERT INTO persons (doc, person_id, name, role, mentions)
    SELECT d.rid, x.id, x.name, x.role, x.mentions
    FROM d, json_to_recordset($16::json) AS x(id text, name text, role text, mentions int)
    ON CONFLICT DO NOTHING),
  c AS (INSERT INTO claims (doc, idx, start, "end", value, approx, counted, attributed_to, hedged, rule_id, evidence)
    SELECT d.rid, x.idx, x.start, x."end", x.value, x.approx, x.counted, x.attributed_to, x.hedged, x.rule_id, x.evidence
    FROM d, json_to_recordset($17::json) AS x(idx int, start int, "end" int, value float8, approx bool, counted text,
      attributed_to text, hedged bool, rule_id text, evidence text)),
  e AS (INSERT INTO events (doc, idx, start, "end", type, sub_type, cause, agent, target, place_id, place_name, lat, lon, date,
      fatalities, civilian_fatalities, child_fatalities, cluster_id, rule_id, evidence)
    SELECT d.rid, x.idx, x.start, x."end", x.type, x.sub_type, x.cause, x.agent, x.target, x.place_id, x.place_name, x.lat, x.lon,
      x.date, x.fatalities, x.civilian_fatalities, x.child_fatalities, x.cluster_id, x.rule_id, x.evidence
    FROM d, json_to_recordset($18::json) AS x(idx int, start int, "end" int, type text, sub_type text, cause text, agent text,
      target text, place_id text, place_name text, lat float8, lon float8, date text, fatalities int, civilian_fatalities int,
      child_fatalities int, cluster_id text, rule_id text, evidence text)),
  t AS (INSERT INTO techniques (doc, idx, start, "end", technique, confidence, rule_id)
    SELECT d.rid, x.idx, x.start, x."end", x.technique, x.confidence, x.rule_id
    FROM d, json_to_recordset($19::json) AS x(idx int, start int, "end" int, technique text, confidence float8, rule_id text))
  SELECT rid FROM d`;

export interface PutQuery {
  name: string;
  text: string;
  values: unknown[];
}

/** The one statement that stores a document with all its findings. */
export function putQuery(doc: AnalysedDocument): PutQuery {
  const slice = (s: number, e: number): string => doc.text.slice(s, e);
  const placeById = new Map(doc.places.map((p) => [p.id, p]));
  return {
    name: 'faultline-put-document-v1',
    text: SQL,
    values: [
      doc.id, doc.source, doc.externalId, doc.outlet, doc.title === null ? null : pgSafe(doc.title), doc.published,
      rows(doc.languages), pgSafe(doc.text), doc.text.length, doc.stance.camp, null, pgSafe(findingsJson(doc)),
      rows(doc.segments.map((s, idx) => ({ idx, kind: s.kind, author: s.author, depth: s.depth, start: s.start, end: s.end, stance: s.stance ?? null }))),
      rows(doc.places.map((p) => ({ id: p.id, name: p.name, country: p.country, kind: p.kind, lat: p.lat, lon: p.lon, region: p.region ?? null, mentions: p.mentions.length }))),
      rows(doc.actors.map((a) => ({ id: a.id, name: a.name, affiliation: a.affiliation, mentions: a.mentions.length, labels: a.labels.length }))),
      rows(doc.persons.map((p) => ({ id: p.id, name: p.name, role: p.role, mentions: p.mentions.length }))),
      rows(doc.claims.map((c, idx) => ({ idx, start: c.start, end: c.end, value: c.value, approx: c.approx, counted: c.counted,
        attributed_to: c.attributedTo, hedged: c.hedged, rule_id: c.ruleId ?? null, evidence: slice(c.start, c.end) }))),
      rows(doc.events.map((e, idx) => {
        const p = e.place ? placeById.get(e.place) : undefined;
        return { idx, start: e.start, end: e.end, type: e.type, sub_type: e.subType, cause: e.cause, agent: e.agent, target: e.target,
          place_id: e.place, place_name: p?.name ?? null, lat: p?.lat ?? null, lon: p?.lon ?? null, date: e.date, fatalities: e.fatalities,
          civilian_fatalities: e.civilianFatalities, child_fatalities: e.childFatalities, cluster_id: e.clusterId ?? null,
          rule_id: e.ruleId ?? null, evidence: slice(e.start, e.end) };
      })),
      rows(doc.techniques.map((t, idx) => ({ idx, start: t.start, end: t.end, technique: t.technique, confidence: t.confidence ?? null, rule_id: t.ruleId ?? null }))),
    ],
  };
}

export function putResult(rowCount: number): PutResult {
  return rowCount > 0 ? 'added' : 'exists';
}
