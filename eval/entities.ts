// `npm run eval -- entities` / `npx tsx eval/entities.ts [--misses] [--draft ID,ID,...]`:
// scores places, actors, persons and sources cited against our hand annotation of FA-KES
// development articles and the three seeds (eval/annotations/entities/*.json: ids, offsets,
// kinds, canonical ids and affiliations — never the articles' text), prints precision, recall
// and F1 per kind (a predicted mention counts when it overlaps a gold span of the same kind that
// names the same entity), affiliation accuracy over the actor mentions found, and the share of
// all FA-KES development articles whose crowd `location` governorate is among the places found.
// `--draft` prints our analyser's output for the given documents in annotation format, as the
// starting point of a hand correction. Skips with one line when ../shared is absent.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { AnalysedDocument, IngestedDocument } from '../src/core/types.js';
import { normaliseText } from '../src/core/text.js';
import { Pipeline } from '../src/analyse/pipeline.js';

const ROOT = resolve(import.meta.dirname, '..');
const SHARED = resolve(ROOT, '..', 'shared');
const FAKES = join(SHARED, 'data', 'fakes', 'fakes-dev.csv');
const SEEDS = join(SHARED, 'corpus', 'seeds');
const ANNOTATIONS = join(ROOT, 'eval', 'annotations', 'entities');
const KINDS = ['place', 'actor', 'person', 'source'] as const;
type Kind = (typeof KINDS)[number];

export interface GoldSpan { start: number; end: number; kind: Kind; id: string; name: string; affiliation?: string }
export interface GoldDoc { doc: string; spans: GoldSpan[]; set?: string }
interface Pred extends GoldSpan { used?: boolean }

function fakesDocs(): Map<string, { text: string; location: string }> {
  const rows = parse(readFileSync(FAKES, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return new Map(rows.map((r) => [`fakes:${r.unit_id}`, { text: normaliseText(r.article_content ?? ''), location: r.location ?? '' }]));
}

function seedDocs(): Map<string, string> {
  if (!existsSync(SEEDS)) return new Map();
  return new Map(readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => [`seed:${f.replace(/\.txt$/, '')}`, normaliseText(readFileSync(join(SEEDS, f), 'utf8'))]));
}

function ingested(id: string, text: string): IngestedDocument {
  return { id, source: id, externalId: id, outlet: null, title: null, published: null, languages: [{ lang: 'en', share: 1 }], text, segments: [] };
}

export function predictions(doc: AnalysedDocument): Pred[] {
  const out: Pred[] = [];
  for (const p of doc.places) for (const m of p.mentions) out.push({ ...m, kind: 'place', id: p.id, name: p.name });
  for (const a of doc.actors) for (const m of a.mentions) out.push({ ...m, kind: 'actor', id: a.id, name: a.name, affiliation: a.affiliation });
  for (const p of doc.persons) for (const m of p.mentions) out.push({ ...m, kind: 'person', id: p.id, name: p.name });
  for (const s of doc.sourcesCited) for (const m of s.mentions) out.push({ ...m, kind: 'source', id: s.id ?? `name:${s.name}`, name: s.name });
  return out;
}

const overlaps = (a: GoldSpan, b: GoldSpan): boolean => a.start < b.end && b.start < a.end;
const norm = (s: string): string => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9\u0400-\u04ff]+/g, '');
const sameEntity = (g: GoldSpan, p: GoldSpan): boolean => g.id === p.id || norm(g.name) === norm(p.name);

interface Counts { tp: number; fp: number; fn: number }
const prf = (c: Counts): string => {
  const p = c.tp / Math.max(1, c.tp + c.fp);
  const r = c.tp / Math.max(1, c.tp + c.fn);
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return `P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f.toFixed(3)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
};

const GOVERNORATES: [RegExp, string][] = [
  [/alep|halab/, 'aleppo'], [/damasc|dimash/, 'damascus'], [/idl/, 'idlib'], [/deir|zor|zour/, 'deir ezzor'], [/raq/, 'raqqa'],
  [/has+a|hask/, 'hasakeh'], [/homs|hims/, 'homs'], [/hama/, 'hama'], [/lat+akia|ladhiq/, 'lattakia'], [/dar.?a|deraa/, 'daraa'], [/quneit|qunait/, 'quneitra'],
];
const governorate = (s: string | null | undefined): string | null => GOVERNORATES.find(([re]) => re.test((s ?? '').toLowerCase()))?.[1] ?? null;

function loadGold(): GoldDoc[] {
  if (!existsSync(ANNOTATIONS)) return [];
  return readdirSync(ANNOTATIONS).filter((f) => f.endsWith('.json')).sort().flatMap((f) => (JSON.parse(readFileSync(join(ANNOTATIONS, f), 'utf8')) as GoldDoc[]).map((d) => ({ ...d, set: f.replace(/\.json$/, '') })));
}

interface Score { counts: Record<Kind, Counts>; affRight: number; affTotal: number }

function score(gold: GoldDoc[], textOf: (id: string) => string | undefined, predicted: Map<string, Pred[]>, misses: string[]): Score {
  const counts = Object.fromEntries(KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<Kind, Counts>;
  let affRight = 0;
  let affTotal = 0;
  for (const g of gold) {
    const text = textOf(g.doc);
    if (text === undefined) continue;
    const preds = predicted.get(g.doc) ?? [];
    for (const kind of KINDS) {
      const gs = g.spans.filter((s) => s.kind === kind);
      const ps = preds.filter((s) => s.kind === kind);
      const used = new Set<Pred>();
      for (const s of gs) {
        const hit = ps.find((p) => !used.has(p) && overlaps(s, p) && sameEntity(s, p));
        if (hit) {
          used.add(hit);
          counts[kind].tp++;
        } else {
          counts[kind].fn++;
          misses.push(`${g.doc} FN ${kind} ${s.start}-${s.end} "${text.slice(s.start, s.end)}" → ${s.id}`);
        }
        if (kind === 'actor') {
          const found = ps.find((p) => overlaps(s, p));
          if (found && s.affiliation) {
            affTotal++;
            if (found.affiliation === s.affiliation) affRight++;
            else misses.push(`${g.doc} AFF "${text.slice(s.start, s.end)}" ${found.affiliation} ≠ ${s.affiliation}`);
          }
        }
      }
      for (const p of ps) if (!used.has(p)) { counts[kind].fp++; misses.push(`${g.doc} FP ${kind} ${p.start}-${p.end} "${text.slice(p.start, p.end)}" → ${p.id}`); }
    }
  }
  return { counts, affRight, affTotal };
}

export async function main(args: string[] = []): Promise<void> {
  if (!existsSync(FAKES)) {
    console.log('eval entities: skipped (../shared/data/fakes/fakes-dev.csv not found)');
    return;
  }
  const fakes = fakesDocs();
  const seeds = seedDocs();
  const textOf = (id: string): string | undefined => fakes.get(id)?.text ?? seeds.get(id);
  const pipeline = new Pipeline({ only: ['places', 'actors', 'persons', 'sources-cited'] });
  const run = (id: string, text: string): AnalysedDocument => pipeline.analyse(ingested(id, text)).doc;

  const draftAt = args.indexOf('--draft');
  if (draftAt >= 0) {
    const ids = (args[draftAt + 1] ?? '').split(',').filter(Boolean);
    const drafts = ids.map((id) => ({ doc: id, spans: predictions(run(id, textOf(id) ?? '')).map(({ start, end, kind, id: eid, name, affiliation }) => ({ start, end, kind, id: eid, name, ...(affiliation ? { affiliation } : {}) })).sort((a, b) => a.start - b.start) }));
    console.log(JSON.stringify(drafts, null, 1));
    return;
  }

  const gold = loadGold();
  const sets = [...new Set(gold.map((g) => g.set ?? ''))];
  const misses: string[] = [];
  const t0 = performance.now();
  const predicted = new Map(gold.map((g) => [g.doc, predictions(run(g.doc, textOf(g.doc) ?? ''))]));
  const ms = performance.now() - t0;
  for (const subset of [...sets.map((x) => [x]), sets]) {
    const docs = gold.filter((g) => subset.includes(g.set ?? ''));
    const r = score(docs, textOf, predicted, subset.length === sets.length ? misses : []);
    const bytes = docs.reduce((n, g) => n + Buffer.byteLength(textOf(g.doc) ?? ''), 0);
    console.log(`entities [${subset.length === sets.length && sets.length > 1 ? 'all' : subset.join(',')}]: ${docs.length} documents, ${(bytes / 1024).toFixed(0)} KB`);
    for (const k of KINDS) console.log(`  ${k.padEnd(7)} ${prf(r.counts[k])}`);
    console.log(`  affiliation right for ${r.affRight}/${r.affTotal} actor mentions found (${((100 * r.affRight) / Math.max(1, r.affTotal)).toFixed(1)}%)`);
  }
  console.log(`  (all annotated documents analysed in ${ms.toFixed(0)} ms, including the one-off dictionary build)`);
  if (args.includes('--misses')) for (const m of misses) console.log(`    ${m}`);

  // crowd location: all development articles
  let found = 0;
  let foundStrict = 0;
  let total = 0;
  let noCoords = 0;
  for (const [id, d] of fakes) {
    const want = governorate(d.location);
    if (!want) continue;
    total++;
    const doc = run(id, d.text);
    for (const p of doc.places) if (p.lat === null || p.lon === null || (p.country === null && p.kind !== 'site' && p.kind !== 'region')) noCoords++;
    const got = new Set(doc.places.flatMap((p) => [governorate(p.region), governorate(p.name)]).filter(Boolean));
    if (got.has(want)) found++;
    const strict = new Set(doc.places.map((p) => governorate(p.region === 'Rif Dimashq' ? null : p.region)).filter(Boolean));
    if (strict.has(want)) foundStrict++;
  }
  console.log(`  crowd location found in ${found}/${total} FA-KES development articles (${((100 * found) / Math.max(1, total)).toFixed(1)}%); without counting Rif Dimashq as "damascus": ${foundStrict} (${((100 * foundStrict) / Math.max(1, total)).toFixed(1)}%)`);
  console.log(`  places without coordinates or country: ${noCoords}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv.slice(2));
