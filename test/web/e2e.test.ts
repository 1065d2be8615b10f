// End to end in headless Chromium (Debian's /usr/bin/chromium via playwright-core): every page
// loads on the examples corpus, a highlight explains itself, the map draws points, search finds
// a document, timeline brushing filters, and a document full of script payloads stays inert.
import type { FastifyInstance } from 'fastify';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/present/api/server.js';
import type { SqliteStore } from '../../src/store/sqlite/store.js';
import { chromiumMissing, launch } from './browser.js';
import { buildTestDb, ensureWebBuilt } from './fixtures.js';

const missing = chromiumMissing();
if (missing) console.warn(missing);

describe.skipIf(missing !== null)('workbench in Chromium', () => {
  let app: FastifyInstance;
  let store: SqliteStore;
  let context: BrowserContext;
  let close: () => Promise<void>;
  let base = '';
  const problems: string[] = [];

  beforeAll(async () => {
    await ensureWebBuilt();
    ({ store } = await buildTestDb());
    app = await createServer({ store, rateLimit: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    ({ context, close } = await launch());
    // anything leaving this server is a failure: no CDN, no outside request at run time
    await context.route('**/*', (route) => (route.request().url().startsWith(base) || route.request().url().startsWith('data:') ? route.continue() : (problems.push(`outside request ${route.request().url()}`), route.abort())));
  }, 120_000);

  afterAll(async () => {
    await close?.();
    await app?.close();
    await store?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`${path}: console error ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`${path}: page error ${e.message}`));
    page.on('dialog', (d) => { problems.push(`${path}: dialog ${d.message()}`); void d.dismiss(); });
    await page.goto(base + path);
    await page.waitForSelector('#app[data-ready]', { timeout: 20_000 });
    return page;
  }

  it('loads every page without errors', async () => {
    const douma = (await store.search({ q: 'Douma', limit: 1 })).items[0]!;
    const clustered = (await store.listClusters({ limit: 1, minSources: 2 })).items[0]?.id ?? 'fixture-cluster-1';
    for (const path of ['/', `/documents/${douma.id}`, '/map', '/timeline', '/network', '/events/fixture-cluster-1', `/events/${encodeURIComponent(clustered)}`, '/claims', '/search?q=Aleppo']) {
      const page = await open(path);
      expect(await page.getAttribute('#app', 'data-ready'), path).toBe('true');
      expect(await page.locator('h1').first().textContent(), path).toBeTruthy();
      await page.close();
    }
    expect(problems).toEqual([]);
  }, 90_000);

  it('explains a highlight when it is clicked, and hides a kind when toggled', async () => {
    const page = await open('/documents/fixture-marked-0001');
    await page.locator('.hl.k-technique').first().click();
    await expect.poll(() => page.locator('#explain').textContent()).toContain('Loaded Language');
    expect(await page.locator('#explain .definition').textContent()).toMatch(/emotional/);
    await page.locator('.hl.k-place').first().click();
    const panel = await page.locator('#explain').textContent();
    expect(panel).toContain('geonames:170654');
    expect(panel).toContain('33.5717, 36.4022');
    await page.locator('input[data-kind="place"]').uncheck();
    expect(await page.locator('.reader.hide-place').count()).toBe(1);
    await page.close();
  });

  it('draws points on the map and links them to documents', async () => {
    const page = await open('/map');
    expect(await page.locator('svg.basemap path.country').count()).toBeGreaterThan(100);
    expect(await page.locator('svg.basemap circle.event').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('svg.basemap circle.place').count()).toBeGreaterThanOrEqual(1);
    await page.locator('svg.basemap circle.event').first().dispatchEvent('click');
    await page.waitForURL(/\/documents\//);
    await page.close();
  });

  it('finds a document with full-text search', async () => {
    const page = await open('/search');
    await page.fill('input[name="q"]', 'Douma');
    await page.click('form.filters button[type="submit"]');
    await page.waitForURL(/q=Douma/);
    await page.waitForSelector('#app[data-ready="true"]');
    expect(await page.locator('#results li').count()).toBeGreaterThanOrEqual(2);
    await page.locator('#results li a').first().click();
    await page.waitForURL(/\/documents\//);
    await page.close();
  });

  it('filters the timeline by brushing', async () => {
    const page = await open('/timeline');
    const box = (await page.locator('svg.monthly').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.98, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => page.locator('#brush-status').textContent()).toMatch(/^\d{4}-\d{2} to \d{4}-\d{2}/);
    await page.close();
  });

  it('keeps a document full of script payloads inert', async () => {
    for (const path of ['/documents/fixture-hostile-0001', '/search?q=Hostile', '/']) {
      const page = await open(path);
      if (path.startsWith('/documents')) {
        expect(await page.locator('h1.doc-title').textContent()).toContain('<script>window.__pwned=1</script>');
        expect(await page.locator('.segment.comment .author').textContent()).toBe('<script>alert("author")</script>');
        await page.locator('.hl.k-technique').first().click();
        await page.locator('.hl.k-place').first().click();
      }
      expect(await page.evaluate('window.__pwned'), path).toBeUndefined();
      expect(await page.locator('#app script, #app img, #app svg[onload], #app [onerror], #app [onmouseover]').count(), path).toBe(0);
      await page.close();
    }
    expect(problems).toEqual([]);
  });
});
