// Public entry of ingest: expands inputs (files, directories, globs, URLs, `-`) and yields
// documents or per-input rejections as they come. One module per format; nothing here holds
// a whole directory or table in memory, and no content problem escapes as an exception.
import { readFile, stat } from 'node:fs/promises';
import type { IngestEvent, IngestOptions } from './types.js';
import { ingestCsv } from './csv.js';
import { ingestUrl } from './fetch.js';
import { expandInputs, extensionOf, SUPPORTED } from './inputs.js';
import { ingestJsonl } from './jsonl.js';
import { singleDocument, sizeReason, type Flavour } from './single.js';
import { ingestWarc } from './warc.js';

export type { IngestEvent, IngestOptions } from './types.js';
export { DEFAULT_INGEST_OPTIONS, DEFAULT_COLUMNS } from './types.js';

const FLAVOUR: Record<string, Flavour> = { '.html': 'html', '.htm': 'html', '.txt': 'text', '.md': 'markdown', '.markdown': 'markdown' };

async function readStream(stream: NodeJS.ReadableStream, max: number): Promise<Uint8Array | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += b.length;
    if (total > max) return null;
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

async function* ingestFile(path: string, options: IngestOptions): AsyncGenerator<IngestEvent> {
  const ext = extensionOf(path);
  if (ext === '.csv') return yield* ingestCsv(path, options);
  if (ext === '.jsonl') return yield* ingestJsonl(path, options);
  if (ext === '.warc' || ext === '.warc.gz') return yield* ingestWarc(path, options);
  const flavour = FLAVOUR[ext];
  if (!flavour) {
    yield { kind: 'rejected', input: path, reason: `unsupported file type "${ext || 'no extension'}" (supported: ${SUPPORTED.join(' ')})` };
    return;
  }
  const size = (await stat(path)).size;
  const tooBig = sizeReason(path, size, options);
  if (tooBig) {
    yield { kind: 'rejected', input: path, reason: tooBig };
    return;
  }
  yield singleDocument({ input: path, source: path, bytes: await readFile(path), flavour }, options);
}

function failure(input: string, err: unknown): IngestEvent {
  const code = (err as { code?: string }).code;
  const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied (unreadable)' : code === 'EISDIR' ? 'is a directory' : (err as Error).message;
  return { kind: 'rejected', input, reason: `cannot read: ${reason}` };
}

export async function* ingest(inputs: string[], options: IngestOptions): AsyncGenerator<IngestEvent> {
  for await (const item of expandInputs(inputs)) {
    if (item.kind === 'rejected') {
      yield item;
      continue;
    }
    const name = item.kind === 'file' ? item.path : item.kind === 'url' ? item.url : '-';
    try {
      if (item.kind === 'file') yield* ingestFile(item.path, options);
      else if (item.kind === 'url') yield* ingestUrl(item.url, options);
      else {
        const bytes = await readStream(options.stdin ?? process.stdin, options.maxDocumentBytes);
        if (!bytes) yield { kind: 'rejected', input: '-', reason: `standard input is over the maximum document size of ${options.maxDocumentBytes} bytes (--max-doc-mb)` };
        else yield singleDocument({ input: '-', source: 'stdin', bytes, flavour: 'auto' }, options);
      }
    } catch (err) {
      yield failure(name, err);
    }
  }
}
