// Byte-level mutations for the ingest fuzzer: flips, inserts, deletions, duplications,
// truncation, splices and format-aware tokens (quotes, tags, entities, WARC headers, bad
// UTF-8, BOMs, deep nesting). Hand-written because the JS fuzzing libraries (jsfuzz, jazzer.js)
// need native instrumentation or a separate runner; a seeded mutator is all we need here.
import { gunzipSync, gzipSync } from 'node:zlib';
import { int, pick, type Format, type Rng } from './seeds.js';

const TOKENS: Record<string, string[]> = {
  common: ['\u0000', '\r\n', '\r', '\n\n\n', '\uFEFF', '\uD800', '\u202E', '😀', '\u0301', ' ', '\t', '\\', '"', "'", '%s', '${x}', '\u2028'],
  html: ['<', '>', '</', '<div>', '</div>', '<script>', '</script>', '<style>', '<!--', '-->', '<![CDATA[', '&', '&amp', '&#', '&#x110000;', '&#0;',
    '&nbsp;', '<iframe srcdoc="<p>x</p>">', '<meta charset="utf-16">', '<meta charset="koi8-r">', '<br/>', '<p', '"><p>', '<svg><math>'],
  csv: [',', '"', '""', ',,,,', '"\n"', 'text', 'id,title,text', '\n,\n', '"a""b"', '\u0000,'],
  json: ['{', '}', '[', ']', ':', ',', '"', '\\u', '\\ud800', 'null', 'true', '1e999', '{"text":', '"text":null', '\\"', '}\n{'],
  warc: ['WARC/1.0\r\n', 'Content-Length: 99999999\r\n', 'Content-Length: -1\r\n', 'WARC-Type: response\r\n', '\r\n\r\n', 'HTTP/1.1 200 OK\r\n',
    'Content-Type: text/html; charset=windows-1256\r\n', 'Transfer-Encoding: chunked\r\n', 'Content-Encoding: gzip\r\n'],
};
const BYTES = [[0xff], [0xfe, 0xff], [0xef, 0xbb, 0xbf], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x1f, 0x8b, 0x08], [0x80], [0xe2, 0x82]];

function tokensFor(format: Format): string[] {
  const extra = format === '.html' || format === '.warc' || format === '.warc.gz' ? TOKENS.html! : format === '.csv' ? TOKENS.csv! : format === '.jsonl' ? TOKENS.json! : [];
  const warc = format.startsWith('.warc') ? TOKENS.warc! : [];
  return [...TOKENS.common!, ...extra, ...warc];
}

function insert(buf: Buffer, at: number, add: Buffer): Buffer {
  return Buffer.concat([buf.subarray(0, at), add, buf.subarray(at)]);
}

/** One mutation of `buf`; `other` is another seed of the same format, for splices. */
function mutateOnce(buf: Buffer, format: Format, rng: Rng, other: Buffer): Buffer {
  const at = int(rng, 0, buf.length);
  const span = int(rng, 1, Math.max(1, Math.min(64, buf.length)));
  switch (int(rng, 0, 9)) {
    case 0: { // flip a byte
      if (!buf.length) return buf;
      const out = Buffer.from(buf);
      out[Math.min(at, out.length - 1)] = int(rng, 0, 255);
      return out;
    }
    case 1: return insert(buf, at, Buffer.from(Array.from({ length: int(rng, 1, 16) }, () => int(rng, 0, 255))));
    case 2: return Buffer.concat([buf.subarray(0, at), buf.subarray(at + span)]);
    case 3: return insert(buf, at, buf.subarray(at, at + span));
    case 4: return buf.subarray(0, at);
    case 5: return Buffer.concat([buf.subarray(0, at), other.subarray(int(rng, 0, other.length))]);
    case 6: return insert(buf, at, Buffer.from(BYTES[int(rng, 0, BYTES.length - 1)]!));
    case 7: { // deep nesting or long repetition
      const unit = pick(rng, ['<div>', '<b><i>', '[', '{"a":', '"', '((', 'x'.repeat(100), 'Aleppo ']);
      return insert(buf, at, Buffer.from(unit.repeat(int(rng, 10, 5000))));
    }
    default: return insert(buf, at, Buffer.from(pick(rng, tokensFor(format))));
  }
}

export function mutate(input: Buffer, format: Format, rng: Rng, other: Buffer): Buffer {
  // for gzip, mutate the content and recompress most of the time, else the compressed bytes
  if (format === '.warc.gz' && rng() < 0.7) {
    let plain: Buffer;
    try { plain = gunzipSync(input); } catch { plain = input; }
    return gzipSync(mutate(plain, '.warc', rng, other));
  }
  let out = input;
  for (let i = int(rng, 1, 6); i > 0; i--) out = mutateOnce(out, format, rng, other);
  return out;
}
