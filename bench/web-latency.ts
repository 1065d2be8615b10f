// Workbench latency: every API route and every page (its HTML plus the API calls the page
// makes, in parallel as the browser does) over real HTTP against a large database. p50/p95/max
// per route. Optional --browser: time to a drawn page in headless Chromium.
//   node --import tsx bench/web-latency.ts                    100,000 documents (built once under .cache/)
//   node --import tsx bench/web-latency.ts --db faultline.db  an existing database instead
// Flags: --docs N, --samples N (default 30), --browser, --rebuild. Last stdout line: JSON.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createServer } from '../src/present/api/server.js';
import { openStore } from '../src/store/index.js';
import { buildSynthetic } from './web-synthetic.js';

const ROOT = resolve(import.meta.dirname, '..');
const { values: flags } = parseArgs({
  options: {
    docs: { type: 'string', default: '100000' }, db: { type: 'string' }, samples: { type: 'string', default: '30' },
    browser: { type: 'boolean', default: false }, rebuild: { type: 'boolean', default: false },
  },
});
const samples = Math.max(3, Number(flags.samples));
let file = flags.db;
if (!file) {
  const n = Number(flags.docs);
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  file = join(ROOT, '.cache', `web-latency-${n}.db`);
  if (flags.rebuild) for (const ext of ['', '-wal', '-shm']) rmSync(file + ext, { force: true });
  if (!existsSync(file)) await buildSynthetic(file, n, ROOT);
}

const store = await openStore(file);
const t0 = performance.now();
const app = await createServer({ store, rateLimit: false });
await app.listen({ host: '127.0.0.1', port: 0 });
const startMs = performance.now() - t0;
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

// parameters drawn from the data itself
const docs = await store.listDocuments({ limit: 500, offset: 1000 });
const all = await store.listDocuments({ limit: 1 });
const ids = docs.items.length ? docs.items.map((d) => d.id) : (await store.listDocuments({ limit: 500 })).items.map((d) => d.id);
const place = (await store.places({ limit: 1 })).items[0];
const actor = (await store.actors({ limit: 1 })).items[0];
const camp = (await store.stats()).byCamp[0]?.key;
const cluster = (await store.events({ limit: 500 })).items.find((e) => e.clusterId)?.clusterId ?? 'none';
let k = 0;
const anyId = (): string => ids[k++ % ids.length]!;
const enc = encodeURIComponent;

const API: [string, () => string][] = [
  ['stats', () => '/api/stats'],
  ['documents', () => '/api/documents?limit=50'],
  ['documents?camp&from&to', () => `/api/documents?camp=${enc(camp ?? '')}&from=2015-01-01&to=2016-12-31&limit=50`],
  ['documents?place', () => `/api/documents?place=${enc(place?.id ?? '')}&limit=50`],
  ['documents?actor', () => `/api/documents?actor=${enc(actor?.id ?? '')}&limit=50`],
  ['documents?technique', () => '/api/documents?technique=Loaded_Language&limit=50'],
  ['documents/:id', () => `/api/documents/${enc(anyId())}`],
  ['search?q=Aleppo', () => '/api/search?q=Aleppo&limit=50'],
  ['search?q=phrase&camp', () => `/api/search?q=${enc('"chemical attack"')}&camp=${enc(camp ?? '')}&limit=50`],
  ['search?q=rare', () => '/api/search?q=atropine&limit=50'],
  ['events', () => '/api/events?limit=500'],
  ['events?type&from&to', () => '/api/events?type=Battles&from=2016-01-01&to=2016-12-31&limit=500'],
  ['events?place', () => `/api/events?place=${enc(place?.id ?? '')}&limit=100`],
  ['events/histogram', () => '/api/events/histogram?limit=500'],
  ['places', () => '/api/places?limit=500'],
  ['places?q', () => '/api/places?q=Al&limit=50'],
  ['actors', () => '/api/actors?limit=500'],
  ['claims', () => '/api/claims?limit=200'],
  ['claims?sort=value', () => '/api/claims?limit=200&sort=value&order=desc'],
  ['network', () => '/api/network?limit=150'],
  ['clusters', () => '/api/clusters?limit=12'],
  ['clusters/:id', () => `/api/clusters/${enc(cluster)}`],
  ['openapi.json', () => '/api/openapi.json'],
];

const PAGES: [string, () => string[]][] = [
  ['/', () => ['/', '/api/stats', '/api/documents?limit=15', '/api/places?limit=300', '/api/clusters?limit=12']],
  ['/documents/:id', () => { const id = anyId(); return [`/documents/${enc(id)}`, `/api/documents/${enc(id)}`]; }],
  ['/map', () => ['/map', '/api/events?limit=500', '/api/places?limit=500']],
  ['/timeline', () => ['/timeline', '/api/events/histogram?limit=500', '/api/events?limit=100']],
  ['/network', () => ['/network', '/api/network?limit=150', '/api/actors?limit=500']],
  ['/events/:clusterId', () => [`/events/${enc(cluster)}`, `/api/clusters/${enc(cluster)}`]],
  ['/claims', () => ['/claims', '/api/claims?limit=200']],
  ['/search?q=', () => ['/search', '/api/search?q=Douma&limit=50']],
];

async function fetchOk(path: string): Promise<void> {
  const res = await fetch(base + path);
  await res.arrayBuffer();
  if (res.status !== 200 && !(res.status === 404 && path.includes('/clusters/none'))) throw new Error(`${path}: HTTP ${res.status}`);
}

interface Row { name: string; n: number; p50: number; p95: number; max: number }
async function measure(name: string, paths: () => string[]): Promise<Row> {
  for (let i = 0; i < 2; i++) await Promise.all(paths().map(fetchOk));
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const p = paths();
    const t = performance.now();
    await Promise.all(p.map(fetchOk));
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const q = (x: number): number => Math.round(times[Math.min(times.length - 1, Math.floor(x * times.length))]! * 10) / 10;
  return { name, n: times.length, p50: q(0.5), p95: q(0.95), max: Math.round(times[times.length - 1]! * 10) / 10 };
}

const rows: Row[] = [];
for (const [name, path] of API) rows.push(await measure(`GET ${name}`, () => [path()]));
for (const [name, paths] of PAGES) rows.push(await measure(`page ${name}`, paths));

let browserRows: Row[] = [];
if (flags.browser) browserRows = await measureBrowser(base, PAGES.map(([n, p]) => [n, p()[0]!]));

console.log(`\nworkbench latency over ${all.total.toLocaleString('en')} documents (${file}); server start incl. stats warm-up ${Math.round(startMs)} ms; ${samples} samples each\n`);
console.log(`${'route'.padEnd(34)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)}`);
for (const r of [...rows, ...browserRows]) console.log(`${r.name.padEnd(34)} ${String(r.p50).padStart(8)} ${String(r.p95).padStart(8)} ${String(r.max).padStart(8)}${r.p95 > 300 ? '  > 300 ms' : ''}`);
const worst = [...rows].sort((a, b) => b.p95 - a.p95)[0]!;
console.log(`\nslowest p95: ${worst.name} ${worst.p95} ms`);
await app.close();
await store.close();
console.log(JSON.stringify({ documents: all.total, samples, startMs: Math.round(startMs), rows, browser: browserRows }));

async function measureBrowser(root: string, pages: [string, string][]): Promise<Row[]> {
  const { chromiumMissing, launch } = await import('../test/web/browser.js');
  const missing = chromiumMissing();
  if (missing) { console.log(missing); return []; }
  const { context, close } = await launch();
  const out: Row[] = [];
  try {
    const page = await context.newPage();
    for (const [name, path] of pages) {
      const times: number[] = [];
      for (let i = 0; i < Math.min(samples, 10) + 1; i++) {
        const t = performance.now();
        await page.goto(root + path);
        await page.waitForSelector('#app[data-ready]', { timeout: 30_000 });
        if (i > 0) times.push(performance.now() - t);
        if (await page.getAttribute('#app', 'data-ready') !== 'true') throw new Error(`${path} did not render`);
      }
      times.sort((a, b) => a - b);
      const q = (x: number): number => Math.round(times[Math.min(times.length - 1, Math.floor(x * times.length))]!);
      out.push({ name: `chromium ${name}`, n: times.length, p50: q(0.5), p95: q(0.95), max: Math.round(times[times.length - 1]!) });
    }
  } finally {
    await close();
  }
  return out;
}
