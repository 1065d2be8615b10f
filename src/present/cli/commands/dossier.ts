// `faultline dossier <cluster-id>`: one real-world event as each source tells it.
import type { Command } from 'commander';
import { buildDossier } from '../../../cluster/dossier.js';
import { renderDossier } from '../../../cluster/render.js';
import { openStore } from '../../../store/index.js';
import { InputError } from '../errors.js';
import { existingDb } from '../options.js';

export function registerDossier(program: Command): void {
  program
    .command('dossier')
    .description('one real-world event as each source tells it (sources, labels, numbers, blame, disagreements)')
    .argument('[cluster-id]', 'cluster id (event mentions carry it as clusterId); omit with --list')
    .option('--db <file>', 'database file (default ./faultline.db)')
    .option('--json', 'print the dossier as JSON')
    .option('--list', 'list the events told by the most sources')
    .action(async (id: string | undefined, flags: { db?: string; json?: boolean; list?: boolean }) => {
      const store = await openStore(existingDb(flags.db), { readonly: true });
      try {
        if (flags.list || !id) {
          const page = await store.listClusters({ limit: 30, minSources: 2 });
          if (!page.total) process.stdout.write('no event is told by two or more sources yet; run `faultline cluster` after analysing\n');
          for (const c of page.items) {
            process.stdout.write(`${c.id}  ${c.sources} sources  ${c.type}  ${c.placeName ?? '-'}  ${c.dateFrom ?? '-'}  camps ${c.camps.join(',') || '-'}\n`);
          }
          return;
        }
        const dossier = await buildDossier(store, id);
        if (!dossier) throw new InputError(`no event cluster "${id}" in this database. List them with \`faultline dossier --list\`.`);
        process.stdout.write(`${flags.json ? JSON.stringify(dossier, null, 2) : renderDossier(dossier)}\n`);
      } finally {
        await store.close();
      }
    });
}
