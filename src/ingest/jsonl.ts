// JSON Lines → one document per line, streamed line by line; a broken line is rejected as
// `file.jsonl#line=N` and the lines around it are kept.
import { createInterface } from 'node:readline';
import type { IngestEvent, IngestOptions } from './types.js';
import { recordToEvent, type RecordValues } from './records.js';
import { sizeReason } from './single.js';
import { openTextStream } from './stream-decode.js';

export async function* ingestJsonl(path: string, options: IngestOptions): AsyncGenerator<IngestEvent> {
  const opened = await openTextStream(path);
  if (!opened.ok) {
    yield { kind: 'rejected', input: path, reason: opened.reason };
    return;
  }
  let n = 0;
  let nonBlank = 0;
  for await (const line of createInterface({ input: opened.stream, crlfDelay: Infinity })) {
    const where = `${path}#line=${++n}`;
    if (!line.trim()) continue;
    nonBlank++;
    const tooBig = sizeReason(where, Buffer.byteLength(line), options);
    if (tooBig) {
      yield { kind: 'rejected', input: where, reason: tooBig };
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      yield { kind: 'rejected', input: where, reason: `invalid JSON: ${(err as Error).message}` };
      continue;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      yield { kind: 'rejected', input: where, reason: 'each line must be a JSON object' };
      continue;
    }
    const record = value as RecordValues;
    const textKey = Object.keys(record).find((k) => k.toLowerCase() === options.columns.text.toLowerCase());
    // JSON says what a value is: a number or an object in the text field is a broken line, not a text
    if (textKey !== undefined && record[textKey] !== null && typeof record[textKey] !== 'string') {
      yield { kind: 'rejected', input: where, reason: `"${textKey}" must be a string, got ${Array.isArray(record[textKey]) ? 'an array' : typeof record[textKey]}` };
      continue;
    }
    yield recordToEvent(record, where, options);
  }
  if (nonBlank === 0) yield { kind: 'rejected', input: path, reason: 'empty input (no JSON lines)' };
}
