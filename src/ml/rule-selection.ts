// How the techniques analyser combines rule detections with the model's spans. Taking the union
// of every rule span and every model span cost span F1 on PTC (rules such as repetition or doubt
// markers fire far outside propaganda spans), so each rule is either STANDALONE (its spans are
// emitted on their own) or CONFIRMING (its spans are emitted only inside a model span, where
// they name a technique for it). Which rules stand alone is chosen here, at training time, on
// out-of-fold model spans of the training articles: a rule is demoted to confirming only when
// that raises span F1 by at least `minGain`. Pure: the caller supplies the rule findings.
import { spanF1, type ScoredSpan } from './span-f1.js';

export interface RuleSpan extends ScoredSpan {
  ruleId: string;
}

/** The first model span that overlaps the rule span, or null (spans sorted by start). */
export function hostSpan<T extends ScoredSpan>(model: T[], r: ScoredSpan): T | null {
  let lo = 0;
  let hi = model.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (model[mid].end <= r.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < model.length && model[lo].start < r.end ? model[lo] : null;
}

/**
 * Model spans plus the rule spans that the combination keeps. Model spans of one document never
 * overlap (disjoint token runs inside sentences), so sorted by start they are also sorted by end.
 */
export function combineSpans<M extends ScoredSpan, R extends ScoredSpan & { ruleId?: string }>(
  model: M[],
  rules: R[],
  standalone: ReadonlySet<string>,
  alsoStandalone: (r: R) => boolean = () => false,
): (M | R)[] {
  const sorted = model.slice().sort((a, b) => a.start - b.start);
  const out: (M | R)[] = [...model];
  for (const r of rules) if (standalone.has(r.ruleId ?? '') || hostSpan(sorted, r) || alsoStandalone(r)) out.push(r);
  return out;
}

export interface SelectionDoc {
  id: string;
  gold: ScoredSpan[];
  model: ScoredSpan[];
  rules: RuleSpan[];
}

/**
 * Backward elimination (ties broken by rule id, so deterministic): every rule starts standalone;
 * the rule whose demotion to confirming raises out-of-fold span F1 most is demoted, while that
 * raises it by at least `minGain`. A rule thus keeps its detections unless they demonstrably
 * cost span F1. `forced` rules are never demoted.
 */
export function selectStandaloneRules(
  docs: SelectionDoc[],
  minGain = 0.001,
  log: (m: string) => void = () => undefined,
  forced: readonly string[] = [],
): string[] {
  const gold = new Map(docs.map((d) => [d.id, d.gold]));
  const score = (chosen: Set<string>): number =>
    spanF1(new Map(docs.map((d) => [d.id, combineSpans(d.model, d.rules, chosen)])), gold).f1;
  const ids = [...new Set([...forced, ...docs.flatMap((d) => d.rules.map((r) => r.ruleId))])].sort();
  log(`  model spans plus confirming rules: out-of-fold span F1 ${score(new Set(forced)).toFixed(4)}`);
  const chosen = new Set(ids);
  let best = score(chosen);
  log(`  every rule standalone: out-of-fold span F1 ${best.toFixed(4)}`);
  for (;;) {
    let pick = '';
    let pickF = best + minGain;
    for (const id of ids) {
      if (!chosen.has(id) || forced.includes(id)) continue;
      const f = score(new Set([...chosen].filter((x) => x !== id)));
      if (f >= pickF) {
        pickF = f;
        pick = id;
      }
    }
    if (!pick) break;
    chosen.delete(pick);
    best = pickF;
    log(`  - ${pick} only confirms: out-of-fold span F1 ${best.toFixed(4)}`);
  }
  return [...chosen].sort();
}
