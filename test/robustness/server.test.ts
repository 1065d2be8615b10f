// The workbench server against hostile requests: no file outside the built assets is served
// (path traversal), every route answers 401 without the token when one is configured, FTS
// syntax errors and hostile filter values are 400s (never 500s) that change nothing, page sizes
// and request sizes are capped, and a client over the rate limit is told so (429).
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pipeline } from '../../src/analyse/pipeline.js';
import { createServer, ServerConfigError } from '../../src/present/api/server.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { MAX_PAGE } from '../../src/store/types.js';
import { ingested, tempDir } from '../helpers.js';

const tmp = tempDir('faultline-server-');
const webRoot = join(tmp.dir, 'web-dist');
const TOKEN = 'correct-horse-battery-staple';
const SECRET = 'TOP-SECRET-OUTSIDE-ASSETS';
let store: SqliteStore;
let open: FastifyInstance;
let locked: FastifyInstance;

const TEXTS = [
  'At least 12 civilians were killed in Aleppo when shelling hit a market on Monday, the Syrian Observatory said.',
  'Russian warplanes struck Idlib on Tuesday, killing 7 people, activists said.',
  'Government forces advanced in eastern Ghouta, state media said. Rebels said they repelled the attack.',
];

beforeAll(async () => {
  mkdirSync(join(webRoot, 'assets'), { recursive: true });
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Faultline</title><div id="app"></div>');
  writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log("app");');
  writeFileSync(join(webRoot, 'assets', '.env'), SECRET);
  writeFileSync(join(webRoot, 'secret.txt'), SECRET);
  writeFileSync(join(tmp.dir, 'secret.txt'), SECRET);
  store = new SqliteStore(join(tmp.dir, 'server.db'));
  const pipeline = new Pipeline();
  for (const t of TEXTS) store.putDocumentSync(pipeline.analyse(ingested(t)).doc);
  open = await createServer({ store, webRoot, rateLimit: false });
  locked = await createServer({ store, webRoot, token: TOKEN, host: '0.0.0.0', rateLimit: false });
});
afterAll(async () => {
  await open.close();
  await locked.close();
  await store.close();
  tmp.cleanup();
});

const documentCount = (): number => (store.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;

describe('server: files', () => {
  const TRAVERSALS = ['/assets/../secret.txt', '/assets/..%2fsecret.txt', '/assets/%2e%2e/secret.txt', '/assets/%2e%2e%2fsecret.txt',
    '/assets/..%252fsecret.txt', '/assets/....//secret.txt', '/assets/..\\secret.txt', '/assets/..%5csecret.txt', '/assets/.env',
    '/assets/%2e%2e/%2e%2e/secret.txt', '/assets/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd', '/..%2f..%2fsecret.txt', '/secret.txt',
    '/assets//etc/passwd', '/assets/%00', '/assets/app.js%00.html', '/assets/%c0%ae%c0%ae/secret.txt', '/documents/..%2f..%2fsecret.txt',
    '/assets/..;/secret.txt', '/%2e%2e/%2e%2e/etc/passwd', '/assets/app.js/../../secret.txt', '/index.html/../secret.txt', '/package.json', '/../package.json'];

  it('serves the built assets and the app pages', async () => {
    expect((await open.inject({ url: '/assets/app.js' })).statusCode).toBe(200);
    expect((await open.inject({ url: '/' })).body).toContain('id="app"');
  });

  it('never serves a file outside the assets over a real socket either (paths sent unnormalised)', async () => {
    const app = await createServer({ store, webRoot, rateLimit: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const port = (app.server.address() as AddressInfo).port;
      for (const path of TRAVERSALS) {
        const raw = await new Promise<string>((done, fail) => {
          const socket = connect(port, '127.0.0.1', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
          let data = '';
          socket.setEncoding('utf8').on('data', (d: string) => { data += d; }).on('end', () => done(data)).on('error', fail);
        });
        expect(raw, path).toMatch(/^HTTP\/1\.1 [1-4]\d\d /);
        expect(raw, path).not.toContain(SECRET);
      }
    } finally {
      await app.close();
    }
  });

  it.each(TRAVERSALS)('never serves a file outside the assets: %s', async (url) => {
    const r = await open.inject({ url });
    expect(r.statusCode).toBeLessThan(500);
    expect(r.body).not.toContain(SECRET);
    expect(r.body).not.toMatch(/root:x:0:0|"name": "faultline"/);
  });
});

describe('server: token', () => {
  it('refuses to bind beyond loopback without a token', async () => {
    await expect(createServer({ store, host: '0.0.0.0', webRoot })).rejects.toBeInstanceOf(ServerConfigError);
  });

  it('answers 401 on every route and method without the token, with the security headers', async () => {
    const spec = JSON.parse((await locked.inject({ url: '/api/openapi.json', headers: { authorization: `Bearer ${TOKEN}` } })).body) as { paths: Record<string, unknown> };
    const api = Object.keys(spec.paths).map((p) => p.replace(/\{[^}]+\}/g, 'x'));
    expect(api.length).toBeGreaterThan(5);
    const urls = [...api, '/api/search?q=aleppo', '/', '/map', '/documents/x', '/assets/app.js', '/assets/nope.js', '/no/such/route', '/api/openapi.json'];
    for (const url of urls) {
      for (const method of ['GET', 'HEAD', 'POST', 'DELETE', 'OPTIONS'] as const) {
        const r = await locked.inject({ method, url });
        expect(r.statusCode, `${method} ${url}`).toBe(401);
        expect(r.headers['content-security-policy'], `${method} ${url}`).toBeDefined();
        expect(r.body).not.toContain('Aleppo');
      }
      for (const headers of [{ authorization: 'Bearer wrong' }, { authorization: `Bearer ${TOKEN}x` }, { authorization: TOKEN }, { cookie: 'faultline_token=nope' }]) {
        expect((await locked.inject({ url, headers })).statusCode, `${url} ${JSON.stringify(headers)}`).toBe(401);
      }
    }
    expect((await locked.inject({ url: '/api/stats?token=wrong' })).statusCode).toBe(401);
  });

  it('lets the token in by header, cookie or ?token= (which sets an HttpOnly cookie)', async () => {
    expect((await locked.inject({ url: '/api/stats', headers: { authorization: `Bearer ${TOKEN}` } })).statusCode).toBe(200);
    expect((await locked.inject({ url: '/api/stats', headers: { cookie: `faultline_token=${TOKEN}` } })).statusCode).toBe(200);
    const r = await locked.inject({ url: `/api/stats?token=${TOKEN}` });
    expect(r.statusCode).toBe(200);
    expect(String(r.headers['set-cookie'])).toMatch(/HttpOnly/);
  });
});

describe('server: queries', () => {
  const BAD_FTS = ['"unbalanced', 'AND', 'aleppo AND', 'NOT', 'OR OR', '(((', ')', 'NEAR(', 'NEAR(a b, -1)', 'a:b', 'nocolumn:aleppo', '^', '"', '""', '-',
    "'; DROP TABLE documents; --", '" OR 1=1 --', '\u0000', '{a b}', 'a + + b'];

  const searchIsNever500 = async (q: string): Promise<void> => {
    const r = await open.inject({ url: `/api/search?q=${encodeURIComponent(q)}` });
    expect([200, 400], r.body).toContain(r.statusCode);
    if (r.statusCode === 400) expect((JSON.parse(r.body) as { message: string }).message).toBeTruthy();
    expect(documentCount()).toBe(TEXTS.length);
  };
  it.each(BAD_FTS)('turns search syntax errors into 400s, never 500s: %s', searchIsNever500);
  // known: SQLite says "unknown special query" for q=*, which search() in src/store/sqlite/read.ts does not turn into a StoreError, so 500
  it.each(['*', '* aleppo'])('turns search syntax errors into 400s, never 500s: %s', searchIsNever500);

  it('finds with a valid query', async () => {
    const r = await open.inject({ url: '/api/search?q=Aleppo' });
    expect(r.statusCode).toBe(200);
    expect((JSON.parse(r.body) as { total: number }).total).toBe(1);
  });

  it('binds every filter value: hostile strings in any parameter give 200 or 400 and change nothing', async () => {
    const routes = ['/api/documents', '/api/search?q=aleppo', '/api/events', '/api/events/histogram', '/api/places', '/api/actors', '/api/claims'];
    const params = ['outlet', 'camp', 'place', 'actor', 'technique', 'type', 'counted', 'documentId', 'clusterId', 'q', 'from', 'to', 'sort', 'order', 'affiliation'];
    const hostile = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("' OR '1'='1", "x'); DROP TABLE documents; --", '%', '_', '\\', '"', '1 UNION SELECT * FROM documents', '\u0000'));
    await fc.assert(fc.asyncProperty(fc.constantFrom(...routes), fc.constantFrom(...params), hostile, async (route, param, value) => {
      const url = `${route}${route.includes('?') ? '&' : '?'}${param}=${encodeURIComponent(value)}`;
      const r = await open.inject({ url });
      expect([200, 400], `${url}: ${r.body.slice(0, 200)}`).toContain(r.statusCode);
      const filtersOutlet = route.startsWith('/api/documents') || route.startsWith('/api/search');
      if (r.statusCode === 200 && filtersOutlet && param === 'outlet' && value.includes("'")) expect((JSON.parse(r.body) as { total: number }).total).toBe(0);
    }), { numRuns: 150, seed: 11 });
    expect(documentCount()).toBe(TEXTS.length);
  });

  it('caps page sizes and rejects nonsense paging', async () => {
    for (const url of [`/api/documents?limit=${MAX_PAGE + 1}`, '/api/documents?limit=1000000', '/api/documents?limit=-1', '/api/documents?limit=abc',
      '/api/documents?offset=-5', '/api/events?limit=99999', '/api/search?q=aleppo&limit=100000']) {
      const r = await open.inject({ url });
      if (r.statusCode === 200) expect((JSON.parse(r.body) as { items: unknown[]; limit: number }).limit, url).toBeLessThanOrEqual(MAX_PAGE);
      else expect(r.statusCode, url).toBe(400);
    }
    const ok = JSON.parse((await open.inject({ url: `/api/documents?limit=${MAX_PAGE}` })).body) as { limit: number };
    expect(ok.limit).toBeLessThanOrEqual(MAX_PAGE);
  });

  it('drops unknown parameters, rejects over-long values and large bodies, without a 500', async () => {
    // Fastify's validator removes properties the schema does not list before the handler runs
    const unknown = await open.inject({ url: '/api/documents?evil=1' });
    expect([200, 400]).toContain(unknown.statusCode);
    expect((await open.inject({ url: `/api/documents?outlet=${'a'.repeat(5000)}` })).statusCode).toBe(400);
    expect((await open.inject({ url: `/api/documents/${'a'.repeat(5000)}` })).statusCode).toBeLessThan(500);
    const big = await open.inject({ method: 'POST', url: '/api/documents', payload: JSON.stringify({ x: 'y'.repeat(1024 * 1024) }), headers: { 'content-type': 'application/json' } });
    expect([404, 405, 413]).toContain(big.statusCode);
    expect((await open.inject({ url: '/api/stats' })).statusCode).toBe(200);
  });

  it('answers 429 past the rate limit', async () => {
    const limited = await createServer({ store, webRoot, rateLimit: 5 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 8; i++) codes.push((await limited.inject({ url: '/api/stats' })).statusCode);
      expect(codes.slice(0, 5).every((c) => c === 200)).toBe(true);
      expect(codes.slice(5)).toContain(429);
    } finally {
      await limited.close();
    }
  });
});
