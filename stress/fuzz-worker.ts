// The fuzz loop, run in a worker thread so the parent can stop it when it hangs or runs out of
// memory: compose a seed input, mutate it, write it, ingest it, check every event (and, when
// asked, analyse every document and check its spans), report each case before and after.
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { Pipeline } from '../src/analyse/pipeline.js';
import { ingest } from '../src/ingest/index.js';
import { DEFAULT_INGEST_OPTIONS, type IngestOptions } from '../src/ingest/types.js';
import { analysedProblems, eventProblems } from './check.js';
import { mutate } from './mutate.js';
import { FORMATS, pick, prng, seed } from './seeds.js';

export interface FuzzWorkerData { seed: number; dir: string; analyse: boolean }
export type FuzzMessage =
  | { t: 'case'; n: number; file: string }
  | { t: 'done'; n: number; docs: number; rejected: number; problems: string[] };

const SLOW_MS = 10_000;

export const FUZZ_OPTIONS: IngestOptions = {
  ...DEFAULT_INGEST_OPTIONS,
  maxDocumentBytes: 2 * 1024 * 1024,
  maxDecompressedBytes: 64 * 1024 * 1024,
  fetchTimeoutMs: 1000,
};

async function loop(data: FuzzWorkerData): Promise<void> {
  // warcio warns on console for every odd record; thousands of cases would bury the report
  console.warn = () => undefined;
  const rng = prng(data.seed);
  const pipeline = data.analyse ? new Pipeline() : null;
  for (let n = 0; ; n++) {
    const format = pick(rng, FORMATS);
    const input = mutate(seed(format, rng), format, rng, seed(format, rng));
    const file = join(data.dir, `case-${data.seed}-${n % 4}${format}`);
    writeFileSync(file, input);
    parentPort!.postMessage({ t: 'case', n, file } satisfies FuzzMessage);
    const problems: string[] = [];
    const t0 = performance.now();
    let docs = 0;
    let rejected = 0;
    try {
      for await (const ev of ingest([file], FUZZ_OPTIONS)) {
        problems.push(...eventProblems(ev, FUZZ_OPTIONS.maxDocumentBytes));
        if (ev.kind === 'rejected') {
          rejected++;
          if (!ev.input.includes(basename(file))) problems.push(`rejection names "${ev.input}", not the input file`);
          continue;
        }
        docs++;
        if (pipeline) {
          const r = pipeline.analyse(ev.doc);
          problems.push(...r.problems.map((p) => `analyser ${p.analyser} failed: ${p.message}`), ...analysedProblems(r.doc));
        }
      }
    } catch (err) {
      problems.push(`ingest threw: ${(err as Error).stack ?? String(err)}`);
    }
    if (docs === 0 && rejected === 0) problems.push('the input produced neither a document nor a rejection');
    // inputs are at most a few hundred KB: seconds mean super-linear work somewhere (a DoS on a larger input)
    const ms = performance.now() - t0;
    if (ms > SLOW_MS) problems.push(`slow: ${Math.round(ms)} ms for ${input.length} bytes of ${format}`);
    parentPort!.postMessage({ t: 'done', n, docs, rejected, problems } satisfies FuzzMessage);
  }
}

if (parentPort && workerData) void loop(workerData as FuzzWorkerData);
