// `npm run eval -- events` / `npx tsx eval/events.ts [--misses N] [--half odd|even|all] [--dump FILE]`:
// compares each FA-KES article's main event (the events analyser's `main` event, gaps already
// filled by the product; here only mapped to FA-KES vocabulary: governorate of its place, agent
// as FA-KES actor categories, cause of death, civilian and child deaths) with the crowd's fields, next to
// a naive first-mention baseline, on the odd and even unit_id halves separately (rules are
// tuned on neither in particular; the gap between halves shows over-fitting). Skips with one
// line when ../shared/data/fakes is absent. `--dump FILE` writes each row's prediction and crowd
// fields as JSON lines, to diff two runs.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { AnalysedDocument, EventFinding, IngestedDocument } from '../src/core/types.js';
import { buildDocument } from '../src/ingest/document.js';
import { Pipeline } from '../src/analyse/pipeline.js';
import { analysers as registered } from '../src/analyse/registry.js';
import { claimsLexicon } from '../src/analyse/analysers/claims/section.js';
import { stubActors, stubPlaces } from '../test/events/stub-entities.js';

type Row = Record<string, string>;
const FIELDS = ['location', 'actor', 'cause', 'civilians', 'children'] as const;
type Field = (typeof FIELDS)[number];
type Prediction = Record<Field, string> & { locSource?: string };

export function fakesDate(mdy: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})$/.exec(mdy.trim());
  if (!m) return null;
  const y = m[3]?.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  return `${y}-${String(m[1]).padStart(2, '0')}-${String(m[2]).padStart(2, '0')}`;
}

export function governorate(region: string | null | undefined): string {
  const r = (region ?? '').toLowerCase();
  const table: [RegExp, string][] = [
    [/alep|halab/, 'aleppo'], [/damasc|dimash|rif/, 'damascus'], [/idl/, 'idlib'], [/deir|zor|zour/, 'deir ezzor'],
    [/raq/, 'raqqa'], [/has[s]?a|hask/, 'hasakeh'], [/homs|hims/, 'homs'], [/hama/, 'hama'], [/lat+akia|ladhiq/, 'lattakia'],
    [/dar.?a|deraa/, 'daraa'], [/quneit|qunait/, 'quneitra'], [/tart/, 'tartus'], [/suw|swei/, 'sweida'],
  ];
  return table.find(([re]) => re.test(r))?.[1] ?? 'unknown';
}

export function fakesActor(doc: AnalysedDocument, id: string | null): string {
  if (!id || id === 'civilians') return 'unknown';
  const a = doc.actors.find((x) => x.id === id);
  if (!a) return 'unknown';
  switch (a.affiliation) {
    case 'syrian_government_and_allies':
      return 'syrian government or russian troops';
    case 'jihadist':
      return /nusra|fat[ae]h|tahrir|hts|qaeda/i.test(`${a.id} ${a.name}`) ? 'al-nusra front' : 'the organization of the islamic state in iraq and the levant - isis';
    case 'us_and_allies':
      return 'international coalition forces';
    case 'syrian_opposition':
      return 'armed opposition groups';
    case 'kurdish':
      return 'self administration forces';
    default:
      return 'unknown';
  }
}

const CAUSES: Record<string, string> = {
  shelling: 'shelling', 'air strike': 'shelling', explosion: 'explosion', chemical: 'chemical and toxic gases',
  execution: 'execution', shooting: 'shooting',
};

const VIOLENT = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians']);

/** The article's main event as the events analyser marked it (`main`), when it is violent: FA-KES codes deaths only. */
export function mainEvent(doc: AnalysedDocument): EventFinding | null {
  return doc.events.find((e) => e.main && VIOLENT.has(e.type)) ?? null;
}

/** The governorate the article names most often (ties: the one named first). */
function mostMentioned(doc: AnalysedDocument): string {
  const count = new Map<string, [number, number]>();
  for (const p of doc.places) {
    const g = governorate(p.region ?? (p.kind === 'region' ? p.name : undefined));
    if (g === 'unknown') continue;
    const [n, first] = count.get(g) ?? [0, Infinity];
    count.set(g, [n + p.mentions.length, Math.min(first, p.mentions[0]?.start ?? Infinity)]);
  }
  return [...count.entries()].sort((a, b) => b[1][0] - a[1][0] || a[1][1] - b[1][1])[0]?.[0] ?? 'unknown';
}

function predict(doc: AnalysedDocument): Prediction {
  const e = mainEvent(doc);
  const place = e?.place ? doc.places.find((p) => p.id === e.place) : undefined;
  // the crowd always names a governorate: when the event's place is only the country, the article's first governorate
  const fallback = mostMentioned(doc);
  const own = governorate(place?.region ?? (place?.kind === 'region' ? place.name : undefined));
  const cause = e?.cause ? CAUSES[e.cause] ?? 'unknown' : 'unknown';
  return {
    location: own !== 'unknown' ? own : fallback,
    locSource: own !== 'unknown' ? `event@${e?.geoPrecision ?? '?'}` : 'article',
    actor: fakesActor(doc, e?.agent ?? null),
    cause,
    civilians: String(e?.civilianFatalities ?? 0),
    children: String(e?.childFatalities ?? 0),
  };
}

function baseline(doc: AnalysedDocument, civCats: Map<string, string>): Prediction {
  const firstPlace = [...doc.places].sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0)).find((p) => governorate(p.region ?? p.name) !== 'unknown');
  const firstActor = [...doc.actors].sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0))[0];
  const civ = doc.claims.find((c) => c.counted === 'people' || civCats.get(c.counted) === 'civilians');
  const ch = doc.claims.find((c) => civCats.get(c.counted) === 'children');
  const cause = /chemical|sarin|chlorine|gas/i.test(doc.text) ? 'chemical and toxic gases' : /bomb|explo|blast/i.test(doc.text) ? 'explosion' : /shell|strike|raid|rocket|mortar/i.test(doc.text) ? 'shelling' : 'unknown';
  return {
    location: governorate(firstPlace?.region ?? firstPlace?.name),
    actor: fakesActor(doc, firstActor?.id ?? null),
    cause,
    civilians: String(civ?.value ?? 0),
    children: String(ch?.value ?? 0),
  };
}

function gold(r: Row): Prediction {
  return { location: r.location ?? '', actor: r.actor ?? '', cause: r.cause_of_death ?? '', civilians: String(Number(r.nb_civilians ?? 0)), children: String(Number(r.nb_children ?? 0)) };
}

interface Tally { n: number; ok: Record<Field, number> }
const tally = (): Tally => ({ n: 0, ok: { location: 0, actor: 0, cause: 0, civilians: 0, children: 0 } });
const fmt = (t: Tally): string => FIELDS.map((f) => `${f} ${(t.ok[f] / Math.max(1, t.n)).toFixed(3)}`).join('  ');

export async function main(args: string[] = []): Promise<number> {
  if (args.includes('--help')) {
    console.log('usage: tsx eval/events.ts [--misses N] [--half odd|even|all] [--dump FILE]\nPer-field accuracy of the main event against FA-KES crowd fields, with a first-mention baseline.');
    return 0;
  }
  const file = resolve(import.meta.dirname, '..', '..', 'shared', 'data', 'fakes', 'fakes-dev.csv');
  if (!existsSync(file)) {
    console.log('eval events: ../shared/data/fakes/fakes-dev.csv not found; skipped.');
    return 0;
  }
  const missesN = Number(args[args.indexOf('--misses') + 1] ?? 0) || (args.includes('--misses') ? 20 : 0);
  const half = args.includes('--half') ? args[args.indexOf('--half') + 1] : 'all';
  const rows = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Row[];
  const ids = new Set(registered.map((a) => a.id));
  const stubs = [...(ids.has('places') ? [] : [stubPlaces]), ...(ids.has('actors') ? [] : [stubActors])];
  if (stubs.length) console.log(`eval events: using eval stand-ins for ${stubs.map((s) => s.id).join(', ')} (not registered yet)`);
  const pipeline = new Pipeline({ analysers: [...registered, ...stubs] });
  const civCats = claimsLexicon(pipeline.pack).categories;
  const ours = { odd: tally(), even: tally() };
  const base = { odd: tally(), even: tally() };
  const misses: { wrong: Field[]; row: Row; p: Prediction; g: Prediction; ev: string }[] = [];
  let bytes = 0;
  let ms = 0;
  const dumped: string[] = [];
  const dumpFile = args.includes('--dump') ? args[args.indexOf('--dump') + 1] : undefined;
  for (const r of rows) {
    const parity = Number(r.unit_id ?? 0) % 2 ? 'odd' : 'even';
    if (half !== 'all' && half !== parity) continue;
    // the same path as `faultline analyze fakes-dev.csv --date-column date --source-column source --id-column unit_id`
    const built = buildDocument({ source: `fakes-dev.csv#unit=${r.unit_id}`, text: r.article_content ?? '', title: r.article_title ?? null, date: r.date ?? null, outlet: r.source ?? null, externalId: r.unit_id ?? null });
    if (typeof built === 'string') continue;
    const input: IngestedDocument = { ...built, languages: [{ lang: 'en', share: 1 }] };
    const text = input.text;
    const t0 = performance.now();
    const { doc } = pipeline.analyse(input);
    ms += performance.now() - t0;
    bytes += Buffer.byteLength(text);
    const g = gold(r);
    const p = predict(doc);
    const b = baseline(doc, civCats);
    const wrong: Field[] = [];
    for (const t of [ours[parity], base[parity]]) t.n++;
    for (const f of FIELDS) {
      if (p[f] === g[f]) ours[parity].ok[f]++;
      else wrong.push(f);
      if (b[f] === g[f]) base[parity].ok[f]++;
    }
    const e = mainEvent(doc);
    dumped.push(JSON.stringify({ unit: r.unit_id, p: { ...p, locSource: undefined }, g }));
    if (wrong.length) misses.push({ wrong, row: r, p, g, ev: e ? `${e.ruleId} "${doc.text.slice(e.start, e.end).slice(0, 220)}"` : '(no event)' });
  }
  for (const parity of ['odd', 'even'] as const) {
    if (!ours[parity].n) continue;
    console.log(`${parity.padEnd(4)} n=${ours[parity].n}  ours:     ${fmt(ours[parity])}`);
    console.log(`${''.padEnd(4)}        baseline: ${fmt(base[parity])}`);
  }
  const all = tally();
  for (const t of [ours.odd, ours.even]) {
    all.n += t.n;
    for (const f of FIELDS) all.ok[f] += t.ok[f];
  }
  console.log(`all  n=${all.n}  ours:     ${fmt(all)}`);
  console.log(`speed: ${(bytes / 1e6 / (ms / 1000)).toFixed(2)} MB/s over ${(bytes / 1e6).toFixed(2)} MB (all registered analysers${stubs.length ? ' + stand-ins' : ''})`);
  if (dumpFile) writeFileSync(dumpFile, `${dumped.join('\n')}\n`);
  misses.sort((a, b) => b.wrong.length - a.wrong.length);
  for (const m of misses.slice(0, missesN)) {
    console.log(`\n#${m.row.unit_id} ${m.row.article_title?.slice(0, 90)}`);
    for (const f of m.wrong) console.log(`  ${f}: ours "${m.p[f]}" crowd "${m.g[f]}"${f === 'location' ? ` (from ${m.p.locSource})` : ''}`);
    console.log(`  main event: ${m.ev}`);
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
