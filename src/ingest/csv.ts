// CSV → one document per row, streamed through csv-parse with relaxed quotes and column counts.
// A row whose quote never closes swallows the rows after it; such a row (a value that still
// starts with its quote and spans lines, or a row csv-parse skips) is rejected and the lines it
// swallowed are parsed again, so the good rows around a bad one are kept.
import { parse, type CsvError } from 'csv-parse';
import { Readable } from 'node:stream';
import type { IngestEvent, IngestOptions } from './types.js';
import { recordToEvent, type RecordValues } from './records.js';
import { openTextStream } from './stream-decode.js';

interface Parsed {
  record: RecordValues;
  raw: string;
  info: { records: number };
}

interface Skip {
  pos: number;
  code: string;
  raw: string;
}

const MAX_REPARSE_DEPTH = 8;
// csv-parse does not recover after a record over max_record_size (every later row fails too),
// so its cap is only a memory guard far above any document; the document size limit is applied
// per row afterwards, where an over-size row is rejected alone and the rows after it are kept.
const RECORD_MEMORY_GUARD = 256 * 1024 * 1024;

function swallowed(p: Parsed): boolean {
  return Object.values(p.record).some((v) => typeof v === 'string' && v.startsWith('"') && v.includes('\n'));
}

function restAfterFirstLine(raw: string): string {
  const nl = raw.indexOf('\n');
  return nl < 0 ? '' : raw.slice(nl + 1);
}

interface HeaderState {
  header?: string[];
}

async function* parseRows(
  source: NodeJS.ReadableStream, columns: string[] | true, options: IngestOptions, depth: number, state: HeaderState = {},
): AsyncGenerator<{ ok: true; values: RecordValues } | { ok: false; reason: string }> {
  const skips: Skip[] = [];
  let header: string[] | undefined = columns === true ? undefined : columns;
  const parser = source.pipe(
    parse({
      columns: columns === true ? (h: string[]) => (header = state.header = h.map((x) => x.trim())) : columns,
      relax_quotes: true, relax_column_count: true, skip_empty_lines: true, bom: true, info: true, raw: true,
      skip_records_with_error: true, max_record_size: Math.max(RECORD_MEMORY_GUARD, options.maxDocumentBytes * 2 + 65536),
      on_skip: (err: CsvError | undefined, raw: string | undefined) => {
        skips.push({ pos: parser.info.records, code: err?.code ?? 'CSV_ERROR', raw: raw ?? '' });
        return undefined;
      },
    }),
  );
  async function* handleSkip(s: Skip) {
    const reason = s.code === 'CSV_MAX_RECORD_SIZE'
      ? `row is larger than the maximum document size (${options.maxDocumentBytes} bytes)`
      : s.code === 'CSV_QUOTE_NOT_CLOSED' ? 'unbalanced quote: the quoted value never closes' : `malformed row (${s.code})`;
    yield { ok: false as const, reason };
    if (header && depth < MAX_REPARSE_DEPTH && s.code !== 'CSV_MAX_RECORD_SIZE') {
      yield* parseRows(Readable.from([restAfterFirstLine(s.raw)]), header, options, depth + 1);
    }
  }
  for await (const p of parser as AsyncIterable<Parsed>) {
    while (skips.length && skips[0].pos < p.info.records) yield* handleSkip(skips.shift() as Skip);
    if (swallowed(p) && header && depth < MAX_REPARSE_DEPTH) {
      yield { ok: false, reason: 'unbalanced quote: a quoted value runs over the following lines' };
      yield* parseRows(Readable.from([restAfterFirstLine(p.raw)]), header, options, depth + 1);
      continue;
    }
    yield { ok: true, values: p.record };
  }
  while (skips.length) yield* handleSkip(skips.shift() as Skip);
}

function hasColumn(header: string[], name: string): boolean {
  return header.some((h) => h.toLowerCase() === name.toLowerCase());
}

export async function* ingestCsv(path: string, options: IngestOptions): AsyncGenerator<IngestEvent> {
  const opened = await openTextStream(path);
  if (!opened.ok) {
    yield { kind: 'rejected', input: path, reason: opened.reason };
    return;
  }
  let row = 0;
  const state: HeaderState = {};
  try {
    for await (const r of parseRows(opened.stream, true, options, 0, state)) {
      if (row === 0 && state.header && !hasColumn(state.header, options.columns.text)) {
        // one clear message for the file instead of one per row
        const reason = `no column "${options.columns.text}" for the text (columns: ${state.header.join(', ')}); set --text-column`;
        yield { kind: 'rejected', input: path, reason };
        return;
      }
      const where = `${path}#row=${++row}`;
      if (!r.ok) yield { kind: 'rejected', input: where, reason: r.reason };
      else yield recordToEvent(r.values, where, options);
    }
  } catch (err) {
    yield { kind: 'rejected', input: `${path}#row=${row + 1}`, reason: `CSV parsing stopped: ${(err as Error).message}` };
  }
  if (row === 0) yield { kind: 'rejected', input: path, reason: 'CSV has no data rows' };
}
