// The entity lexicon is cached on disk: a second load must read the cache and give the same
// dictionaries, and an unwritable cache directory must fall back to building in memory.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../src/packs/loader.js';
import { buildLexicon } from '../../src/analyse/analysers/entities/lexicon.js';
import { cachedLexicon, lexiconCacheName } from '../../src/analyse/analysers/entities/lexicon-cache.js';
import { cacheStatus, diskCached } from '../../src/gazetteer/cache.js';
import '../../src/analyse/analysers/entities/sections.js';

const dir = mkdtempSync(join(tmpdir(), 'faultline-cache-'));
const saved = { dir: process.env.FAULTLINE_CACHE_DIR, off: process.env.FAULTLINE_NO_CACHE };
delete process.env.FAULTLINE_NO_CACHE;
afterAll(() => {
  if (saved.dir === undefined) delete process.env.FAULTLINE_CACHE_DIR;
  else process.env.FAULTLINE_CACHE_DIR = saved.dir;
  if (saved.off !== undefined) process.env.FAULTLINE_NO_CACHE = saved.off;
  rmSync(dir, { recursive: true, force: true });
});

describe('lexicon disk cache', () => {
  it('builds once, then loads the same lexicon from disk', () => {
    process.env.FAULTLINE_CACHE_DIR = dir;
    const pack = loadPack('syria');
    const name = lexiconCacheName(pack);
    const built = cachedLexicon(pack, () => buildLexicon(pack));
    expect(cacheStatus.get(name)).toBe('built');
    expect(readdirSync(dir).filter((f) => f.endsWith('.bin'))).toHaveLength(1);
    const loaded = cachedLexicon(pack, () => { throw new Error('must not rebuild'); });
    expect(cacheStatus.get(name)).toBe('hit');
    expect(loaded.phrases).toEqual(built.phrases);
    expect(loaded.gaz).toEqual(built.gaz);
    expect(loaded.skeletons).toEqual(built.skeletons);
    expect(loaded.firstNames).toEqual(built.firstNames);
    expect(loaded.actors).toEqual(built.actors);
  }, 20_000);

  it('keys the file on its inputs and replaces the stale one', () => {
    process.env.FAULTLINE_CACHE_DIR = dir;
    expect(diskCached('t', ['a'], () => 1)).toBe(1);
    expect(diskCached('t', ['a'], () => 2)).toBe(1);
    expect(diskCached('t', ['b'], () => new Map([[1, new Set(['x'])]]))).toEqual(new Map([[1, new Set(['x'])]]));
    expect(cacheStatus.get('t')).toBe('built');
    expect(readdirSync(dir).filter((f) => f.startsWith('t-'))).toHaveLength(1);
  });

  it('builds in memory when the directory cannot be written', () => {
    process.env.FAULTLINE_CACHE_DIR = '/dev/null/faultline-cache';
    expect(diskCached('u', ['a'], () => 3)).toBe(3);
    expect(cacheStatus.get('u')).toBe('built-unwritable');
  });
});
