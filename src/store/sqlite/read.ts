// Read queries of the SQLite store. Every statement is prepared once with bound parameters;
// every list is paginated through clampPage.
import type { AnalysedDocument } from '../../core/types.js';
import type {
  ActorRow, ClaimFilter, ClaimRow, CorpusStats, CountRow, DocumentFilter, DocumentSummary, EventCountRow, EventFilter, EventRow,
  NetworkEdge, Page, PageRequest, PlaceRow, SearchPage, SearchRequest,
} from '../types.js';
import { StoreError, clampPage } from '../types.js';
import type { Db } from './open.js';
import { TotalsReader, hasTotals, nameFilter } from './totals.js';

interface DocRow {
  rowid: number;
  id: string;
  text: string;
  findings: string;
}

/** matches ranked by relevance (bm25) at most: under 20 ms even on a cold cache */
export const RANKED_MATCHES = 2000;
/** matches counted at most: past it a search's total is a floor */
export const COUNTED_MATCHES = 10_000;
const SUMMARY_COLUMNS = `d.rowid AS rowid, d.id, d.title, d.source, d.outlet, d.published, d.camp, d.languages, length(d.text) AS length,
  (SELECT count(*) FROM places p WHERE p.doc = d.rowid) AS nPlaces,
  (SELECT count(*) FROM actors a WHERE a.doc = d.rowid) AS nActors,
  (SELECT count(*) FROM events e WHERE e.doc = d.rowid) AS nEvents,
  (SELECT count(*) FROM claims c WHERE c.doc = d.rowid) AS nClaims,
  (SELECT count(*) FROM techniques t WHERE t.doc = d.rowid) AS nTechniques,
  (SELECT count(*) FROM segments s WHERE s.doc = d.rowid) AS nSegments`;

interface SummaryRow {
  id: string; title: string | null; source: string; outlet: string | null; published: string | null; camp: string | null;
  languages: string; length: number; nPlaces: number; nActors: number; nEvents: number; nClaims: number; nTechniques: number; nSegments: number;
}

function toSummary(r: SummaryRow): DocumentSummary {
  const langs = JSON.parse(r.languages) as { lang: string }[];
  return {
    id: r.id, title: r.title, source: r.source, outlet: r.outlet, published: r.published, camp: r.camp,
    languages: langs.map((l) => l.lang), length: r.length,
    counts: { places: r.nPlaces, actors: r.nActors, events: r.nEvents, claims: r.nClaims, techniques: r.nTechniques, segments: r.nSegments },
  };
}

/** WHERE clause shared by the event list and the event histogram. */
function eventWhere(f: EventFilter, extra: string[] = []): { where: string; params: unknown[] } {
  const parts: string[] = [...extra];
  const params: unknown[] = [];
  if (f.type) { parts.push('e.type = ?'); params.push(f.type); }
  if (f.camp) { parts.push('d.camp = ?'); params.push(f.camp); }
  if (f.place) { parts.push('e.place_id = ?'); params.push(f.place); }
  if (f.actor) { parts.push('(e.agent = ? OR e.target = ?)'); params.push(f.actor, f.actor); }
  if (f.from) { parts.push('e.date >= ?'); params.push(f.from); }
  if (f.to) { parts.push("e.date <= ? || '~'"); params.push(f.to); }
  if (f.clusterId) { parts.push('e.cluster_id = ?'); params.push(f.clusterId); }
  if (f.bbox) { parts.push('e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?'); params.push(f.bbox[0], f.bbox[2], f.bbox[1], f.bbox[3]); }
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/**
 * WHERE fragments shared by document listing and search. Finding filters test `+d.rowid` against
 * the matching set (the unary + keeps the scan on a slim covering index instead of visiting the
 * wide document rows); for a listing (`forList`) the technique test is a per-row indexed EXISTS,
 * which stops as soon as a page is full.
 */
function documentWhere(f: DocumentFilter, forList = false): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.outlet) { parts.push('d.outlet = ?'); params.push(f.outlet); }
  if (f.camp) { parts.push('d.camp = ?'); params.push(f.camp); }
  if (f.from) { parts.push('d.published >= ?'); params.push(f.from); }
  if (f.to) { parts.push("d.published <= ? || '~'"); params.push(f.to); }
  if (f.place) { parts.push('+d.rowid IN (SELECT doc FROM places WHERE place_id = ? UNION SELECT doc FROM places WHERE name = ?)'); params.push(f.place, f.place); }
  if (f.actor) { parts.push('+d.rowid IN (SELECT doc FROM actors WHERE actor_id = ? UNION SELECT doc FROM actors WHERE name = ?)'); params.push(f.actor, f.actor); }
  if (f.technique) {
    parts.push(forList ? 'EXISTS (SELECT 1 FROM techniques t WHERE t.technique = ? AND t.doc = d.rowid)' : '+d.rowid IN (SELECT doc FROM techniques WHERE technique = ?)');
    params.push(f.technique);
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params };
}

/** With a single finding filter the count needs only that finding's index. */
function findingOnlyCount(f: DocumentFilter): { sql: string; params: unknown[] } | null {
  if ([f.outlet, f.camp, f.from, f.to, f.place, f.actor, f.technique].filter(Boolean).length !== 1) return null;
  if (f.technique) return { sql: 'SELECT count(DISTINCT doc) AS n FROM techniques WHERE technique = ?', params: [f.technique] };
  if (f.place) return { sql: 'SELECT count(*) AS n FROM (SELECT doc FROM places WHERE place_id = ? UNION SELECT doc FROM places WHERE name = ?)', params: [f.place, f.place] };
  if (f.actor) return { sql: 'SELECT count(*) AS n FROM (SELECT doc FROM actors WHERE actor_id = ? UNION SELECT doc FROM actors WHERE name = ?)', params: [f.actor, f.actor] };
  return null;
}

export class SqliteReader {
  private readonly byId;
  private readonly clusterIds;
  private readonly hitRow;
  /** running totals (migration 3), absent in older databases opened read-only */
  private readonly totals: TotalsReader | null;
  constructor(private readonly db: Db) {
    this.totals = hasTotals(db) ? new TotalsReader(db) : null;
    this.byId = db.prepare('SELECT rowid, id, text, findings FROM documents WHERE id = ?');
    // the cast matters: a JS number binds as REAL, and FTS5 then ignores the rowid constraint
    this.hitRow = db.prepare(`SELECT ${SUMMARY_COLUMNS}, snippet(documents_fts, 1, '[', ']', '…', 16) AS snippet
      FROM documents_fts f JOIN documents d ON d.rowid = f.rowid WHERE documents_fts MATCH ? AND f.rowid = CAST(? AS INTEGER)`);
    this.clusterIds = db.prepare('SELECT idx, cluster_id AS clusterId FROM events WHERE doc = ?');
  }

  toDocument(row: DocRow): AnalysedDocument {
    const doc = { ...(JSON.parse(row.findings) as Omit<AnalysedDocument, 'text'>), text: row.text } as AnalysedDocument;
    // cluster ids are assigned after analysis; the events table holds the current ones
    if (doc.events.length) {
      for (const r of this.clusterIds.all(row.rowid) as { idx: number; clusterId: string | null }[]) {
        const e = doc.events[r.idx];
        if (e) e.clusterId = r.clusterId;
      }
    }
    return doc;
  }

  getDocument(id: string): AnalysedDocument | null {
    const row = this.byId.get(id) as DocRow | undefined;
    return row ? this.toDocument(row) : null;
  }

  *iterate(batch = 200): Generator<AnalysedDocument> {
    const stmt = this.db.prepare('SELECT rowid, id, text, findings FROM documents WHERE rowid > ? ORDER BY rowid LIMIT ?');
    let last = 0;
    for (;;) {
      const rows = stmt.all(last, batch) as DocRow[];
      if (!rows.length) return;
      for (const r of rows) yield this.toDocument(r);
      last = rows[rows.length - 1]!.rowid;
    }
  }

  listDocuments(f: DocumentFilter): Page<DocumentSummary> {
    const { limit, offset } = clampPage(f);
    const where = documentWhere(f);
    const count = findingOnlyCount(f) ?? { sql: `SELECT count(*) AS n FROM documents d WHERE ${where.sql}`, params: where.params };
    const total = (this.db.prepare(count.sql).get(...count.params) as { n: number }).n;
    const list = documentWhere(f, true);
    const rows = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE ${list.sql} ORDER BY d.published DESC, d.rowid LIMIT ? OFFSET ?`)
      .all(...list.params, limit, offset) as SummaryRow[];
    return { items: rows.map(toSummary), total, limit, offset };
  }

  search(r: SearchRequest): SearchPage {
    const { limit, offset } = clampPage(r);
    // a one- or two-letter prefix (`a*`) expands to most of the vocabulary and stalls the store
    if (/(^|[\s("])[^\s"*()]{1,2}\*/u.test(r.q)) {
      throw new StoreError(`invalid search query "${r.q}": a prefix search needs at least 3 letters before *`);
    }
    const where = documentWhere(r);
    // rank only rowids (cheap), then build the page's rows and snippets one hit at a time
    // filters select rowids from slim indexes; joining each match to its wide row would be slower
    const from = where.sql === '1' ? 'documents_fts f WHERE documents_fts MATCH ?'
      : `documents_fts f WHERE documents_fts MATCH ? AND +f.rowid IN (SELECT d.rowid FROM documents d WHERE ${where.sql})`;
    try {
      // FTS5 ranks every match before it can return the best 20: a few µs each, seconds for a
      // word in half a million documents. Past RANKED_MATCHES the last added come first instead
      // (the doclist read backwards, no ranking) and the count stops at COUNTED_MATCHES.
      const counted = (this.db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM ${from} LIMIT ?)`)
        .get(r.q, ...where.params, COUNTED_MATCHES + 1) as { n: number }).n;
      const order = counted <= RANKED_MATCHES ? 'relevance' : 'recent';
      const hits = this.db.prepare(`SELECT f.rowid AS rowid, ${order === 'relevance' ? 'f.rank' : '0'} AS rank FROM ${from}
          ORDER BY ${order === 'relevance' ? 'f.rank' : 'f.rowid DESC'} LIMIT ? OFFSET ?`)
        .all(r.q, ...where.params, limit, offset) as { rowid: number; rank: number }[];
      const items = hits.flatMap((h) => {
        const x = this.hitRow.get(r.q, h.rowid) as (SummaryRow & { snippet: string }) | undefined;
        return x ? [{ ...toSummary(x), snippet: x.snippet, rank: h.rank }] : [];
      });
      const floor = counted > COUNTED_MATCHES;
      return { items, total: floor ? COUNTED_MATCHES : counted, limit, offset, order, totalIsFloor: floor };
    } catch (err) {
      const msg = (err as Error).message;
      // SQLITE_ERROR from a MATCH is the user's query (syntax, `*`, unknown column), never our SQL
      if ((err as { code?: string }).code === 'SQLITE_ERROR' || /fts5|syntax|no such column|unterminated|malformed|special query/i.test(msg)) {
        throw new StoreError(`invalid search query "${r.q}": ${msg}. Quote phrases with "…", or use plain words.`);
      }
      throw err;
    }
  }

  stats(): CorpusStats {
    const one = (sql: string): number => (this.db.prepare(sql).get() as { n: number }).n;
    const rows = (sql: string): CountRow[] => this.db.prepare(sql).all() as CountRow[];
    const t = this.totals?.statsParts();
    const byKind: Record<string, number> = {
      places: t ? t.places : one('SELECT coalesce(sum(mentions),0) AS n FROM places'),
      actors: t ? t.actors : one('SELECT coalesce(sum(mentions),0) AS n FROM actors'),
      labels: t ? t.labels : one('SELECT coalesce(sum(labels),0) AS n FROM actors'),
      persons: one('SELECT coalesce(sum(mentions),0) AS n FROM persons'),
      claims: one('SELECT count(*) AS n FROM claims'),
      events: one('SELECT count(*) AS n FROM events'),
      techniques: one('SELECT count(*) AS n FROM techniques'),
    };
    return {
      documents: one('SELECT count(*) AS n FROM documents'),
      segments: one('SELECT count(*) AS n FROM segments'),
      findings: Object.values(byKind).reduce((a, b) => a + b, 0),
      byKind,
      byOutlet: rows("SELECT coalesce(outlet,'(unknown)') AS key, coalesce(outlet,'(unknown)') AS label, count(*) AS count FROM documents GROUP BY 1 ORDER BY 3 DESC LIMIT 50"),
      byCamp: rows("SELECT coalesce(camp,'unclear') AS key, coalesce(camp,'unclear') AS label, count(*) AS count FROM documents GROUP BY 1 ORDER BY 3 DESC"),
      // the first (dominant) language of each document, read inside SQLite rather than parsed row by row
      byLanguage: rows("SELECT coalesce(json_extract(languages, '$[0].lang'), 'und') AS key, coalesce(json_extract(languages, '$[0].lang'), 'und') AS label, count(*) AS count FROM documents GROUP BY 1 ORDER BY 3 DESC"),
      eventsByMonth: t ? t.eventsByMonth : this.db.prepare("SELECT substr(date,1,7) AS month, type, count(*) AS count FROM events WHERE date IS NOT NULL AND length(date) >= 7 GROUP BY 1, 2 ORDER BY 1").all() as CorpusStats['eventsByMonth'],
      topPlaces: t ? t.topPlaces : rows('SELECT place_id AS key, name AS label, sum(mentions) AS count FROM places GROUP BY place_id ORDER BY 3 DESC LIMIT 20'),
      topActors: t ? t.topActors : rows('SELECT actor_id AS key, name AS label, sum(mentions) AS count FROM actors GROUP BY actor_id ORDER BY 3 DESC LIMIT 20'),
    };
  }

  places(r: PageRequest & { q?: string }): Page<PlaceRow> {
    if (this.totals) return this.totals.places(r);
    const { limit, offset } = clampPage(r);
    const { where, params } = nameFilter(r);
    const total = (this.db.prepare(`SELECT count(DISTINCT place_id) AS n FROM places ${where}`).get(...params) as { n: number }).n;
    const items = this.db.prepare(`SELECT place_id AS id, name, country, kind, lat, lon, region, count(*) AS documents, sum(mentions) AS mentions
      FROM places ${where} GROUP BY place_id ORDER BY mentions DESC, id LIMIT ? OFFSET ?`).all(...params, limit, offset) as PlaceRow[];
    return { items, total, limit, offset };
  }

  actors(r: PageRequest & { q?: string; affiliation?: string }): Page<ActorRow> {
    if (this.totals) return this.totals.actors(r);
    const { limit, offset } = clampPage(r);
    const { where, params } = nameFilter(r);
    const total = (this.db.prepare(`SELECT count(DISTINCT actor_id) AS n FROM actors ${where}`).get(...params) as { n: number }).n;
    const items = this.db.prepare(`SELECT actor_id AS id, name, affiliation, count(*) AS documents, sum(mentions) AS mentions
      FROM actors ${where} GROUP BY actor_id ORDER BY mentions DESC, id LIMIT ? OFFSET ?`).all(...params, limit, offset) as ActorRow[];
    return { items, total, limit, offset };
  }

  events(f: EventFilter): Page<EventRow> {
    const { limit, offset } = clampPage(f);
    const { where, params } = eventWhere(f);
    const join = f.camp ? 'JOIN documents d ON d.rowid = e.doc' : '';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM events e ${join} ${where}`).get(...params) as { n: number }).n;
    const items = this.db.prepare(`SELECT d.id AS documentId, d.title AS documentTitle, d.outlet, d.camp, e.idx AS "index", e.start, e."end",
        e.type, e.sub_type AS subType, e.cause, e.agent, e.target, e.place_id AS place, e.place_name AS placeName, e.lat, e.lon, e.date,
        e.fatalities, e.civilian_fatalities AS civilianFatalities, e.child_fatalities AS childFatalities, e.cluster_id AS clusterId,
        coalesce(e.evidence, substr(d.text, e.start + 1, e."end" - e.start)) AS evidence
      FROM events e JOIN documents d ON d.rowid = e.doc ${where} ORDER BY e.date DESC, e.doc DESC, e.idx DESC LIMIT ? OFFSET ?`)
      .all(...params, limit, offset) as EventRow[];
    return { items, total, limit, offset };
  }

  claims(f: ClaimFilter): Page<ClaimRow> {
    const { limit, offset } = clampPage(f);
    const parts: string[] = [];
    const params: unknown[] = [];
    if (f.counted) { parts.push('c.counted = ?'); params.push(f.counted); }
    if (f.documentId) { parts.push('d.id = ?'); params.push(f.documentId); }
    if (f.camp) { parts.push('d.camp = ?'); params.push(f.camp); }
    const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
    const order = f.order === 'desc' ? 'DESC' : 'ASC';
    // every sort ends in the primary key, in the same direction, so an index walk serves it
    const orderBy = { value: 'c.value', counted: 'c.counted', document: null }[f.sort ?? 'document'];
    const orderSql = `${orderBy ? `${orderBy} ${order}, ` : ''}c.doc ${order}, c.idx ${order}`;
    const join = parts.length ? 'JOIN documents d ON d.rowid = c.doc' : '';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM claims c ${join} ${where}`).get(...params) as { n: number }).n;
    const rows = this.db.prepare(`SELECT d.id AS documentId, d.title AS documentTitle, d.outlet, d.camp, c.start, c."end", c.value, c.approx,
        c.counted, c.attributed_to AS attributedTo, c.hedged, c.rule_id AS ruleId, d.published, coalesce(c.evidence, substr(d.text, c.start + 1, c."end" - c.start)) AS evidence
      FROM claims c JOIN documents d ON d.rowid = c.doc ${where} ORDER BY ${orderSql} LIMIT ? OFFSET ?`)
      .all(...params, limit, offset) as (Omit<ClaimRow, 'approx' | 'hedged'> & { approx: number; hedged: number })[];
    return { items: rows.map((r) => ({ ...r, approx: !!r.approx, hedged: !!r.hedged })), total, limit, offset };
  }

  eventHistogram(f: EventFilter): Page<EventCountRow> {
    const fromTotals = this.totals?.histogram(f);
    if (fromTotals) return fromTotals;
    const { limit, offset } = clampPage(f);
    const { where, params } = eventWhere(f, ['e.date IS NOT NULL', 'length(e.date) >= 7']);
    const base = `FROM events e JOIN documents d ON d.rowid = e.doc ${where} GROUP BY 1, 2, 3`;
    const total = (this.db.prepare(`SELECT count(*) AS n FROM (SELECT substr(e.date, 1, 7), e.type, coalesce(d.camp, 'unclear') ${base})`)
      .get(...params) as { n: number }).n;
    const items = this.db.prepare(`SELECT substr(e.date, 1, 7) AS month, e.type AS type, coalesce(d.camp, 'unclear') AS camp,
        count(*) AS count, coalesce(sum(e.fatalities), 0) AS fatalities ${base} ORDER BY 1, 2, 3 LIMIT ? OFFSET ?`)
      .all(...params, limit, offset) as EventCountRow[];
    return { items, total, limit, offset };
  }

  network(r: PageRequest): Page<NetworkEdge> {
    if (this.totals) return this.totals.network(r);
    const { limit, offset } = clampPage(r);
    const base = 'FROM events WHERE agent IS NOT NULL AND target IS NOT NULL GROUP BY agent, target';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM (SELECT 1 ${base})`).get() as { n: number }).n;
    const items = this.db.prepare(`SELECT agent, target, count(*) AS count ${base} ORDER BY count DESC LIMIT ? OFFSET ?`).all(limit, offset) as NetworkEdge[];
    return { items, total, limit, offset };
  }
}
