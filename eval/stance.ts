// `npm run eval -- stance`: stance on the seed documents (expected camps from the project's
// brief) and, on the FA-KES development rows, how often a document's camp agrees with the known
// alignment of its outlet (state and allied media vs opposition-aligned media vs wire/regional
// outlets). Outlet alignment is a proxy, not a gold label: it is reported per outlet.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Pipeline } from '../src/analyse/pipeline.js';
import { normaliseText } from '../src/core/text.js';
import type { IngestedDocument } from '../src/core/types.js';

const SEEDS: Record<string, string> = { '000': 'pro_syrian_government', '002': 'pro_syrian_government', '003': 'pro_syrian_government' };
const OUTLETS: Record<string, string> = {
  sana: 'pro_syrian_government', manar: 'pro_syrian_government', alalam: 'pro_syrian_government', sputnik: 'pro_syrian_government', tass: 'pro_syrian_government',
  etilaf: 'pro_opposition', dailysabah: 'pro_opposition', trt: 'pro_opposition', arabiya: 'pro_opposition', asharqalawsat: 'pro_opposition', alaraby: 'pro_opposition',
  reuters: 'neutral', jordantimes: 'neutral', nna: 'neutral', ahram: 'neutral',
};

const asDoc = (id: string, text: string): IngestedDocument => ({
  id, source: id, externalId: null, outlet: null, title: null, published: null, languages: [], text: normaliseText(text), segments: [],
});

export function main(args: string[] = []): number {
  if (args.includes('--help')) {
    console.log('usage: tsx eval/stance.ts\nStance on ../shared seeds and FA-KES outlets.');
    return 0;
  }
  const shared = resolve(import.meta.dirname, '..', '..', 'shared');
  if (!existsSync(shared)) {
    console.log('eval stance: ../shared not found; skipped.');
    return 0;
  }
  const pipeline = new Pipeline({ only: ['labels', 'stance'] });
  const seedsDir = join(shared, 'corpus', 'seeds');
  let right = 0;
  let total = 0;
  for (const f of existsSync(seedsDir) ? readdirSync(seedsDir).sort() : []) {
    const want = SEEDS[f.slice(0, 3)];
    if (!want) continue;
    const s = pipeline.analyse(asDoc(f, readFileSync(join(seedsDir, f), 'utf8'))).doc.stance;
    total++;
    if (s.camp === want) right++;
    console.log(`seed ${f}: ${s.camp} (confidence ${s.confidence}, scores ${JSON.stringify(s.scores)}) expected ${want}`);
  }
  console.log(`seeds: ${right}/${total} right`);
  const fakes = join(shared, 'data', 'fakes', 'fakes-dev.csv');
  if (!existsSync(fakes)) return 0;
  const rows = parse(readFileSync(fakes, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const table = new Map<string, Map<string, number>>();
  const agree = { camp: 0, campTotal: 0, neutral: 0, neutralTotal: 0, opposite: 0 };
  for (const r of rows) {
    const outlet = r.source;
    const expected = OUTLETS[outlet];
    if (!expected) continue;
    const camp = pipeline.analyse(asDoc(r.unit_id, `${r.article_title}\n\n${r.article_content}`)).doc.stance.camp;
    const row = table.get(outlet) ?? new Map<string, number>();
    row.set(camp, (row.get(camp) ?? 0) + 1);
    table.set(outlet, row);
    if (expected === 'neutral') {
      agree.neutralTotal++;
      if (camp === 'neutral') agree.neutral++;
    } else {
      agree.campTotal++;
      if (camp === expected) agree.camp++;
      else if (camp.startsWith('pro_')) agree.opposite++;
    }
  }
  for (const [outlet, row] of [...table].sort()) {
    console.log(`  ${outlet.padEnd(14)} (${OUTLETS[outlet]}): ${[...row].sort().map(([c, n]) => `${c} ${n}`).join(', ')}`);
  }
  console.log(`FA-KES dev: aligned outlets -> own camp ${agree.camp}/${agree.campTotal}, opposite camp ${agree.opposite}; wire/regional outlets -> neutral ${agree.neutral}/${agree.neutralTotal}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) process.exitCode = main(process.argv.slice(2));
