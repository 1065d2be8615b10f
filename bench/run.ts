// `npm run bench`: end-to-end speed, memory and query latency of `faultline analyze` through the
// compiled CLI (the real product), beside two peers over the same text in the same run.
//   npm run bench                      10 MB generated corpus + FA-KES (../shared) when present
//   npm run bench -- --size 1GB        a 1 GB generated corpus
//   npm run bench -- --scale 1000000   1,000,000 generated documents (~2 GB) after the 10 MB run,
//                                      reporting the throughput ratio between the two
// Other flags: --workers N, --queries N, --compromise-mb N, --wink-mb N, --db postgres://… (an
// empty database), --no-fakes, --no-peers, --no-build, --keep, --progress, --seed N, --generate-only,
// --query-db FILE|URL (latency only, on an existing database), --profile (CPU profile of the
// analysers over 2 MB of the generated text, hot spots per file in the JSON line).
// Output: tables, then one JSON line (the last line of stdout).
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './generate.js';
import { runChild, lastJson } from './child.js';
import { measureQueries, type QueryReport } from './queries.js';
import { printReport, type CorpusReport, type PeerReport } from './report.js';

const ROOT = resolve(import.meta.dirname, '..');
const { values: flags } = parseArgs({
  options: {
    size: { type: 'string', default: '10MB' },
    scale: { type: 'string' },
    workers: { type: 'string' },
    queries: { type: 'string', default: '100' },
    'compromise-mb': { type: 'string', default: '2' },
    'wink-mb': { type: 'string', default: '1000000' },
    db: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'no-fakes': { type: 'boolean', default: false },
    'no-peers': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    progress: { type: 'boolean', default: false },
    'generate-only': { type: 'boolean', default: false },
    'query-db': { type: 'string' },
    profile: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (flags.help) {
  process.stdout.write(`Usage: npm run bench -- [options]

Speed, memory and query latency of \`faultline analyze\` through the compiled CLI, beside wink-nlp
and compromise over the same text. Prints tables, then one JSON line. See bench/README.md.

Corpora:
  (default)            a 10 MB generated corpus, plus ../shared/data/fakes/fakes-dev.csv when present
  --size 1GB           the generated corpus's size (KB, MB or GB; default 10MB)
  --scale N            after it, N generated documents (~2.3 KB each), reporting the throughput ratio
                       and issue #8's scale targets (PASS/FAIL)
  --no-fakes           skip FA-KES
  --seed N             generator seed (default 1)
  --generate-only      write the corpora under $TMPDIR/faultline-bench and stop

Run:
  --workers N          analysis worker threads (default: all cores)
  --db postgres://…    an empty PostgreSQL database instead of a temporary SQLite file
  --keep               keep the SQLite databases under $TMPDIR/faultline-bench
  --no-build           use dist/ as it is (default: npm run build first)
  --progress           pass the CLI's progress through to stderr (always on with --scale)
  --queries N          queries of each kind to time (default 100; 0: none)
  --query-db FILE|URL  only time queries, on an existing database
  --no-peers           skip wink-nlp and compromise
  --wink-mb N          text given to wink-nlp, in MB (default: all)
  --compromise-mb N    text given to compromise, in MB (default 2)
  --profile            add a CPU profile of the analysers over 2 MB (hot spots per file)
  -h, --help           this help
`);
  process.exit(0);
}

function bytesOf(size: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(KB|MB|GB)?$/i.exec(size.trim());
  if (!m) throw new Error(`--size: expected e.g. 10MB or 1GB, got "${size}"`);
  return Number(m[1]) * { KB: 1e3, MB: 1e6, GB: 1e9 }[(m[2] ?? 'MB').toUpperCase() as 'KB' | 'MB' | 'GB'];
}

interface Input { name: string; file: string; column: string; args: string[]; peers: boolean }
interface AnalyzeSummary { seen: number; added: number; skipped: number; rejected: number; bytes: number; ms: number; findings: number; problems: number; analyserMs: Record<string, number> }

const work = join(tmpdir(), 'faultline-bench');
mkdirSync(work, { recursive: true });
const seed = Number(flags.seed);

async function generated(name: string, opts: { bytes?: number; docs?: number; meanDocBytes?: number }): Promise<string> {
  const file = join(work, `${name}-seed${seed}.jsonl`);
  if (!existsSync(file) || statSync(file).size === 0) {
    process.stderr.write(`bench: generating ${name} corpus into ${file}\n`);
    const g = await generateCorpus({ ...opts, out: `${file}.part`, seed, root: ROOT });
    rmSync(file, { force: true });
    renameSync(`${file}.part`, file);
    process.stderr.write(`bench: ${g.docs} documents, ${(g.textBytes / 1e6).toFixed(1)} MB of text\n`);
  }
  return file;
}

const PROGRESS = /^progress: (\d+) documents read, (\d+) added, (\d+) already stored, (\d+) rejected, ([\d.]+) MB$/;

async function analyse(input: Input): Promise<{ summary: AnalyzeSummary; wallMs: number; peakRssMb: number | null; db: string; rssSeries: [number, number][]; failed?: string }> {
  const db = flags.db ?? join(work, `${input.name}.db`);
  if (!flags.db) for (const ext of ['', '-wal', '-shm']) rmSync(db + ext, { force: true });
  const args = [process.execPath, join(ROOT, 'bin', 'faultline.js'), 'analyze', input.file, '--db', db, '--json', ...input.args];
  if (flags.workers) args.push('--workers', flags.workers);
  // a scale run takes an hour: its log shows the CLI's progress and the memory as it goes
  const progress = flags.progress || !!flags.scale;
  if (!progress) args.push('--quiet');
  process.stderr.write(`bench: analyze ${input.name} …\n`);
  const t0 = performance.now();
  let last: AnalyzeSummary | null = null;
  const r = await runChild(args, {
    cwd: ROOT, passStderr: progress, sampleMs: 10_000,
    onSample: progress ? (at, mb) => process.stderr.write(`bench: ${input.name} ${at} s, RSS ${mb} MB\n`) : undefined,
    onStderrLine: (line) => {
      const m = PROGRESS.exec(line);
      if (m) last = { seen: +m[1]!, added: +m[2]!, skipped: +m[3]!, rejected: +m[4]!, bytes: +m[5]! * 1e6, ms: performance.now() - t0, findings: 0, problems: 0, analyserMs: {} };
    },
  });
  const summary = lastJson<AnalyzeSummary>(r.stdout);
  if (summary && r.code <= 1) return { summary, wallMs: r.wallMs, peakRssMb: r.peakRssMb, db, rssSeries: r.rssSeries };
  const failed = `analyze ${input.name} failed (exit ${r.code}): ${r.stderr.slice(-600).trim()}`;
  const partial = last as AnalyzeSummary | null;
  if (!partial) throw new Error(failed);
  // what was stored before the failure is still measured: speed up to the last progress line
  // (the analysis phase), memory, and queries on the stored documents
  process.stderr.write(`bench: ${failed}\nbench: reporting ${input.name} up to its last progress line (${partial.seen} documents, ${(partial.bytes / 1e6).toFixed(1)} MB at ${(partial.ms / 1000).toFixed(0)} s)\n`);
  return { summary: partial, wallMs: partial.ms, peakRssMb: r.peakRssMb, db, rssSeries: r.rssSeries, failed };
}

async function peer(name: string, input: Input, maxMb: number): Promise<PeerReport | null> {
  const r = await runChild([process.execPath, '--import', 'tsx', join(ROOT, 'bench', 'peers.ts'), name, input.file, input.column, String(maxMb * 1e6)], { cwd: ROOT });
  const out = lastJson<{ docs: number; bytes: number; ms: number; items: number }>(r.stdout);
  if (!out) { process.stderr.write(`bench: peer ${name} failed: ${r.stderr.slice(-500)}\n`); return null; }
  return { peer: name, docs: out.docs, mb: out.bytes / 1e6, seconds: out.ms / 1000, mbPerSec: out.bytes / 1e6 / (out.ms / 1000), docsPerSec: out.docs / (out.ms / 1000), peakRssMb: r.peakRssMb };
}

async function main(): Promise<void> {
  if (flags['query-db']) {
    // latency on an existing database (e.g. one a long run left behind)
    process.stdout.write(`${JSON.stringify({ db: flags['query-db'], queries: await measureQueries(flags['query-db'], Number(flags.queries)) })}\n`);
    return;
  }
  if (!flags['no-build']) {
    process.stderr.write('bench: building the CLI (npm run build)\n');
    const b = await runChild(['npm', 'run', '--silent', 'build'], { cwd: ROOT });
    if (b.code !== 0) process.stderr.write(`bench: build reported errors (using what was emitted):\n${b.stdout.slice(0, 1500)}\n`);
  }
  const inputs: Input[] = [];
  const small = bytesOf(flags.size);
  inputs.push({ name: `generated-${flags.size}`, file: await generated(`gen-${small}`, { bytes: small }), column: 'text', args: [], peers: true });
  const fakes = resolve(ROOT, '..', 'shared', 'data', 'fakes', 'fakes-dev.csv');
  if (flags['no-fakes']) { /* skipped on request */ } else if (existsSync(fakes)) {
    inputs.push({ name: 'fa-kes-dev', file: fakes, column: 'article_content', peers: true,
      args: ['--text-column', 'article_content', '--title-column', 'article_title', '--source-column', 'source', '--id-column', 'unit_id'] });
  } else process.stderr.write('bench: ../shared/data/fakes absent, FA-KES skipped\n');
  if (flags.scale) {
    const docs = Number(flags.scale);
    inputs.push({ name: `generated-${docs}-docs`, file: await generated(`gen-${docs}docs`, { docs, meanDocBytes: 2000 }), column: 'text', args: [], peers: false });
  }

  if (flags['generate-only']) return;
  const reports: CorpusReport[] = [];
  for (const input of inputs) {
    const a = await analyse(input);
    const secs = a.wallMs / 1000;
    const report: CorpusReport = {
      corpus: input.name, docs: a.summary.seen, added: a.summary.added, rejected: a.summary.rejected, mb: a.summary.bytes / 1e6,
      seconds: secs, mbPerSec: a.summary.bytes / 1e6 / secs, docsPerSec: a.summary.seen / secs, peakRssMb: a.peakRssMb,
      analyseSeconds: a.summary.ms / 1000, analyseMbPerSec: a.summary.bytes / 1e6 / (a.summary.ms / 1000), rssSeries: a.rssSeries,
      findings: a.summary.findings, problems: a.summary.problems, analyserMs: a.summary.analyserMs, peers: [], queries: null,
      ...(a.failed ? { failed: a.failed } : {}),
    };
    if (Number(flags.queries) > 0) {
      process.stderr.write(`bench: queries on ${input.name} …\n`);
      report.queries = await measureQueries(a.db, Number(flags.queries)) satisfies QueryReport;
    }
    if (input.peers && !flags['no-peers']) {
      for (const [name, mb] of [['wink', Number(flags['wink-mb'])], ['compromise', Number(flags['compromise-mb'])]] as const) {
        process.stderr.write(`bench: peer ${name} on ${input.name} …\n`);
        const p = await peer(name, input, mb);
        if (p) report.peers.push(p);
      }
    }
    if (!flags.keep && !flags.db) for (const ext of ['', '-wal', '-shm']) rmSync(a.db + ext, { force: true });
    reports.push(report);
    // each corpus's figures reach the log as soon as they exist (a later corpus may still fail)
    const { rssSeries: _series, ...brief } = report;
    process.stderr.write(`bench: done ${input.name}: ${JSON.stringify(brief)}\n`);
  }
  let hotSpots: { file: string; ms: number }[] | null = null;
  if (flags.profile) {
    process.stderr.write('bench: profiling the analysers …\n');
    const out = join(work, 'analysers.cpuprofile');
    const r = await runChild([process.execPath, '--import', 'tsx', join(ROOT, 'bench', 'profile.ts'), inputs[0]!.file, '--mb', '2', '--out', out], { cwd: ROOT });
    process.stderr.write(r.stdout);
    hotSpots = [...r.stdout.matchAll(/^\s*(\d+) ms {2}(\S+\.(?:js|ts))$/gm)].map((m) => ({ file: m[2]!, ms: Number(m[1]) })).slice(0, 15);
  }
  const machine = { cores: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', node: process.version, workers: flags.workers ? Number(flags.workers) : availableParallelism() };
  printReport(reports, machine, process.stdout, hotSpots);
}

await main();
