// Speed of ingest alone on the FA-KES development CSV: `npx tsx test/ingest/measure-fakes.ts`.
// Not a test (timings vary by machine); skips with a message when ../shared is absent.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ingest } from '../../src/ingest/index.js';
import { DEFAULT_INGEST_OPTIONS } from '../../src/ingest/types.js';

const csv = fileURLToPath(new URL('../../../shared/data/fakes/fakes-dev.csv', import.meta.url));
if (!existsSync(csv)) {
  console.log(`skipped: ${csv} is absent`);
} else {
  const options = { ...DEFAULT_INGEST_OPTIONS, columns: { text: 'article_content', title: 'article_title', date: 'date', source: 'source', id: 'unit_id' } };
  for (let round = 1; round <= 3; round++) {
    const t0 = performance.now();
    let docs = 0;
    let rejected = 0;
    for await (const ev of ingest([csv], options)) {
      if (ev.kind === 'document') docs++;
      else rejected++;
    }
    const s = (performance.now() - t0) / 1000;
    console.log(`round ${round}: ${docs} documents, ${rejected} rejected in ${s.toFixed(2)} s = ${Math.round(docs / s)} documents/s`);
  }
}
