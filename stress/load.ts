// The load test of `npm run stress`: the API over a database of ≥ 100,000 documents, served on
// 127.0.0.1 from its own process, hit by many concurrent autocannon clients for a bounded time
// while `faultline analyze` writes new documents into the same database. Reports latency
// percentiles, throughput, errors and what the writer added; fails on any error or non-2xx.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { buildSynthetic } from '../bench/web-synthetic.js';
import { CLI_ARGS } from '../test/robustness/harness.js';
import { int, paragraph, pick, prng } from './seeds.js';

export interface LoadResult {
  documents: number;
  seconds: number;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  writerAdded: number;
  /** each route of the mix and a few expensive requests, timed alone before the load (ms): what one request costs everyone */
  worst: Record<string, number>;
  ok: boolean;
}

const WORST = ['/api/documents?limit=500&offset=90000', '/api/search?q=a*&limit=50', '/api/search?q=the&limit=500', '/api/events?limit=500&offset=100000'];

async function timeAlone(base: string, paths: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const path of paths) {
    const t0 = performance.now();
    const res = await fetch(base + path);
    await res.arrayBuffer();
    out[path] = Math.round(performance.now() - t0);
  }
  return out;
}

function count(db: string): number {
  const conn = new Database(db, { readonly: true });
  try { return (conn.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n; } finally { conn.close(); }
}

/** A database of `n` synthetic documents under .cache/, built once (or copied from the web benchmark's). */
export async function loadDatabase(root: string, n: number, log: (s: string) => void): Promise<string> {
  const cache = join(root, '.cache');
  mkdirSync(cache, { recursive: true });
  const file = join(cache, `stress-load-${n}.db`);
  if (existsSync(file)) return file;
  const bench = join(cache, `web-latency-${n}.db`);
  const benchWal = `${bench}-wal`;
  if (existsSync(bench) && (!existsSync(benchWal) || statSync(benchWal).size === 0)) {
    log(`load: copying ${bench}`);
    copyFileSync(bench, file);
  } else {
    log(`load: building a ${n}-document database (once, under .cache/)`);
    await buildSynthetic(file, n, root);
  }
  return file;
}

async function startServer(root: string, db: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'stress', 'serve-child.ts'), db], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await Promise.race([
    once(child.stdout!.setEncoding('utf8'), 'data'),
    once(child, 'exit').then(() => { throw new Error('the server exited before listening'); }),
  ])) as string[];
  return { child, base: line!.trim() };
}

function writerCorpus(dir: string, docs: number): string {
  const rng = prng(Date.now() % 1_000_000);
  const run = Date.now().toString(36);
  const lines = Array.from({ length: docs }, (_, i) => JSON.stringify({
    id: `load-${run}-${i}`, title: `Load ${run} ${i}`, date: `201${int(rng, 1, 9)}-0${int(rng, 1, 9)}-1${int(rng, 0, 9)}`,
    source: pick(rng, ['SANA', 'Reuters', 'TASS', 'Etilaf']), text: `${paragraph(rng)}\n\n${paragraph(rng)} (${run}-${i})`,
  }));
  const file = join(dir, 'writer.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

export async function runLoad(root: string, dir: string, options: { docs: number; seconds: number; connections: number; log: (s: string) => void }): Promise<LoadResult> {
  const { log } = options;
  const db = await loadDatabase(root, options.docs, log);
  const before = count(db);
  const server = await startServer(root, db);
  const conn = new Database(db, { readonly: true });
  const ids = (conn.prepare('SELECT id FROM documents ORDER BY rowid LIMIT 500 OFFSET 1000').all() as { id: string }[]).map((r) => r.id);
  conn.close();
  const paths = [
    '/api/stats', '/api/documents?limit=50', '/api/documents?camp=pro_opposition&from=2015-01-01&to=2016-12-31&limit=50',
    '/api/search?q=Aleppo&limit=50', '/api/search?q=%22chemical%20attack%22&limit=20', '/api/events?limit=100',
    '/api/events?type=Battles&from=2016-01-01&to=2016-12-31&limit=100', '/api/events/histogram?limit=500', '/api/places?limit=100',
    '/api/actors?limit=100', '/api/claims?limit=100', '/api/network?limit=100',
  ];
  const worst = await timeAlone(server.base, [...paths, ...WORST]);
  log(`load: each request alone, before the load: ${Object.entries(worst).map(([p, ms]) => `${p} ${ms} ms`).join(', ')}`);
  const rnd = prng(7);
  // a third of the requests open one document (as the workbench does on every click), the rest list and search
  const next = (): string => (rnd() < 1 / 3 && ids.length ? `/api/documents/${pick(rnd, ids)}` : pick(rnd, paths));

  const writer = spawn(process.execPath, [...CLI_ARGS, 'analyze', writerCorpus(dir, 20_000), '--db', db, '--quiet'], { cwd: root, stdio: 'ignore' });
  log(`load: ${before} documents; ${options.connections} clients for ${options.seconds} s against ${server.base} while analyze writes`);
  const result = await autocannon({
    url: server.base,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    requests: [{ setupRequest: (req) => ({ ...req, path: next() }) }],
  });
  if (writer.exitCode === null) writer.kill('SIGINT');
  await once(writer, 'exit').catch(() => undefined);
  server.child.kill('SIGTERM');
  await once(server.child, 'exit');
  const after = count(db);
  const r: LoadResult = {
    documents: before, seconds: options.seconds, connections: options.connections, requests: result.requests.total,
    rps: result.requests.average, p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max,
    errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, writerAdded: after - before, worst,
    ok: result.errors === 0 && result.timeouts === 0 && result.non2xx === 0 && after > before,
  };
  log(`load: ${r.requests} requests, ${r.rps.toFixed(0)} req/s, latency p50 ${r.p50} ms, p90 ${r.p90} ms, p99 ${r.p99} ms, max ${r.max} ms; ` +
    `errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}; analyze added ${r.writerAdded} documents meanwhile`);
  return r;
}
