// The clustering pass: stream every stored document once (MinHash signature, cached in the
// store, and its event mentions), find reprints, cluster the mentions, and write back a
// clusterId for every event mention plus one clusters row per real-world event. Runs at the
// end of `faultline analyze` and as `faultline cluster`. Re-running is deterministic, so ids
// stay the same while the corpus does.
import { getHeapStatistics } from 'node:v8';
import type { ClusterRecord, DocumentSignature, Store } from '../store/types.js';
import { clusterMentions, type EventCluster } from './cluster.js';
import { installedContext } from './compatible.js';
import { isoDay } from './days.js';
import { DuplicateFinder } from './duplicates.js';
import { dayOf, mentionsOf, redate, reportedDays, type EventMention } from './mentions.js';
import { minhash, PERMUTATIONS } from './minhash.js';

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
 * The pass holds every event mention in memory (about 500 bytes each): past a few million
 * mentions that outgrows the heap. It stops with this error instead of dying out of memory;
 * the analysed documents are stored either way.
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
  /** heap size the pass may fill to 75%; default: the process's heap limit */
  heapLimitBytes?: number;
}

export async function clusterStore(store: Store, options: ClusterOptions = {}): Promise<ClusterRunSummary> {
  const t0 = performance.now();
  const heapLimit = options.heapLimitBytes ?? getHeapStatistics().heap_size_limit;
  const finder = new DuplicateFinder();
  const mentions: EventMention[] = [];
  /** datelines, for dating reprints by their original's day */
  const reportDays = new Map<string, number | null>();
  let documents = 0;
  for await (const doc of store.iterateDocuments()) {
    const cached = (await store.getSignatures([doc.id]))[0];
    // a cached signature of another length was made by an older scheme: sign again
    const sig = cached && (cached.simhash === null || cached.simhash.length === SIGNATURE_LENGTH) ? cached.simhash : minhash(doc.text);
    finder.add({ documentId: doc.id, signature: sig, published: doc.published, order: documents });
    // the dateline is read once per document: for reprint dating and for the mentions' news days
    const reported = reportedDays(doc);
    reportDays.set(doc.id, dayOf(reported));
    for (const m of mentionsOf(doc, reported)) mentions.push(m);
    if (++documents % 500 === 0) options.onProgress?.(documents);
    if (documents % 500 === 1 && process.memoryUsage().heapUsed > 0.75 * heapLimit) throw new ClusterMemoryError(documents, mentions.length, heapLimit);
  }
  const duplicateOf = finder.duplicates();
  for (let i = 0; i < finder.size; i += WRITE_BATCH) {
    const rows: DocumentSignature[] = [];
    for (let j = i; j < Math.min(finder.size, i + WRITE_BATCH); j++) {
      const { documentId, signature } = finder.signatureAt(j);
      rows.push({ documentId, simhash: signature, duplicateOf: duplicateOf.get(documentId) ?? null });
    }
    await store.putSignatures(rows);
  }

  for (const m of mentions) {
    const original = duplicateOf.get(m.documentId);
    if (original) redate(m, reportDays.get(original) ?? null);
  }
  const clusters = clusterMentions(mentions, installedContext());
  let batch: { documentId: string; index: number; clusterId: string }[] = [];
  for (const c of clusters) {
    for (const m of c.members) batch.push({ documentId: m.documentId, index: m.index, clusterId: c.id });
    if (batch.length >= WRITE_BATCH) {
      await store.setClusterIds(batch);
      batch = [];
    }
  }
  await store.setClusterIds(batch);
  const records = clusters.map((c) => summariseCluster(c, duplicateOf));
  await store.replaceClusters(records);
  return {
    documents, mentions: mentions.length, clusters: clusters.length,
    multiSource: records.filter((r) => r.sources >= 2).length, duplicates: duplicateOf.size, ms: performance.now() - t0,
  };
}
