// `techniques` analyser: propaganda-technique spans from the rule detectors (rules.ts) and from
// the statistical model trained on PTC (src/ml, models/techniques.json). Every finding names
// its rule; definitions for display come from definitions.ts.
import type { Technique, TechniqueFinding } from '../../../core/types.js';
import { prepare, predictSpans } from '../../../ml/technique-model.js';
import type { Analyser } from '../../analyser.js';
import { techniqueModel } from './model.js';
import { ruleTechniques } from './rules.js';

export { techniqueDefinition } from './definitions.js';

const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** The model tokenises by UTF-16 unit; widen a span that would cut an astral character in two. */
function wholeCharacters(text: string, start: number, end: number): [number, number] {
  if (start > 0 && start < text.length && isLow(text.charCodeAt(start))) start--;
  if (end > 0 && end < text.length && isLow(text.charCodeAt(end))) end++;
  return [start, end];
}

export const techniquesAnalyser: Analyser = {
  id: 'techniques',
  after: ['labels'],
  description: 'propaganda techniques (SemEval-2020 Task 11): rule detectors plus a model trained on PTC',
  run(ctx) {
    const { doc, pack } = ctx;
    const found: TechniqueFinding[] = ruleTechniques(doc.text, pack, doc.labels);
    const model = techniqueModel();
    if (model && doc.text.length) {
      for (const s of predictSpans(model, prepare(doc.text, ctx.sentences()))) {
        const [start, end] = wholeCharacters(doc.text, s.start, s.end);
        found.push({
          start,
          end,
          technique: s.technique as Technique,
          confidence: Math.round(s.prob * s.techniqueProb * 100) / 100,
          ruleId: 'techniques-model',
        });
      }
    }
    const seen = new Set<string>();
    for (const f of found) {
      const key = `${f.start}:${f.end}:${f.technique}`;
      if (seen.has(key)) continue;
      seen.add(key);
      doc.techniques.push(f);
    }
  },
};
