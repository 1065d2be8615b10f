// SemEval-2020 Task 11 span-identification score (Da San Martino et al.): partial-overlap
// credit C(s,t) = |s∩t|/|s| for precision and |s∩t|/|t| for recall, summed over every pair of
// predicted and gold spans of the same article; overlapping spans are merged first, as the
// official scorer does. The labelled variant only credits pairs with the same technique.

export interface ScoredSpan {
  start: number;
  end: number;
  technique?: string;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  predicted: number;
  gold: number;
}

export function mergeSpans<T extends ScoredSpan>(spans: T[]): ScoredSpan[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: ScoredSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end - 1) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end, technique: s.technique });
  }
  return out;
}

function byTechnique(spans: ScoredSpan[]): ScoredSpan[] {
  const groups = new Map<string, ScoredSpan[]>();
  for (const s of spans) {
    const k = s.technique ?? '';
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(s);
  }
  return [...groups.values()].flatMap((g) => mergeSpans(g));
}

/** Score per-article predictions against per-article gold. */
export function spanF1(pred: Map<string, ScoredSpan[]>, gold: Map<string, ScoredSpan[]>, labelled = false): PRF {
  let pNum = 0;
  let rNum = 0;
  let pDen = 0;
  let rDen = 0;
  const ids = new Set([...pred.keys(), ...gold.keys()]);
  for (const id of ids) {
    const P = labelled ? byTechnique(pred.get(id) ?? []) : mergeSpans(pred.get(id) ?? []);
    const G = labelled ? byTechnique(gold.get(id) ?? []) : mergeSpans(gold.get(id) ?? []);
    pDen += P.length;
    rDen += G.length;
    for (const s of P) {
      for (const t of G) {
        if (labelled && s.technique !== t.technique) continue;
        const inter = Math.min(s.end, t.end) - Math.max(s.start, t.start);
        if (inter <= 0) continue;
        pNum += inter / (s.end - s.start);
        rNum += inter / (t.end - t.start);
      }
    }
  }
  const precision = pDen ? pNum / pDen : 0;
  const recall = rDen ? rNum / rDen : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, predicted: pDen, gold: rDen };
}
