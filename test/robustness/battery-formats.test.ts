// Bad-input battery, part 2: record formats (CSV, JSONL, WARC) that are malformed, truncated or
// built to exhaust memory (a 2 GB gzip bomb in a 2 MB file). Generated at test time. Cases that
// pass today share one CLI run (the CLI starts slowly); known failures run alone, when asked.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { analyzeCase } from './contract.js';
import { namesInput, type CliResult, type StoredDoc } from './harness.js';

const tmp = tempDir('faultline-formats-');
afterAll(() => tmp.cleanup());
const file = (name: string, content: string | Buffer): string => {
  const path = join(tmp.dir, name);
  writeFileSync(path, content);
  return path;
};
const sentence = (place: string): string => `Fighting was reported near ${place} on Sunday, residents and a local monitor said.`;

function warcRecord(uri: string, html: string, declaredExtra = 0): Buffer {
  const http = Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}`);
  const head = `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: ${uri}\r\nWARC-Date: 2019-05-04T10:00:00Z\r\n` +
    `WARC-Record-ID: <urn:uuid:${randomUUID()}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${http.length + declaredExtra}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), http, Buffer.from('\r\n\r\n')]);
}
const page = (place: string): string => `<html><head><title>${place}</title></head><body><article><p>${sentence(place)}</p><p>${sentence(place)} Several families fled.</p></article></body></html>`;

let shared: { r: CliResult; docs: StoredDoc[] };
const from = (name: string): string => shared.docs.filter((d) => d.source.includes(name)).map((d) => d.text).join('\n');

beforeAll(async () => {
  const unbalanced = `id,title,text\nr1,Aleppo,"${sentence('Aleppo')}"\nr2,Broken,"${sentence('Hama')} and the quote never closes\nr3,Idlib,"${sentence('Idlib')}"\n`;
  const ragged = `id,title,text,date\nr1,A,"${sentence('Aleppo')}",2019-01-01\nr2,B,"${sentence('Homs')}"\nr3,C,"${sentence('Daraa')}",2019-01-03,extra,more\nr4\n\nr5,E,"${sentence('Raqqa')}",2019-01-05\n`;
  const head = 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/bomb\r\nWARC-Date: 2019-05-04T10:00:00Z\r\n' +
    `WARC-Record-ID: <urn:uuid:${randomUUID()}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: 2147483648\r\n\r\n` +
    'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>';
  const chunk = gzipSync(Buffer.alloc(64 * 1024 * 1024, 'A'), { level: 9 });
  const bomb = Buffer.concat([gzipSync(head), ...Array.from({ length: 32 }, () => chunk)]);
  expect(bomb.length).toBeLessThan(4 * 1024 * 1024);
  const truncated = Buffer.concat([warcRecord('https://example.org/a', page('Aleppo')), warcRecord('https://example.org/b', page('Homs')),
    warcRecord('https://example.org/c', page('Palmyra'), 50_000).subarray(0, 300)]);
  const gz = gzipSync(Buffer.concat([warcRecord('https://example.org/d', page('Tadmur')), warcRecord('https://example.org/e', page('Qamishli'))]));
  const cut = Buffer.concat([gzipSync(warcRecord('https://example.org/x', page('Manbij'))), gz.subarray(0, gz.length - 40)]);
  shared = await analyzeCase(tmp.dir, [file('unbalanced.csv', unbalanced), file('ragged.csv', ragged), file('bomb.warc.gz', bomb),
    file('truncated.warc', truncated), file('cut.warc.gz', cut), file('good.txt', `${sentence('Kobani')}\n`)], { code: 1 }, ['--max-doc-mb', '1']);
});

describe('bad-input battery: record formats', () => {
  it('CSV with an unbalanced quote keeps the rows before it and names the file', () => {
    expect(namesInput(shared.r.stderr, 'unbalanced.csv')).toBe(true);
    expect(from('unbalanced.csv')).toContain('Aleppo');
  });

  it('CSV with ragged rows keeps every row that has its text, naming rows it rejects', () => {
    for (const place of ['Aleppo', 'Raqqa']) expect(from('ragged.csv')).toContain(place);
    for (const line of shared.r.stderr.split('\n').filter((l) => l.includes('ragged.csv'))) expect(line).toMatch(/ragged\.csv#row=\d+: \S/);
  });

  it('stops a gzip bomb (2 GB of output from 2 MB) at the decompression or size limit, quickly, keeping the rest', () => {
    expect(namesInput(shared.r.stderr, 'bomb.warc.gz')).toBe(true);
    expect(from('good.txt')).toContain('Kobani');
    expect(shared.r.ms).toBeLessThan(45_000);
  });

  it('WARC with a truncated last record keeps the complete records and names the file', () => {
    expect(namesInput(shared.r.stderr, 'truncated.warc')).toBe(true);
    expect(from('example.org/a')).toContain('Aleppo');
    expect(from('example.org/b')).toContain('Homs');
    expect(from('example.org/c')).toBe('');
  });

  it('WARC.gz cut mid-stream keeps what decompressed and names the file', () => {
    expect(namesInput(shared.r.stderr, 'cut.warc.gz')).toBe(true);
    expect(from('example.org/x')).toContain('Manbij');
  });

  // regression (fixed): after one over-size row, src/ingest/csv.ts rejects every later row (row=3…50) and loses r3
  it('CSV with a 5 MB cell over --max-doc-mb 1 rejects that row by number and keeps the others', async () => {
    const huge = 'Bombardment continues. '.repeat(Math.ceil((5 * 1024 * 1024) / 23));
    const csv = `id,title,text\nr1,Aleppo,"${sentence('Aleppo')}"\nr2,Huge,"${huge}"\nr3,Idlib,"${sentence('Idlib')}"\n`;
    const { r, docs } = await analyzeCase(tmp.dir, [file('bigcell.csv', csv)], { code: 1, kept: 2, rejected: ['bigcell.csv#row=2'] }, ['--max-doc-mb', '1']);
    expect(docs.map((d) => d.text).join('\n')).toContain('Idlib');
    expect(r.stderr).not.toMatch(/bigcell\.csv#row=[3-9]/);
  });

  // regression (fixed): src/ingest/jsonl.ts accepts {"text": 5} (line 5) as a document whose text is "5"
  it('JSONL with broken lines keeps the good lines and names the bad ones by line number', async () => {
    const good = (place: string): string => JSON.stringify({ id: place, title: place, text: sentence(place) });
    const lines = [good('Aleppo'), '{broken', good('Homs'), '[1,2,3]', '{"text": 5}', '', good('Idlib'), 'null', `{"title":"cut","text":"${sentence('Hama')}`];
    const { docs } = await analyzeCase(tmp.dir, [file('broken.jsonl', lines.join('\n'))], {
      code: 1, kept: 3, rejected: ['broken.jsonl#line=2', 'broken.jsonl#line=4', 'broken.jsonl#line=5', 'broken.jsonl#line=8', 'broken.jsonl#line=9'],
    });
    expect(docs.map((d) => d.title).sort()).toEqual(['Aleppo', 'Homs', 'Idlib']);
  });

});
