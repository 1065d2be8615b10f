// What every ingest event must satisfy, whatever the input: documents carry normalised text
// within the size limit, a stable id and segments inside the text; rejections name the input
// and give a reason. Used by the fuzzer and by the long stress run.
import type { IngestEvent } from '../src/ingest/types.js';
import type { AnalysedDocument } from '../src/core/types.js';
import { allSpans, spanProblems } from '../test/robustness/spans.js';

export function eventProblems(ev: IngestEvent, maxDocumentBytes: number): string[] {
  if (ev.kind === 'rejected') {
    const out: string[] = [];
    if (typeof ev.input !== 'string' || !ev.input) out.push('rejection without an input name');
    if (typeof ev.reason !== 'string' || !ev.reason.trim()) out.push(`rejection of ${ev.input} without a reason`);
    if (/\n\s+at /.test(ev.reason)) out.push(`rejection reason of ${ev.input} carries a stack trace`);
    return out;
  }
  const d = ev.doc;
  const out: string[] = [];
  const where = `document from ${d.source}`;
  if (typeof d.text !== 'string' || !d.text.trim()) out.push(`${where}: empty text`);
  else {
    if (Buffer.byteLength(d.text) > maxDocumentBytes) out.push(`${where}: ${Buffer.byteLength(d.text)} bytes over the ${maxDocumentBytes}-byte limit`);
    if (d.text.includes('\r')) out.push(`${where}: carriage return left in text`);
    if (d.text !== d.text.normalize('NFC')) out.push(`${where}: text not NFC`);
  }
  if (!/^[0-9a-f]{16}$/.test(d.id)) out.push(`${where}: id "${d.id}" is not 16 hex digits`);
  if (!d.source) out.push('document without a source');
  if (!Array.isArray(d.segments) || !d.segments.length) out.push(`${where}: no segments`);
  for (const [i, s] of (d.segments ?? []).entries()) {
    for (const p of spanProblems(d.text ?? '', { path: `segments[${i}]`, span: s })) out.push(`${where}: ${p}`);
  }
  return out;
}

export function analysedProblems(doc: AnalysedDocument): string[] {
  return allSpans(doc).flatMap((s) => spanProblems(doc.text, s)).map((p) => `document from ${doc.source}: ${p}`);
}
