// The analyse run against PostgreSQL (the asynchronous put path of src/analyse/corpus.ts), and
// two "machines" ingesting overlapping inputs into one corpus at once: every document is
// stored exactly once. Needs FAULTLINE_TEST_PG; skips without it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseCorpus } from '../../src/analyse/corpus.js';
import { DEFAULT_INGEST_OPTIONS } from '../../src/ingest/types.js';
import { openStore, type Store } from '../../src/store/index.js';
import { tempDir } from '../helpers.js';

const ADMIN = process.env.FAULTLINE_TEST_PG;
const dbName = `faultline_a_${process.pid}_${Date.now()}`;
const urlFor = (name: string): string => { const u = new URL(ADMIN ?? 'postgres://x/y'); u.pathname = `/${name}`; return u.toString(); };

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: ADMIN });
  await c.connect();
  try { await c.query(sql); } finally { await c.end(); }
}

const TEXTS = [
  'Government forces shelled the town of Saraqib in Idlib province on Tuesday, killing at least seven civilians, activists said.',
  'Rebels said they had repelled an attack on their positions near Hama, and that twelve soldiers were killed in the fighting.',
  'The Russian Defence Ministry said its aircraft had struck militant positions in Deir ez-Zor, destroying a weapons depot.',
  'Thousands of people protested in Daraa against the siege, witnesses said, in the largest demonstration there for months.',
];

describe.skipIf(!ADMIN)('analyze into PostgreSQL', () => {
  const tmp = tempDir();
  let a: Store;
  let b: Store;

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${dbName}`);
    TEXTS.forEach((t, i) => writeFileSync(join(tmp.dir, `doc-${i}.txt`), `${t}\n`));
    a = await openStore(urlFor(dbName));
    b = await openStore(urlFor(dbName));
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    tmp.cleanup();
    if (ADMIN) await admin(`DROP DATABASE IF EXISTS ${dbName}`);
  });

  it('two writers on overlapping inputs store every document once; a re-run adds nothing', async () => {
    const files = TEXTS.map((_t, i) => join(tmp.dir, `doc-${i}.txt`));
    const opts = { pack: 'syria', workers: 0, ingest: DEFAULT_INGEST_OPTIONS };
    const [x, y] = await Promise.all([analyseCorpus(files.slice(0, 3), a, opts), analyseCorpus(files.slice(1), b, opts)]);
    expect(x.added + y.added).toBe(TEXTS.length);
    expect(x.added + x.skipped + y.added + y.skipped).toBe(6);
    expect((await a.stats()).documents).toBe(TEXTS.length);
    const again = await analyseCorpus(files, a, opts);
    expect(again).toMatchObject({ added: 0, skipped: TEXTS.length, rejected: 0 });
  });
});
