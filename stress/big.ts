// Large hostile inputs for `npm run stress`, through the CLI as users run it, each with its wall
// time and the child's peak RSS (GNU time): a 200 MB single text file, a CSV with a 50 MB cell,
// a 2 GB gzip bomb and a 15 MB document that is under the limit and must be analysed.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { CLI_ARGS } from '../test/robustness/harness.js';
import { paragraph, prng } from './seeds.js';

export interface BigCase {
  name: string;
  inputMB: number;
  code: number | null;
  seconds: number;
  peakRssMB: number | null;
  stored: number;
  ok: boolean;
  note: string;
}

async function writeText(path: string, bytes: number, make: () => string, head = '', tail = ''): Promise<void> {
  const out = createWriteStream(path);
  let n = 0;
  out.write(head);
  while (n < bytes) {
    const chunk = make();
    n += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end(tail);
  await once(out, 'finish');
}

function runCli(args: string[], timeoutMs: number): Promise<{ code: number | null; stderr: string; seconds: number; peakRssMB: number | null }> {
  const time = existsSync('/usr/bin/time');
  const argv = time ? ['-f', 'faultline-peak-rss-kb=%M', process.execPath, ...CLI_ARGS, ...args] : [...CLI_ARGS, ...args];
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(time ? '/usr/bin/time' : process.execPath, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const rss = /faultline-peak-rss-kb=(\d+)/.exec(stderr);
      const exit = /Command exited with non-zero status (\d+)/.exec(stderr);
      resolve({ code: time ? (exit ? Number(exit[1]) : code) : code, stderr, seconds: (Date.now() - t0) / 1000, peakRssMB: rss ? Number(rss[1]) / 1024 : null });
    });
  });
}

function stored(db: string): number {
  if (!existsSync(db)) return 0;
  const conn = new Database(db, { readonly: true });
  try { return (conn.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n; } finally { conn.close(); }
}

const sentence = (place: string): string => `Fighting was reported near ${place} on Sunday, residents and a local monitor said.`;

export async function runBigCases(dir: string, log: (s: string) => void): Promise<BigCase[]> {
  const rng = prng(2011);
  const results: BigCase[] = [];
  const run = async (name: string, inputs: string[], inputMB: number, expect: { code: number; stored: number; stderr?: RegExp }, extra: string[] = [], timeoutMs = 600_000): Promise<void> => {
    const db = join(dir, `${name}.db`);
    const r = await runCli(['analyze', ...inputs, '--db', db, '--quiet', ...extra], timeoutMs);
    const n = stored(db);
    const problems: string[] = [];
    if (r.code !== expect.code) problems.push(`exit ${r.code}, expected ${expect.code}`);
    if (n !== expect.stored) problems.push(`${n} documents stored, expected ${expect.stored}`);
    if (expect.stderr && !expect.stderr.test(r.stderr)) problems.push(`stderr lacks ${expect.stderr}: ${r.stderr.slice(0, 300)}`);
    if (/^\s+at .+:\d+:\d+\)?$/m.test(r.stderr)) problems.push('stack trace on stderr');
    const c: BigCase = { name, inputMB, code: r.code, seconds: r.seconds, peakRssMB: r.peakRssMB, stored: n, ok: !problems.length, note: problems.join('; ') };
    results.push(c);
    log(`big: ${name}: ${c.ok ? 'ok' : 'FAILED'} exit ${c.code}, ${c.seconds.toFixed(1)} s, peak RSS ${c.peakRssMB?.toFixed(0) ?? '?'} MB, ${n} stored${c.note ? ` (${c.note})` : ''}`);
  };

  const good = join(dir, 'good.txt');
  writeFileSync(good, `${sentence('Idlib')}\n`);

  const big = join(dir, 'big-200mb.txt');
  await writeText(big, 200 * 1024 * 1024, () => `${paragraph(rng)}\n\n`);
  await run('text-200mb-default-limit', [big, good], 200, { code: 1, stored: 1, stderr: /big-200mb\.txt: .*(MB|bytes|limit|large|split)/i });

  const cell = join(dir, 'cell-50mb.csv');
  const filler = 'Bombardment continues street by street. ';
  await writeText(cell, 50 * 1024 * 1024, () => filler.repeat(1000), `id,title,text\nr1,Aleppo,"${sentence('Aleppo')}"\nr2,Huge,"`, `"\nr3,Idlib,"${sentence('Idlib')}"\n`);
  await run('csv-50mb-cell', [cell], 50, { code: 1, stored: 2, stderr: /cell-50mb\.csv#row=2: / });

  const head = 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/bomb\r\nWARC-Date: 2019-05-04T10:00:00Z\r\n' +
    'WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000000>\r\nContent-Type: application/http; msgtype=response\r\n' +
    'Content-Length: 2147483648\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>';
  const chunk = gzipSync(Buffer.alloc(64 * 1024 * 1024, 'A'), { level: 9 });
  const bomb = join(dir, 'bomb.warc.gz');
  writeFileSync(bomb, Buffer.concat([gzipSync(head), ...Array.from({ length: 32 }, () => chunk)]));
  await run('gzip-bomb-2gb', [bomb, good], 2, { code: 1, stored: 1, stderr: /bomb\.warc\.gz(#record=\d+)?: / });

  const large = join(dir, 'under-limit-15mb.txt');
  await writeText(large, 15 * 1024 * 1024, () => `${paragraph(rng)}\n\n`);
  await run('text-15mb-analysed', [large], 15, { code: 0, stored: 1 }, ['--workers', '0']);
  return results;
}
