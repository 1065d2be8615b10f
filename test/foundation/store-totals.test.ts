// The write path keeps the running totals once per batch (totals-writer.ts): they must equal what
// aggregating the rows gives, with documents added singly and in batches, a document that fails
// inside a batch counting for nothing, and deletes still subtracting (migration 3's triggers).
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnalysedDocument, EventFinding } from '../../src/core/types.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { analysed, tempDir } from '../helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const aleppo = { id: 'geonames:170063', name: 'Aleppo', country: 'SY', kind: 'city' as const, lat: 36.2, lon: 37.16, region: 'Aleppo' };
const idlib = { id: 'geonames:169388', name: 'Idlib', country: 'SY', kind: 'city' as const, lat: 35.93, lon: 36.63, region: 'Idlib' };
const event = (start: number, date: string | null, agent: string | null, target: string | null, fatalities: number | null): EventFinding => ({
  start, end: start + 4, type: 'Battles', subType: 'Armed clash', cause: null, agent, target, place: aleppo.id, date, fatalities,
  civilianFatalities: null, childFatalities: null, ruleId: 'events-clash',
});

function doc(n: number, camp: AnalysedDocument['stance']['camp']): AnalysedDocument {
  return analysed(`Document ${n}: clashes in Aleppo and Idlib, report number ${n}.`, {
    places: [{ ...aleppo, mentions: [{ start: 0, end: 1, ruleId: 'places-gazetteer' }, { start: 2, end: 3, ruleId: 'places-gazetteer' }] },
      ...(n % 2 ? [{ ...idlib, mentions: [{ start: 4, end: 5, ruleId: 'places-gazetteer' }] }] : [])],
    actors: [{ id: 'sdf', name: 'SDF', affiliation: 'kurdish', mentions: [{ start: 0, end: 1, ruleId: 'actors-registry' }], labels: [] }],
    events: [event(0, '2016-12-12', 'sdf', 'isis', n), event(5, '2016-12', 'sdf', 'isis', null), event(10, null, null, 'civilians', 3), event(15, '2017-01-02', 'sdf', null, 1)],
    stance: { camp, confidence: 0.5, evidence: [] },
  });
}

type Rows = Record<string, unknown>[];

function totals(store: SqliteStore): Record<string, Rows> {
  const all = (sql: string): Rows => store.db.prepare(sql).all() as Rows;
  return {
    places: all('SELECT place_id, name, documents, mentions FROM place_totals ORDER BY place_id'),
    actors: all('SELECT actor_id, name, documents, mentions, labels FROM actor_totals ORDER BY actor_id'),
    edges: all('SELECT agent, target, count FROM edge_totals ORDER BY agent, target'),
    months: all('SELECT month, type, camp, count, fatalities FROM event_months ORDER BY month, type, camp'),
  };
}

function aggregated(store: SqliteStore): Record<string, Rows> {
  const all = (sql: string): Rows => store.db.prepare(sql).all() as Rows;
  return {
    places: all('SELECT place_id, min(name) AS name, count(*) AS documents, sum(mentions) AS mentions FROM places GROUP BY place_id ORDER BY place_id'),
    actors: all('SELECT actor_id, min(name) AS name, count(*) AS documents, sum(mentions) AS mentions, sum(labels) AS labels FROM actors GROUP BY actor_id ORDER BY actor_id'),
    edges: all('SELECT agent, target, count(*) AS count FROM events WHERE agent IS NOT NULL AND target IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2'),
    months: all(`SELECT substr(e.date, 1, 7) AS month, e.type, coalesce(d.camp, 'unclear') AS camp, count(*) AS count, coalesce(sum(e.fatalities), 0) AS fatalities
      FROM events e JOIN documents d ON d.rowid = e.doc WHERE e.date IS NOT NULL AND length(e.date) >= 7 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`),
  };
}

describe('running totals kept per batch', () => {
  it('equal the aggregated rows after single puts, batches, a failed document and a delete', async () => {
    const store = new SqliteStore(join(tmp.dir, 'totals.db'));
    expect(await store.putDocument(doc(1, 'neutral'))).toBe('added');
    const broken = { ...doc(99, 'mixed'), places: null } as unknown as AnalysedDocument;
    const results = store.putDocumentsSync([doc(2, 'pro_opposition'), broken, doc(3, 'pro_syrian_government'), doc(1, 'neutral'), doc(4, 'pro_opposition')]);
    expect(results.map((r) => (r instanceof Error ? 'error' : r))).toEqual(['added', 'error', 'added', 'exists', 'added']);
    expect(store.hasDocumentSync(broken.id)).toBe(false);
    expect(totals(store)).toEqual(aggregated(store));
    expect(totals(store).places).toEqual([
      { place_id: idlib.id, name: 'Idlib', documents: 2, mentions: 2 },
      { place_id: aleppo.id, name: 'Aleppo', documents: 4, mentions: 8 },
    ].sort((a, b) => a.place_id.localeCompare(b.place_id)));
    store.db.prepare('DELETE FROM documents WHERE id = ?').run(doc(3, 'pro_syrian_government').id);
    expect(totals(store)).toEqual(aggregated(store));
    await store.close();
  });
});
