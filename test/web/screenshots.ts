// Saves a screenshot of every workbench page to docs/screenshots/ (for the README):
//   node --import tsx test/web/screenshots.ts
// Uses the examples corpus (analysed and clustered), served on an ephemeral loopback port.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from '../../src/present/api/server.js';
import { chromiumMissing, launch } from './browser.js';
import { ROOT, buildTestDb, ensureWebBuilt } from './fixtures.js';

const missing = chromiumMissing();
if (missing) { console.log(missing); process.exit(0); }
await ensureWebBuilt();
const { store } = await buildTestDb({ fixtures: false });
const app = await createServer({ store, rateLimit: false });
await app.listen({ host: '127.0.0.1', port: 0 });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const docs = await store.listDocuments({ limit: 500 });
const douma = docs.items.find((d) => /douma/i.test(d.title ?? '') && d.counts.segments > 1) ?? docs.items[0]!;
const cluster = (await store.listClusters({ limit: 1, minSources: 2 })).items[0]?.id ?? 'fixture-cluster-1';
const out = join(ROOT, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const pages: [string, string][] = [
  ['overview', '/'], ['document', `/documents/${douma.id}`], ['map', '/map'], ['timeline', '/timeline'], ['network', '/network'],
  ['dossier', `/events/${encodeURIComponent(cluster)}`], ['claims', '/claims'], ['search', '/search?q=Aleppo'],
];
const { context, close } = await launch();
try {
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') console.log(`  console: ${m.text()}`); });
  for (const [name, path] of pages) {
    await page.goto(base + path);
    await page.waitForSelector('#app[data-ready]', { timeout: 20_000 });
    if (name === 'document') { await page.locator('.hl.k-place').first().click().catch(() => undefined); }
    await page.waitForTimeout(name === 'network' ? 800 : 200);
    await page.screenshot({ path: join(out, `${name}.png`) });
    console.log(`${name}: ${path} → docs/screenshots/${name}.png (${await page.locator('#app').getAttribute('data-ready')})`);
  }
} finally {
  await close();
  await app.close();
  await store.close();
}
