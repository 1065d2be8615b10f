// `faultline corroborate [--db FILE] [--out FILE]`: one JSON line per event mention with its
// verdict against the imported reference events (contract: ../shared/contracts/cli.md).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { corroborateStore } from '../../../reference/corroborate.js';
import { writeLine } from '../../../export/write.js';
import { openStore } from '../../../store/index.js';
import { existingDb } from '../options.js';

export function registerCorroborate(program: Command): void {
  program
    .command('corroborate')
    .description('check every event mention against imported reference events (ACLED, UCDP): one JSON line each')
    .option('--db <file>', 'database file (default ./faultline.db)')
    .option('--out <file>', 'output file (default: standard output)')
    .addHelpText('after', '\nFields: documentId, start, end (the mention\'s span in the text), dateFrom, dateTo (the days the event\n' +
      'covers), verdict (corroborated | contradicted | unmatched), referenceIds, distanceKm, dateDifferenceDays,\n' +
      'fatalityDifference, reason. Load references first with `faultline reference import`.')
    .action(async (flags: { db?: string; out?: string }) => {
      const store = await openStore(existingDb(flags.db), { readonly: true });
      const out = flags.out ? createWriteStream(flags.out) : process.stdout;
      const counts = { corroborated: 0, contradicted: 0, unmatched: 0 };
      try {
        if (!(await store.referenceCounts()).length) process.stderr.write('faultline: no reference events loaded; every mention will be unmatched. Run `faultline reference import FILE --format acled|ucdp`.\n');
        for await (const c of corroborateStore(store)) {
          counts[c.verdict]++;
          await writeLine(out, JSON.stringify(c));
        }
        process.stderr.write(`corroborate: ${counts.corroborated} corroborated, ${counts.contradicted} contradicted, ${counts.unmatched} unmatched\n`);
      } finally {
        await store.close();
        if (flags.out) {
          out.end();
          await once(out, 'finish');
        }
      }
    });
}
