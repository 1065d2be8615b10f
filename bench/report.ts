// Prints the benchmark's findings: a throughput table with the peers' ratios, time per analyser,
// query latencies, then the whole report as one JSON line (the last line, for scripts).
import type { QueryReport } from './queries.js';

export interface PeerReport {
  peer: string;
  docs: number;
  mb: number;
  seconds: number;
  mbPerSec: number;
  docsPerSec: number;
  peakRssMb: number | null;
}

export interface CorpusReport {
  corpus: string;
  docs: number;
  added: number;
  rejected: number;
  mb: number;
  /** wall time of the whole `faultline analyze` process, start-up included */
  seconds: number;
  mbPerSec: number;
  docsPerSec: number;
  peakRssMb: number | null;
  /** the analyse phase alone (ingest, analysers, store), as the CLI's own summary times it; the
   * wall time above adds process start-up, pack loading and the clustering pass */
  analyseSeconds: number;
  analyseMbPerSec: number;
  rssSeries: [number, number][];
  findings: number;
  problems: number;
  /** analyser time summed over all worker threads */
  analyserMs: Record<string, number>;
  peers: PeerReport[];
  queries: QueryReport | null;
  /** set when `analyze` failed: the figures then run up to its last progress line */
  failed?: string;
}

export interface Machine { cores: number; cpu: string; node: string; workers: number }

const f = (x: number | null | undefined, d = 2): string => (x === null || x === undefined || !Number.isFinite(x) ? '-' : x.toFixed(d));

function table(rows: string[][], out: NodeJS.WritableStream): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const [n, r] of rows.entries()) {
    out.write(`${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}\n`);
    if (n === 0) out.write(`${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  }
  out.write('\n');
}

export function ratios(r: CorpusReport): Record<string, number> {
  return Object.fromEntries(r.peers.map((p) => [`vs_${p.peer}`, Math.round((r.mbPerSec / p.mbPerSec) * 100) / 100]));
}

export function printReport(reports: CorpusReport[], machine: Machine, out: NodeJS.WritableStream, hotSpots: { file: string; ms: number }[] | null = null): void {
  out.write(`\nFaultline analyze, end to end through bin/faultline.js (${machine.workers} worker threads, ${machine.cores} cores: ${machine.cpu}, Node ${machine.node})\n\n`);
  const rows = [['corpus', 'docs', 'MB', 'wall s', 'MB/s', 'docs/s', 'analyse s', 'analyse MB/s', 'peak RSS MB', 'findings', 'wink MB/s', 'compromise MB/s', 'x wink', 'x compromise']];
  for (const r of reports) {
    const wink = r.peers.find((p) => p.peer === 'wink');
    const comp = r.peers.find((p) => p.peer === 'compromise');
    rows.push([r.corpus, String(r.docs), f(r.mb, 1), f(r.seconds, 1), f(r.mbPerSec), f(r.docsPerSec, 0), f(r.analyseSeconds, 1), f(r.analyseMbPerSec), f(r.peakRssMb, 0), String(r.findings),
      f(wink?.mbPerSec), f(comp?.mbPerSec, 3), f(wink ? r.mbPerSec / wink.mbPerSec : null), f(comp ? r.mbPerSec / comp.mbPerSec : null, 1)]);
  }
  table(rows, out);
  for (const r of reports) if (r.failed) out.write(`${r.corpus}: ${r.failed}\n  its figures run up to the last progress line of the analysis phase (no clustering pass, no analyser times)\n\n`);
  out.write('MB/s and docs/s: wall time of the whole `faultline analyze` process (start-up, ingest, analysers, store, clustering pass); analyse: the CLI\'s own timing of ingest + analysers + store.\n');
  out.write('Peers time only their NLP calls, single-threaded; wink-nlp: tokens + POS + entities (eng lite model); compromise: places, people, organisations, numbers (over the first --compromise-mb MB).\n\n');

  for (const r of reports) {
    const total = Object.values(r.analyserMs).reduce((a, b) => a + b, 0);
    const arows = [['analyser (' + r.corpus + ')', 'ms total', 'µs/doc', 'share %', 'MB/s per thread']];
    for (const [id, ms] of Object.entries(r.analyserMs).sort((a, b) => b[1] - a[1])) {
      arows.push([id, f(ms, 0), f((ms * 1000) / Math.max(1, r.docs), 0), f((ms / Math.max(total, 1e-9)) * 100, 1), f(r.mb / (ms / 1000))]);
    }
    if (arows.length > 1) table(arows, out);
    else out.write(`no analysers reported timings for ${r.corpus}\n\n`);
  }

  const qrows = [['queries', 'kind', 'n', 'p50 ms', 'p95 ms', 'max ms']];
  for (const r of reports) {
    for (const [kind, l] of Object.entries(r.queries ?? {})) qrows.push([r.corpus, kind, String(l?.n ?? 0), f(l?.p50), f(l?.p95), f(l?.max)]);
  }
  if (qrows.length > 1) table(qrows, out);

  const base = reports[0];
  const scaled = reports.find((r) => /-docs$/.test(r.corpus));
  const targets = base && scaled ? scaleTargets(base, scaled) : null;
  if (targets) {
    out.write(`issue #8 scale targets (${scaled!.corpus} against ${base!.corpus}):\n`);
    for (const t of targets) out.write(`  ${t.pass ? 'PASS' : 'FAIL'}  ${t.target}: ${t.value}\n`);
    out.write('\n');
  }
  const json = {
    bench: 'faultline-analyze',
    machine,
    analysers: Object.keys(base?.analyserMs ?? {}),
    corpora: reports.map((r) => ({ ...r, ratios: ratios(r) })),
    hotSpots,
    scaleThroughputRatio: base && scaled ? Math.round((scaled.analyseMbPerSec / base.analyseMbPerSec) * 100) / 100 : null,
    scaleTargets: targets,
  };
  out.write(`${JSON.stringify(json)}\n`);
}

export interface TargetCheck { target: string; value: string; pass: boolean }

/** Issue #8's scale targets: flat memory, throughput within 20% of the small corpus, p95 < 50 ms. */
export function scaleTargets(base: CorpusReport, scaled: CorpusReport): TargetCheck[] {
  const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;
  const out: TargetCheck[] = [
    { target: 'peak RSS < 1500 MB', value: `${f(scaled.peakRssMb, 0)} MB`, pass: scaled.peakRssMb !== null && scaled.peakRssMb < 1500 },
    { target: 'end-to-end MB/s within 20% of the small corpus', value: `${f(scaled.mbPerSec)} vs ${f(base.mbPerSec)} MB/s (x${ratio(scaled.mbPerSec, base.mbPerSec)})`, pass: scaled.mbPerSec >= 0.8 * base.mbPerSec },
    { target: 'analyse-phase MB/s within 20% of the small corpus', value: `${f(scaled.analyseMbPerSec)} vs ${f(base.analyseMbPerSec)} MB/s (x${ratio(scaled.analyseMbPerSec, base.analyseMbPerSec)})`, pass: scaled.analyseMbPerSec >= 0.8 * base.analyseMbPerSec },
  ];
  for (const kind of ['document', 'search', 'eventsByPlaceTime', 'dossier'] as const) {
    const l = scaled.queries?.[kind];
    out.push({ target: `${kind} query p95 < 50 ms`, value: l ? `${f(l.p95)} ms (n ${l.n})` : 'not measured', pass: !!l && l.p95 < 50 });
  }
  return out;
}
