// The query layer: the one interface the CLI, the API and the exporters read and write
// through. SQLite implements it now (src/store/sqlite); PostgreSQL implements the same
// interface for teams. Every list is paginated: no method returns unbounded rows.
import type { AnalysedDocument, EventType, PartialDate, Segment } from '../core/types.js';

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/**
 * Search results. When more documents match than can be ranked quickly (a place name in a
 * million documents), the last added come first (`order: 'recent'`) and `total` may be a floor.
 */
export interface SearchPage extends Page<SearchHit> {
  order: 'relevance' | 'recent';
  /** more documents match than `total` says */
  totalIsFloor: boolean;
}

export interface PageRequest {
  limit?: number;
  offset?: number;
}

export const MAX_PAGE = 500;
export const DEFAULT_PAGE = 50;

export interface DocumentSummary {
  id: string;
  title: string | null;
  source: string;
  outlet: string | null;
  published: PartialDate;
  camp: string | null;
  languages: string[];
  length: number;
  counts: { places: number; actors: number; events: number; claims: number; techniques: number; segments: number };
}

export interface DocumentFilter extends PageRequest {
  outlet?: string;
  camp?: string;
  from?: string;
  to?: string;
  place?: string;
  actor?: string;
  technique?: string;
}

export interface SearchRequest extends DocumentFilter {
  q: string;
}

export interface SearchHit extends DocumentSummary {
  snippet: string;
  rank: number;
}

export interface CountRow {
  key: string;
  label: string;
  count: number;
}

export interface CorpusStats {
  documents: number;
  segments: number;
  findings: number;
  byKind: Record<string, number>;
  byOutlet: CountRow[];
  byCamp: CountRow[];
  byLanguage: CountRow[];
  eventsByMonth: { month: string; type: string; count: number }[];
  topPlaces: CountRow[];
  topActors: CountRow[];
}

export interface PlaceRow {
  id: string;
  name: string;
  country: string | null;
  kind: string;
  lat: number | null;
  lon: number | null;
  region: string | null;
  documents: number;
  mentions: number;
}

export interface ActorRow {
  id: string;
  name: string;
  affiliation: string;
  documents: number;
  mentions: number;
}

export interface EventRow {
  documentId: string;
  documentTitle: string | null;
  outlet: string | null;
  camp: string | null;
  index: number;
  start: number;
  end: number;
  type: EventType;
  subType: string | null;
  cause: string | null;
  agent: string | null;
  target: string | null;
  place: string | null;
  placeName: string | null;
  lat: number | null;
  lon: number | null;
  date: PartialDate;
  fatalities: number | null;
  civilianFatalities: number | null;
  childFatalities: number | null;
  clusterId: string | null;
  evidence: string;
}

export interface EventFilter extends PageRequest {
  type?: string;
  camp?: string;
  place?: string;
  actor?: string;
  from?: string;
  to?: string;
  clusterId?: string;
  /** bounding box: minLon,minLat,maxLon,maxLat */
  bbox?: [number, number, number, number];
}

export interface ClaimRow {
  documentId: string;
  documentTitle: string | null;
  outlet: string | null;
  camp: string | null;
  start: number;
  end: number;
  value: number;
  approx: boolean;
  counted: string;
  attributedTo: string | null;
  hedged: boolean;
  ruleId: string | null;
  evidence: string;
  /** publication date of the claim's document (for comparing accounts of the same days) */
  published?: PartialDate;
}

export interface ClaimFilter extends PageRequest {
  counted?: string;
  documentId?: string;
  camp?: string;
  sort?: 'value' | 'counted' | 'document';
  order?: 'asc' | 'desc';
}

/** Events counted per month, type and camp of the reporting document (timeline, brushing). */
export interface EventCountRow {
  month: string;
  type: string;
  camp: string;
  count: number;
  fatalities: number;
}

export interface NetworkEdge {
  agent: string;
  target: string;
  count: number;
}

export type PutResult = 'added' | 'exists';

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** one transaction per document; 'exists' when a document with this id is already stored */
  putDocument(doc: AnalysedDocument): Promise<PutResult>;
  hasDocument(id: string): Promise<boolean>;
  getDocument(id: string): Promise<AnalysedDocument | null>;
  /** streams every document in insertion order, one at a time */
  iterateDocuments(): AsyncIterable<AnalysedDocument>;
  stats(): Promise<CorpusStats>;
  listDocuments(filter: DocumentFilter): Promise<Page<DocumentSummary>>;
  search(request: SearchRequest): Promise<SearchPage>;
  places(request: PageRequest & { q?: string }): Promise<Page<PlaceRow>>;
  actors(request: PageRequest & { q?: string; affiliation?: string }): Promise<Page<ActorRow>>;
  events(filter: EventFilter): Promise<Page<EventRow>>;
  claims(filter: ClaimFilter): Promise<Page<ClaimRow>>;
  network(request: PageRequest): Promise<Page<NetworkEdge>>;
  /** event counts by month × type × camp, filtered like events(); rows ordered by month */
  eventHistogram(filter: EventFilter): Promise<Page<EventCountRow>>;
  /** set cluster ids on stored events (cross-document clustering writes these) */
  setClusterIds(assignments: { documentId: string; index: number; clusterId: string | null }[]): Promise<void>;
  // cross-document layer: event clusters, reprints, reference events (src/cluster, src/reference)
  /** replace the whole clusters table (the clustering pass writes it at the end of a run) */
  replaceClusters(clusters: ClusterRecord[]): Promise<void>;
  /** empty the clusters table; with addClusters, how a pass too big for one call writes it */
  clearClusters(): Promise<void>;
  /** add (or overwrite by id) clusters */
  addClusters(clusters: ClusterRecord[]): Promise<void>;
  getCluster(id: string): Promise<ClusterRecord | null>;
  /** clusters, biggest (most distinct sources) first */
  listClusters(request: PageRequest & { minSources?: number }): Promise<Page<ClusterRecord>>;
  /** near-duplicate signatures and which original each reprint copies */
  putSignatures(rows: DocumentSignature[]): Promise<void>;
  getSignatures(documentIds: string[]): Promise<DocumentSignature[]>;
  /** reference events (ACLED, UCDP); returns how many were new */
  putReferenceEvents(rows: ReferenceEvent[]): Promise<number>;
  referenceEventsNear(query: ReferenceQuery): Promise<ReferenceEvent[]>;
  referenceCounts(): Promise<CountRow[]>;
  close(): Promise<void>;
}

/** One real-world event: a cluster of event mentions across documents. */
export interface ClusterRecord {
  id: string;
  type: string;
  dateFrom: string | null;
  dateTo: string | null;
  placeId: string | null;
  placeName: string | null;
  lat: number | null;
  lon: number | null;
  region: string | null;
  mentions: number;
  documents: number;
  /** documents less reprints of one another */
  sources: number;
  outlets: string[];
  camps: string[];
  earliestDocument: string | null;
  earliestPublished: string | null;
}

export interface DocumentSignature {
  documentId: string;
  /** near-duplicate signature (MinHash, 64 16-bit minima as hex, src/cluster/minhash.ts); null when the text is too short */
  simhash: string | null;
  /** the original this document reprints, or null */
  duplicateOf: string | null;
}

/** One event of a reference data set, in a shape shared by ACLED and UCDP GED. */
export interface ReferenceEvent {
  dataset: 'acled' | 'ucdp';
  id: string;
  /** ISO days */
  dateFrom: string;
  dateTo: string;
  timePrecision: number | null;
  lat: number;
  lon: number;
  geoPrecision: number | null;
  country: string | null;
  admin1: string | null;
  location: string | null;
  type: string | null;
  subType: string | null;
  actor1: string | null;
  actor2: string | null;
  fatalities: number | null;
  notes: string | null;
}

export interface ReferenceQuery {
  lat: number;
  lon: number;
  radiusKm: number;
  /** ISO days, inclusive */
  from: string;
  to: string;
  limit?: number;
}

export type { Segment };

export class StoreError extends Error {}

/** Clamp a page request to the server's limits. */
export function clampPage(req: PageRequest): { limit: number; offset: number } {
  const limit = Math.max(1, Math.min(MAX_PAGE, Math.floor(req.limit ?? DEFAULT_PAGE)));
  const offset = Math.max(0, Math.floor(req.offset ?? 0));
  return { limit, offset };
}
