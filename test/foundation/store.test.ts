import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { StoreError } from '../../src/store/types.js';
import { analysed, tempDir } from '../helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const text = 'Shelling hit eastern Aleppo on Monday. At least 12 civilians were killed, activists said.';
const doc = analysed(text, {
  title: 'Shelling in Aleppo',
  outlet: 'Wire A',
  published: '2016-12-12',
  places: [{ id: 'geonames:170063', name: 'Aleppo', country: 'SY', kind: 'city', lat: 36.2, lon: 37.16, region: 'Aleppo', mentions: [{ start: 21, end: 27, ruleId: 'place-gazetteer' }] }],
  claims: [{ start: 39, end: 89, value: 12, approx: true, counted: 'civilians', attributedTo: 'activists', hedged: true, ruleId: 'claim-number' }],
  events: [{ start: 0, end: 38, type: 'Explosions/Remote violence', subType: 'Shelling/artillery/missile attack', cause: 'shelling', agent: null, target: null, place: 'geonames:170063', date: '2016-12-12', fatalities: 12, civilianFatalities: 12, childFatalities: null, ruleId: 'event-trigger' }],
  stance: { camp: 'neutral', confidence: 0.8, evidence: [] },
});

describe('SqliteStore', () => {
  const store = new SqliteStore(join(tmp.dir, 'a.db'));

  it('stores a document once and reads it back whole', async () => {
    expect(await store.putDocument(doc)).toBe('added');
    expect(await store.putDocument(doc)).toBe('exists');
    const back = await store.getDocument(doc.id);
    expect(back).toEqual({ ...doc, events: doc.events.map((e) => ({ ...e, clusterId: null })) });
    expect(await store.hasDocument('nope')).toBe(false);
  });

  it('answers the query layer: list, search, places, events, claims, stats', async () => {
    expect((await store.listDocuments({})).total).toBe(1);
    expect((await store.listDocuments({ camp: 'pro_opposition' })).total).toBe(0);
    expect((await store.listDocuments({ place: 'Aleppo' })).total).toBe(1);
    const hits = await store.search({ q: 'civilians' });
    expect(hits.items[0]?.id).toBe(doc.id);
    expect(hits.items[0]?.snippet).toContain('[civilians]');
    expect((await store.places({})).items[0]).toMatchObject({ id: 'geonames:170063', mentions: 1, documents: 1 });
    const events = await store.events({ place: 'geonames:170063', from: '2016-12-01', to: '2016-12-31' });
    expect(events.items[0]).toMatchObject({ type: 'Explosions/Remote violence', placeName: 'Aleppo', evidence: text.slice(0, 38) });
    expect((await store.claims({ counted: 'civilians' })).items[0]).toMatchObject({ value: 12, hedged: true, approx: true });
    const stats = await store.stats();
    expect(stats).toMatchObject({ documents: 1, segments: 1 });
    expect(stats.byKind.events).toBe(1);
  });

  it('turns FTS syntax errors into a StoreError (an API 400, not a 500)', async () => {
    await expect(store.search({ q: '"unbalanced' })).rejects.toBeInstanceOf(StoreError);
    await expect(store.search({ q: 'AND OR' })).rejects.toBeInstanceOf(StoreError);
    await expect(store.search({ q: '*' })).rejects.toBeInstanceOf(StoreError);
    await expect(store.search({ q: 'a*' })).rejects.toThrow(/at least 3 letters/);
    expect((await store.search({ q: 'civ*' })).total).toBe(1);
  });

  it('caps every page', async () => {
    const page = await store.listDocuments({ limit: 100000 });
    expect(page.limit).toBe(500);
  });

  it('keeps cluster ids assigned after analysis', async () => {
    await store.setClusterIds([{ documentId: doc.id, index: 0, clusterId: 'c-1' }]);
    expect((await store.getDocument(doc.id))?.events[0]?.clusterId).toBe('c-1');
    expect((await store.events({ clusterId: 'c-1' })).total).toBe(1);
  });

  it('returns evidence by UTF-16 offsets even after emoji', async () => {
    const t = '🔥🔥 Breaking: an air strike hit Saraqib. 3 people died.';
    const start = t.indexOf('an air strike');
    const end = t.indexOf('Saraqib.') + 'Saraqib.'.length;
    const d = analysed(t, {
      events: [{ start, end, type: 'Explosions/Remote violence', subType: 'Air/drone strike', cause: 'air strike', agent: null, target: null, place: null, date: null, fatalities: 3, civilianFatalities: null, childFatalities: null }],
      claims: [{ start: t.indexOf('3 people'), end: t.length, value: 3, approx: false, counted: 'people', attributedTo: null, hedged: false }],
    });
    await store.putDocument(d);
    expect((await store.events({ type: 'Explosions/Remote violence', limit: 500 })).items.find((e) => e.documentId === d.id)?.evidence).toBe('an air strike hit Saraqib.');
    expect((await store.claims({ documentId: d.id })).items[0]?.evidence).toBe('3 people died.');
  });

  it('runs with integrity and WAL', () => {
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
