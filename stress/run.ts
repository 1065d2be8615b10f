// `npm run stress`: the long runs that do not belong in `npm test`.
//   1. mutation fuzzing of the ingest parsers (--minutes, default 10)
//   2. large inputs through the CLI with peak RSS: 200 MB text, 50 MB CSV cell, 2 GB gzip bomb, 15 MB document
//   3. load: autocannon clients (--connections, default 50) for --seconds (default 60) against the API
//      over a ≥ 100,000-document database (--docs) while `faultline analyze` writes into it
// Skip parts with --skip-fuzz, --skip-big, --skip-load. Last stdout line: the summary as JSON.
// Exit 1 when any part fails.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runBigCases } from './big.js';
import { runFuzz } from './fuzz.js';
import { runLoad } from './load.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const { values: flags } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' }, seconds: { type: 'string', default: '60' }, docs: { type: 'string', default: '100000' },
    connections: { type: 'string', default: '50' }, seed: { type: 'string' },
    'skip-fuzz': { type: 'boolean', default: false }, 'skip-big': { type: 'boolean', default: false }, 'skip-load': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (flags.help) {
  process.stdout.write('usage: npm run stress -- [--minutes 10] [--seconds 60] [--docs 100000] [--connections 50] [--seed S] [--skip-fuzz] [--skip-big] [--skip-load]\n');
  process.exit(0);
}
const log = (s: string): void => { process.stderr.write(`${s}\n`); };
const dir = mkdtempSync(join(tmpdir(), 'faultline-stress-'));
const summary: Record<string, unknown> = {};
let ok = true;
try {
  if (!flags['skip-fuzz']) {
    const f = await runFuzz({ minutes: Number(flags.minutes), seed: flags.seed ? Number(flags.seed) : undefined, log });
    summary.fuzz = { ...f, failures: f.failures.map((x) => `${x.kind}: ${x.message.split('\n')[0]} [${x.kept}]`) };
    log(`fuzz: seed ${f.seed}, ${f.cases} cases in ${f.seconds.toFixed(0)} s, ${f.documents} documents, ${f.rejections} rejections, ${f.failures.length} distinct failures`);
    ok &&= f.failures.length === 0;
  }
  if (!flags['skip-big']) {
    const b = await runBigCases(dir, log);
    summary.big = b;
    ok &&= b.every((c) => c.ok);
  }
  if (!flags['skip-load']) {
    const l = await runLoad(ROOT, dir, { docs: Number(flags.docs), seconds: Number(flags.seconds), connections: Number(flags.connections), log });
    summary.load = l;
    ok &&= l.ok;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
summary.ok = ok;
process.stdout.write(`${JSON.stringify(summary)}\n`);
process.exitCode = ok ? 0 : 1;
