// Streams a reference data set (ACLED export or UCDP GED CSV, optionally .gz) into the store in
// batches, so files of hundreds of MB load in bounded memory. The delimiter is read off the
// header line (ACLED exports come with commas or semicolons); headers are normalised so case
// and spacing variants map to the same names. Rows that cannot be used are counted with a
// reason, never fatal.
import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { createGunzip, gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse';
import type { ReferenceEvent, Store } from '../store/types.js';
import { acledEvent } from './acled.js';
import { normaliseHeader, type Row } from './fields.js';
import { ucdpEvent } from './ucdp.js';

export type ReferenceFormat = 'acled' | 'ucdp';

export interface ImportSummary {
  rows: number;
  added: number;
  /** rows already stored (same data set and id) */
  known: number;
  rejected: number;
  /** the first few reasons rows were rejected */
  reasons: string[];
  ms: number;
}

const BATCH = 2000;

/** The file is not of the format asked for (its header lacks the columns that format must have). */
export class ReferenceFormatError extends Error {}

function sniffDelimiter(file: string): string {
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(65536);
  const n = readSync(fd, buf, 0, buf.length, 0);
  closeSync(fd);
  let head = buf.subarray(0, n);
  if (file.endsWith('.gz')) {
    try { head = gunzipSync(head, { finishFlush: 2 }); } catch { return ','; }
  }
  const line = head.toString('utf8').split('\n', 1)[0] ?? '';
  const counts = [',', ';', '\t', '|'].map((d) => [d, line.split(d).length] as const).sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 1 ? counts[0]![0] : ',';
}

const REQUIRED: Record<ReferenceFormat, string[]> = {
  acled: ['event_date', 'latitude', 'longitude'],
  ucdp: ['date_start', 'latitude', 'longitude'],
};

export async function importReference(file: string, format: ReferenceFormat, store: Store,
  onProgress?: (rows: number) => void): Promise<ImportSummary> {
  const t0 = performance.now();
  const toEvent = format === 'acled' ? acledEvent : ucdpEvent;
  const summary: ImportSummary = { rows: 0, added: 0, known: 0, rejected: 0, reasons: [], ms: 0 };
  let header: string[] = [];
  const input = createReadStream(file);
  const parser = (file.endsWith('.gz') ? input.pipe(createGunzip()) : input).pipe(parse({
    delimiter: sniffDelimiter(file), bom: true, relax_quotes: true, relax_column_count: true, skip_empty_lines: true,
    skip_records_with_error: true,
    columns: (h: string[]) => {
      header = h.map(normaliseHeader);
      const missing = REQUIRED[format].filter((c) => !header.includes(c));
      if (missing.length) throw new ReferenceFormatError(`${file} does not look like the ${format.toUpperCase()} format: no ${missing.join(', ')} column (header: ${header.slice(0, 8).join(', ')}…)`);
      return header;
    },
  }));
  let batch: ReferenceEvent[] = [];
  const flush = async (): Promise<void> => {
    if (!batch.length) return;
    const added = await store.putReferenceEvents(batch);
    summary.added += added;
    summary.known += batch.length - added;
    batch = [];
  };
  for await (const row of parser as AsyncIterable<Row>) {
    summary.rows++;
    const ev = toEvent(row);
    if (typeof ev === 'string') {
      summary.rejected++;
      if (summary.reasons.length < 10) summary.reasons.push(`row ${summary.rows}: ${ev}`);
    } else batch.push(ev);
    if (batch.length >= BATCH) {
      await flush();
      onProgress?.(summary.rows);
    }
  }
  await flush();
  summary.ms = performance.now() - t0;
  return summary;
}
