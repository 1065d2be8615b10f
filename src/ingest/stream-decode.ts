// Streams a file as decoded text: the charset is chosen from the file's first 64 KB (BOM,
// strict UTF-8, chardet), then iconv-lite decodes the whole stream chunk by chunk, so large
// CSV/JSONL files are never held in memory.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { decodeBytes } from './decode.js';

export type TextStream = { ok: true; stream: NodeJS.ReadableStream; charset: string } | { ok: false; reason: string };

export async function openTextStream(path: string): Promise<TextStream> {
  const fh = await open(path, 'r');
  let head: Buffer;
  try {
    const buf = Buffer.alloc(65536);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    head = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  const probe = decodeBytes(head.length === 65536 ? trimPartialUtf8(head) : head);
  if (!probe.ok) return probe;
  const stream = createReadStream(path).pipe(iconv.decodeStream(probe.charset, { stripBOM: true }));
  return { ok: true, stream, charset: probe.charset };
}

/** Drop a UTF-8 sequence cut off at the end of a sample, so the strict UTF-8 check still works. */
function trimPartialUtf8(b: Buffer): Buffer {
  for (let i = b.length - 1; i >= Math.max(0, b.length - 4); i--) {
    const byte = b[i];
    if (byte < 0x80) return b;
    if (byte >= 0xc0) {
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return b.length - i < need ? b.subarray(0, i) : b;
    }
  }
  return b;
}
