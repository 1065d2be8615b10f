// Analyses documents on worker threads, one Pipeline per thread, so every core works.
// Falls back to the calling thread when workers = 0 or when running from TypeScript sources
// (tests), where the compiled worker file does not exist.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { IngestedDocument } from '../core/types.js';
import { Pipeline, type PipelineResult } from './pipeline.js';

interface Pending { resolve: (r: PipelineResult) => void; reject: (e: Error) => void }
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
      worker.on('message', (msg: { id: number; result?: PipelineResult; error?: string }) => {
        slot.inFlight--;
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (!p) return;
        if (msg.result) p.resolve(msg.result);
        else p.reject(new Error(msg.error ?? 'analysis failed'));
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

  analyse(doc: IngestedDocument): Promise<PipelineResult> {
    if (this.local) {
      try {
        return Promise.resolve(this.local.analyse(doc));
      } catch (err) {
        return Promise.reject(err as Error);
      }
    }
    if (this.failure) return Promise.reject(this.failure);
    const slot = this.slots.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
    const id = this.nextId++;
    slot.inFlight++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, doc });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }
}
