// `npm start`: analyse the bundled examples/ corpus into faultline.db, then serve the
// workbench (or, without one, print a summary and how to explore).
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { analyseCorpus } from '../../../analyse/corpus.js';
import { DEFAULT_INGEST_OPTIONS } from '../../../ingest/types.js';
import { SqliteStore } from '../../../store/sqlite/store.js';
import { dbLocation } from '../options.js';
import { printSummary } from './analyze.js';
import { clusterAfterAnalyze } from './cluster.js';

export const EXAMPLES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'examples');

export function registerDemo(program: Command, serve: ((db: string) => Promise<void>) | null): void {
  program
    .command('demo')
    .description('analyse the bundled examples/ corpus into faultline.db and open the workbench (what `npm start` runs)')
    .option('--db <file>', 'database file (default ./faultline.db)')
    .option('--no-serve', 'analyse and print the summary only')
    .action(async (flags: { db?: string; serve: boolean }) => {
      const db = dbLocation(flags.db);
      if (!existsSync(EXAMPLES_DIR)) throw new Error(`examples/ not found at ${EXAMPLES_DIR}`);
      const store = new SqliteStore(db);
      try {
        const summary = await analyseCorpus([EXAMPLES_DIR], store, {
          pack: 'syria',
          ingest: DEFAULT_INGEST_OPTIONS,
          onRejected: (input, reason) => process.stderr.write(`faultline: rejected ${input}: ${reason}\n`),
        });
        await clusterAfterAnalyze(store, summary.added);
        printSummary(summary, process.stdout);
        const page = await store.listDocuments({ limit: 3 });
        process.stdout.write(`\nThe corpus is in ${db}. Explore it with:\n` +
          `  npx faultline stats --db ${db} --documents\n` +
          (page.items[0] ? `  npx faultline show ${page.items[0].id.slice(0, 8)} --db ${db}\n` : '') +
          `  npx faultline dossier --list --db ${db}\n` +
          `  npx faultline export --db ${db} --format jsonl --out corpus.jsonl\n`);
      } finally {
        await store.close();
      }
      if (flags.serve && serve) await serve(db);
      else if (flags.serve) process.stdout.write('  (the web workbench is not part of this build yet)\n');
    });
}
