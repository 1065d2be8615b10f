// `faultline reference import FILE --format acled|ucdp`: load a reference event data set.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { importReference, ReferenceFormatError, type ReferenceFormat } from '../../../reference/import.js';
import { openStore } from '../../../store/index.js';
import { UsageError } from '../errors.js';
import { dbLocation } from '../options.js';

export function registerReference(program: Command): void {
  const reference = program.command('reference').description('reference event data sets (ACLED, UCDP GED) for corroboration');
  reference
    .command('import')
    .description('load an ACLED standard export or a UCDP GED CSV (streamed; .gz accepted)')
    .argument('<file>', 'CSV file')
    .requiredOption('--format <format>', 'acled or ucdp')
    .option('--db <file>', 'database file (default ./faultline.db, created when missing)')
    .option('--quiet', 'no progress output')
    .addHelpText('after', '\nExample: faultline reference import 2016-01-01-2018-12-31-Syria.csv --format acled\nThen:    faultline corroborate --out verdicts.jsonl')
    .action(async (file: string, flags: { format: string; db?: string; quiet?: boolean }) => {
      if (flags.format !== 'acled' && flags.format !== 'ucdp') throw new UsageError(`--format must be acled or ucdp, got "${flags.format}"`);
      if (!existsSync(file)) throw new UsageError(`no file at ${file}`);
      const store = await openStore(dbLocation(flags.db));
      try {
        const s = await importReference(file, flags.format as ReferenceFormat, store,
          flags.quiet ? undefined : (rows) => { if (rows % 50000 < 2000) process.stderr.write(`reference: ${rows} rows read\n`); });
        process.stdout.write(`imported ${file} (${flags.format}): ${s.rows} rows, ${s.added} added, ${s.known} already stored, ${s.rejected} rejected, ${(s.ms / 1000).toFixed(1)} s\n`);
        for (const r of s.reasons) process.stderr.write(`  rejected ${r}\n`);
      } catch (err) {
        // a file of the wrong format is a usage error (nothing written); anything else is not
        if (err instanceof ReferenceFormatError || /does not look like the (ACLED|UCDP) format/.test((err as Error).message)) throw new UsageError((err as Error).message);
        throw err;
      } finally {
        await store.close();
      }
    });
  reference
    .command('stats')
    .description('how many reference events are loaded, per data set')
    .option('--db <file>', 'database file (default ./faultline.db)')
    .action(async (flags: { db?: string }) => {
      const store = await openStore(dbLocation(flags.db));
      try {
        for (const r of await store.referenceCounts()) process.stdout.write(`${r.key}\t${r.count}\n`);
      } finally {
        await store.close();
      }
    });
}
