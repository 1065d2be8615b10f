import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/present/cli/main.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { tempDir } from '../helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('faultline analyze runs the clustering pass', () => {
  it('leaves every stored event mention with a cluster id', async () => {
    writeFileSync(join(tmp.dir, 'a.txt'), 'Air strikes hit Douma\n\nDOUMA, 7 April 2018 — Air strikes hit the town of Douma on Saturday, killing at least 40 people, rescuers said.\n');
    writeFileSync(join(tmp.dir, 'b.txt'), 'Terrorists shell Damascus\n\nDAMASCUS, 7 April 2018 — Terrorists in Douma fired mortar shells at residential areas of Damascus on Saturday, killing 4 civilians, the ministry said.\n');
    const db = join(tmp.dir, 'a.db');
    expect(await run(['analyze', tmp.dir, '--db', db, '--workers', '0', '--quiet'])).toBe(0);
    const store = new SqliteStore(db, { readonly: true });
    const events = await store.events({ limit: 100 });
    expect(events.total).toBeGreaterThan(0);
    for (const e of events.items) expect(e.clusterId).toMatch(/^ev-[0-9a-f]{12}-\d+$/);
    expect((await store.listClusters({ limit: 100 })).total).toBeGreaterThan(0);
    await store.close();
  });
});
