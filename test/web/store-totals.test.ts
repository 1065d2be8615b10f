// The running totals behind the workbench's corpus-wide lists (migration 3) must equal the
// aggregates they replace, after inserts and after a document is deleted.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { hostileDocument, markedDocument } from './fixtures.js';

const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'faultline-totals-')), 't.db'));
afterAll(() => store.close());

function variant(i: number, camp: string) {
  const d = markedDocument();
  d.id = `variant-${i}`;
  d.stance = { ...d.stance, camp };
  d.events = d.events.map((e) => ({ ...e, date: `201${i}-0${1 + (i % 9)}-02`, agent: i % 2 ? 'syrian-government' : 'turkish-armed-forces' }));
  return d;
}

function expectTotalsMatch(): void {
  const q = <T>(sql: string): T[] => store.db.prepare(sql).all() as T[];
  expect(q('SELECT place_id, documents, mentions FROM place_totals ORDER BY 1'))
    .toEqual(q('SELECT place_id, count(*) AS documents, sum(mentions) AS mentions FROM places GROUP BY 1 ORDER BY 1'));
  expect(q('SELECT actor_id, documents, mentions, labels FROM actor_totals ORDER BY 1'))
    .toEqual(q('SELECT actor_id, count(*) AS documents, sum(mentions) AS mentions, sum(labels) AS labels FROM actors GROUP BY 1 ORDER BY 1'));
  expect(q('SELECT agent, target, count FROM edge_totals ORDER BY 1, 2'))
    .toEqual(q('SELECT agent, target, count(*) AS count FROM events WHERE agent IS NOT NULL AND target IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2'));
  expect(q('SELECT month, type, camp, count, fatalities FROM event_months ORDER BY 1, 2, 3'))
    .toEqual(q(`SELECT substr(e.date, 1, 7) AS month, e.type, coalesce(d.camp, 'unclear') AS camp, count(*) AS count, coalesce(sum(e.fatalities), 0) AS fatalities
      FROM events e JOIN documents d ON d.rowid = e.doc WHERE e.date IS NOT NULL AND length(e.date) >= 7 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`));
}

describe('running totals', () => {
  it('follow inserts and deletes', async () => {
    for (let i = 0; i < 6; i++) await store.putDocument(variant(i, i % 2 ? 'pro_opposition' : 'pro_syrian_government'));
    await store.putDocument(hostileDocument());
    expectTotalsMatch();
    const places = await store.places({ limit: 10 });
    expect(places.items[0]).toMatchObject({ id: 'geonames:170654', documents: 6, mentions: 6 });
    const net = await store.network({ limit: 10 });
    expect(net.items.map((e) => [e.agent, e.count])).toEqual([['syrian-government', 3], ['turkish-armed-forces', 3]]);
    const hist = await store.eventHistogram({ camp: 'pro_opposition', limit: 50 });
    expect(hist.total).toBe(3);
    const filtered = await store.eventHistogram({ from: '2013-01-01', limit: 50 });
    expect(filtered.items.every((r) => r.month >= '2013-01')).toBe(true);
    store.db.prepare('DELETE FROM documents WHERE id = ?').run('variant-1');
    expectTotalsMatch();
  });

  it('filters documents by place, actor and technique through the totals-era queries', async () => {
    expect((await store.listDocuments({ place: 'Douma', limit: 50 })).total).toBe(5);
    expect((await store.listDocuments({ place: 'geonames:170654', camp: 'pro_opposition', limit: 50 })).total).toBe(2);
    expect((await store.listDocuments({ actor: 'syrian-government', limit: 2 })).items.length).toBe(2);
    const tech = await store.listDocuments({ technique: 'Loaded_Language', limit: 50 });
    expect(tech.total).toBe(tech.items.length);
    expect(tech.total).toBe(6);
    const hits = await store.search({ q: 'Douma', camp: 'pro_syrian_government', limit: 50 });
    expect(hits.items.map((h) => h.id).sort()).toEqual(['variant-0', 'variant-2', 'variant-4']);
    expect(hits.items[0]!.snippet).toContain('[Douma]');
  });
});
