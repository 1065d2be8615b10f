// Well-formed seed inputs for every format ingest reads, composed from a seeded PRNG so a fuzz
// run is reproducible from its seed. Hand-written: the formats and names are ours; the fuzzer
// mutates these seeds, and stress/run.ts reuses them for its large inputs.
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { mulberry32 } from '../src/core/random.js';

export type Rng = () => number;

export const prng: (seed: number) => Rng = mulberry32;

export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
export const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

const PLACES = ['Aleppo', 'Idlib', 'Homs', 'Douma', 'Raqqa', 'Deir ez-Zor', 'Afrin', 'Алеппо', 'Дамаск', 'حلب', 'إدلب', 'Kobani', 'Palmyra'];
const ACTORS = ['Syrian Arab Army', 'the regime', 'rebels', 'Hezbollah', 'Russian warplanes', 'the SDF', 'ISIS', 'Turkish-backed forces', 'боевики', 'الجيش السوري'];
const VERBS = ['shelled', 'attacked', 'captured', 'bombed', 'liberated', 'besieged', 'обстреляли', 'قصف'];
const SOURCES = ['the Syrian Observatory for Human Rights said', 'SANA reported', 'according to activists', 'TASS said', 'a monitor said', 'reportedly'];

export function sentence(rng: Rng): string {
  const n = int(rng, 1, 300);
  return `${pick(rng, ACTORS)} ${pick(rng, VERBS)} ${pick(rng, PLACES)} on Monday, killing at least ${n} people, ${pick(rng, SOURCES)}.`;
}

export function paragraph(rng: Rng): string {
  return Array.from({ length: int(rng, 1, 5) }, () => sentence(rng)).join(' ');
}

const paragraphs = (rng: Rng, lo: number, hi: number): string[] => Array.from({ length: int(rng, lo, hi) }, () => paragraph(rng));
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function textSeed(rng: Rng): string {
  return `${pick(rng, PLACES)} report\n\n${paragraphs(rng, 1, 6).join('\n\n')}\n`;
}

export function markdownSeed(rng: Rng): string {
  return `# ${pick(rng, PLACES)}\n\n${paragraphs(rng, 1, 4).map((p, i) => (i % 2 ? `- ${p}` : `> ${p}`)).join('\n\n')}\n`;
}

export function htmlSeed(rng: Rng): string {
  const comments = Array.from({ length: int(rng, 0, 4) }, (_, i) =>
    `<div class="comment"><span class="author">user${i}</span><p>${esc(sentence(rng))} &laquo;quote&raquo; &#1581;</p></div>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(pick(rng, PLACES))}</title><style>p{color:red}</style>` +
    `<script>var x = "<p>not text</p>";</script></head><body><article><h1>${esc(pick(rng, PLACES))}</h1>` +
    `${paragraphs(rng, 1, 5).map((p) => `<p>${esc(p)}</p>`).join('')}</article><section class="comments">${comments}</section></body></html>`;
}

const csvCell = (s: string): string => `"${s.replace(/"/g, '""')}"`;

export function csvSeed(rng: Rng): string {
  const rows = Array.from({ length: int(rng, 1, 8) }, (_, i) =>
    [`r${i}`, csvCell(pick(rng, PLACES)), csvCell(paragraphs(rng, 1, 2).join('\n')), `${int(rng, 1, 12)}/${int(rng, 1, 28)}/1${int(rng, 1, 8)}`, csvCell(pick(rng, ['SANA', 'Reuters', 'TASS']))].join(','));
  return `id,title,text,date,source\n${rows.join('\n')}\n`;
}

export function jsonlSeed(rng: Rng): string {
  return Array.from({ length: int(rng, 1, 8) }, (_, i) =>
    JSON.stringify({ id: `j${i}`, title: pick(rng, PLACES), text: paragraphs(rng, 1, 2).join('\n\n'), date: '2019-05-04', source: 'Wire' })).join('\n') + '\n';
}

export function warcRecord(uri: string, html: string): Buffer {
  const http = Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}`);
  const head = `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: ${uri}\r\nWARC-Date: 2019-05-04T10:00:00Z\r\n` +
    `WARC-Record-ID: <urn:uuid:${randomUUID()}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${http.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), http, Buffer.from('\r\n\r\n')]);
}

export function warcRecords(rng: Rng): Buffer[] {
  return Array.from({ length: int(rng, 1, 3) }, (_, i) => warcRecord(`https://example.org/${i}`, htmlSeed(rng)));
}

export const FORMATS = ['.txt', '.md', '.html', '.csv', '.jsonl', '.warc', '.warc.gz'] as const;
export type Format = (typeof FORMATS)[number];

export function seed(format: Format, rng: Rng): Buffer {
  switch (format) {
    case '.txt': return Buffer.from(textSeed(rng));
    case '.md': return Buffer.from(markdownSeed(rng));
    case '.html': return Buffer.from(htmlSeed(rng));
    case '.csv': return Buffer.from(csvSeed(rng));
    case '.jsonl': return Buffer.from(jsonlSeed(rng));
    case '.warc': return Buffer.concat(warcRecords(rng));
    case '.warc.gz': return Buffer.concat(warcRecords(rng).map((r) => gzipSync(r)));
  }
}
