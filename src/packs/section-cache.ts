// Disk cache of parsed pack sections, and of the fact that a section passed its schema. Every
// analysis worker thread (and the clustering pass) parsed each YAML file of the pack (~130 ms for
// packs/syria on an idle machine, twice that on a busy one) and compiled the sections' JSON
// schemas with ajv (~60 ms) before its first document. Now a parsed section is stored under a
// hash of the file's bytes and the yaml package's version, and a section's "passed its schema"
// mark under the hash of those bytes, the schema and ajv's version: an edited pack file, schema
// or library is parsed and checked again, never read stale. Storage is gazetteer/cache.ts
// (v8.serialize files; FAULTLINE_CACHE_DIR, FAULTLINE_NO_CACHE=1 turns it off), in a `packs/`
// subfolder; a rebuilt entry removes the older entries of the same file.
import { readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cacheDir, cacheStatus, diskCached, hashParts } from '../gazetteer/cache.js';

const FORMAT = 'pack-section/1';
const require = createRequire(import.meta.url);
let versions: string | undefined;

function libraryVersions(): string {
  const v = (pkg: string): string => (require(`${pkg}/package.json`) as { version?: string }).version ?? '?';
  return (versions ??= `yaml@${v('yaml')} ajv@${v('ajv')}`);
}

function cached<T>(name: string, inputs: (string | Buffer)[], build: () => T): T {
  const key = `packs/${name}`;
  const value = diskCached(key, inputs, build);
  if (cacheStatus.get(key) === 'built') pruneOthers(name, hashParts(inputs));
  return value;
}

/** diskCached prunes stale entries only in the cache's top folder */
function pruneOthers(name: string, hash: string): void {
  const dir = join(cacheDir(), 'packs');
  try {
    for (const f of readdirSync(dir)) {
      if (f.startsWith(`${name}-`) && f !== `${name}-${hash}.bin` && /^[0-9a-f]{20}\.bin$/.test(f.slice(name.length + 1))) rmSync(join(dir, f), { force: true });
    }
  } catch {
    // an unwritable cache keeps nothing to prune
  }
}

/** The parsed YAML of a pack file, from the cache when these bytes were parsed before. */
export function cachedSection(pack: string, file: string, bytes: Buffer, parse: () => unknown): unknown {
  return cached(`${pack}-${file}`, [FORMAT, libraryVersions(), bytes], parse);
}

/**
 * Runs `validate` (which throws on a section that does not match its schema) unless this very
 * content passed this very check before. `source` identifies the content (the hash of the file's
 * bytes), `check` the check (the schema and the validator's options, as JSON).
 */
export function validateOnce(pack: string, file: string, source: string, check: string, validate: () => void): void {
  cached(`${pack}-${file}-valid`, [FORMAT, libraryVersions(), source, check], () => {
    validate();
    return true;
  });
}
