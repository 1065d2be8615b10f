// Progress for long runs: a bar on a terminal (cli-progress), plain periodic lines otherwise,
// so logs in CI and pipes stay readable.
import cliProgress from 'cli-progress';
import type { CorpusProgress } from '../../analyse/corpus.js';

export interface ProgressReporter {
  update(p: CorpusProgress): void;
  stop(): void;
}

export function progressReporter(stream: NodeJS.WriteStream = process.stderr, quiet = false): ProgressReporter {
  if (quiet) return { update() {}, stop() {} };
  const started = Date.now();
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream, format: 'analyse {docs} docs | {added} new | {skipped} known | {rejected} rejected | {mb} MB | {rate} docs/s', fps: 5 },
      cliProgress.Presets.shades_classic,
    );
    bar.start(0, 0, { docs: 0, added: 0, skipped: 0, rejected: 0, mb: '0.0', rate: 0 });
    return {
      update(p) {
        const secs = Math.max(0.001, (Date.now() - started) / 1000);
        bar.update(0, { docs: p.seen, added: p.added, skipped: p.skipped, rejected: p.rejected, mb: (p.bytes / 1e6).toFixed(1), rate: Math.round(p.seen / secs) });
      },
      stop() { bar.stop(); },
    };
  }
  let last = 0;
  return {
    update(p) {
      const now = Date.now();
      if (now - last < 2000) return;
      last = now;
      stream.write(`progress: ${p.seen} documents read, ${p.added} added, ${p.skipped} already stored, ${p.rejected} rejected, ${(p.bytes / 1e6).toFixed(1)} MB\n`);
    },
    stop() {},
  };
}
