// Shared helpers for ingest tests: golden lines for segments and an event collector.
import type { IngestedDocument, Segment } from '../../src/core/types.js';
import { ingest } from '../../src/ingest/index.js';
import { DEFAULT_INGEST_OPTIONS, type IngestEvent, type IngestOptions } from '../../src/ingest/types.js';

export function segmentLines(text: string, segs: Segment[]): string[] {
  return segs.map((s) => {
    const first = text.slice(s.start, s.end).split('\n')[0].trim();
    return `${s.kind} d${s.depth} ${s.author ?? '-'}${s.published ? ` @${s.published}` : ''} "${first}"`;
  });
}

/** Segments lie within the text, are sorted, do not overlap and are trimmed. */
export function checkSegments(doc: Pick<IngestedDocument, 'text' | 'segments'>): void {
  let prev = 0;
  for (const s of doc.segments) {
    if (s.start < prev || s.end <= s.start || s.end > doc.text.length) throw new Error(`bad segment ${JSON.stringify(s)}`);
    const t = doc.text.slice(s.start, s.end);
    if (t !== t.trim()) throw new Error(`untrimmed segment ${JSON.stringify(t.slice(0, 40))}`);
    prev = s.end;
  }
}

export async function collect(inputs: string[], over: Partial<IngestOptions> = {}): Promise<IngestEvent[]> {
  const out: IngestEvent[] = [];
  for await (const ev of ingest(inputs, { ...DEFAULT_INGEST_OPTIONS, ...over })) out.push(ev);
  return out;
}

export function docsOf(events: IngestEvent[]): IngestedDocument[] {
  return events.flatMap((e) => (e.kind === 'document' ? [e.doc] : []));
}

export function rejectionsOf(events: IngestEvent[]): Array<{ input: string; reason: string }> {
  return events.flatMap((e) => (e.kind === 'rejected' ? [{ input: e.input, reason: e.reason }] : []));
}
