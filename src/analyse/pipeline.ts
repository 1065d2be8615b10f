// Runs the registered analysers over one ingested document. Analysers are ordered by their
// `after` dependencies; a failing analyser is recorded as a finding-level problem on the
// document instead of aborting the run (content problems never crash a run).
import type { AnalysedDocument, IngestedDocument, Span } from '../core/types.js';
import { emptyFindings } from '../core/types.js';
import { sentenceSpans } from '../core/text.js';
import { loadPack, type Pack } from '../packs/loader.js';
import type { Analyser, AnalysisContext } from './analyser.js';
import { analysers as registered } from './registry.js';

export interface AnalyserTiming {
  id: string;
  ms: number;
}

export interface PipelineOptions {
  pack?: string;
  /** restrict to these analyser ids (and what they depend on) */
  only?: string[];
  analysers?: Analyser[];
}

export interface AnalysisProblem {
  analyser: string;
  message: string;
}

export interface PipelineResult {
  doc: AnalysedDocument;
  problems: AnalysisProblem[];
  timings: AnalyserTiming[];
}

export function orderAnalysers(list: Analyser[]): Analyser[] {
  const byId = new Map(list.map((a) => [a.id, a]));
  const out: Analyser[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (a: Analyser, trail: string[]): void => {
    const s = state.get(a.id);
    if (s === 'done') return;
    if (s === 'visiting') throw new Error(`analyser dependency cycle: ${[...trail, a.id].join(' -> ')}`);
    state.set(a.id, 'visiting');
    for (const dep of a.after ?? []) {
      const d = byId.get(dep);
      if (d) visit(d, [...trail, a.id]);
    }
    state.set(a.id, 'done');
    out.push(a);
  };
  for (const a of list) visit(a, []);
  return out;
}

function withDependencies(list: Analyser[], only: string[]): Analyser[] {
  const byId = new Map(list.map((a) => [a.id, a]));
  const keep = new Set<string>();
  const add = (id: string): void => {
    if (keep.has(id)) return;
    const a = byId.get(id);
    if (!a) throw new Error(`unknown analyser "${id}"; known: ${[...byId.keys()].join(', ')}`);
    keep.add(id);
    for (const d of a.after ?? []) if (byId.has(d)) add(d);
  };
  only.forEach(add);
  return list.filter((a) => keep.has(a.id));
}

export class Pipeline {
  readonly pack: Pack;
  readonly analysers: Analyser[];

  constructor(options: PipelineOptions = {}) {
    this.pack = loadPack(options.pack ?? 'syria');
    let list = options.analysers ?? registered;
    if (options.only?.length) list = withDependencies(list, options.only);
    this.analysers = orderAnalysers(list);
  }

  analyse(input: IngestedDocument): PipelineResult {
    const doc: AnalysedDocument = { ...input, ...emptyFindings() };
    let sentences: Span[] | undefined;
    const ctx: AnalysisContext = {
      doc,
      pack: this.pack,
      sentences: () => (sentences ??= sentenceSpans(doc.text)),
    };
    const problems: AnalysisProblem[] = [];
    const timings: AnalyserTiming[] = [];
    for (const a of this.analysers) {
      const t0 = performance.now();
      try {
        a.run(ctx);
      } catch (err) {
        problems.push({ analyser: a.id, message: (err as Error).message });
      }
      timings.push({ id: a.id, ms: performance.now() - t0 });
    }
    sortFindings(doc);
    return { doc, problems, timings };
  }
}

const byStart = (a: Span, b: Span): number => a.start - b.start || a.end - b.end;

/** The schema promises arrays sorted by start offset where they carry one. */
export function sortFindings(doc: AnalysedDocument): void {
  doc.segments.sort(byStart);
  doc.claims.sort(byStart);
  doc.events.sort(byStart);
  doc.techniques.sort(byStart);
  doc.labels.sort(byStart);
  doc.stance.evidence.sort(byStart);
  for (const group of [doc.places, doc.actors, doc.persons, doc.sourcesCited]) {
    for (const item of group) item.mentions.sort(byStart);
    group.sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
  }
  for (const a of doc.actors) a.labels.sort(byStart);
}
