// Query latency over a stored corpus, through the product's own read path (openStore and the
// API's dossier assembly): document by id, full-text search, events by place and time window,
// and a cluster dossier. Reports p50/p95/max per kind. Random samples come from a seeded PRNG.
// Cluster ids are written by cross-document clustering; when the benchmark database has none,
// synthetic clusters of ten events each are assigned (through store.setClusterIds) so the
// dossier query is measured at a realistic size.
import Database from 'better-sqlite3';
import pg from 'pg';
import type { AnalysedDocument } from '../src/core/types.js';
import { openStore, type Store } from '../src/store/index.js';
import { clusterSource } from '../src/present/api/clusters.js';

export interface Latency { n: number; p50: number; p95: number; max: number }
export type QueryReport = Record<'document' | 'search' | 'eventsByPlaceTime' | 'dossier', Latency | null>;

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random document ids, read straight from the database (the Store has no random access). */
async function sampleIds(location: string, n: number, rnd: () => number): Promise<string[]> {
  if (/^postgres(ql)?:\/\//.test(location)) {
    const client = new pg.Client({ connectionString: location });
    await client.connect();
    try {
      const max = Number((await client.query<{ m: string | null }>('SELECT max(rid) AS m FROM documents')).rows[0]?.m ?? 0);
      const rids = Array.from({ length: n }, () => 1 + Math.floor(rnd() * max));
      const rows = await client.query<{ id: string }>('SELECT id FROM documents WHERE rid = ANY($1::bigint[])', [rids]);
      return rows.rows.map((r) => r.id);
    } finally {
      await client.end();
    }
  }
  const db = new Database(location, { readonly: true });
  try {
    const max = (db.prepare('SELECT max(rowid) AS m FROM documents').get() as { m: number | null }).m ?? 0;
    const byRow = db.prepare('SELECT id FROM documents WHERE rowid = ?');
    const ids: string[] = [];
    for (let i = 0; i < n * 2 && ids.length < n; i++) {
      const r = byRow.get(1 + Math.floor(rnd() * max)) as { id: string } | undefined;
      if (r) ids.push(r.id);
    }
    return ids;
  } finally {
    db.close();
  }
}

function latency(ms: number[]): Latency | null {
  if (!ms.length) return null;
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  const r = (x: number): number => Math.round(x * 100) / 100;
  return { n: s.length, p50: r(at(0.5)), p95: r(at(0.95)), max: r(s[s.length - 1]!) };
}

async function timed(ms: number[], f: () => Promise<unknown>): Promise<void> {
  const t0 = performance.now();
  await f();
  ms.push(performance.now() - t0);
}

const WORD = /\p{L}{5,}/gu;

/** Ensures some events carry cluster ids; returns up to `n` cluster ids to query. */
async function clusterIds(store: Store, sampled: { id: string; events: { clusterId?: string | null }[] }[], n: number): Promise<string[]> {
  const existing = [...new Set(sampled.flatMap((d) => d.events.map((e) => e.clusterId).filter((c): c is string => !!c)))];
  if (existing.length) return existing.slice(0, n);
  const assignments: { documentId: string; index: number; clusterId: string }[] = [];
  sampled.forEach((d, i) => d.events.forEach((_e, index) => assignments.push({ documentId: d.id, index, clusterId: `bench-${Math.floor(i / 10)}` })));
  await store.setClusterIds(assignments);
  return [...new Set(assignments.map((a) => a.clusterId))].slice(0, n);
}

export async function measureQueries(location: string, n = 100, seed = 7): Promise<QueryReport> {
  const rnd = rng(seed);
  const ids = await sampleIds(location, n, rnd);
  const store = await openStore(location);
  try {
    const doc: number[] = [];
    const docs: AnalysedDocument[] = [];
    for (const id of ids) {
      const t0 = performance.now();
      const d = await store.getDocument(id);
      doc.push(performance.now() - t0);
      if (d) docs.push(d);
    }
    const search: number[] = [];
    const byPlace: number[] = [];
    for (const d of docs) {
      const words = d.text.match(WORD) ?? [];
      const q = d.places.length && rnd() < 0.5 ? d.places[Math.floor(rnd() * d.places.length)]!.name : words[Math.floor(rnd() * words.length)];
      // a user's plain words: punctuation that FTS syntax would read as operators is dropped
      const words2 = q?.replace(/[^\p{L}\p{N}\s]/gu, ' ').trim();
      if (words2) await timed(search, () => store.search({ q: words2, limit: 20 }));
      const e = d.events.find((x) => x.place) ?? null;
      const place = e?.place ?? d.places[0]?.id;
      const year = (e?.date ?? d.published ?? '2016').slice(0, 4);
      if (place) await timed(byPlace, () => store.events({ place, from: `${year}-01-01`, to: `${year}-12-31`, limit: 50 }));
    }
    const dossier: number[] = [];
    const source = clusterSource(store);
    for (const c of await clusterIds(store, docs, n)) await timed(dossier, () => source.dossier(c));
    return { document: latency(doc), search: latency(search), eventsByPlaceTime: latency(byPlace), dossier: latency(dossier) };
  } finally {
    await store.close();
  }
}
