// The clustering pass: stream every stored document once (MinHash signature, cached in the
// store, and its event mentions), find reprints, cluster the mentions, and write back a
// clusterId for every event mention plus one clusters row per real-world event. Runs at the
// end of `faultline analyze` and as `faultline cluster`. Re-running is deterministic, so ids
// stay the same while the corpus does. Memory stays flat as the corpus grows: the mentions go
// to an on-disk sort (SortSpill) and come back in sweep order (order.ts), and each cluster is
// forgotten once the sweep has passed it. Its record is written at once; its mentions' cluster
// ids go to a second on-disk spill (RowOrderSpill) and are written back in document order at
// the end, front to back through the events table. What stays in memory per document is its
// MinHash signature (128 bytes) and its dateline.
import { getHeapStatistics } from 'node:v8';
import type { AnalysedDocument } from '../core/types.js';
import { RowOrderSpill, SortSpill, type ClusterRecord, type DocumentSignature, type SpillRow, type Store } from '../store/index.js';
import { SweepClusterer, type EventCluster } from './cluster.js';
import { installedContext } from './compatible.js';
import { isoDay } from './days.js';
import { DuplicateFinder } from './duplicates.js';
import { dayOf, mentionsOf, packMention, redate, reportedDays, unpackMention, type EventMention } from './mentions.js';
import { minhash, PERMUTATIONS } from './minhash.js';
import { sortColumns } from './order.js';

const SIGNATURE_LENGTH = PERMUTATIONS * 4;
const WRITE_BATCH = 1000;

export interface ClusterRunSummary {
  documents: number;
  mentions: number;
  clusters: number;
  /** clusters told by two or more distinct sources */
  multiSource: number;
  duplicates: number;
  ms: number;
}

function mostCommon<T>(xs: T[]): T | null {
  const counts = new Map<T, number>();
  let best: T | null = null;
  let n = 0;
  for (const x of xs) {
    const c = (counts.get(x) ?? 0) + 1;
    counts.set(x, c);
    if (c > n) { best = x; n = c; }
  }
  return best;
}

export function summariseCluster(c: EventCluster, duplicateOf: Map<string, string>): ClusterRecord {
  const ms = c.members;
  const docs = [...new Set(ms.map((m) => m.documentId))];
  const bestGeo = ms.reduce((g, m) => Math.min(g, m.geoPrecision), 3);
  const precise = ms.filter((m) => !m.inferred && m.geoPrecision === bestGeo);
  const placeId = mostCommon((precise.length ? precise : ms).map((m) => m.placeId).filter((x): x is string => !!x));
  const place = ms.find((m) => m.placeId === placeId) ?? ms[0]!;
  const days = ms.filter((m) => m.days).map((m) => m.days!);
  const dated = ms.filter((m) => m.published).sort((a, b) => a.published!.localeCompare(b.published!) || a.documentId.localeCompare(b.documentId));
  const earliest = dated[0] ?? ms[0]!;
  return {
    id: c.id,
    type: mostCommon(ms.map((m) => m.type)) ?? ms[0]!.type,
    dateFrom: days.length ? isoDay(days.reduce((x, d) => Math.min(x, d[0]), Infinity)) : null,
    dateTo: days.length ? isoDay(days.reduce((x, d) => Math.max(x, d[1]), -Infinity)) : null,
    placeId: place.placeId, placeName: place.placeName, lat: place.lat, lon: place.lon, region: place.region,
    mentions: ms.length,
    documents: docs.length,
    sources: new Set(docs.map((d) => duplicateOf.get(d) ?? d)).size,
    outlets: [...new Set(ms.map((m) => m.outlet).filter((x): x is string => !!x))].sort(),
    camps: [...new Set(ms.map((m) => m.camp).filter((x): x is string => !!x))].sort(),
    earliestDocument: earliest.documentId,
    earliestPublished: earliest.published,
  };
}

/**
 * Past tens of millions of documents even the signatures outgrow the heap. The pass stops with
 * this error instead of dying out of memory; the analysed documents are stored either way.
 */
export class ClusterMemoryError extends Error {
  constructor(readonly documents: number, readonly mentions: number, readonly heapLimitBytes: number) {
    super(
      `clustering stopped after ${documents} documents (${mentions} event mentions): they need more than 75% of the ` +
        `${Math.round(heapLimitBytes / 2 ** 20)} MB heap. The analysed documents are stored; cluster them with a larger heap: ` +
        'NODE_OPTIONS=--max-old-space-size=16384 faultline cluster --db FILE',
    );
    this.name = 'ClusterMemoryError';
  }
}

export interface ClusterOptions {
  onProgress?: (documents: number) => void;
  /** during the sweep: mentions clustered so far, of how many, and how many clusters are held */
  onSweep?: (done: number, total: number, held: number) => void;
  /** while the cluster ids are written back: mentions written so far (every 100,000 and at the end), of how many */
  onWriteBack?: (done: number, total: number) => void;
  /** heap size the pass may fill to 75%; default: the process's heap limit */
  heapLimitBytes?: number;
}

const spillRow = (m: EventMention): SpillRow => ({ ...sortColumns(m), doc: m.documentId, idx: m.index, payload: packMention(m) });

/** Reprints are matched by their original's day: their spilled mentions are re-dated and re-keyed. */
function redateReprints(spill: SortSpill, finder: DuplicateFinder, duplicateOf: Map<string, string>, firstRow: number[], reportDay: Float64Array): void {
  if (!duplicateOf.size) return;
  const originals = new Set(duplicateOf.values());
  const order = new Map<string, number>();
  for (let i = 0; i < finder.size; i++) {
    const id = finder.documentIdAt(i);
    if (duplicateOf.has(id) || originals.has(id)) order.set(id, i);
  }
  for (const [copy, original] of duplicateOf) {
    const i = order.get(copy)!;
    const day = reportDay[order.get(original)!]!;
    for (const row of spill.rows(firstRow[i]!, firstRow[i + 1]!)) {
      spill.replace(row.id, spillRow(redate(unpackMention(row.payload), Number.isNaN(day) ? null : day)));
    }
  }
}

/** Every stored document with its cached signature, if any, looked up 200 documents at a time. */
async function* withSignatures(store: Store): AsyncGenerator<{ doc: AnalysedDocument; cached: DocumentSignature | undefined }> {
  const paired = async (docs: AnalysedDocument[]): Promise<{ doc: AnalysedDocument; cached: DocumentSignature | undefined }[]> => {
    const byId = new Map((await store.getSignatures(docs.map((d) => d.id))).map((s) => [s.documentId, s]));
    return docs.map((doc) => ({ doc, cached: byId.get(doc.id) }));
  };
  let batch: AnalysedDocument[] = [];
  for await (const doc of store.iterateDocuments()) {
    batch.push(doc);
    if (batch.length < 200) continue;
    yield* await paired(batch);
    batch = [];
  }
  yield* await paired(batch);
}

interface Gathered {
  documents: number;
  mentions: number;
  duplicateOf: Map<string, string>;
}

/**
 * Pass 1: every document's signature and event mentions (into the spill), then reprints found,
 * signatures stored and reprints re-dated. Its own function so that the signatures (a quarter of
 * a gigabyte at a million documents) are garbage before the sweep starts.
 */
async function gather(store: Store, spill: SortSpill, options: ClusterOptions, heapLimit: number): Promise<Gathered> {
  const finder = new DuplicateFinder();
  /** each document's first spill row (by insertion order), and its dateline day (NaN: none) */
  const firstRow: number[] = [];
  let reportDay = new Float64Array(1024);
  let documents = 0;
  let mentions = 0;
  for await (const { doc, cached } of withSignatures(store)) {
    // a cached signature of another length was made by an older scheme: sign again
    const sig = cached && (cached.simhash === null || cached.simhash.length === SIGNATURE_LENGTH) ? cached.simhash : minhash(doc.text);
    finder.add({ documentId: doc.id, signature: sig, published: doc.published, order: documents });
    // the dateline is read once per document: for reprint dating and for the mentions' news days
    const reported = reportedDays(doc);
    if (documents === reportDay.length) {
      const grown = new Float64Array(reportDay.length * 2);
      grown.set(reportDay);
      reportDay = grown;
    }
    reportDay[documents] = dayOf(reported) ?? NaN;
    firstRow.push(spill.next);
    const own = mentionsOf(doc, reported);
    spill.add(own.map(spillRow));
    mentions += own.length;
    if (++documents % 500 === 0) options.onProgress?.(documents);
    if (documents % 500 === 1 && process.memoryUsage().heapUsed > 0.75 * heapLimit) throw new ClusterMemoryError(documents, mentions, heapLimit);
  }
  firstRow.push(spill.next);
  const duplicateOf = finder.duplicates();
  for (let i = 0; i < finder.size; i += WRITE_BATCH) {
    const rows: DocumentSignature[] = [];
    for (let j = i; j < Math.min(finder.size, i + WRITE_BATCH); j++) {
      const { documentId, signature } = finder.signatureAt(j);
      rows.push({ documentId, simhash: signature, duplicateOf: duplicateOf.get(documentId) ?? null });
    }
    await store.putSignatures(rows);
  }
  redateReprints(spill, finder, duplicateOf, firstRow, reportDay);
  return { documents, mentions, duplicateOf };
}

/** Pass 2: the mentions in sweep order into clusters; records written as clusters close. */
async function sweepAll(store: Store, spill: SortSpill, assigned: RowOrderSpill, g: Gathered, options: ClusterOptions): Promise<{ clusters: number; multiSource: number }> {
  await store.clearClusters();
  let records: ClusterRecord[] = [];
  let clusters = 0;
  let multiSource = 0;
  const sweep = new SweepClusterer(installedContext(), (done: EventCluster[]) => {
    for (const c of done) {
      for (const m of c.members) assigned.add(m.row!, { documentId: m.documentId, index: m.index, clusterId: c.id });
      const record = summariseCluster(c, g.duplicateOf);
      records.push(record);
      clusters++;
      if (record.sources >= 2) multiSource++;
    }
  });
  let swept = 0;
  for (const { id, payload } of spill.sortedRows()) {
    const m = unpackMention(payload);
    m.row = id;
    sweep.add(m);
    if (records.length >= WRITE_BATCH) {
      await store.addClusters(records);
      records = [];
    }
    if (++swept % 100_000 === 0) options.onSweep?.(swept, g.mentions, sweep.held);
  }
  sweep.finish();
  await store.addClusters(records);
  return { clusters, multiSource };
}

export async function clusterStore(store: Store, options: ClusterOptions = {}): Promise<ClusterRunSummary> {
  const t0 = performance.now();
  const heapLimit = options.heapLimitBytes ?? getHeapStatistics().heap_size_limit;
  const spill = SortSpill.open();
  const assigned = RowOrderSpill.open();
  try {
    const g = await gather(store, spill, options, heapLimit);
    const { clusters, multiSource } = await sweepAll(store, spill, assigned, g, options);
    // pass 3: cluster ids back in document order (see RowOrderSpill)
    let written = 0;
    for (const batch of assigned.inRowOrder()) {
      await store.setClusterIds(batch);
      written += batch.length;
      if (written % 100_000 === 0 || written === assigned.size) options.onWriteBack?.(written, assigned.size);
    }
    return { documents: g.documents, mentions: g.mentions, clusters, multiSource, duplicates: g.duplicateOf.size, ms: performance.now() - t0 };
  } finally {
    spill.close();
    assigned.close();
  }
}
