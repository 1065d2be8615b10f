// One CSV row or JSONL object → one document, through the column mapping. Mapped columns fill
// the document fields (id → externalId, source → outlet); every other column is kept in
// `meta` (FA-KES crowd columns are needed later by the evaluation).
import type { IngestEvent, IngestOptions } from './types.js';
import { buildDocument } from './document.js';
import { sizeReason } from './single.js';

export type RecordValues = Record<string, unknown>;

function str(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** `where` is the row/line label, e.g. `file.csv#row=12`; it is both the input name and the source. */
/** The mapping with each column name spelled as the data spells it (matching ignores case). */
function resolveColumns(values: RecordValues, options: IngestOptions): IngestOptions['columns'] {
  const keys = Object.keys(values);
  const find = (name: string): string => (name in values ? name : keys.find((k) => k.toLowerCase() === name.toLowerCase()) ?? name);
  const c = options.columns;
  return { text: find(c.text), title: find(c.title), date: find(c.date), source: find(c.source), id: find(c.id) };
}

export function recordToEvent(values: RecordValues, where: string, options: IngestOptions): IngestEvent {
  const c = resolveColumns(values, options);
  const text = str(values[c.text]);
  if (text === null || !text.trim()) {
    const have = Object.keys(values).slice(0, 12).join(', ');
    return { kind: 'rejected', input: where, reason: `no text in column "${c.text}" (columns: ${have}); set --text-column` };
  }
  const tooBig = sizeReason(where, Buffer.byteLength(text), options);
  if (tooBig) return { kind: 'rejected', input: where, reason: tooBig };
  const mapped = new Set<string>([c.text, c.title, c.date, c.source, c.id]);
  const meta: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) {
    const s = str(v);
    if (!mapped.has(k) && s !== null && s !== '') meta[k] = s;
  }
  const built = buildDocument({
    source: where, text, title: str(values[c.title]), date: str(values[c.date]),
    outlet: str(values[c.source]), externalId: str(values[c.id]), meta, maxBytes: options.maxDocumentBytes, deferLanguages: options.deferLanguages,
  });
  if (typeof built === 'string') return { kind: 'rejected', input: where, reason: built };
  return { kind: 'document', doc: built };
}
