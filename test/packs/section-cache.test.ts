// Parsed pack sections and their schema checks are cached on disk (src/packs/section-cache.ts):
// a second load of the same bytes must read the cache and give the same value, and a changed
// file, a changed schema or a broken file must never be served from it.
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheStatus } from '../../src/gazetteer/cache.js';
import { loadPack, PackError } from '../../src/packs/loader.js';
import { validateOnce } from '../../src/packs/section-cache.js';
import { readSection, type SectionSpec } from '../../src/packs/sections.js';
import { tempDir } from '../helpers.js';

const tmp = tempDir('faultline-pack-cache-');
const saved = { dir: process.env.FAULTLINE_CACHE_DIR, off: process.env.FAULTLINE_NO_CACHE };
const cache = join(tmp.dir, 'cache');
beforeAll(() => {
  process.env.FAULTLINE_CACHE_DIR = cache;
  delete process.env.FAULTLINE_NO_CACHE;
});
afterAll(() => {
  if (saved.dir === undefined) delete process.env.FAULTLINE_CACHE_DIR;
  else process.env.FAULTLINE_CACHE_DIR = saved.dir;
  if (saved.off !== undefined) process.env.FAULTLINE_NO_CACHE = saved.off;
  tmp.cleanup();
});

const PACK = 'cachetest';
const spec: SectionSpec = {
  file: 'things',
  required: false,
  schema: { type: 'object', required: ['things'], properties: { things: { type: 'array', items: { type: 'string' } } } },
};
let roots = 0;

/** a pack root of its own (loadPack memoises per root), holding `things.yaml` */
function packWith(things: string): string {
  const root = join(tmp.dir, `root${roots++}`);
  mkdirSync(join(root, PACK), { recursive: true });
  writeFileSync(join(root, PACK, 'pack.yaml'), 'name: cachetest\nversion: "1"\ndescription: test\ncountries: []\ncamps: []\naffiliations: []\n');
  writeFileSync(join(root, PACK, 'things.yaml'), things);
  return root;
}

const status = (name: string): unknown => cacheStatus.get(`packs/${PACK}-${name}`);
const entries = (): string[] => readdirSync(join(cache, 'packs')).sort();

describe('pack section cache', () => {
  it('parses and checks a file once, then reads both from disk', () => {
    const first = loadPack(PACK, packWith('things: [a, b]\n'));
    expect(readSection(first, spec)).toEqual({ things: ['a', 'b'] });
    expect(status('things')).toBe('built');
    expect(status('things-valid')).toBe('built');

    const root = join(tmp.dir, `root${roots++}`);
    cpSync(join(tmp.dir, `root${roots - 2}`), root, { recursive: true });
    const second = loadPack(PACK, root);
    expect(readSection(second, spec)).toEqual({ things: ['a', 'b'] });
    expect(status('things')).toBe('hit');
    expect(status('things-valid')).toBe('hit');
  });

  it('parses an edited file again and drops its stale entry', () => {
    const before = entries();
    const pack = loadPack(PACK, packWith('things: [a, b, c]\n'));
    expect(readSection(pack, spec)).toEqual({ things: ['a', 'b', 'c'] });
    expect(status('things')).toBe('built');
    const after = entries();
    expect(after).toHaveLength(before.length);
    expect(after).not.toEqual(before);
  });

  it('checks content that does not match the schema every time, and never caches it', () => {
    for (let i = 0; i < 2; i++) {
      const pack = loadPack(PACK, packWith('things: [1, {x: 2}]\n'));
      expect(() => readSection(pack, spec)).toThrow(/does not match its schema/);
      expect(status('things-valid')).not.toBe('hit');
    }
  });

  it('reports broken YAML every time', () => {
    for (let i = 0; i < 2; i++) {
      const pack = loadPack(PACK, packWith('things: [a, b\n'));
      expect(() => pack.section('things')).toThrow(PackError);
    }
  });

  it('checks again when the schema changes', () => {
    let runs = 0;
    const run = (): void => void runs++;
    validateOnce(PACK, 'other', 'source-1', '{"schema":1}', run);
    validateOnce(PACK, 'other', 'source-1', '{"schema":1}', run);
    expect(runs).toBe(1);
    validateOnce(PACK, 'other', 'source-1', '{"schema":2}', run);
    validateOnce(PACK, 'other', 'source-2', '{"schema":2}', run);
    expect(runs).toBe(3);
  });

  it('is bypassed with FAULTLINE_NO_CACHE=1', () => {
    process.env.FAULTLINE_NO_CACHE = '1';
    try {
      const pack = loadPack(PACK, packWith('things: [a, b]\n'));
      expect(readSection(pack, spec)).toEqual({ things: ['a', 'b'] });
      expect(status('things')).toBe('disabled');
    } finally {
      delete process.env.FAULTLINE_NO_CACHE;
    }
  });
});
