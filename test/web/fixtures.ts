// Test corpus for the workbench: the examples/ corpus run through the real pipeline, plus two
// hand-written documents: one with findings of every kind (so highlights exist whatever the
// analysers find today) and one whose title, author, comments and text are script payloads.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { analyseCorpus } from '../../src/analyse/corpus.js';
import { clusterStore } from '../../src/cluster/run.js';
import type { AnalysedDocument } from '../../src/core/types.js';
import { emptyFindings } from '../../src/core/types.js';
import { DEFAULT_INGEST_OPTIONS } from '../../src/ingest/types.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const WEB_DIST = join(ROOT, 'web-dist');

export const PAYLOAD = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';

const at = (text: string, needle: string, from = 0): { start: number; end: number } => {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`fixture: "${needle}" not in text`);
  return { start, end: start + needle.length };
};

export function markedDocument(): AnalysedDocument {
  const text = 'Shelling of Douma killed 12 civilians, the Syrian Observatory said, as the regime pressed on.\n' +
    'Activists called it a massacre.';
  const f = emptyFindings();
  return {
    id: 'fixture-marked-0001', source: 'test/fixture-marked.txt', externalId: null, outlet: 'Fixture Wire', title: 'Shelling of Douma (fixture)',
    published: '2018-04-08', languages: [{ lang: 'en', share: 1 }], text,
    segments: [{ kind: 'body', author: null, depth: 0, start: 0, end: text.length }],
    ...f,
    places: [{ id: 'geonames:170654', name: 'Douma', country: 'SY', kind: 'city', lat: 33.5717, lon: 36.4022, region: 'Rif Dimashq', mentions: [{ ...at(text, 'Douma'), ruleId: 'gazetteer-alias' }] }],
    actors: [{ id: 'syrian-government', name: 'Syrian government', affiliation: 'syrian_government_and_allies', mentions: [{ ...at(text, 'regime'), ruleId: 'actor-alias' }],
      labels: [{ ...at(text, 'regime'), label: 'regime', camp: 'pro_opposition', ruleId: 'label-lexicon' }] }],
    sourcesCited: [{ name: 'Syrian Observatory for Human Rights', kind: 'ngo', id: 'sohr', mentions: [{ ...at(text, 'Syrian Observatory'), ruleId: 'source-alias' }] }],
    claims: [{ ...at(text, 'killed 12 civilians'), value: 12, approx: false, counted: 'civilians killed', attributedTo: 'Syrian Observatory', hedged: false, ruleId: 'claim-counted' }],
    events: [{ ...at(text, 'Shelling of Douma killed 12 civilians'), type: 'Explosions/Remote violence', subType: 'Shelling/artillery/missile attack', cause: 'shelling',
      agent: 'syrian-government', target: 'civilians', place: 'geonames:170654', date: '2018-04-08', fatalities: 12, civilianFatalities: 12, childFatalities: null,
      ruleId: 'event-shelling', clusterId: 'fixture-cluster-1' }],
    stance: { camp: 'pro_opposition', confidence: 0.7, evidence: [] },
    techniques: [{ ...at(text, 'massacre'), technique: 'Loaded_Language', confidence: 0.8, ruleId: 'technique-lexicon' }],
    labels: [{ ...at(text, 'regime'), label: 'regime', camp: 'pro_opposition', refersTo: 'syrian-government', ruleId: 'label-lexicon' }],
  };
}

export function hostileDocument(): AnalysedDocument {
  const body = `Breaking ${PAYLOAD} news from "><svg onload=alert(1)> Aleppo.`;
  const comment = `I agree ${PAYLOAD}`;
  const text = `${body}\n${comment}`;
  const f = emptyFindings();
  return {
    id: 'fixture-hostile-0001', source: 'test/<script>hostile</script>.html', externalId: null, outlet: `Evil ${PAYLOAD}`,
    title: `Hostile ${PAYLOAD}`, published: '2018-04-09', languages: [{ lang: 'en', share: 1 }], text,
    segments: [
      { kind: 'body', author: `<b onmouseover=alert(1)>author</b>`, depth: 0, start: 0, end: body.length },
      { kind: 'comment', author: `<script>alert("author")</script>`, depth: 1, start: body.length + 1, end: text.length, stance: 'unclear' },
    ],
    ...f,
    places: [{ id: 'geonames:170063', name: `Aleppo ${PAYLOAD}`, country: 'SY', kind: 'city', lat: 36.2, lon: 37.16, region: null, mentions: [{ ...at(text, 'Aleppo'), ruleId: 'gazetteer-alias' }] }],
    techniques: [{ ...at(text, PAYLOAD), technique: 'Loaded_Language', confidence: 0.5, ruleId: 'technique-lexicon' }],
    stance: { camp: 'unclear', confidence: 0, evidence: [] },
  };
}

/** A fresh database with the examples corpus and (unless told otherwise) the fixtures. */
export async function buildTestDb(options: { fixtures?: boolean } = {}): Promise<{ file: string; store: SqliteStore }> {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-web-'));
  const file = join(dir, 'test.db');
  const store = new SqliteStore(file);
  await analyseCorpus([join(ROOT, 'examples')], store, { pack: 'syria', workers: 0, ingest: DEFAULT_INGEST_OPTIONS });
  // cross-document clustering, as `faultline analyze` runs it (the fixtures keep their own cluster id)
  await clusterStore(store).catch((err: Error) => console.warn(`clustering skipped: ${err.message}`));
  if (options.fixtures === false) return { file, store };
  store.putDocumentSync(markedDocument());
  store.putDocumentSync(hostileDocument());
  await store.setClusterIds([{ documentId: 'fixture-marked-0001', index: 0, clusterId: 'fixture-cluster-1' }]);
  return { file, store };
}

/** Builds web-dist/ when it is missing (a fresh checkout before `npm run build`). */
export async function ensureWebBuilt(): Promise<void> {
  if (existsSync(join(WEB_DIST, 'index.html'))) return;
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}
