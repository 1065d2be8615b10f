import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COUNTED_MATCHES, RANKED_MATCHES } from '../../src/store/sqlite/read.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { analysed, tempDir } from '../helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('search in a big corpus', () => {
  const store = new SqliteStore(join(tmp.dir, 'big.db'));
  // "shelling" is in every document, "hospital" in every 1000th, "Aleppo" in the first few
  const docs = Array.from({ length: COUNTED_MATCHES + 50 }, (_, i) =>
    analysed(`Report ${i}: shelling near ${i % 1000 === 0 ? 'the hospital' : 'the market'}${i < 3 ? ' in Aleppo Aleppo' : ''}.`, { id: `doc-${i}` }));

  it('ranks by relevance while few documents match, and counts them all', async () => {
    for (const d of docs) await store.putDocument(d);
    const few = await store.search({ q: 'hospital', limit: 5 });
    expect(few).toMatchObject({ total: Math.ceil(docs.length / 1000), order: 'relevance', totalIsFloor: false });
    const aleppo = await store.search({ q: 'Aleppo' });
    expect(aleppo.order).toBe('relevance');
    expect(aleppo.items.map((x) => x.id).sort()).toEqual(['doc-0', 'doc-1', 'doc-2']);
  });

  it('puts the last added first past what can be ranked quickly, and says the total is a floor', async () => {
    expect(docs.length).toBeGreaterThan(RANKED_MATCHES);
    const all = await store.search({ q: 'shelling', limit: 3 });
    expect(all).toMatchObject({ total: COUNTED_MATCHES, order: 'recent', totalIsFloor: true });
    expect(all.items.map((x) => x.id)).toEqual([docs.length - 1, docs.length - 2, docs.length - 3].map((i) => `doc-${i}`));
    const next = await store.search({ q: 'shelling', limit: 3, offset: 3 });
    expect(next.items[0]!.id).toBe(`doc-${docs.length - 4}`);
  });
});
