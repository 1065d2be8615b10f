// Worker-thread entry: one Pipeline per thread, built once, analysing documents on request.
import { parentPort, workerData } from 'node:worker_threads';
import type { IngestedDocument } from '../core/types.js';
import { Pipeline } from './pipeline.js';

interface Request { id: number; doc: IngestedDocument }

const pipeline = new Pipeline({ pack: (workerData as { pack: string }).pack });
parentPort?.on('message', (msg: Request) => {
  try {
    parentPort?.postMessage({ id: msg.id, result: pipeline.analyse(msg.doc) });
  } catch (err) {
    parentPort?.postMessage({ id: msg.id, error: (err as Error).message });
  }
});
