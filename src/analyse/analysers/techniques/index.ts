// `techniques` analyser: propaganda-technique spans from the statistical model trained on PTC
// (src/ml, models/techniques.json) and from the rule detectors (rules.ts). The model's spans
// identify where propaganda is; a rule's detections are emitted on their own only for the rules
// the training chose as standalone (they raised span F1 on held-apart training articles) and for
// the label-lexicon rules (camp-mirrored name calling, never gated by the model), and otherwise
// only inside a model span, where they name its technique (src/ml/rule-selection.ts).
// The model learnt English (PTC): a rule match written in another script (Russian, Arabic) is
// beyond its judgement and is emitted on its own.
// Without a model file every rule detection is emitted. Every finding names its rule;
// definitions for display come from definitions.ts.
import type { Technique, TechniqueFinding } from '../../../core/types.js';
import { combineSpans } from '../../../ml/rule-selection.js';
import { prepare, predictSpans, type TechniqueModel } from '../../../ml/technique-model.js';
import type { Analyser } from '../../analyser.js';
import { techniqueModel } from './model.js';
import { LABEL_RULE_IDS, ruleTechniques } from './rules.js';

export { techniqueDefinition } from './definitions.js';

const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** The model tokenises by UTF-16 unit; widen a span that would cut an astral character in two. */
function wholeCharacters(text: string, start: number, end: number): [number, number] {
  if (start > 0 && start < text.length && isLow(text.charCodeAt(start))) start--;
  if (end > 0 && end < text.length && isLow(text.charCodeAt(end))) end++;
  return [start, end];
}

/** a letter outside the Latin script */
const OTHER_SCRIPT = /(?=\p{L})\P{Script=Latin}/u;

const standaloneSets = new WeakMap<TechniqueModel, ReadonlySet<string>>();

/** The model's standalone rules plus the label-lexicon rules (see LABEL_RULE_IDS). */
function standaloneRules(m: TechniqueModel): ReadonlySet<string> | null {
  if (!m.standaloneRules) return null;
  let s = standaloneSets.get(m);
  if (!s) standaloneSets.set(m, (s = new Set([...m.standaloneRules, ...LABEL_RULE_IDS])));
  return s;
}

/** The analyser's findings for a text: model spans combined with the rule detections. */
export function techniqueFindings(text: string, rules: TechniqueFinding[], model: TechniqueModel | null, sentences: () => { start: number; end: number }[]): TechniqueFinding[] {
  if (!model || !text.length) return rules;
  const spans: TechniqueFinding[] = predictSpans(model, prepare(text, sentences())).map((s) => {
    const [start, end] = wholeCharacters(text, s.start, s.end);
    return {
      start,
      end,
      technique: s.technique as Technique,
      confidence: Math.round(s.prob * s.techniqueProb * 100) / 100,
      ruleId: 'techniques-model',
    };
  });
  const standalone = standaloneRules(model);
  if (!standalone) return [...rules, ...spans];
  return combineSpans(spans, rules, standalone, (r) => OTHER_SCRIPT.test(text.slice(r.start, r.end)));
}

export const techniquesAnalyser: Analyser = {
  id: 'techniques',
  after: ['labels'],
  description: 'propaganda techniques (SemEval-2020 Task 11): a model trained on PTC, with rule detectors',
  run(ctx) {
    const { doc, pack } = ctx;
    const found = techniqueFindings(doc.text, ruleTechniques(doc.text, pack, doc.labels), techniqueModel(), ctx.sentences);
    const seen = new Set<string>();
    for (const f of found) {
      const key = `${f.start}:${f.end}:${f.technique}`;
      if (seen.has(key)) continue;
      seen.add(key);
      doc.techniques.push(f);
    }
  },
};
