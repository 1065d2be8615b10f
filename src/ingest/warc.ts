// WARC / WARC.gz → one document per `response` or `resource` record with an HTML or text
// payload, through warcio's WARCParser. Gzip is inflated here with zlib behind a byte limit
// (warcio's own inflater has no limit, and a gzip bomb must be refused, not expanded). warcio
// reads a truncated record silently; we compare what was read with its Content-Length. We also
// never let warcio skip a record itself: its skip loops forever (in microtasks, so no timer can
// stop it) when the file ends inside the record; we drain each record and stop at a short one.
import { createReadStream } from 'node:fs';
import { pipeline, Transform, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { WARCParser, type WARCRecord } from 'warcio';
import type { IngestEvent, IngestOptions } from './types.js';
import { singleDocument } from './single.js';

const TEXTUAL = /^(?:text\/html|application\/xhtml\+xml|text\/plain)/i;

function limiter(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback) {
      seen += chunk.length;
      if (seen > max) cb(new Error(`decompressed size exceeds the limit of ${max} bytes (gzip bomb?)`));
      else cb(null, chunk);
    },
  });
}

/** bytes of the record block warcio did not get to read (truncated input), when it can tell */
function unread(record: WARCRecord): number {
  const reader = (record as unknown as { _reader?: { limit?: unknown } })._reader;
  return typeof reader?.limit === 'number' ? reader.limit : 0;
}

function payloadType(record: WARCRecord): string {
  if (record.warcType === 'response') return record.httpHeaders?.headers.get('content-type') ?? '';
  return record.warcContentType ?? '';
}

export async function* ingestWarc(path: string, options: IngestOptions): AsyncGenerator<IngestEvent> {
  const file = createReadStream(path);
  // pipeline forwards a corrupt-gzip error to the last stream, where the loop below catches it
  const source = /\.gz$/i.test(path) ? pipeline(file, createGunzip(), limiter(options.maxDecompressedBytes), () => undefined) : file;
  let n = 0;
  let docs = 0; // records answered with a document or a rejection
  try {
    for await (const record of new WARCParser(source)) {
      const where = `${path}#record=${++n}`;
      if (!record.warcHeaders.headers.get('Content-Length')) {
        docs++;
        yield { kind: 'rejected', input: where, reason: 'truncated or malformed WARC record (no Content-Length header)' };
        continue;
      }
      const type = record.warcType === 'response' || record.warcType === 'resource' ? payloadType(record) : '';
      if (!TEXTUAL.test(type) || record.warcContentLength > options.maxDocumentBytes * 2) {
        for await (const chunk of record) void chunk; // drain: see the header comment
        if (unread(record) !== 0) {
          yield { kind: 'rejected', input: where, reason: `truncated WARC record: ${unread(record)} of ${record.warcContentLength} bytes missing` };
          return;
        }
        if (!TEXTUAL.test(type)) continue;
        docs++;
        yield { kind: 'rejected', input: where, reason: `record is ${record.warcContentLength} bytes, over the maximum document size of ${options.maxDocumentBytes} bytes` };
        continue;
      }
      docs++;
      const bytes = await record.readFully(true);
      const missing = unread(record);
      if (missing !== 0) {
        yield { kind: 'rejected', input: where, reason: `truncated WARC record: ${missing} of ${record.warcContentLength} bytes missing` };
        return;
      }
      const uri = record.warcTargetURI ?? null;
      yield singleDocument({ input: where, source: uri ?? where, bytes, flavour: /html/i.test(type) ? 'html' : 'auto', contentType: type }, options);
    }
  } catch (err) {
    yield { kind: 'rejected', input: n ? `${path}#record=${n + 1}` : path, reason: `WARC reading stopped: ${(err as Error).message}` };
    return;
  }
  if (n === 0) yield { kind: 'rejected', input: path, reason: 'no WARC records found (empty or not a WARC file)' };
  else if (docs === 0) yield { kind: 'rejected', input: path, reason: 'no HTML or text response records in this WARC' };
}
