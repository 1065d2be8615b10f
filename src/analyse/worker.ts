// Worker-thread entry: one Pipeline per thread, built once, analysing documents on request.
// Languages are detected here when ingest deferred them (franc is the costliest part of ingest,
// and the main thread also stores every document). The result goes back as one JSON string of
// the document without its text: the main thread parses JSON about twice as fast as it
// deserialises a structured clone of the same objects, and the store keeps that very string as
// the findings column instead of serialising the document again. The near-duplicate signature is
// computed here too, so the clustering pass (one thread, after analysis) finds it stored.
import { parentPort, workerData } from 'node:worker_threads';
import type { IngestedDocument } from '../core/types.js';
import { minhash } from '../cluster/minhash.js';
import { detectLanguages } from '../ingest/languages.js';
import { serialiseFindings } from '../store/sqlite/write.js';
import { Pipeline } from './pipeline.js';

export interface WorkerRequest { id: number; doc: IngestedDocument; languages: boolean }
export interface WorkerReply {
  id: number;
  /** the analysed document without `text`, as JSON */
  doc?: string;
  /** its near-duplicate signature, for the clustering pass (null: too short to sign) */
  signature?: string | null;
  problems?: { analyser: string; message: string }[];
  timings?: { id: string; ms: number }[];
  error?: string;
}

const pipeline = new Pipeline({ pack: (workerData as { pack: string }).pack });
parentPort?.on('message', (msg: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    if (msg.languages) msg.doc.languages = detectLanguages(msg.doc.text);
    const r = pipeline.analyse(msg.doc);
    reply = { id: msg.id, doc: serialiseFindings(r.doc), signature: minhash(r.doc.text), problems: r.problems, timings: r.timings };
  } catch (err) {
    reply = { id: msg.id, error: (err as Error).message };
  }
  parentPort?.postMessage(reply);
});
