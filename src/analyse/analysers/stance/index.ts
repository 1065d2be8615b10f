// `stance` analyser: the camp of the whole document and of each segment, decided from the
// evidence (evidence.ts) by one rule for every camp: each camp's evidence is summed (repeats of
// the same label count less and less), a camp wins with a clear majority of enough evidence;
// conflicting evidence is `mixed`; little evidence in enough text is `neutral`, in too little
// text `unclear`. Confidence grows with the amount and the agreement of the evidence.
import type { Span, Stance } from '../../../core/types.js';
import type { Analyser } from '../../analyser.js';
import { collectEvidence, type StanceEvidence } from './evidence.js';
import { spansWithin } from './spans.js';

export interface StanceThresholds {
  /** evidence weight needed to call a camp */
  minEvidence: number;
  /** share of the evidence the leading camp needs */
  majority: number;
  /** characters of text below which thin evidence means unclear rather than neutral */
  minChars: number;
}

export const DOCUMENT_THRESHOLDS: StanceThresholds = { minEvidence: 1.5, majority: 0.65, minChars: 200 };
export const SEGMENT_THRESHOLDS: StanceThresholds = { minEvidence: 1, majority: 0.65, minChars: 120 };

export function decideStance(evidence: StanceEvidence[], camps: string[], chars: number, t: StanceThresholds): Stance {
  const scores: Record<string, number> = Object.fromEntries(camps.map((c) => [c, 0]));
  const seen = new Map<string, number>();
  for (const e of evidence) {
    if (!(e.camp in scores)) continue;
    const key = `${e.ruleId}|${e.about}|${e.camp}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    scores[e.camp] += e.weight * 0.5 ** n;
  }
  const total = camps.reduce((s, c) => s + scores[c], 0);
  const ranked = [...camps].sort((a, b) => scores[b] - scores[a]);
  const top = ranked[0];
  const round = (x: number): number => Math.round(x * 100) / 100;
  for (const c of camps) scores[c] = round(scores[c]);
  const spans: Span[] = evidence;
  if (total < t.minEvidence) {
    const camp = chars >= t.minChars ? 'neutral' : 'unclear';
    return { camp, confidence: round(camp === 'neutral' ? 0.7 - total * 0.2 : 0.3), evidence: spans, scores };
  }
  const share = scores[top] / total;
  if (share >= t.majority) {
    return { camp: top, confidence: round(Math.min(0.95, share * (1 - Math.exp(-total / 2)))), evidence: spans, scores };
  }
  return { camp: 'mixed', confidence: round(0.4 + (1 - Math.abs(share - 0.5) * 2) * 0.3), evidence: spans, scores };
}

export const stanceAnalyser: Analyser = {
  id: 'stance',
  after: ['labels', 'actors', 'sources-cited', 'techniques'],
  description: 'camp of the document and of each segment from its labels, praise and condemnation of actors, scare quotes and sources',
  run(ctx) {
    const { doc, pack } = ctx;
    const camps = pack.manifest.camps;
    const evidence = collectEvidence(doc, pack, ctx.sentences());
    doc.stance = decideStance(evidence, camps, doc.text.length, DOCUMENT_THRESHOLDS);
    for (const seg of doc.segments) {
      const inside = spansWithin(evidence, seg.start, seg.end);
      seg.stance = decideStance(inside, camps, seg.end - seg.start, SEGMENT_THRESHOLDS).camp;
    }
  },
};
