// `npm run fuzz -- --minutes N [--seed S] [--no-analyse]`: mutation fuzzing of the ingest parsers
// (text, Markdown, HTML, CSV, JSONL, WARC, WARC.gz) through the public ingest() entry. A case
// fails when ingest throws, an event breaks its contract, an analyser fails or a span is out of
// bounds; a case that hangs (30 s) or exhausts the worker's heap is a failure too. Failing inputs
// are kept under .cache/fuzz/ with their message so they can be replayed.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FuzzMessage, FuzzWorkerData } from './fuzz-worker.js';

export interface FuzzSummary {
  seed: number;
  seconds: number;
  cases: number;
  documents: number;
  rejections: number;
  failures: { kind: string; message: string; kept: string }[];
}

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const HANG_MS = 30_000;
// Node 20 workers do not inherit the tsx loader: register it inside the worker, then load the loop
const TS_BOOT = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(new URL('./fuzz-worker.ts', import.meta.url).href)}); });`;

export async function runFuzz(options: { minutes: number; seed?: number; analyse?: boolean; log?: (s: string) => void }): Promise<FuzzSummary> {
  const log = options.log ?? ((s: string) => process.stderr.write(`${s}\n`));
  const seed = options.seed ?? (Date.now() % 1_000_000);
  const work = mkdtempSync(join(tmpdir(), 'faultline-fuzz-'));
  const keep = join(ROOT, '.cache', 'fuzz');
  const summary: FuzzSummary = { seed, seconds: 0, cases: 0, documents: 0, rejections: 0, failures: [] };
  const seen = new Set<string>();
  const t0 = Date.now();
  const end = t0 + options.minutes * 60_000;
  let worker: Worker | null = null;
  const state: { lastCase: { n: number; file: string } | null } = { lastCase: null };
  let lastBeat = Date.now();
  let workerSeed = seed;

  const fail = (kind: string, message: string): void => {
    const key = `${kind}:${message.replace(/\d+/g, 'N').slice(0, 200)}`;
    if (seen.has(key)) return;
    seen.add(key);
    mkdirSync(keep, { recursive: true });
    const last = state.lastCase;
    const kept = last ? join(keep, `${workerSeed}-${last.n}-${basename(last.file)}`) : '';
    if (last) {
      copyFileSync(last.file, kept);
      writeFileSync(`${kept}.txt`, `${kind}\n${message}\n`);
    }
    summary.failures.push({ kind, message, kept });
    log(`fuzz: ${kind}: ${message.split('\n')[0]} (input kept: ${kept || 'none'})`);
  };

  const start = (): Worker => {
    const data: FuzzWorkerData = { seed: workerSeed, dir: work, analyse: options.analyse ?? true };
    const w = new Worker(TS_BOOT, { eval: true, workerData: data, resourceLimits: { maxOldGenerationSizeMb: 1536 } });
    w.on('message', (m: FuzzMessage) => {
      lastBeat = Date.now();
      if (m.t === 'case') { state.lastCase = { n: m.n, file: m.file }; return; }
      summary.cases++;
      summary.documents += m.docs;
      summary.rejections += m.rejected;
      for (const p of m.problems) fail('contract', p);
    });
    w.on('error', (err) => fail('crash', `worker died: ${err.message}`));
    w.on('exit', () => { if (worker === w) worker = null; });
    lastBeat = Date.now();
    return w;
  };

  let lastReport = Date.now();
  while (Date.now() < end) {
    worker ??= start();
    await new Promise((r) => setTimeout(r, 200));
    if (worker && Date.now() - lastBeat > HANG_MS) {
      fail('hang', `no progress for ${HANG_MS / 1000} s on case ${state.lastCase?.n ?? '?'}`);
      const w: Worker = worker;
      worker = null;
      await w.terminate();
    }
    if (!worker) workerSeed += 1_000_003; // a restarted worker explores new cases
    if (Date.now() - lastReport > 10_000) {
      lastReport = Date.now();
      log(`fuzz: ${summary.cases} cases, ${summary.documents} documents, ${summary.rejections} rejections, ${summary.failures.length} failures`);
    }
  }
  if (worker) await (worker as Worker).terminate();
  rmSync(work, { recursive: true, force: true });
  summary.seconds = (Date.now() - t0) / 1000;
  return summary;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--help')) {
    process.stdout.write('usage: npm run fuzz -- [--minutes N] [--seed S] [--no-analyse]\n  mutation-fuzzes the ingest parsers; failing inputs are kept in .cache/fuzz/\n');
    process.exit(0);
  }
  const minutes = Number(arg('--minutes') ?? 1);
  if (!(minutes > 0)) {
    process.stderr.write('fuzz: --minutes must be a positive number\n');
    process.exit(2);
  }
  const s = await runFuzz({ minutes, seed: arg('--seed') ? Number(arg('--seed')) : undefined, analyse: !process.argv.includes('--no-analyse') });
  process.stdout.write(`fuzz: seed ${s.seed}, ${s.seconds.toFixed(0)} s, ${s.cases} cases (${(s.cases / s.seconds).toFixed(1)}/s), ` +
    `${s.documents} documents, ${s.rejections} rejections, ${s.failures.length} distinct failures\n`);
  for (const f of s.failures) process.stdout.write(`  ${f.kind}: ${f.message.split('\n')[0]}\n    input: ${f.kept}\n`);
  process.exitCode = s.failures.length ? 1 : 0;
}
