// The PostgreSQL store against a real server: every query answers as the SQLite store does on
// the same documents. Needs FAULTLINE_TEST_PG (see scripts/pg-start.sh); skips without it.
// Each run works in a database of its own, created and dropped here.
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysedDocument } from '../../src/core/types.js';
import { openStore, type Store } from '../../src/store/index.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { StoreError } from '../../src/store/types.js';
import { tempDir } from '../helpers.js';
import { fixtureDocuments } from './fixtures.js';

const ADMIN = process.env.FAULTLINE_TEST_PG;
if (!ADMIN) console.log('test/postgres: FAULTLINE_TEST_PG is unset, PostgreSQL tests skipped (start one with `export FAULTLINE_TEST_PG="$(scripts/pg-start.sh)"`)');

const dbName = `faultline_t_${process.pid}_${Date.now()}`;
const urlFor = (name: string): string => { const u = new URL(ADMIN ?? 'postgres://x/y'); u.pathname = `/${name}`; return u.toString(); };

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: ADMIN });
  await c.connect();
  try { await c.query(sql); } finally { await c.end(); }
}

describe.skipIf(!ADMIN)('PostgresStore', () => {
  const tmp = tempDir();
  const docs = fixtureDocuments();
  let pgStore: Store;
  let lite: SqliteStore;

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${dbName}`);
    pgStore = await openStore(urlFor(dbName));
    lite = new SqliteStore(join(tmp.dir, 'parity.db'));
    for (const d of docs) {
      expect(await pgStore.putDocument(d)).toBe('added');
      await lite.putDocument(d);
    }
  });

  afterAll(async () => {
    await pgStore?.close();
    await lite?.close();
    tmp.cleanup();
    if (ADMIN) await admin(`DROP DATABASE IF EXISTS ${dbName}`);
  });

  it('stores each document once and reads it back whole, offsets intact', async () => {
    expect(await pgStore.putDocument(docs[0]!)).toBe('exists');
    expect(await pgStore.hasDocument(docs[0]!.id)).toBe(true);
    expect(await pgStore.hasDocument('nope')).toBe(false);
    // U+0000 cannot be stored in PostgreSQL text: it becomes U+FFFD, one UTF-16 unit for one
    const nulFree = (d: AnalysedDocument | null): AnalysedDocument | null => d && { ...d, text: d.text.replace(/\u0000/g, '\uFFFD') };
    for (const d of docs) expect(await pgStore.getDocument(d.id)).toEqual(nulFree(await lite.getDocument(d.id)));
    const odd = (await pgStore.getDocument(docs[2]!.id))!;
    expect(odd.text.length).toBe(docs[2]!.text.length);
    const place = odd.places[0]!.mentions[0]!;
    expect(odd.text.slice(place.start, place.end)).toBe('Idlib');
  });

  it('iterates every document in insertion order', async () => {
    const ids: string[] = [];
    for await (const d of pgStore.iterateDocuments()) ids.push(d.id);
    expect(ids).toEqual(docs.map((d) => d.id));
  });

  it('answers lists, filters, events, claims and stats as the SQLite store does', async () => {
    // SQLite's length() counts code points and stops at U+0000; PostgreSQL stores the UTF-16 length the offsets use
    const all = await pgStore.listDocuments({});
    expect(Object.fromEntries(all.items.map((d) => [d.id, d.length]))).toEqual(Object.fromEntries(docs.map((d) => [d.id, d.text.length])));
    // SQLite's substr() counts code points too, so its evidence shifts after an emoji; PostgreSQL stores text.slice(start, end)
    const byId = new Map(docs.map((d) => [d.id, d]));
    for (const e of [...(await pgStore.events({})).items, ...(await pgStore.claims({})).items]) {
      expect(e.evidence).toBe(byId.get(e.documentId)!.text.slice(e.start, e.end));
    }
    const noLength = (x: unknown): unknown => JSON.parse(JSON.stringify(x, (k, v: unknown) => (k === 'length' || k === 'evidence' ? undefined : v)));
    const same = async <T>(f: (s: Store) => Promise<T>): Promise<void> => { expect(noLength(await f(pgStore))).toEqual(noLength(await f(lite))); };
    await same((s) => s.listDocuments({}));
    await same((s) => s.listDocuments({ camp: 'pro_opposition' }));
    await same((s) => s.listDocuments({ place: 'Aleppo', from: '2016-12', to: '2016-12' }));
    await same((s) => s.listDocuments({ actor: 'actor:syrian-army', limit: 1, offset: 1 }));
    await same((s) => s.places({}));
    await same((s) => s.places({ q: 'lepp' }));
    await same((s) => s.actors({ affiliation: 'syrian_government_and_allies' }));
    await same((s) => s.events({}));
    await same((s) => s.events({ place: 'geonames:170063', from: '2016-12-01', to: '2016-12-31' }));
    await same((s) => s.events({ bbox: [36, 35, 38, 37], type: 'Battles' }));
    await same((s) => s.claims({ sort: 'value', order: 'desc' }));
    await same((s) => s.network({}));
    await same((s) => s.eventHistogram({}));
    // ties in count order are unordered in SQLite: compare the rows as sets
    const sets = async (s: Store) => Object.fromEntries(Object.entries(await s.stats())
      .map(([k, v]) => [k, Array.isArray(v) ? v.map((x) => JSON.stringify(x)).sort() : v]));
    expect(await sets(pgStore)).toEqual(await sets(lite));
  });

  it('searches with websearch syntax and snippets; empty queries are a StoreError', async () => {
    const hits = await pgStore.search({ q: 'civilians' });
    const liteHits = await lite.search({ q: 'civilians' });
    expect(hits.items.map((h) => h.id).sort()).toEqual(liteHits.items.map((h) => h.id).sort());
    expect(hits.items[0]?.snippet).toContain('[civilians]');
    expect((await pgStore.search({ q: '"rebel fighters" -Idlib' })).total).toBe(1);
    expect((await pgStore.search({ q: 'Алеппо' })).total).toBe(1);
    expect((await pgStore.search({ q: '"unbalanced' })).total).toBe(0);
    await expect(pgStore.search({ q: '   ' })).rejects.toBeInstanceOf(StoreError);
    await expect(pgStore.search({ q: '!!! ::' })).rejects.toBeInstanceOf(StoreError);
  });

  it('keeps cluster ids, clusters, signatures and reference events', async () => {
    await pgStore.setClusterIds([{ documentId: docs[0]!.id, index: 0, clusterId: 'c-1' }]);
    expect((await pgStore.getDocument(docs[0]!.id))?.events[0]?.clusterId).toBe('c-1');
    expect((await pgStore.events({ clusterId: 'c-1' })).total).toBe(1);
    const cluster = { id: 'c-1', type: 'Battles', dateFrom: '2016-12-12', dateTo: '2016-12-13', placeId: 'geonames:170063', placeName: 'Aleppo',
      lat: 36.2, lon: 37.16, region: 'Aleppo', mentions: 2, documents: 2, sources: 2, outlets: ['Wire A', 'SANA'], camps: ['neutral'],
      earliestDocument: docs[0]!.id, earliestPublished: '2016-12-12' };
    await pgStore.replaceClusters([cluster, { ...cluster, id: 'c-2', sources: 1 }]);
    expect(await pgStore.getCluster('c-1')).toEqual(cluster);
    expect((await pgStore.listClusters({ minSources: 2 })).items.map((c) => c.id)).toEqual(['c-1']);
    // the clustering pass writes big corpora batch by batch: clear, then add (an id added twice keeps the last)
    await pgStore.clearClusters();
    expect((await pgStore.listClusters({})).total).toBe(0);
    await pgStore.addClusters([{ ...cluster, sources: 1 }, cluster]);
    await pgStore.addClusters([{ ...cluster, id: 'c-3', sources: 1 }]);
    expect((await pgStore.listClusters({})).items.map((c) => c.id)).toEqual(['c-1', 'c-3']);
    expect(await pgStore.getCluster('c-1')).toEqual(cluster);
    await pgStore.putSignatures([{ documentId: docs[1]!.id, simhash: '00ff00ff00ff00ff', duplicateOf: docs[0]!.id }]);
    expect(await pgStore.getSignatures([docs[1]!.id, 'nope'])).toEqual([{ documentId: docs[1]!.id, simhash: '00ff00ff00ff00ff', duplicateOf: docs[0]!.id }]);
    const ref = { dataset: 'acled' as const, id: 'SYR1', dateFrom: '2016-12-12', dateTo: '2016-12-12', timePrecision: 1, lat: 36.2, lon: 37.15,
      geoPrecision: 1, country: 'Syria', admin1: 'Aleppo', location: 'Aleppo', type: 'Battles', subType: 'Armed clash', actor1: 'A', actor2: 'B',
      fatalities: 3, notes: null };
    expect(await pgStore.putReferenceEvents([ref, ref])).toBe(1);
    expect(await pgStore.referenceEventsNear({ lat: 36.2, lon: 37.16, radiusKm: 10, from: '2016-12-10', to: '2016-12-14' })).toEqual([ref]);
    expect(await pgStore.referenceCounts()).toEqual([{ key: 'acled', label: 'acled', count: 1 }]);
  });

  it('lets concurrent writers race for the same document: exactly one adds it', async () => {
    const other = await openStore(urlFor(dbName));
    try {
      const d = { ...docs[0]!, id: 'race-1' } satisfies AnalysedDocument;
      const results = await Promise.all([pgStore.putDocument(d), other.putDocument(d), pgStore.putDocument(d), other.putDocument(d)]);
      expect(results.filter((r) => r === 'added')).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('opens read-only for analysts who only read', async () => {
    const ro = await openStore(urlFor(dbName), { readonly: true });
    try {
      expect((await ro.listDocuments({})).total).toBeGreaterThan(0);
      await expect(ro.putDocument({ ...docs[0]!, id: 'ro-1' })).rejects.toThrow();
    } finally {
      await ro.close();
    }
  });
});
