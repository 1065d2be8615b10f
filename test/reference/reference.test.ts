import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acledEvent } from '../../src/reference/acled.js';
import { corroborateStore, type Corroboration } from '../../src/reference/corroborate.js';
import { parseReferenceDate } from '../../src/reference/fields.js';
import { importReference } from '../../src/reference/import.js';
import { run } from '../../src/present/cli/main.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { ROOT, tempDir } from '../helpers.js';
import { aleppoLater, proopp, raqqa, wire } from '../cluster/fixtures.js';

const FIX = join(ROOT, 'test', 'fixtures', 'reference');
const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('reference rows', () => {
  it('reads the date forms ACLED and UCDP exports use', () => {
    expect(parseReferenceDate('2016-12-12')).toBe('2016-12-12');
    expect(parseReferenceDate('2016-12-12 00:00:00.000')).toBe('2016-12-12');
    expect(parseReferenceDate('03 January 2017')).toBe('2017-01-03');
    expect(parseReferenceDate('3-Jan-17')).toBe('2017-01-03');
    expect(parseReferenceDate('13/12/2016')).toBe('2016-12-13');
    expect(parseReferenceDate('31 February 2016')).toBeNull();
    expect(parseReferenceDate('soon')).toBeNull();
  });

  it('says why a row cannot be used', () => {
    expect(acledEvent({ event_id_cnty: 'X1', event_date: '2016-12-12', latitude: '', longitude: '' })).toBe('event X1: no usable latitude/longitude');
    expect(acledEvent({ event_date: '2016-12-12' })).toBe('no event_id_cnty or data_id');
  });
});

describe('reference import', () => {
  const store = new SqliteStore(join(tmp.dir, 'ref.db'));
  afterAll(() => store.close());

  it('streams an ACLED export, rejecting unusable rows with a reason, adding nothing twice', async () => {
    const s = await importReference(join(FIX, 'acled-syria.csv'), 'acled', store);
    expect(s).toMatchObject({ rows: 5, added: 3, known: 0, rejected: 2 });
    expect(s.reasons).toEqual(['row 4: event SYR1004: unreadable event_date "not a date"', 'row 5: event SYR1005: no usable latitude/longitude']);
    expect((await importReference(join(FIX, 'acled-syria.csv'), 'acled', store)).known).toBe(3);
  });

  it('accepts upper-case headers, semicolons and written-out dates', async () => {
    const s = await importReference(join(FIX, 'acled-variant.csv'), 'acled', store);
    expect(s).toMatchObject({ rows: 1, added: 1, rejected: 0 });
    const [e] = await store.referenceEventsNear({ lat: 36.2, lon: 37.13, radiusKm: 5, from: '2017-01-03', to: '2017-01-03' });
    expect(e).toMatchObject({ dataset: 'acled', id: 'SYR2001', dateFrom: '2017-01-03', fatalities: 4, notes: 'Car bomb in western Aleppo, 4 killed.' });
  });

  it('streams a UCDP GED file, mapping violence types and date ranges', async () => {
    const s = await importReference(join(FIX, 'ucdp-ged.csv'), 'ucdp', store);
    expect(s).toMatchObject({ rows: 2, added: 2, rejected: 0 });
    const [e] = await store.referenceEventsNear({ lat: 35.33, lon: 40.14, radiusKm: 10, from: '2016-12-05', to: '2016-12-05' });
    expect(e).toMatchObject({ dataset: 'ucdp', id: '250002', dateFrom: '2016-12-01', dateTo: '2016-12-07', type: 'Violence against civilians', fatalities: 20, timePrecision: 2 });
    expect(await store.referenceCounts()).toEqual([{ key: 'acled', label: 'acled', count: 4 }, { key: 'ucdp', label: 'ucdp', count: 2 }]);
  });

  it('refuses a file of the other format, naming the missing columns', async () => {
    await expect(importReference(join(FIX, 'ucdp-ged.csv'), 'acled', store)).rejects.toThrow(/no event_date column/);
  });

  it('finds events by cell and day only within the radius and dates asked', async () => {
    expect(await store.referenceEventsNear({ lat: 36.2, lon: 37.16, radiusKm: 10, from: '2016-12-12', to: '2016-12-12' })).toHaveLength(2);
    expect(await store.referenceEventsNear({ lat: 36.2, lon: 37.16, radiusKm: 10, from: '2016-12-14', to: '2016-12-15' })).toHaveLength(0);
    expect(await store.referenceEventsNear({ lat: 35.2, lon: 37.16, radiusKm: 10, from: '2016-12-12', to: '2016-12-12' })).toHaveLength(0);
  });
});

describe('corroborate', () => {
  const db = join(tmp.dir, 'corr.db');
  let verdicts: Corroboration[] = [];
  const docs = { wire: wire(), proopp: proopp(), raqqa: raqqa(), later: aleppoLater() };
  beforeAll(async () => {
    const store = new SqliteStore(db);
    for (const d of Object.values(docs)) await store.putDocument(d);
    await store.close();
  });

  it('gives every mention unmatched before any reference is loaded', async () => {
    const store = new SqliteStore(db);
    for await (const v of corroborateStore(store)) expect(v.verdict).toBe('unmatched');
    await store.close();
  });

  it('corroborates, contradicts or leaves unmatched each mention, with the evidence', async () => {
    expect(await run(['reference', 'import', join(FIX, 'acled-syria.csv'), '--format', 'acled', '--db', db, '--quiet'])).toBe(0);
    expect(await run(['reference', 'import', join(FIX, 'ucdp-ged.csv'), '--format', 'ucdp', '--db', db, '--quiet'])).toBe(0);
    const out = join(tmp.dir, 'verdicts.jsonl');
    expect(await run(['corroborate', '--db', db, '--out', out])).toBe(0);
    verdicts = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Corroboration);
    expect(verdicts).toHaveLength(4);
    const of = (id: string): Corroboration => verdicts.find((v) => v.documentId === id)!;
    expect(of(docs.wire.id)).toMatchObject({ dateFrom: '2016-12-12', dateTo: '2016-12-12', verdict: 'corroborated', referenceIds: ['acled:SYR1001', 'acled:SYR1002'], dateDifferenceDays: 0, fatalityDifference: 2 });
    expect(of(docs.wire.id).distanceKm).toBeGreaterThan(2);
    expect(of(docs.wire.id).distanceKm).toBeLessThan(5);
    expect(of(docs.proopp.id)).toMatchObject({ verdict: 'contradicted', fatalityDifference: 32 });
    expect(of(docs.proopp.id).reason).toMatch(/2 matching acled events count 13 dead against 45 reported/);
    expect(of(docs.raqqa.id)).toMatchObject({ verdict: 'corroborated', referenceIds: ['ucdp:250001'], fatalityDifference: 1 });
    expect(of(docs.later.id)).toMatchObject({ verdict: 'unmatched', referenceIds: [], distanceKm: null });
    expect(of(docs.later.id).reason).toMatch(/no compatible reference event within 25 km of Aleppo/);
    for (const v of verdicts) expect(Object.keys(v)).toEqual(expect.arrayContaining(['documentId', 'start', 'end', 'verdict', 'referenceIds', 'distanceKm', 'dateDifferenceDays', 'fatalityDifference', 'reason']));
  });

  it('exits 2 on a bad format or a missing file', async () => {
    expect(await run(['reference', 'import', join(FIX, 'acled-syria.csv'), '--format', 'gdelt', '--db', db])).toBe(2);
    expect(await run(['reference', 'import', join(FIX, 'nope.csv'), '--format', 'acled', '--db', db])).toBe(2);
  });
});

describe('reference import CLI', () => {
  it('exits 2 when the file is of the other format', async () => {
    expect(await run(['reference', 'import', join(FIX, 'ucdp-ged.csv'), '--format', 'acled', '--db', join(tmp.dir, 'wrong.db')])).toBe(2);
  });
});
