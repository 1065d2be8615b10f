// A batch is written without a savepoint per document, and written again document by document
// (each in its own savepoint) only when one of them fails (src/store/sqlite/write.ts). Both ways
// must store the very same rows and full-text index, and a failed document must leave nothing.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnalysedDocument } from '../../src/core/types.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { analysed, tempDir } from '../helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const place = { id: 'geonames:170063', name: 'Aleppo', country: 'SY', kind: 'city' as const, lat: 36.2, lon: 37.16, region: 'Aleppo' };

function doc(n: number): AnalysedDocument {
  const text = `Report ${n}: shelling in Aleppo killed ${n + 2} people, word${n} said.`;
  return analysed(text, {
    title: `Title ${n}`,
    places: [{ ...place, mentions: [{ start: text.indexOf('Aleppo'), end: text.indexOf('Aleppo') + 6, ruleId: 'places-gazetteer' }] }],
    actors: [{ id: 'saa', name: 'Syrian Arab Army', affiliation: 'government', mentions: [{ start: 0, end: 6, ruleId: 'actors-registry' }], labels: [] }],
    claims: [{ start: 33, end: 34, value: n + 2, approx: false, counted: 'killed', attributedTo: null, hedged: false, ruleId: 'claims-count' }],
    events: [{ start: 10, end: 18, type: 'Explosions/Remote violence', subType: 'Shelling/artillery/missile attack', cause: null, agent: 'saa', target: 'civilians',
      place: place.id, date: `2016-12-${String(10 + n).padStart(2, '0')}`, fatalities: n + 2, civilianFatalities: null, childFatalities: null, ruleId: 'events-shelling' }],
    techniques: [{ start: 0, end: 6, technique: 'Loaded_Language', confidence: 0.5, ruleId: 'techniques-test' }],
    stance: { camp: n % 2 ? 'pro_opposition' : 'neutral', confidence: 0.5, evidence: [] },
  });
}

type Row = Record<string, unknown>;

/** every stored row, keyed by document id rather than rowid */
function dump(store: SqliteStore): Record<string, Row[]> {
  const all = (sql: string): Row[] => store.db.prepare(sql).all() as Row[];
  const byDoc = (table: string): Row[] => all(`SELECT d.id AS document, t.* FROM ${table} t JOIN documents d ON d.rowid = t.doc ORDER BY d.id, 3, 4`)
    .map(({ doc: _doc, ...rest }) => rest);
  const terms = all(`SELECT term, doc, cnt FROM fts_terms ORDER BY term`);
  return {
    documents: all('SELECT id, source, title, languages, text, camp, findings FROM documents ORDER BY id'),
    segments: byDoc('segments'), places: byDoc('places'), actors: byDoc('actors'), claims: byDoc('claims'), events: byDoc('events'), techniques: byDoc('techniques'),
    places_totals: all('SELECT * FROM place_totals ORDER BY 1'), actor_totals: all('SELECT * FROM actor_totals ORDER BY 1'),
    edges: all('SELECT * FROM edge_totals ORDER BY 1, 2'), months: all('SELECT * FROM event_months ORDER BY 1, 2, 3'),
    terms,
    search: all(`SELECT d.id FROM documents_fts f JOIN documents d ON d.rowid = f.rowid WHERE documents_fts MATCH 'aleppo' ORDER BY d.id`),
  };
}

function open(name: string): SqliteStore {
  const store = new SqliteStore(join(tmp.dir, name));
  store.db.exec("CREATE VIRTUAL TABLE temp.fts_terms USING fts5vocab(main, documents_fts, 'row')");
  return store;
}

describe('batched writes', () => {
  it('store the same rows in one batch, with a failing document, and one at a time', async () => {
    const docs = [1, 2, 3, 4, 5].map(doc);
    const broken = { ...doc(9), places: null } as unknown as AnalysedDocument;

    const batch = open('batch.db');
    expect(batch.putDocumentsSync(docs)).toEqual(['added', 'added', 'added', 'added', 'added']);

    const failing = open('failing.db');
    const results = failing.putDocumentsSync([docs[0]!, docs[1]!, broken, docs[2]!, docs[3]!, docs[4]!]);
    expect(results.map((r) => (r instanceof Error ? 'error' : r))).toEqual(['added', 'added', 'error', 'added', 'added', 'added']);
    expect(failing.hasDocumentSync(broken.id)).toBe(false);

    const single = open('single.db');
    for (const d of docs) expect(await single.putDocument(d)).toBe('added');

    const expected = dump(single);
    expect(expected.search).toHaveLength(5);
    expect(dump(batch)).toEqual(expected);
    expect(dump(failing)).toEqual(expected);
    for (const s of [batch, failing, single]) {
      expect(() => s.db.exec("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")).not.toThrow();
      await s.close();
    }
  });

  it('keeps the batch whole inside a caller\'s transaction', async () => {
    const store = open('outer.db');
    const broken = { ...doc(8), events: null } as unknown as AnalysedDocument;
    const results = store.db.transaction(() => store.putDocumentsSync([doc(1), broken, doc(2)]))();
    expect(results.map((r) => (r instanceof Error ? 'error' : r))).toEqual(['added', 'error', 'added']);
    expect(store.putDocumentsSync([doc(1), doc(3)])).toEqual(['exists', 'added']);
    expect((store.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n).toBe(3);
    expect((store.db.prepare("SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH 'word8'").get() as { n: number }).n).toBe(0);
    await store.close();
  });
});
