// The analyse use-case: ingest inputs as a stream, skip content already stored, analyse on the
// pool, and store documents as they are done. Memory stays bounded by the in-flight cap.
// SQLite: analysed documents are stored in batches (up to BATCH_DOCS documents or BATCH_MS
// of work per transaction; fewer commits write the hot index and totals pages fewer times), each document all-or-nothing inside its batch (store/sqlite/write.ts);
// one commit per document cost more than the analysis itself. A run killed midway keeps every
// batch committed before the kill and loses at most the last batch, which a re-run analyses
// again (content already stored is skipped). PostgreSQL: one statement per document, several in
// flight over the connection pool.
import type { AnalysedDocument } from '../core/types.js';
import { ingest } from '../ingest/index.js';
import type { IngestOptions } from '../ingest/types.js';
import type { PutResult, Store } from '../store/types.js';
import { AnalysisPool } from './pool.js';

export interface CorpusRunOptions {
  pack: string;
  workers?: number;
  ingest: IngestOptions;
  onProgress?: (p: CorpusProgress) => void;
  onRejected?: (input: string, reason: string) => void;
}

export interface CorpusProgress {
  seen: number;
  added: number;
  skipped: number;
  rejected: number;
  bytes: number;
}

export interface CorpusSummary extends CorpusProgress {
  segments: number;
  findings: number;
  problems: { document: string; analyser: string; message: string }[];
  rejections: { input: string; reason: string }[];
  ms: number;
  analyserMs: Record<string, number>;
}

/** SQLite offers synchronous, batched twins of put/has: the loop then needs no await per document. */
type MaybeSyncStore = Store & { putDocumentsSync?: (docs: AnalysedDocument[]) => (PutResult | Error)[]; hasDocumentSync?: (id: string) => boolean };

const BATCH_DOCS = 256;
const BATCH_MS = 2000;
// Documents queued on the workers. Storing a batch blocks this thread for a few hundred ms; the
// workers must hold enough queued work to stay busy meanwhile (4 per worker left them idle a
// fifth of the run). The byte cap keeps memory bounded when documents are large.
const IN_FLIGHT_PER_WORKER = 64;
const IN_FLIGHT_BYTES = 64 * 1024 * 1024;

export async function analyseCorpus(inputs: string[], store: MaybeSyncStore, options: CorpusRunOptions): Promise<CorpusSummary> {
  const t0 = performance.now();
  const pool = new AnalysisPool({ pack: options.pack, workers: options.workers });
  const summary: CorpusSummary = {
    seen: 0, added: 0, skipped: 0, rejected: 0, bytes: 0, segments: 0, findings: 0,
    problems: [], rejections: [], ms: 0, analyserMs: {},
  };
  // ids analysed but not yet stored; once stored the store itself answers, so this stays small
  const inRun = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  const cap = Math.max(2, pool.size * IN_FLIGHT_PER_WORKER);
  let inFlightBytes = 0;
  const progress = (): void => options.onProgress?.({ seen: summary.seen, added: summary.added, skipped: summary.skipped, rejected: summary.rejected, bytes: summary.bytes });
  const stored = (doc: AnalysedDocument, put: PutResult | Error): void => {
    inRun.delete(doc.id);
    if (put instanceof Error) {
      summary.rejected++;
      summary.rejections.push({ input: doc.source, reason: `could not be stored: ${put.message}` });
      options.onRejected?.(doc.source, `could not be stored: ${put.message}`);
    } else if (put === 'added') {
      summary.added++;
      summary.segments += doc.segments.length;
      summary.findings += countFindings(doc);
    } else summary.skipped++;
  };
  const batch: AnalysedDocument[] = [];
  let lastFlush = performance.now();
  const flush = (): void => {
    if (!batch.length || !store.putDocumentsSync) return;
    const docs = batch.splice(0);
    const results = store.putDocumentsSync(docs);
    docs.forEach((d, i) => stored(d, results[i] ?? new Error('no result from the store')));
    lastFlush = performance.now();
    progress();
  };

  try {
    // languages are detected on the pool's threads, beside the analysis (see worker.ts)
    for await (const ev of ingest(inputs, { ...options.ingest, deferLanguages: true })) {
      if (ev.kind === 'rejected') {
        summary.rejected++;
        summary.rejections.push({ input: ev.input, reason: ev.reason });
        options.onRejected?.(ev.input, ev.reason);
        progress();
        continue;
      }
      const doc = ev.doc;
      summary.seen++;
      summary.bytes += Buffer.byteLength(doc.text);
      if (inRun.has(doc.id) || (store.hasDocumentSync ? store.hasDocumentSync(doc.id) : await store.hasDocument(doc.id))) {
        summary.skipped++;
        progress();
        continue;
      }
      inRun.add(doc.id);
      const job = pool.analyse(doc, true).then(
        async (result) => {
          // keep the first problems as examples; a huge run must not grow this list without bound
          for (const p of result.problems) if (summary.problems.length < 1000) summary.problems.push({ document: doc.source, ...p });
          for (const t of result.timings) summary.analyserMs[t.id] = (summary.analyserMs[t.id] ?? 0) + t.ms;
          if (store.putDocumentsSync) {
            batch.push(result.doc);
            if (batch.length >= BATCH_DOCS || performance.now() - lastFlush >= BATCH_MS) flush();
          } else {
            stored(result.doc, await store.putDocument(result.doc).catch((err: unknown) => (err instanceof Error ? err : new Error(String(err)))));
            progress();
          }
        },
        (err: Error) => {
          inRun.delete(doc.id);
          summary.rejected++;
          summary.rejections.push({ input: doc.source, reason: `analysis failed: ${err.message}` });
          options.onRejected?.(doc.source, `analysis failed: ${err.message}`);
        },
      );
      const size = doc.text.length * 2;
      inFlightBytes += size;
      const tracked = job.finally(() => {
        inFlight.delete(tracked);
        inFlightBytes -= size;
      });
      inFlight.add(tracked);
      while (inFlight.size >= cap || (inFlight.size > 0 && inFlightBytes >= IN_FLIGHT_BYTES)) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    flush();
  } finally {
    // keep what was analysed before a failure, then stop the workers
    try { flush(); } finally { await pool.close(); }
  }
  summary.ms = performance.now() - t0;
  return summary;
}

export function countFindings(doc: { places: { mentions: unknown[] }[]; actors: { mentions: unknown[]; labels: unknown[] }[]; persons: { mentions: unknown[] }[]; sourcesCited: { mentions: unknown[] }[]; claims: unknown[]; events: unknown[]; techniques: unknown[] }): number {
  let n = doc.claims.length + doc.events.length + doc.techniques.length;
  for (const g of [doc.places, doc.persons, doc.sourcesCited]) for (const x of g) n += x.mentions.length;
  for (const a of doc.actors) n += a.mentions.length + a.labels.length;
  return n;
}
