import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDossier } from '../../src/cluster/dossier.js';
import { renderDossier } from '../../src/cluster/render.js';
import { ClusterMemoryError, clusterStore } from '../../src/cluster/run.js';
import { run } from '../../src/present/cli/main.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { tempDir } from '../helpers.js';
import { aleppoLater, progov, proopp, raqqa, reprint, wire } from './fixtures.js';

const tmp = tempDir();
const file = join(tmp.dir, 'd.db');
const docs = { wire: wire(), reprint: reprint(), progov: progov(), proopp: proopp(), raqqa: raqqa(), later: aleppoLater() };
let store: SqliteStore;
let clusterId: string;

beforeAll(async () => {
  store = new SqliteStore(file);
  for (const d of Object.values(docs)) await store.putDocument(d);
  const summary = await clusterStore(store);
  expect(summary).toMatchObject({ documents: 6, mentions: 6, clusters: 3, multiSource: 1, duplicates: 1 });
  clusterId = (await store.getDocument(docs.wire.id))!.events[0]!.clusterId!;
});
afterAll(async () => {
  await store.close();
  tmp.cleanup();
});

describe('clusters in the store', () => {
  it('builds a dossier of a much-told event from a few of its documents, the earliest report first, and says so', async () => {
    const whole = (await buildDossier(store, clusterId))!;
    expect(whole.partial).toBeUndefined();
    expect(whole.sources).toHaveLength(4);
    const some = (await buildDossier(store, clusterId, 2))!;
    expect(some.partial).toEqual({ documents: 2, of: 4 });
    expect(some.sources.map((x) => x.documentId)).toContain(whole.cluster.earliestDocument);
    expect(new Set(some.sources.map((x) => x.outlet)).size).toBe(2);
  });

  it('gives every event mention a cluster id and writes one row per event', async () => {
    for (const d of Object.values(docs)) expect((await store.getDocument(d.id))!.events[0]!.clusterId).toMatch(/^ev-/);
    const c = (await store.getCluster(clusterId))!;
    expect(c).toMatchObject({ mentions: 4, documents: 4, sources: 3, dateFrom: '2016-12-12', dateTo: '2016-12-12', region: 'Aleppo' });
    expect(c.camps).toEqual(['neutral', 'pro_opposition', 'pro_syrian_government']);
    expect(c.earliestPublished).toBe('2016-12-12');
    expect((await store.listClusters({ minSources: 2 })).items.map((x) => x.id)).toEqual([clusterId]);
    expect(await store.getSignatures([docs.reprint.id])).toEqual([expect.objectContaining({ duplicateOf: docs.wire.id })]);
  });

  it('stops with a message naming the way out, not a crash, when mentions would outgrow the heap', async () => {
    const err = await clusterStore(store, { heapLimitBytes: 1024 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClusterMemoryError);
    expect((err as Error).message).toMatch(/documents are stored.*max-old-space-size/);
    // the earlier ids are untouched
    expect((await store.getDocument(docs.proopp.id))!.events[0]!.clusterId).toBe(clusterId);
  });

  it('keeps ids when the pass runs again', async () => {
    await clusterStore(store);
    expect((await store.getDocument(docs.proopp.id))!.events[0]!.clusterId).toBe(clusterId);
  });
});

describe('dossier', () => {
  it('links the accounts of every camp, reprint under its original', async () => {
    const d = (await buildDossier(store, clusterId))!;
    expect(d.sources.map((s) => `${s.outlet} ${s.camp}${s.duplicateOf ? ' reprint' : ''}`).sort()).toEqual([
      'Aggregator neutral reprint', 'Opposition Voice pro_opposition', 'SANA pro_syrian_government', 'Wire A neutral']);
    expect(d.sources.find((s) => s.documentId === docs.wire.id)!.reprints).toEqual([docs.reprint.id]);
    expect(d.earliest?.outlet).toMatch(/^(Wire A|SANA)$/);
  });

  it('collects the labels each camp uses, as golden lines', async () => {
    const d = (await buildDossier(store, clusterId))!;
    expect(d.labels.map((l) => `${l.camp} ${l.start}-${l.end} "${l.evidence}"`)).toEqual([
      'pro_opposition 4-18 "fall of Aleppo"',
      'pro_opposition 94-100 "Regime"',
      'pro_opposition 202-210 "massacre"',
      'pro_syrian_government 37-65 "liberation of eastern Aleppo"',
      'pro_syrian_government 100-110 "Terrorists"',
    ]);
  });

  it('gives the numbers with attribution, the blame, and the computed disagreements', async () => {
    const d = (await buildDossier(store, clusterId))!;
    expect(d.numbers.map((n) => `${n.outlet}: ${n.value} ${n.counted} by ${n.attributedTo}`).sort()).toEqual([
      'Opposition Voice: 45 civilians by rescuers', 'SANA: 3 civilians by the ministry', 'Wire A: 12 civilians by a monitoring group']);
    expect(d.blame.map((b) => `${b.outlet}: ${b.agent}`).sort()).toEqual(['Opposition Voice: syrian-army', 'SANA: armed-opposition', 'Wire A: syrian-army']);
    const kinds = d.disagreements.map((x) => x.kind);
    expect(kinds).toContain('numbers');
    expect(kinds).toContain('blame');
    expect(d.disagreements.find((x) => x.kind === 'blame')!.summary).toMatch(/^opposite blame/);
    expect(d.disagreements.filter((x) => x.kind === 'numbers').map((x) => x.summary)).toEqual([
      'civilian deaths: 3 to 45 across 3 sources', 'deaths: 3 to 45 across 3 sources']);
  });

  it('compares the same counted thing across sources, reprint counted once', async () => {
    const d = (await buildDossier(store, clusterId))!;
    const deaths = d.claims.find((c) => c.counted === 'deaths')!;
    expect(deaths.values.map((v) => `${v.outlet} ${v.value}`)).toEqual(['Opposition Voice 45', 'Wire A 12', 'SANA 3']);
    expect(deaths).toMatchObject({ min: 3, max: 45, agree: false, date: '2016-12-12', place: expect.any(String) });
    expect(renderDossier(d)).toContain('DIFFER');
  });

  it('is null for an unknown cluster', async () => {
    expect(await buildDossier(store, 'ev-nope')).toBeNull();
  });
});

describe('CLI', () => {
  it('exports dossiers as JSON lines and prints one in the terminal', async () => {
    const out = join(tmp.dir, 'dossiers.jsonl');
    expect(await run(['export', '--db', file, '--format', 'dossiers', '--out', out])).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).cluster.id).toBe(clusterId);
    expect(await run(['dossier', 'ev-nope', '--db', file])).toBe(1);
    expect(await run(['cluster', '--db', file, '--json'])).toBe(0);
  });
});
