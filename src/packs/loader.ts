// Conflict knowledge packs: versioned YAML data under packs/<name>/ (knowledge is data, not
// code). The loader only reads and caches files; each analyser validates the sections it owns
// (see sections.ts) so that `npm run check:packs` can check every pack without running analysis.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { hashParts } from '../gazetteer/cache.js';
import { cachedSection } from './section-cache.js';

export interface PackManifest {
  name: string;
  version: string;
  description: string;
  /** ISO 3166-1 alpha-2 codes of the countries the conflict is about (geoparsing prior) */
  countries: string[];
  /** stance vocabulary: camps a document can be assigned to, besides neutral/mixed/unclear */
  camps: string[];
  /** actor affiliation vocabulary */
  affiliations: string[];
  /** voices whose vocabulary the label lexicon covers (pro-government, opposition, Western, ...) */
  voices?: string[];
}

export interface Pack {
  name: string;
  dir: string;
  manifest: PackManifest;
  /** parsed YAML of packs/<name>/<file>.yaml, or undefined when the pack has no such file */
  section(file: string): unknown;
  /** hash of the bytes `section(file)` was parsed from (undefined: no such file, or not read yet) */
  sourceHash?(file: string): string | undefined;
  /** memo for derived structures (matchers, indexes) so they are built once per pack */
  memo<T>(key: string, build: () => T): T;
}

export const PACKS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'packs');

export class PackError extends Error {}

const cache = new Map<string, Pack>();

export function listPacks(root = PACKS_DIR): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'pack.yaml')))
    .map((d) => d.name)
    .sort();
}

export function loadPack(name = 'syria', root = PACKS_DIR): Pack {
  const key = `${root}\u0000${name}`;
  const hit = cache.get(key);
  if (hit) return hit;
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(name)) throw new PackError(`invalid pack name "${name}": use lowercase letters, digits, - and _`);
  const dir = join(root, name);
  const manifestFile = join(dir, 'pack.yaml');
  if (!existsSync(manifestFile)) {
    throw new PackError(`unknown pack "${name}": no ${manifestFile}. Available packs: ${listPacks(root).join(', ') || 'none'}`);
  }
  const manifest = parse(readFileSync(manifestFile, 'utf8')) as PackManifest;
  const sections = new Map<string, unknown>();
  const hashes = new Map<string, string>();
  const memos = new Map<string, unknown>();
  const pack: Pack = {
    name,
    dir,
    manifest,
    section(file) {
      if (sections.has(file)) return sections.get(file);
      const path = join(dir, `${file}.yaml`);
      let value: unknown;
      if (existsSync(path)) {
        const bytes = readFileSync(path);
        try {
          // parsed once per content, not once per worker thread (section-cache.ts)
          value = cachedSection(name, file, bytes, () => parse(bytes.toString('utf8')));
        } catch (err) {
          throw new PackError(`pack ${name}: ${path} is not valid YAML: ${(err as Error).message}`);
        }
        hashes.set(file, hashParts([bytes]));
      }
      sections.set(file, value);
      return value;
    },
    sourceHash: (file) => hashes.get(file),
    memo<T>(k: string, build: () => T): T {
      if (!memos.has(k)) memos.set(k, build());
      return memos.get(k) as T;
    },
  };
  cache.set(key, pack);
  return pack;
}
