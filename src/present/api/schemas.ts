// JSON Schemas of the API's inputs and outputs. Fastify validates every request with them (ajv)
// and /api/openapi.json is generated from the same objects, so the description cannot drift.
import { MAX_PAGE } from '../../store/types.js';

type Schema = Record<string, unknown>;

const str = (description: string, extra: Schema = {}): Schema => ({ type: 'string', maxLength: 500, description, ...extra });
const date = (description: string): Schema => str(description, { pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' });

export const pageQuery: Schema = {
  limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 50, description: `page size (at most ${MAX_PAGE})` },
  // deep OFFSETs make SQLite walk every skipped row while the single connection is busy; past
  // 10,000 rows a filter (date range, outlet, place …) is the way in
  offset: { type: 'integer', minimum: 0, maximum: 10_000, default: 0, description: 'rows to skip (at most 10,000: narrow the filters to go deeper)' },
};

const documentFilter: Schema = {
  outlet: str('outlet name, exact'),
  camp: str('camp of the document (stance), e.g. pro_syrian_government'),
  from: date('published on or after (YYYY, YYYY-MM or YYYY-MM-DD)'),
  to: date('published on or before'),
  place: str('place id or name mentioned'),
  actor: str('actor id or name mentioned'),
  technique: str('propaganda technique found, e.g. Loaded_Language'),
};

const eventFilter: Schema = {
  type: str('ACLED event type, e.g. Battles'),
  camp: str('camp of the reporting document'),
  place: str('place id'),
  actor: str('actor id, as agent or target'),
  from: date('event date on or after'),
  to: date('event date on or before'),
  clusterId: str('cross-document event cluster'),
  bbox: str('minLon,minLat,maxLon,maxLat', { pattern: '^-?[0-9.]+,-?[0-9.]+,-?[0-9.]+,-?[0-9.]+$' }),
};

export function query(properties: Schema, required: string[] = []): Schema {
  return { type: 'object', additionalProperties: false, properties: { ...properties, token: { type: 'string', maxLength: 500 } }, required };
}

export const idParams = (name: string, description: string): Schema => ({
  type: 'object', additionalProperties: false, required: [name], properties: { [name]: str(description, { minLength: 1 }) },
});

export const QUERIES = {
  page: query(pageQuery),
  documents: query({ ...pageQuery, ...documentFilter }),
  search: query({ ...pageQuery, ...documentFilter, q: str('FTS5 query: words, "a phrase", prefix*, AND/OR/NOT', { minLength: 1 }) }, ['q']),
  events: query({ ...pageQuery, ...eventFilter }),
  histogram: query({ ...pageQuery, ...eventFilter }),
  places: query({ ...pageQuery, q: str('name contains') }),
  actors: query({ ...pageQuery, q: str('name contains'), affiliation: str('affiliation, e.g. kurdish') }),
  claims: query({
    ...pageQuery,
    counted: str('what is counted, e.g. killed'),
    documentId: str('only claims of this document'),
    camp: str('camp of the document'),
    sort: { type: 'string', enum: ['value', 'counted', 'document'], default: 'document' },
    order: { type: 'string', enum: ['asc', 'desc'], default: 'asc' },
  }),
};

/** Response shapes, for the OpenAPI description (responses are serialised as built, not filtered). */
export const page = (item: string): Schema => ({
  type: 'object',
  required: ['items', 'total', 'limit', 'offset'],
  properties: {
    items: { type: 'array', items: { $ref: `#/components/schemas/${item}` } },
    total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' },
  },
});

/** search adds how the page is ordered and whether its total is a floor (a word in most documents) */
export const searchPage: Schema = {
  ...page('SearchHit'),
  required: ['items', 'total', 'limit', 'offset', 'order', 'totalIsFloor'],
  properties: {
    ...(page('SearchHit').properties as Record<string, Schema>),
    order: { type: 'string', enum: ['relevance', 'recent'], description: 'relevance (bm25) when up to 2,000 documents match; else the last added first' },
    totalIsFloor: { type: 'boolean', description: 'more documents match than total says (counting stops at 10,000)' },
  },
};

const obj = (properties: Record<string, string>): Schema => ({
  type: 'object',
  properties: Object.fromEntries(Object.entries(properties).map(([k, t]) => [k, t.endsWith('?') ? { type: [t.slice(0, -1), 'null'] } : { type: t }])),
});

export const COMPONENTS: Record<string, Schema> = {
  DocumentSummary: obj({ id: 'string', title: 'string?', source: 'string', outlet: 'string?', published: 'string?', camp: 'string?', length: 'integer', counts: 'object', languages: 'array' }),
  SearchHit: obj({ id: 'string', title: 'string?', outlet: 'string?', published: 'string?', camp: 'string?', snippet: 'string', rank: 'number' }),
  AnalysedDocument: { type: 'object', description: 'one analysed document: the shape of ../shared/contracts/analysis.schema.json (text, segments and every finding)' },
  EventRow: obj({ documentId: 'string', documentTitle: 'string?', camp: 'string?', type: 'string', subType: 'string?', agent: 'string?', target: 'string?', place: 'string?', placeName: 'string?', lat: 'number?', lon: 'number?', date: 'string?', fatalities: 'integer?', clusterId: 'string?', evidence: 'string' }),
  EventCountRow: obj({ month: 'string', type: 'string', camp: 'string', count: 'integer', fatalities: 'integer' }),
  PlaceRow: obj({ id: 'string', name: 'string', country: 'string?', kind: 'string', lat: 'number?', lon: 'number?', region: 'string?', documents: 'integer', mentions: 'integer' }),
  ActorRow: obj({ id: 'string', name: 'string', affiliation: 'string', documents: 'integer', mentions: 'integer' }),
  ClaimRow: obj({ documentId: 'string', documentTitle: 'string?', camp: 'string?', value: 'number', approx: 'boolean', counted: 'string', attributedTo: 'string?', hedged: 'boolean', published: 'string?', evidence: 'string' }),
  NetworkEdge: obj({ agent: 'string', target: 'string', count: 'integer' }),
  ClusterSummary: obj({ id: 'string', type: 'string', dateFrom: 'string?', dateTo: 'string?', placeName: 'string?', lat: 'number?', lon: 'number?', mentions: 'integer', documents: 'integer', sources: 'integer', outlets: 'array', camps: 'array' }),
  Dossier: { type: 'object', description: 'one event cluster: its accounts grouped by camp (accounts), the stored cluster record (cluster) and the clustering layer dossier with labels, numbers, blame and disagreements (full)', properties: { id: { type: 'string' }, accounts: { type: 'array' }, events: { type: 'integer' }, cluster: { type: ['object', 'null'] }, full: { type: ['object', 'null'] } } },
  CorpusStats: { type: 'object', description: 'corpus counts, documents by outlet and camp, events by month, top places and actors' },
  Error: obj({ error: 'string', message: 'string' }),
};

export function parseBbox(value: string | undefined): [number, number, number, number] | undefined {
  if (!value) return undefined;
  const n = value.split(',').map(Number);
  return n.length === 4 && n.every(Number.isFinite) ? [n[0]!, n[1]!, n[2]!, n[3]!] : undefined;
}

export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
