// Text helpers shared by ingest and the analysers. Sentence splitting uses ICU through
// Intl.Segmenter (bundled with Node), adjusted only for line breaks, which ICU ignores but
// which end headlines, captions and forum lines in real web text.
import type { Span } from './types.js';

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Sentence spans, trimmed of surrounding whitespace; blank lines and single newlines split too. */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  const lineRe = /[^\n]+/g;
  for (let line = lineRe.exec(text); line; line = lineRe.exec(text)) {
    const base = line.index;
    for (const seg of sentenceSegmenter.segment(line[0])) {
      const s = seg.segment;
      const lead = s.length - s.trimStart().length;
      const trimmed = s.trim();
      if (!trimmed) continue;
      const start = base + seg.index + lead;
      spans.push({ start, end: start + trimmed.length });
    }
  }
  return spans;
}

/** Normalise once, before any offset is taken: NFC, \n line ends, no BOM, no NUL. */
export function normaliseText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\u0000/g, '')
    .normalize('NFC');
}

/** Escape a literal for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
