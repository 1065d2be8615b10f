import type { Command } from 'commander';
import { analyseCorpus, type CorpusSummary } from '../../../analyse/corpus.js';
import { DEFAULT_INGEST_OPTIONS, type IngestOptions } from '../../../ingest/types.js';
import { loadPack } from '../../../packs/loader.js';
import { openStore } from '../../../store/index.js';
import { EXIT, UsageError } from '../errors.js';
import { dbLocation, positiveInt } from '../options.js';
import { progressReporter } from '../progress.js';
import { clusterAfterAnalyze } from './cluster.js';

interface AnalyzeFlags {
  db?: string;
  pack: string;
  textColumn: string;
  titleColumn: string;
  dateColumn: string;
  sourceColumn: string;
  idColumn: string;
  workers?: number;
  maxDocMb: number;
  timeout: number;
  quiet?: boolean;
  json?: boolean;
}

export function ingestOptions(flags: AnalyzeFlags): IngestOptions {
  return {
    ...DEFAULT_INGEST_OPTIONS,
    columns: { text: flags.textColumn, title: flags.titleColumn, date: flags.dateColumn, source: flags.sourceColumn, id: flags.idColumn },
    maxDocumentBytes: flags.maxDocMb * 1024 * 1024,
    fetchTimeoutMs: flags.timeout * 1000,
  };
}

export function printSummary(s: CorpusSummary, out: NodeJS.WritableStream): void {
  const secs = s.ms / 1000;
  out.write(
    `analysed ${s.seen} documents in ${secs.toFixed(1)} s (${(s.seen / Math.max(secs, 1e-3)).toFixed(1)} docs/s, ${(s.bytes / 1e6 / Math.max(secs, 1e-3)).toFixed(2)} MB/s)\n` +
      `  added ${s.added}, already stored ${s.skipped}, rejected ${s.rejected}\n` +
      `  segments ${s.segments}, findings ${s.findings}\n`,
  );
  for (const r of s.rejections.slice(0, 20)) out.write(`  rejected ${r.input}: ${r.reason}\n`);
  if (s.rejections.length > 20) out.write(`  … and ${s.rejections.length - 20} more rejected inputs\n`);
  if (s.problems.length) out.write(`  ${s.problems.length} analyser problem(s); first: ${s.problems[0]!.document} [${s.problems[0]!.analyser}] ${s.problems[0]!.message}\n`);
}

export function registerAnalyze(program: Command, setExit: (code: number) => void): void {
  program
    .command('analyze')
    .alias('analyse')
    .description('ingest and analyse inputs into the database (files, directories, globs, http(s) URLs, - for stdin)')
    .argument('<inputs...>', 'files (.txt .md .html .htm .csv .jsonl .warc .warc.gz), directories, globs, URLs or -')
    .option('--db <file>', 'database file, or postgres://user@host/db for a shared corpus (default ./faultline.db, or $FAULTLINE_DB)')
    .option('--pack <name>', 'conflict knowledge pack', 'syria')
    .option('--text-column <c>', 'CSV/JSONL column holding the text', 'text')
    .option('--title-column <c>', 'CSV/JSONL column holding the title', 'title')
    .option('--date-column <c>', 'CSV/JSONL column holding the date', 'date')
    .option('--source-column <c>', 'CSV/JSONL column holding the outlet', 'source')
    .option('--id-column <c>', 'CSV/JSONL column holding an external id', 'id')
    .option('--workers <n>', 'worker threads (default: all cores; 0 = main thread)', positiveInt('--workers'))
    .option('--max-doc-mb <n>', 'largest document accepted, in MB', positiveInt('--max-doc-mb'), 20)
    .option('--timeout <seconds>', 'timeout for http(s) inputs', positiveInt('--timeout'), 15)
    .option('--quiet', 'no progress output')
    .option('--json', 'print the summary as one JSON line on stdout')
    .addHelpText('after', '\nExit codes: 0 all inputs analysed; 1 some inputs rejected (named on stderr); 2 usage error.\n' +
      'Example: faultline analyze examples/ --db faultline.db\n' +
      '         faultline analyze articles.csv --text-column article_content --id-column unit_id')
    .action(async (inputs: string[], flags: AnalyzeFlags) => {
      try {
        loadPack(flags.pack);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      const store = await openStore(dbLocation(flags.db));
      const progress = progressReporter(process.stderr, flags.quiet);
      let summary: CorpusSummary;
      try {
        summary = await analyseCorpus(inputs, store, {
          pack: flags.pack,
          workers: flags.workers,
          ingest: ingestOptions(flags),
          onProgress: (p) => progress.update(p),
          onRejected: (input, reason) => process.stderr.write(`faultline: rejected ${input}: ${reason}\n`),
        });
        await clusterAfterAnalyze(store, summary.added, flags.quiet);
      } finally {
        progress.stop();
        await store.close();
      }
      if (flags.json) process.stdout.write(`${JSON.stringify({ ...summary, problems: summary.problems.length })}\n`);
      else printSummary(summary, process.stdout);
      setExit(summary.rejected > 0 ? EXIT.rejected : EXIT.ok);
    });
}
