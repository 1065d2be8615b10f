// The contract between ingest and the rest: inputs in, a stream of documents and
// per-input rejections out. Nothing here is held in memory whole.
import type { IngestedDocument } from '../core/types.js';

export interface ColumnMapping {
  text: string;
  title: string;
  date: string;
  source: string;
  id: string;
}

export const DEFAULT_COLUMNS: ColumnMapping = { text: 'text', title: 'title', date: 'date', source: 'source', id: 'id' };

export interface IngestOptions {
  columns: ColumnMapping;
  /** largest accepted document text, in bytes of input; larger inputs are rejected with a message */
  maxDocumentBytes: number;
  /** URL fetching limits */
  fetchTimeoutMs: number;
  fetchMaxBytes: number;
  fetchMaxRedirects: number;
  /** decompression limit for .gz inputs (bytes of output) */
  maxDecompressedBytes: number;
  /** leave `languages` empty: the analysis pool detects them on its worker threads (analyze) */
  deferLanguages?: boolean;
  /** standard input stream for `-` (tests pass their own) */
  stdin?: NodeJS.ReadableStream;
}

export const DEFAULT_INGEST_OPTIONS: IngestOptions = {
  columns: DEFAULT_COLUMNS,
  maxDocumentBytes: 20 * 1024 * 1024,
  fetchTimeoutMs: 15_000,
  fetchMaxBytes: 20 * 1024 * 1024,
  fetchMaxRedirects: 5,
  maxDecompressedBytes: 1024 * 1024 * 1024,
};

export type IngestEvent =
  | { kind: 'document'; doc: IngestedDocument }
  /** `input` names the file, URL, row (`file.csv#row=12`) or line (`file.jsonl#line=7`) */
  | { kind: 'rejected'; input: string; reason: string };
