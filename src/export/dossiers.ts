// `faultline export --format dossiers`: one JSON dossier per line for every event told by two
// or more distinct sources (single-source events have nothing to compare).
import type { AnalysedDocument } from '../core/types.js';
import type { Store } from '../store/types.js';
import { buildDossier } from '../cluster/dossier.js';
import { writeLine } from './write.js';

export async function writeDossiers(_docs: AsyncIterable<AnalysedDocument>, out: NodeJS.WritableStream, store: Store): Promise<number> {
  let n = 0;
  for (let offset = 0; ; offset += 200) {
    const page = await store.listClusters({ limit: 200, offset, minSources: 2 });
    for (const c of page.items) {
      const d = await buildDossier(store, c.id);
      if (!d) continue;
      await writeLine(out, JSON.stringify(d));
      n++;
    }
    if (offset + 200 >= page.total) return n;
  }
}
