// The contract every analyser follows (modelled on retext plugins): one job, reads the
// document and the findings earlier analysers appended, appends its own. Analysers never
// touch the store and never throw on content: a content problem is a finding or nothing.
import type { AnalysedDocument, Span } from '../core/types.js';
import type { Pack } from '../packs/loader.js';

export interface AnalysisContext {
  /** the document being built: ingest fields plus findings appended so far */
  doc: AnalysedDocument;
  pack: Pack;
  /** sentence spans over doc.text, computed once per document (Intl.Segmenter) */
  sentences(): Span[];
}

export interface Analyser {
  /** stable kebab-case id, also the prefix of the ruleIds it emits */
  id: string;
  /** ids of analysers whose findings this one reads; the pipeline orders by them */
  after?: string[];
  /** one-line description shown by `faultline analyze --help` and in docs */
  description: string;
  run(ctx: AnalysisContext): void;
}
