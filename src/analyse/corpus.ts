// The analyse use-case: ingest inputs as a stream, skip content already stored, analyse on the
// pool, and store each document in its own transaction as soon as it is done, so a run killed
// midway keeps everything finished before the kill. Memory stays bounded by the in-flight cap.
import { ingest } from '../ingest/index.js';
import type { IngestOptions } from '../ingest/types.js';
import type { SqliteStore } from '../store/sqlite/store.js';
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

export async function analyseCorpus(inputs: string[], store: SqliteStore, options: CorpusRunOptions): Promise<CorpusSummary> {
  const t0 = performance.now();
  const pool = new AnalysisPool({ pack: options.pack, workers: options.workers });
  const summary: CorpusSummary = {
    seen: 0, added: 0, skipped: 0, rejected: 0, bytes: 0, segments: 0, findings: 0,
    problems: [], rejections: [], ms: 0, analyserMs: {},
  };
  const inRun = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  const cap = Math.max(2, pool.size * 4);
  const progress = (): void => options.onProgress?.({ seen: summary.seen, added: summary.added, skipped: summary.skipped, rejected: summary.rejected, bytes: summary.bytes });

  try {
    for await (const ev of ingest(inputs, options.ingest)) {
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
      if (inRun.has(doc.id) || store.hasDocumentSync(doc.id)) {
        summary.skipped++;
        progress();
        continue;
      }
      inRun.add(doc.id);
      const job = pool.analyse(doc).then(
        (result) => {
          for (const p of result.problems) summary.problems.push({ document: doc.source, ...p });
          for (const t of result.timings) summary.analyserMs[t.id] = (summary.analyserMs[t.id] ?? 0) + t.ms;
          if (store.putDocumentSync(result.doc) === 'added') {
            summary.added++;
            summary.segments += result.doc.segments.length;
            summary.findings += countFindings(result.doc);
          } else summary.skipped++;
          progress();
        },
        (err: Error) => {
          summary.rejected++;
          summary.rejections.push({ input: doc.source, reason: `analysis failed: ${err.message}` });
          options.onRejected?.(doc.source, `analysis failed: ${err.message}`);
        },
      );
      const tracked = job.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
      if (inFlight.size >= cap) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } finally {
    await pool.close();
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
