// Read queries of the PostgreSQL store, the same answers as src/store/sqlite/read.ts. Every
// value is a bound parameter ($n, built by Params), every list is paginated through clampPage.
// Full-text search: websearch_to_tsquery (quotes, OR, -word; it never fails on syntax) over the
// stored tsvector with its GIN index; snippets from ts_headline (see SNIPPET_CHARS); rank is -ts_rank_cd so that,
// as with SQLite's bm25, lower is better.
import type pg from 'pg';
import type { AnalysedDocument } from '../../core/types.js';
import type {
  ActorRow, ClaimFilter, ClaimRow, CorpusStats, CountRow, DocumentFilter, DocumentSummary, EventCountRow, EventFilter, EventRow,
  NetworkEdge, Page, PageRequest, PlaceRow, SearchPage, SearchRequest,
} from '../types.js';
import { StoreError, clampPage } from '../types.js';

/** ts_headline re-parses the text it is given (about 1 ms per hit on 3 KB): snippets come from the
 * first SNIPPET_CHARS characters, so a match further in shows the document's opening instead. */
const SNIPPET_CHARS = 5000;

/** Collects bound parameters and hands out their $n placeholders. */
class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

interface DocRow { rid: number; text: string; findings: string; clusters: [number, string | null][] | null }

const DOC_COLUMNS = `d.rid, d.text, d.findings,
  (SELECT json_agg(json_build_array(e.idx, e.cluster_id)) FROM events e WHERE e.doc = d.rid) AS clusters`;

const SUMMARY_COLUMNS = `d.rid, d.id, d.title, d.source, d.outlet, d.published, d.camp, d.languages, d.length,
  (SELECT count(*)::int FROM places p WHERE p.doc = d.rid) AS "nPlaces",
  (SELECT count(*)::int FROM actors a WHERE a.doc = d.rid) AS "nActors",
  (SELECT count(*)::int FROM events e WHERE e.doc = d.rid) AS "nEvents",
  (SELECT count(*)::int FROM claims c WHERE c.doc = d.rid) AS "nClaims",
  (SELECT count(*)::int FROM techniques t WHERE t.doc = d.rid) AS "nTechniques",
  (SELECT count(*)::int FROM segments s WHERE s.doc = d.rid) AS "nSegments"`;

interface SummaryRow {
  id: string; title: string | null; source: string; outlet: string | null; published: string | null; camp: string | null;
  languages: { lang: string }[]; length: number; nPlaces: number; nActors: number; nEvents: number; nClaims: number; nTechniques: number; nSegments: number;
}

function toSummary(r: SummaryRow): DocumentSummary {
  return {
    id: r.id, title: r.title, source: r.source, outlet: r.outlet, published: r.published, camp: r.camp,
    languages: r.languages.map((l) => l.lang), length: r.length,
    counts: { places: r.nPlaces, actors: r.nActors, events: r.nEvents, claims: r.nClaims, techniques: r.nTechniques, segments: r.nSegments },
  };
}

function toDocument(row: DocRow): AnalysedDocument {
  const doc = { ...(JSON.parse(row.findings) as Omit<AnalysedDocument, 'text'>), text: row.text } as AnalysedDocument;
  // cluster ids are assigned after analysis; the events table holds the current ones
  for (const [idx, clusterId] of row.clusters ?? []) {
    const e = doc.events[idx];
    if (e) e.clusterId = clusterId;
  }
  return doc;
}

function eventWhere(f: EventFilter, p: Params, extra: string[] = []): string {
  const parts: string[] = [...extra];
  if (f.type) parts.push(`e.type = ${p.add(f.type)}`);
  if (f.camp) parts.push(`d.camp = ${p.add(f.camp)}`);
  if (f.place) parts.push(`e.place_id = ${p.add(f.place)}`);
  if (f.actor) { const x = p.add(f.actor); parts.push(`(e.agent = ${x} OR e.target = ${x})`); }
  if (f.from) parts.push(`e.date >= ${p.add(f.from)}`);
  if (f.to) parts.push(`e.date <= ${p.add(f.to)} || '~'`);
  if (f.clusterId) parts.push(`e.cluster_id = ${p.add(f.clusterId)}`);
  if (f.bbox) parts.push(`e.lon BETWEEN ${p.add(f.bbox[0])} AND ${p.add(f.bbox[2])} AND e.lat BETWEEN ${p.add(f.bbox[1])} AND ${p.add(f.bbox[3])}`);
  return parts.length ? `WHERE ${parts.join(' AND ')}` : '';
}

/** WHERE fragments shared by document listing and search. */
function documentWhere(f: DocumentFilter, p: Params): string {
  const parts: string[] = [];
  if (f.outlet) parts.push(`d.outlet = ${p.add(f.outlet)}`);
  if (f.camp) parts.push(`d.camp = ${p.add(f.camp)}`);
  if (f.from) parts.push(`d.published >= ${p.add(f.from)}`);
  if (f.to) parts.push(`d.published <= ${p.add(f.to)} || '~'`);
  if (f.place) { const x = p.add(f.place); parts.push(`EXISTS (SELECT 1 FROM places p WHERE p.doc = d.rid AND (p.place_id = ${x} OR p.name = ${x}))`); }
  if (f.actor) { const x = p.add(f.actor); parts.push(`EXISTS (SELECT 1 FROM actors a WHERE a.doc = d.rid AND (a.actor_id = ${x} OR a.name = ${x}))`); }
  if (f.technique) parts.push(`EXISTS (SELECT 1 FROM techniques t WHERE t.doc = d.rid AND t.technique = ${p.add(f.technique)})`);
  return parts.length ? parts.join(' AND ') : 'true';
}

export class PgReader {
  constructor(private readonly db: pg.Pool) {}

  private async all<T extends object>(sql: string, values: unknown[] = []): Promise<T[]> {
    return (await this.db.query<T>(sql, values)).rows;
  }

  private async count(sql: string, values: unknown[] = []): Promise<number> {
    return Number((await this.db.query<{ n: string | number }>(sql, values)).rows[0]?.n ?? 0);
  }

  async getDocument(id: string): Promise<AnalysedDocument | null> {
    const rows = await this.all<DocRow>(`SELECT ${DOC_COLUMNS} FROM documents d WHERE d.id = $1`, [id]);
    return rows[0] ? toDocument(rows[0]) : null;
  }

  async *iterate(batch = 200): AsyncGenerator<AnalysedDocument> {
    let last = 0;
    for (;;) {
      const rows = await this.all<DocRow>(`SELECT ${DOC_COLUMNS} FROM documents d WHERE d.rid > $1 ORDER BY d.rid LIMIT $2`, [last, batch]);
      if (!rows.length) return;
      for (const r of rows) yield toDocument(r);
      last = rows[rows.length - 1]!.rid;
    }
  }

  async listDocuments(f: DocumentFilter): Promise<Page<DocumentSummary>> {
    const { limit, offset } = clampPage(f);
    const p = new Params();
    const where = documentWhere(f, p);
    const total = await this.count(`SELECT count(*) AS n FROM documents d WHERE ${where}`, p.values);
    const rows = await this.all<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE ${where}
      ORDER BY d.published DESC NULLS LAST, d.rid LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`, p.values);
    return { items: rows.map(toSummary), total, limit, offset };
  }

  async search(r: SearchRequest): Promise<SearchPage> {
    const { limit, offset } = clampPage(r);
    const terms = r.q.trim() ? Number((await this.all<{ n: number }>("SELECT numnode(websearch_to_tsquery('simple', $1)) AS n", [r.q]))[0]?.n ?? 0) : 0;
    if (!terms) throw new StoreError(`nothing to search for in "${r.q}": give one or more words, or "a quoted phrase".`);
    const p = new Params();
    const q = `websearch_to_tsquery('simple', ${p.add(r.q)})`;
    const where = documentWhere(r, p);
    try {
      const total = await this.count(`SELECT count(*) AS n FROM documents d WHERE d.tsv @@ ${q} AND ${where}`, p.values);
      const rows = await this.all<SummaryRow & { snippet: string; rank: number }>(`SELECT ${SUMMARY_COLUMNS},
          ts_headline('simple', left(d.text, ${SNIPPET_CHARS}), ${q}, 'StartSel=[, StopSel=], MaxWords=16, MinWords=6') AS snippet,
          -ts_rank_cd(d.tsv, ${q}) AS rank
        FROM documents d WHERE d.tsv @@ ${q} AND ${where} ORDER BY rank, d.rid LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`, p.values);
      return { items: rows.map((x) => ({ ...toSummary(x), snippet: x.snippet, rank: x.rank })), total, limit, offset, order: 'relevance', totalIsFloor: false };
    } catch (err) {
      const code = (err as { code?: string }).code;
      // 42601 syntax error, 22023 invalid parameter, 54000 program limit (a tsquery too large)
      if (code === '42601' || code === '22023' || code === '54000') {
        throw new StoreError(`invalid search query "${r.q}": ${(err as Error).message}. Quote phrases with "…", or use plain words.`);
      }
      throw err;
    }
  }

  async stats(): Promise<CorpusStats> {
    const one = (sql: string): Promise<number> => this.count(sql);
    const rows = (sql: string): Promise<CountRow[]> => this.all<CountRow>(sql);
    const byKind: Record<string, number> = {
      places: await one('SELECT coalesce(sum(mentions),0) AS n FROM places'),
      actors: await one('SELECT coalesce(sum(mentions),0) AS n FROM actors'),
      labels: await one('SELECT coalesce(sum(labels),0) AS n FROM actors'),
      persons: await one('SELECT coalesce(sum(mentions),0) AS n FROM persons'),
      claims: await one('SELECT count(*) AS n FROM claims'),
      events: await one('SELECT count(*) AS n FROM events'),
      techniques: await one('SELECT count(*) AS n FROM techniques'),
    };
    return {
      documents: await one('SELECT count(*) AS n FROM documents'),
      segments: await one('SELECT count(*) AS n FROM segments'),
      findings: Object.values(byKind).reduce((a, b) => a + b, 0),
      byKind,
      byOutlet: await rows("SELECT coalesce(outlet,'(unknown)') AS key, coalesce(outlet,'(unknown)') AS label, count(*)::int AS count FROM documents GROUP BY 1 ORDER BY 3 DESC, 1 LIMIT 50"),
      byCamp: await rows("SELECT coalesce(camp,'unclear') AS key, coalesce(camp,'unclear') AS label, count(*)::int AS count FROM documents GROUP BY 1 ORDER BY 3 DESC, 1"),
      byLanguage: await rows("SELECT coalesce(languages->0->>'lang','und') AS key, coalesce(languages->0->>'lang','und') AS label, count(*)::int AS count FROM documents GROUP BY 1 ORDER BY 3 DESC, 1"),
      eventsByMonth: await this.all<CorpusStats['eventsByMonth'][number]>("SELECT substr(date,1,7) AS month, type, count(*)::int AS count FROM events WHERE date IS NOT NULL AND length(date) >= 7 GROUP BY 1, 2 ORDER BY 1, 2"),
      topPlaces: await rows('SELECT place_id AS key, min(name) AS label, sum(mentions)::int AS count FROM places GROUP BY place_id ORDER BY 3 DESC, 1 LIMIT 20'),
      topActors: await rows('SELECT actor_id AS key, min(name) AS label, sum(mentions)::int AS count FROM actors GROUP BY actor_id ORDER BY 3 DESC, 1 LIMIT 20'),
    };
  }

  async places(r: PageRequest & { q?: string }): Promise<Page<PlaceRow>> {
    const { limit, offset } = clampPage(r);
    const p = new Params();
    const where = r.q ? `WHERE name ILIKE ${p.add(`%${r.q}%`)}` : '';
    const total = await this.count(`SELECT count(DISTINCT place_id) AS n FROM places ${where}`, p.values);
    const items = await this.all<PlaceRow>(`SELECT place_id AS id, min(name) AS name, min(country) AS country, min(kind) AS kind, min(lat) AS lat,
        min(lon) AS lon, min(region) AS region, count(*)::int AS documents, sum(mentions)::int AS mentions
      FROM places ${where} GROUP BY place_id ORDER BY mentions DESC, id LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`, p.values);
    return { items, total, limit, offset };
  }

  async actors(r: PageRequest & { q?: string; affiliation?: string }): Promise<Page<ActorRow>> {
    const { limit, offset } = clampPage(r);
    const p = new Params();
    const parts: string[] = [];
    if (r.q) parts.push(`name ILIKE ${p.add(`%${r.q}%`)}`);
    if (r.affiliation) parts.push(`affiliation = ${p.add(r.affiliation)}`);
    const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
    const total = await this.count(`SELECT count(DISTINCT actor_id) AS n FROM actors ${where}`, p.values);
    const items = await this.all<ActorRow>(`SELECT actor_id AS id, min(name) AS name, min(affiliation) AS affiliation, count(*)::int AS documents,
        sum(mentions)::int AS mentions
      FROM actors ${where} GROUP BY actor_id ORDER BY mentions DESC, id LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`, p.values);
    return { items, total, limit, offset };
  }

  async events(f: EventFilter): Promise<Page<EventRow>> {
    const { limit, offset } = clampPage(f);
    const p = new Params();
    const where = eventWhere(f, p);
    const total = await this.count(`SELECT count(*) AS n FROM events e JOIN documents d ON d.rid = e.doc ${where}`, p.values);
    const items = await this.all<EventRow>(`SELECT d.id AS "documentId", d.title AS "documentTitle", d.outlet, d.camp, e.idx AS "index", e.start,
        e."end", e.type, e.sub_type AS "subType", e.cause, e.agent, e.target, e.place_id AS place, e.place_name AS "placeName", e.lat, e.lon,
        e.date, e.fatalities, e.civilian_fatalities AS "civilianFatalities", e.child_fatalities AS "childFatalities",
        e.cluster_id AS "clusterId", e.evidence
      FROM events e JOIN documents d ON d.rid = e.doc ${where}
      ORDER BY e.date DESC NULLS LAST, d.rid, e.idx LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`, p.values);
    return { items, total, limit, offset };
  }

  async claims(f: ClaimFilter): Promise<Page<ClaimRow>> {
    const { limit, offset } = clampPage(f);
    const p = new Params();
    const parts: string[] = [];
    if (f.counted) parts.push(`c.counted = ${p.add(f.counted)}`);
    if (f.documentId) parts.push(`d.id = ${p.add(f.documentId)}`);
    if (f.camp) parts.push(`d.camp = ${p.add(f.camp)}`);
    const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
    const sortColumn = { value: 'c.value', counted: 'c.counted', document: 'd.rid' }[f.sort ?? 'document'];
    const order = f.order === 'desc' ? 'DESC' : 'ASC';
    const total = await this.count(`SELECT count(*) AS n FROM claims c JOIN documents d ON d.rid = c.doc ${where}`, p.values);
    const items = await this.all<ClaimRow>(`SELECT d.id AS "documentId", d.title AS "documentTitle", d.outlet, d.camp, c.start, c."end", c.value,
        c.approx, c.counted, c.attributed_to AS "attributedTo", c.hedged, c.rule_id AS "ruleId", d.published, c.evidence
      FROM claims c JOIN documents d ON d.rid = c.doc ${where} ORDER BY ${sortColumn} ${order}, d.rid, c.idx
      LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`, p.values);
    return { items, total, limit, offset };
  }

  async eventHistogram(f: EventFilter): Promise<Page<EventCountRow>> {
    const { limit, offset } = clampPage(f);
    const p = new Params();
    const where = eventWhere(f, p, ['e.date IS NOT NULL', 'length(e.date) >= 7']);
    const base = `FROM events e JOIN documents d ON d.rid = e.doc ${where} GROUP BY 1, 2, 3`;
    const total = await this.count(`SELECT count(*) AS n FROM (SELECT substr(e.date, 1, 7), e.type, coalesce(d.camp, 'unclear') ${base}) x`, p.values);
    const items = await this.all<EventCountRow>(`SELECT substr(e.date, 1, 7) AS month, e.type AS type, coalesce(d.camp, 'unclear') AS camp,
        count(*)::int AS count, coalesce(sum(e.fatalities), 0)::int AS fatalities ${base} ORDER BY 1, 2, 3
      LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`, p.values);
    return { items, total, limit, offset };
  }

  async network(r: PageRequest): Promise<Page<NetworkEdge>> {
    const { limit, offset } = clampPage(r);
    const base = 'FROM events WHERE agent IS NOT NULL AND target IS NOT NULL GROUP BY agent, target';
    const total = await this.count(`SELECT count(*) AS n FROM (SELECT 1 ${base}) x`);
    const items = await this.all<NetworkEdge>(`SELECT agent, target, count(*)::int AS count ${base} ORDER BY count DESC, agent, target LIMIT $1 OFFSET $2`, [limit, offset]);
    return { items, total, limit, offset };
  }
}
