import type { Command } from 'commander';
import { openStore } from '../../../store/index.js';
import { InputError } from '../errors.js';
import { existingDb } from '../options.js';
import { renderDocument } from '../format.js';

export function registerShow(program: Command): void {
  program
    .command('show')
    .description('one document in the terminal with its findings')
    .argument('<document-id>', 'document id (see `faultline stats` or `faultline export`); a unique prefix is enough')
    .option('--db <file>', 'database file (default ./faultline.db)')
    .option('--text', 'print the full text too')
    .option('--json', 'print the document as JSON (the export shape)')
    .action(async (id: string, flags: { db?: string; text?: boolean; json?: boolean }) => {
      const store = await openStore(existingDb(flags.db), { readonly: true });
      try {
        let doc = await store.getDocument(id);
        if (!doc && /^[0-9a-f]{4,}$/i.test(id)) {
          const found = await findByPrefix(store, id);
          if (found) doc = await store.getDocument(found);
        }
        if (!doc) throw new InputError(`no document "${id}" in this database. List ids with \`faultline stats --documents\`.`);
        process.stdout.write(`${flags.json ? JSON.stringify(doc, null, 2) : renderDocument(doc, { text: flags.text })}\n`);
      } finally {
        await store.close();
      }
    });
}

async function findByPrefix(store: Awaited<ReturnType<typeof openStore>>, prefix: string): Promise<string | null> {
  for (let offset = 0; ; offset += 500) {
    const page = await store.listDocuments({ limit: 500, offset });
    const hit = page.items.find((d) => d.id.startsWith(prefix));
    if (hit) return hit.id;
    if (offset + 500 >= page.total) return null;
  }
}
