// Reproduces models/techniques.json from ../shared/data/ptc: trains the statistical
// propaganda-span model on the PTC articles that are not held out (see src/ml/ptc.ts).
// Deterministic (seeded), single core, about a minute. Usage: npx tsx scripts/train-techniques.ts [--out FILE]
// The rule detections of the syria pack (with its labels, as the analyser sees them) decide which
// rules the analyser emits on their own (src/ml/rule-selection.ts); the label-lexicon rules
// always do (LABEL_RULE_IDS).
import { resolve } from 'node:path';
import { LABEL_RULE_IDS, ruleTechniques } from '../src/analyse/analysers/techniques/rules.js';
import { Pipeline } from '../src/analyse/pipeline.js';
import type { RuleSpan } from '../src/ml/rule-selection.js';
import { saveModel } from '../src/ml/model-io.js';
import { isHeldOut, loadPtc, ptcDir } from '../src/ml/ptc.js';
import { DEFAULT_CONFIG, trainModel, type TrainConfig } from '../src/ml/train.js';
import type { PtcArticle } from '../src/ml/ptc.js';

export const DEFAULT_MODEL_PATH = resolve(import.meta.dirname, '..', 'models', 'techniques.json');

/** The rule findings the techniques analyser would combine with the model's spans. */
function ruleSpans(pack = 'syria'): (a: PtcArticle) => RuleSpan[] {
  const labels = new Pipeline({ pack, only: ['labels'] });
  return (a) => {
    const doc = labels.analyse({ id: a.id, source: a.id, externalId: null, outlet: null, title: null, published: null, languages: [], text: a.text, segments: [] }).doc;
    return ruleTechniques(a.text, labels.pack, doc.labels).map((f) => ({ start: f.start, end: f.end, technique: f.technique, ruleId: f.ruleId ?? '' }));
  };
}

export function main(args: string[]): number {
  if (args.includes('--help')) {
    console.log('usage: tsx scripts/train-techniques.ts [--out FILE]\nTrains the propaganda technique model from ../shared/data/ptc (held-out articles excluded).');
    return 0;
  }
  const outIdx = args.indexOf('--out');
  const out = outIdx >= 0 && args[outIdx + 1] ? resolve(args[outIdx + 1]) : DEFAULT_MODEL_PATH;
  const articles = loadPtc(ptcDir(resolve(import.meta.dirname, '..')));
  if (!articles) {
    console.log('train-techniques: ../shared/data/ptc not found; nothing to train.');
    return 0;
  }
  const train = articles.filter((a) => !isHeldOut(a.id));
  const t0 = performance.now();
  // FAULTLINE_TRAIN_CONFIG (JSON) overrides hyperparameters for experiments; the committed model uses the defaults.
  const override = process.env.FAULTLINE_TRAIN_CONFIG ? (JSON.parse(process.env.FAULTLINE_TRAIN_CONFIG) as Partial<TrainConfig>) : {};
  const model = trainModel(train, { ...DEFAULT_CONFIG, ...override, log: (m) => console.log(m) }, ruleSpans(), LABEL_RULE_IDS);
  saveModel(out, model);
  console.log(`wrote ${out} (${train.length} training articles, ${articles.length - train.length} held out) in ${((performance.now() - t0) / 1000).toFixed(1)}s`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) process.exitCode = main(process.argv.slice(2));
