// The workbench API through fastify.inject: every route answers on the examples corpus plus
// fixtures, lists are paginated, errors are 400/404, headers are strict, the token is enforced.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP } from '../../src/present/api/security.js';
import { createServer } from '../../src/present/api/server.js';
import type { SqliteStore } from '../../src/store/sqlite/store.js';
import { PAYLOAD, buildTestDb } from './fixtures.js';

let app: FastifyInstance;
let store: SqliteStore;

beforeAll(async () => {
  ({ store } = await buildTestDb());
  app = await createServer({ store });
});
afterAll(async () => {
  await app?.close();
  await store?.close();
});

const json = async (url: string, status = 200): Promise<Record<string, unknown>> => {
  const res = await app.inject({ method: 'GET', url });
  expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  return res.json() as Record<string, unknown>;
};

describe('API routes', () => {
  it('lists documents, paginated and filtered', async () => {
    const page = await json('/api/documents?limit=5');
    expect((page.items as unknown[]).length).toBe(5);
    expect(page.total).toBeGreaterThanOrEqual(20);
    expect(page.limit).toBe(5);
    await json('/api/documents?limit=501', 400);
    await json('/api/documents?offset=-1', 400);
    const fixture = await json('/api/documents?outlet=Fixture%20Wire');
    expect((fixture.items as { id: string }[]).map((d) => d.id)).toEqual(['fixture-marked-0001']);
  });

  it('returns one document with its findings, 404 for an unknown id', async () => {
    const doc = await json('/api/documents/fixture-marked-0001');
    expect(doc.text).toMatch(/^Shelling of Douma/);
    expect((doc.places as unknown[]).length).toBe(1);
    expect((doc.events as { clusterId: string }[])[0]!.clusterId).toBe('fixture-cluster-1');
    await json('/api/documents/no-such-document', 404);
  });

  it('searches with FTS5 and answers 400 on bad syntax or a missing query', async () => {
    const hits = await json('/api/search?q=Douma&limit=50');
    expect((hits.items as { id: string; snippet: string }[]).length).toBeGreaterThanOrEqual(2);
    for (const hit of hits.items as { id: string; snippet: string }[]) {
      const doc = await json(`/api/documents/${hit.id}`);
      const inner = hit.snippet.replace(/[[\]]/g, '').split('…').map((x) => x.trim()).filter(Boolean);
      for (const part of inner) expect(`${doc.title} ${doc.text}`, hit.id).toContain(part);
    }
    const filtered = await json('/api/search?q=Douma&outlet=Fixture%20Wire');
    expect((filtered.items as { id: string }[]).map((h) => h.id)).toEqual(['fixture-marked-0001']);
    expect(((await json('/api/search?q=%22unterminated', 400)).message as string)).toMatch(/invalid search query/);
    await json('/api/search', 400);
  });

  it('serves events, histogram, places, actors, claims and the network', async () => {
    const events = await json('/api/events?type=Explosions%2FRemote%20violence&limit=500');
    expect((events.items as { documentId: string }[]).some((e) => e.documentId === 'fixture-marked-0001')).toBe(true);
    const inBox = await json('/api/events?bbox=36,33,37,34&limit=500');
    expect((inBox.items as { lon: number }[]).every((e) => e.lon >= 36 && e.lon <= 37)).toBe(true);
    const hist = await json('/api/events/histogram?limit=500');
    expect((hist.items as { month: string }[]).some((r) => r.month === '2018-04')).toBe(true);
    const places = await json('/api/places?q=Douma');
    expect((places.items as { id: string }[]).length).toBeGreaterThanOrEqual(1);
    expect((await json('/api/actors?limit=3')).limit).toBe(3);
    const claims = await json('/api/claims?documentId=fixture-marked-0001');
    expect(claims.items).toMatchObject([{ value: 12, counted: 'civilians killed', published: '2018-04-08', evidence: 'killed 12 civilians' }]);
    await json('/api/claims?sort=bogus', 400);
    const net = await json('/api/network');
    expect((net.items as { agent: string; target: string }[]).some((e) => e.agent === 'syrian-government' && e.target === 'civilians')).toBe(true);
  });

  it('serves clusters and the dossier of a cluster, 404 when unknown', async () => {
    const list = await json('/api/clusters');
    expect(Array.isArray(list.items)).toBe(true);
    const dossier = await json('/api/clusters/fixture-cluster-1');
    expect(dossier.accounts).toMatchObject([{ camp: 'pro_opposition', documents: [{ documentId: 'fixture-marked-0001' }] }]);
    await json('/api/clusters/no-such-cluster', 404);
  });

  it('serves corpus statistics', async () => {
    const stats = await json('/api/stats');
    expect(stats.documents).toBeGreaterThanOrEqual(20);
    expect((stats.byOutlet as { key: string }[]).some((r) => r.key === 'Fixture Wire')).toBe(true);
  });

  it('describes every route in /api/openapi.json, each list bounded', async () => {
    const doc = await json('/api/openapi.json');
    const paths = doc.paths as Record<string, { get: { parameters: { name: string; schema: { maximum?: number } }[] } }>;
    for (const p of ['/api/documents', '/api/documents/{id}', '/api/events', '/api/places', '/api/actors', '/api/claims', '/api/clusters', '/api/search', '/api/network']) {
      expect(paths[p], p).toBeDefined();
    }
    for (const p of ['/api/documents', '/api/events', '/api/places', '/api/actors', '/api/claims', '/api/clusters', '/api/search', '/api/network']) {
      expect(paths[p]!.get.parameters.find((x) => x.name === 'limit')?.schema.maximum, p).toBe(500);
    }
  });
});

describe('security', () => {
  it('sends a strict CSP and companion headers on pages and API answers', async () => {
    for (const url of ['/', '/api/stats', '/api/nothing-here']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy']).toBe(CSP);
      expect(CSP).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('returns hostile text as JSON strings only', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/documents/fixture-hostile-0001' });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect((res.json() as { title: string }).title).toBe(`Hostile ${PAYLOAD}`);
  });

  it('never serves files outside web-dist', async () => {
    for (const url of ['/assets/../package.json', '/assets/%2e%2e/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/..%2fpackage.json', '/assets/%2e%2e%2f%2e%2e%2fsrc%2fcore%2ftypes.ts']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).not.toBe(200);
      expect(res.body).not.toContain('"dependencies"');
    }
  });

  it('refuses to bind beyond loopback without a token', async () => {
    await expect(createServer({ store, host: '0.0.0.0' })).rejects.toThrow(/--token/);
  });

  it('answers 401 without the token, and accepts header, query (setting a cookie) and cookie', async () => {
    const locked = await createServer({ store, host: '0.0.0.0', token: 's3cret-token' });
    try {
      expect((await locked.inject({ url: '/api/stats' })).statusCode).toBe(401);
      expect((await locked.inject({ url: '/' })).statusCode).toBe(401);
      expect((await locked.inject({ url: '/api/stats', headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(401);
      expect((await locked.inject({ url: '/api/stats', headers: { authorization: 'Bearer s3cret-token' } })).statusCode).toBe(200);
      const viaQuery = await locked.inject({ url: '/api/stats?token=s3cret-token' });
      expect(viaQuery.statusCode).toBe(200);
      const cookie = String(viaQuery.headers['set-cookie']);
      expect(cookie).toMatch(/faultline_token=s3cret-token;.*HttpOnly/);
      expect((await locked.inject({ url: '/api/documents', headers: { cookie: cookie.split(';')[0]! } })).statusCode).toBe(200);
    } finally {
      await locked.close();
    }
  });
});
