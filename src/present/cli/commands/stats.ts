import type { Command } from 'commander';
import { openStore } from '../../../store/index.js';
import { existingDb, positiveInt } from '../options.js';

export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('corpus counts: documents, segments, findings by kind, outlets, camps, top places and actors')
    .option('--db <file>', 'database file (default ./faultline.db)')
    .option('--documents', 'also list documents (id, outlet, date, title)')
    .option('--limit <n>', 'documents to list with --documents', positiveInt('--limit'), 50)
    .option('--json', 'print as JSON')
    .action(async (flags: { db?: string; documents?: boolean; limit: number; json?: boolean }) => {
      const store = await openStore(existingDb(flags.db), { readonly: true });
      try {
        const s = await store.stats();
        const docs = flags.documents ? await store.listDocuments({ limit: flags.limit }) : null;
        if (flags.json) {
          process.stdout.write(`${JSON.stringify({ ...s, documentsList: docs?.items })}\n`);
          return;
        }
        const lines = [
          `documents ${s.documents}, segments ${s.segments}, findings ${s.findings}`,
          `findings by kind: ${Object.entries(s.byKind).map(([k, v]) => `${k} ${v}`).join(', ')}`,
          `camps: ${s.byCamp.map((r) => `${r.label} ${r.count}`).join(', ') || '-'}`,
          `languages: ${s.byLanguage.map((r) => `${r.label} ${r.count}`).join(', ') || '-'}`,
          `outlets: ${s.byOutlet.slice(0, 15).map((r) => `${r.label} ${r.count}`).join(', ') || '-'}`,
          `top places: ${s.topPlaces.slice(0, 10).map((r) => `${r.label} ${r.count}`).join(', ') || '-'}`,
          `top actors: ${s.topActors.slice(0, 10).map((r) => `${r.label} ${r.count}`).join(', ') || '-'}`,
        ];
        if (docs) {
          lines.push(`documents (${docs.items.length} of ${docs.total}):`);
          for (const d of docs.items) lines.push(`  ${d.id}  ${(d.outlet ?? '-').padEnd(16).slice(0, 16)} ${(d.published ?? '-').padEnd(10)} ${d.title ?? '(untitled)'}`);
        }
        process.stdout.write(`${lines.join('\n')}\n`);
      } finally {
        await store.close();
      }
    });
}
