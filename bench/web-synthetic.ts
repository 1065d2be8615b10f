// A large synthetic database for the workbench benchmark: the examples/ corpus analysed once,
// then copied N times with new ids, dates spread over 2011-2022, outlets and camps rotated,
// written through the store's own putDocument in large transactions.
import { join } from 'node:path';
import { Pipeline } from '../src/analyse/pipeline.js';
import type { AnalysedDocument } from '../src/core/types.js';
import { DEFAULT_INGEST_OPTIONS, ingest } from '../src/ingest/index.js';
import { SqliteStore } from '../src/store/sqlite/store.js';

const OUTLETS = ['SANA', 'Sputnik', 'TASS', 'Al-Manar', 'Alalam', 'Etilaf', 'Al Arabiya', 'Asharq al-Awsat', 'Daily Sabah', 'TRT', 'Reuters', 'Al-Ahram', 'Al-Araby', 'Jordan Times', 'NNA'];
const CAMPS = ['pro_syrian_government', 'pro_opposition', 'neutral', 'mixed', 'unclear'];

function shift(date: string | null, year: number, month: number): string | null {
  if (!date || !/^\d{4}/.test(date)) return date;
  const m = String(month).padStart(2, '0');
  return date.length >= 7 ? `${year}-${m}${date.slice(7)}` : String(year);
}

export async function buildSynthetic(file: string, n: number, root: string): Promise<void> {
  const t0 = performance.now();
  const pipeline = new Pipeline({ pack: 'syria' });
  const seeds: AnalysedDocument[] = [];
  for await (const ev of ingest([join(root, 'examples')], DEFAULT_INGEST_OPTIONS)) if (ev.kind === 'document') seeds.push(pipeline.analyse(ev.doc).doc);
  if (!seeds.length) throw new Error('examples/ gave no documents');
  const store = new SqliteStore(file);
  store.db.pragma('synchronous = OFF');
  const batch = store.db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const seed = seeds[i % seeds.length]!;
      const year = 2011 + (i % 12);
      const month = 1 + (Math.floor(i / 12) % 12);
      const copy = structuredClone(seed);
      copy.id = `${seed.id}-${i.toString(36)}`;
      copy.source = `${seed.source}#copy=${i}`;
      copy.outlet = OUTLETS[(i * 7) % OUTLETS.length]!;
      copy.published = shift(seed.published ?? '2016-01-01', year, month);
      copy.stance = { ...copy.stance, camp: CAMPS[(i * 3) % CAMPS.length]! };
      for (const e of copy.events) {
        e.date = shift(e.date, year, month);
        e.clusterId = e.clusterId ?? `synthetic-${Math.floor(i / 10)}-${e.type.length}`;
      }
      store.putDocumentSync(copy);
    }
  });
  for (let at = 0; at < n; at += 2000) {
    batch(at, Math.min(n, at + 2000));
    process.stderr.write(`\rsynthetic database: ${Math.min(n, at + 2000).toLocaleString('en')} / ${n.toLocaleString('en')} documents`);
  }
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.db.exec('ANALYZE');
  await store.close();
  process.stderr.write(`\nbuilt ${file} in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
}
