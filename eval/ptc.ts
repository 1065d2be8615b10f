// `npm run eval -- ptc` / `npx tsx eval/ptc.ts`: scores propaganda-span detection on the PTC
// articles held out from training (src/ml/ptc.ts) with the SemEval-2020 Task 11 span F1
// (partial-overlap credit) and its labelled variant, for the statistical model, the rules,
// their plain union, and what the techniques analyser emits in the pipeline (model spans, the
// standalone rules the training chose, other rules only inside model spans). `--model FILE`
// scores another model file, in the analyser line too. Skips with one line when
// ../shared/data/ptc is absent.
import { resolve } from 'node:path';
import { sentenceSpans } from '../src/core/text.js';
import { isHeldOut, loadPtc, ptcDir } from '../src/ml/ptc.js';
import { spanF1, type PRF, type ScoredSpan } from '../src/ml/span-f1.js';
import { prepare, predictSpans } from '../src/ml/technique-model.js';
import { techniqueModel, useTechniqueModel } from '../src/analyse/analysers/techniques/model.js';
import { ruleTechniques } from '../src/analyse/analysers/techniques/rules.js';
import { loadPack } from '../src/packs/loader.js';
import { Pipeline } from '../src/analyse/pipeline.js';

const fmt = (r: PRF): string =>
  `P ${r.precision.toFixed(3)} R ${r.recall.toFixed(3)} F1 ${r.f1.toFixed(3)} (${r.predicted} predicted, ${r.gold} gold)`;

export function main(args: string[] = []): number {
  if (args.includes('--help')) {
    console.log('usage: tsx eval/ptc.ts [--model FILE]\nSpan F1 (SemEval-2020 Task 11) of the technique model and rules on held-out PTC articles.');
    return 0;
  }
  const root = resolve(import.meta.dirname, '..');
  const articles = loadPtc(ptcDir(root));
  if (!articles) {
    console.log('eval ptc: ../shared/data/ptc not found; skipped.');
    return 0;
  }
  const test = articles.filter((a) => isHeldOut(a.id));
  const modelIdx = args.indexOf('--model');
  const model = modelIdx >= 0 && args[modelIdx + 1] ? useTechniqueModel(resolve(args[modelIdx + 1])) : techniqueModel();
  if (!model) {
    console.log('eval ptc: models/techniques.json missing; run `npx tsx scripts/train-techniques.ts` first.');
    return 1;
  }
  const pack = loadPack('syria');
  const gold = new Map<string, ScoredSpan[]>();
  const byModel = new Map<string, ScoredSpan[]>();
  const byRules = new Map<string, ScoredSpan[]>();
  const union = new Map<string, ScoredSpan[]>();
  // what the product emits: the techniques analyser in the pipeline (rules see the labels too)
  const product = new Map<string, ScoredSpan[]>();
  const pipeline = new Pipeline({ only: ['techniques'] });
  let chars = 0;
  let ms = 0;
  for (const a of test) {
    gold.set(a.id, a.spans);
    const t0 = process.cpuUsage();
    const sentences = sentenceSpans(a.text);
    const m = predictSpans(model, prepare(a.text, sentences)).map((s) => ({ start: s.start, end: s.end, technique: s.technique }));
    const dt = process.cpuUsage(t0);
    ms += (dt.user + dt.system) / 1000;
    chars += a.text.length;
    const r = ruleTechniques(a.text, pack).map((s) => ({ start: s.start, end: s.end, technique: s.technique as string }));
    byModel.set(a.id, m);
    byRules.set(a.id, r);
    union.set(a.id, [...m, ...r]);
    const doc = pipeline.analyse({ id: a.id, source: a.id, externalId: null, outlet: null, title: null, published: null, languages: [], text: a.text, segments: [] }).doc;
    product.set(a.id, doc.techniques.map((t) => ({ start: t.start, end: t.end, technique: t.technique as string })));
  }
  console.log(`PTC held-out: ${test.length} articles (of ${articles.length}), ${[...gold.values()].reduce((n, g) => n + g.length, 0)} gold technique spans`);
  for (const [name, pred] of [['model', byModel], ['rules', byRules], ['model+rules', union], ['analyser', product]] as const) {
    console.log(`${name.padEnd(12)} span F1      ${fmt(spanF1(pred, gold))}`);
    console.log(`${name.padEnd(12)} labelled F1  ${fmt(spanF1(pred, gold, true))}`);
  }
  console.log(`model inference: ${((chars / 1e6) / (ms / 1000)).toFixed(1)} MB/s of CPU time, one pass per article incl. sentence splitting (first articles include JIT warm-up)`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) process.exitCode = main(process.argv.slice(2));
