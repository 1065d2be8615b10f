// Shared fixture runner for the entity tests: runs only the four entity analysers on our own
// text and renders findings as golden lines `start-end ruleId "actual text"`.
import { Pipeline } from '../../src/analyse/pipeline.js';
import type { AnalysedDocument, Span } from '../../src/core/types.js';
import { normaliseText } from '../../src/core/text.js';

const pipelines = new Map<string, Pipeline>();

export function analyse(raw: string, pack = 'syria'): AnalysedDocument {
  let p = pipelines.get(pack);
  if (!p) {
    p = new Pipeline({ pack, only: ['places', 'actors', 'persons', 'sources-cited'] });
    pipelines.set(pack, p);
  }
  const text = normaliseText(raw);
  const r = p.analyse({ id: 't', source: 'test', externalId: null, outlet: null, title: null, published: null, languages: [], text, segments: [] });
  if (r.problems.length) throw new Error(r.problems.map((x) => x.message).join('; '));
  return r.doc;
}

export function golden(doc: AnalysedDocument, spans: Span[]): string[] {
  return spans.map((s) => `${s.start}-${s.end} ${s.ruleId ?? ''} "${doc.text.slice(s.start, s.end)}"`);
}

export function surfaces(doc: AnalysedDocument, spans: Span[]): string[] {
  return spans.map((s) => doc.text.slice(s.start, s.end));
}
