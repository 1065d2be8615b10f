// `faultline cluster`: the cross-document pass (near-duplicates, event clusters) over a stored
// corpus. `analyze` runs the same pass at the end through clusterAfterAnalyze.
import type { Command } from 'commander';
import { ClusterMemoryError, clusterStore, type ClusterRunSummary } from '../../../cluster/run.js';
import { openStore } from '../../../store/index.js';
import type { Store } from '../../../store/types.js';
import { existingDb } from '../options.js';

export function describeClusterRun(s: ClusterRunSummary): string {
  return `clustered ${s.mentions} event mentions from ${s.documents} documents into ${s.clusters} events ` +
    `(${s.multiSource} told by 2+ sources), ${s.duplicates} near-duplicate reprints, ${(s.ms / 1000).toFixed(1)} s`;
}

const sweepLine = (done: number, total: number, held: number): string =>
  `cluster: ${done} of ${total} event mentions matched, ${held} events still open`;
const writeLine = (done: number, total: number): string => `cluster: ${done} of ${total} cluster ids written`;

/** The one call `analyze` makes after a run that added documents. */
export async function clusterAfterAnalyze(store: Store, added: number, quiet = false): Promise<void> {
  if (added === 0) return;
  try {
    // a big corpus takes minutes to cluster: say so now and then
    const summary = await clusterStore(store, quiet ? {} : {
      onProgress: (n) => { if (n % 50_000 === 0) process.stderr.write(`cluster: ${n} documents read\n`); },
      onSweep: (done, total, held) => { if (done % 1_000_000 === 0) process.stderr.write(`${sweepLine(done, total, held)}\n`); },
      onWriteBack: (done, total) => { if (done % 1_000_000 === 0 || done === total) process.stderr.write(`${writeLine(done, total)}\n`); },
    });
    if (!quiet) process.stderr.write(`${describeClusterRun(summary)}\n`);
  } catch (err) {
    // the run's documents are stored: a corpus too big to cluster in this heap is a warning
    if (!(err instanceof ClusterMemoryError)) throw err;
    process.stderr.write(`warning: ${err.message}\n`);
  }
}

export function registerCluster(program: Command): void {
  program
    .command('cluster')
    .description('group event mentions across documents into real-world events and mark near-duplicate reprints')
    .option('--db <file>', 'database file (default ./faultline.db)')
    .option('--json', 'print the summary as one JSON line')
    .addHelpText('after', '\n`faultline analyze` runs this at the end of every run that adds documents.\nThen: faultline dossier <cluster-id>')
    .action(async (flags: { db?: string; json?: boolean }) => {
      const store = await openStore(existingDb(flags.db));
      try {
        const summary = await clusterStore(store, {
          onProgress: (n) => process.stderr.write(`cluster: ${n} documents read\n`),
          onSweep: (done, total, held) => process.stderr.write(`${sweepLine(done, total, held)}\n`),
          onWriteBack: (done, total) => process.stderr.write(`${writeLine(done, total)}\n`),
        });
        process.stdout.write(flags.json ? `${JSON.stringify(summary)}\n` : `${describeClusterRun(summary)}\n`);
      } finally {
        await store.close();
      }
    });
}
