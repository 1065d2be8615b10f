// Analyses documents on worker threads, one Pipeline per thread, so every core works.
// Falls back to the calling thread when workers = 0 or when running from TypeScript sources
// (tests), where the compiled worker file does not exist. A worker also detects the document's
// languages when ingest deferred them, and computes its near-duplicate signature; its answer is
// the document's JSON without the text (see worker.ts), which the store keeps as it is.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AnalysedDocument, IngestedDocument } from '../core/types.js';
import { detectLanguages } from '../ingest/languages.js';
import { minhash } from '../cluster/minhash.js';
import { attachFindingsJson, attachSignature } from '../store/sqlite/write.js';
import { Pipeline, type PipelineResult } from './pipeline.js';
import type { WorkerReply, WorkerRequest } from './worker.js';

interface Pending { doc: IngestedDocument; resolve: (r: PipelineResult) => void; reject: (e: Error) => void }
interface Slot { worker: Worker; inFlight: number }

export interface PoolOptions {
  pack: string;
  /** worker threads; default: available cores; 0 = analyse on the calling thread */
  workers?: number;
}

export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, Pending>();
  private local: Pipeline | null = null;
  private nextId = 1;
  private failure: Error | null = null;

  constructor(private readonly options: PoolOptions) {
    const workerUrl = new URL('./worker.js', import.meta.url);
    const wanted = options.workers ?? availableParallelism();
    if (wanted <= 0 || !existsSync(fileURLToPath(workerUrl))) {
      this.local = new Pipeline({ pack: options.pack });
      return;
    }
    for (let i = 0; i < wanted; i++) {
      const worker = new Worker(workerUrl, { workerData: { pack: options.pack } });
      const slot: Slot = { worker, inFlight: 0 };
      worker.on('message', (msg: WorkerReply) => {
        slot.inFlight--;
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (!p) return;
        if (msg.doc === undefined) {
          p.reject(new Error(msg.error ?? 'analysis failed'));
          return;
        }
        // the text never left this thread: put it back where the worker's JSON left it out
        const doc = JSON.parse(msg.doc) as AnalysedDocument;
        doc.text = p.doc.text;
        attachFindingsJson(doc, msg.doc);
        if (msg.signature !== undefined) attachSignature(doc, msg.signature);
        p.resolve({ doc, problems: msg.problems ?? [], timings: msg.timings ?? [] });
      });
      worker.on('error', (err) => {
        this.failure = err;
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
      });
      this.slots.push(slot);
    }
  }

  get size(): number {
    return this.local ? 1 : this.slots.length;
  }

  /** @param languages detect the document's languages first (ingest deferred them to the pool) */
  analyse(doc: IngestedDocument, languages = false): Promise<PipelineResult> {
    if (this.local) {
      try {
        if (languages) doc.languages = detectLanguages(doc.text);
        const result = this.local.analyse(doc);
        attachSignature(result.doc, minhash(doc.text));
        return Promise.resolve(result);
      } catch (err) {
        return Promise.reject(err as Error);
      }
    }
    if (this.failure) return Promise.reject(this.failure);
    const slot = this.slots.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
    const id = this.nextId++;
    slot.inFlight++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { doc, resolve, reject });
      // the text is sent once, to the worker; the reply leaves it out
      slot.worker.postMessage({ id, doc, languages } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }
}
