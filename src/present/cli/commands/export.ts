import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { exporters } from '../../../export/index.js';
import { openStore } from '../../../store/index.js';
import { UsageError } from '../errors.js';
import { existingDb } from '../options.js';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write the stored corpus in an exchange format')
    .option('--db <file>', 'database file (default ./faultline.db)')
    .requiredOption('--format <format>', `one of: ${Object.keys(exporters).join(', ')} (see --help)`)
    .option('--out <file>', 'output file (default: standard output)')
    .addHelpText('after', () => `\nFormats:\n${Object.entries(exporters).map(([k, v]) => `  ${k.padEnd(9)} ${v.description}`).join('\n')}\n`)
    .action(async (flags: { db?: string; format: string; out?: string }) => {
      const exporter = exporters[flags.format];
      if (!exporter) throw new UsageError(`unknown export format "${flags.format}"; use one of: ${Object.keys(exporters).join(', ')}`);
      const store = await openStore(existingDb(flags.db), { readonly: true });
      const out = flags.out ? createWriteStream(flags.out) : process.stdout;
      try {
        const n = await exporter.write(store.iterateDocuments(), out, store);
        if (flags.out) process.stderr.write(`exported ${n} documents to ${flags.out} (${flags.format})\n`);
      } finally {
        await store.close();
        if (flags.out) {
          (out as NodeJS.WritableStream).end();
          await once(out, 'finish');
        }
      }
    });
}
