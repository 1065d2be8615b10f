import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { collect, docsOf, rejectionsOf } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'faultline-ingest-warc-'));
let uuid = 0;

function record(type: string, uri: string, block: string, contentType = 'application/http; msgtype=response'): string {
  const len = Buffer.byteLength(block);
  return `WARC/1.0\r\nWARC-Type: ${type}\r\nWARC-Target-URI: ${uri}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-${String(++uuid).padStart(12, '0')}>\r\nWARC-Date: 2020-01-07T10:00:00Z\r\nContent-Type: ${contentType}\r\nContent-Length: ${len}\r\n\r\n${block}\r\n\r\n`;
}
const http = (type: string, body: string): string => `HTTP/1.1 200 OK\r\nContent-Type: ${type}\r\n\r\n${body}`;
const page = (title: string, text: string): string => `<html><head><title>${title}</title></head><body><p>${text}</p></body></html>`;

const records = [
  record('warcinfo', '', 'software: hand-made\r\n', 'application/warc-fields'),
  record('request', 'https://news.example/a', 'GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n', 'application/http; msgtype=request'),
  record('response', 'https://news.example/a', http('text/html; charset=utf-8', page('Page A', 'Artillery fire was heard in Idlib overnight, residents said.'))),
  record('response', 'https://news.example/logo.png', http('image/png', 'PNGDATA')),
  record('response', 'https://news.example/b.txt', http('text/plain', 'A plain text bulletin about Deir ez-Zor.')),
];
const write = (name: string, data: string | Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};

describe('WARC', () => {
  it('turns HTML and text response records into documents and skips the rest', async () => {
    const events = await collect([write('crawl.warc', records.join(''))]);
    expect(rejectionsOf(events)).toEqual([]);
    expect(docsOf(events).map((d) => [d.source, d.title, d.text])).toEqual([
      ['https://news.example/a', 'Page A', 'Artillery fire was heard in Idlib overnight, residents said.'],
      ['https://news.example/b.txt', null, 'A plain text bulletin about Deir ez-Zor.'],
    ]);
  });

  it('reads .warc.gz, per-record gzip members included', async () => {
    const perRecord = Buffer.concat(records.map((r) => gzipSync(r)));
    expect(docsOf(await collect([write('crawl.warc.gz', perRecord)]))).toHaveLength(2);
  });

  it('rejects a truncated record and keeps the good records before it', async () => {
    const all = records.join('');
    const events = await collect([write('cut.warc', all.slice(0, all.length - 20))]);
    expect(docsOf(events).map((d) => d.source)).toEqual(['https://news.example/a']);
    expect(rejectionsOf(events)).toEqual([{ input: join(dir, 'cut.warc#record=5'), reason: expect.stringMatching(/^truncated WARC record/) }]);
  });

  it('refuses a gzip bomb past the decompression limit', async () => {
    const bomb = gzipSync(record('response', 'https://x.example/', http('text/html', `<p>${'A'.repeat(200_000)}</p>`)));
    const events = await collect([write('bomb.warc.gz', bomb)], { maxDecompressedBytes: 10_000 });
    expect(docsOf(events)).toEqual([]);
    expect(rejectionsOf(events)[0].reason).toContain('decompressed size exceeds the limit of 10000 bytes');
  });

  it('says so when a file is not a WARC', async () => {
    const events = await collect([write('not.warc', 'hello, this is not a web archive')]);
    expect(docsOf(events)).toEqual([]);
    expect(rejectionsOf(events)).toHaveLength(1);
  });
});
