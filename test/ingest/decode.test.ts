import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/ingest/decode.js';

const RU = 'Российские военные сообщили, что обстрел продолжался всю ночь, а жители покинули свои дома.';

function decoded(buf: Uint8Array, declared: string | null = null): string {
  const d = decodeBytes(buf, declared);
  if (!d.ok) throw new Error(d.reason);
  return d.text;
}

describe('charset detection and decoding', () => {
  it('reads UTF-8, with and without BOM', () => {
    expect(decoded(Buffer.from(RU))).toBe(RU);
    expect(decoded(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(RU)]))).toBe(RU);
  });

  it('reads UTF-16 LE and BE with BOM', () => {
    expect(decoded(iconv.encode(RU, 'utf-16le', { addBOM: true }))).toContain(RU);
    expect(decoded(iconv.encode(RU, 'utf-16be', { addBOM: true }))).toContain(RU);
  });

  it('tells windows-1251 from KOI8-R', () => {
    expect(decodeBytes(iconv.encode(RU, 'windows-1251'))).toMatchObject({ ok: true, text: RU, charset: 'windows-1251' });
    expect(decodeBytes(iconv.encode(RU, 'koi8-r'))).toMatchObject({ ok: true, text: RU, charset: 'koi8-r' });
  });

  it('reads windows-1252 and ISO-8859-x Latin text', () => {
    const fr = 'Le président a déclaré que les négociations à Genève étaient « très difficiles », selon l’agence.';
    expect(decoded(iconv.encode(fr, 'windows-1252'))).toBe(fr);
    const de = 'Die Bevölkerung in den Außenbezirken müsste sofort evakuiert werden, sagte der Sprecher.';
    expect(decoded(iconv.encode(de, 'iso-8859-1'))).toBe(de);
    const pl = 'Żołnierze wycofali się z miasta, a cywile zostali ewakuowani przez Czerwony Krzyż.';
    expect(decoded(iconv.encode(pl, 'iso-8859-2'), 'iso-8859-2')).toBe(pl);
  });

  it('honours a declared charset before guessing', () => {
    expect(decoded(iconv.encode(RU, 'koi8-r'), 'koi8-r')).toBe(RU);
  });

  it('refuses binary and empty inputs with a reason', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    expect(decodeBytes(png)).toEqual({ ok: false, reason: 'binary input (PNG image), not text' });
    expect(decodeBytes(Buffer.from('%PDF-1.7\n...'))).toMatchObject({ ok: false, reason: expect.stringContaining('PDF') });
    expect(decodeBytes(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toMatchObject({ ok: false, reason: expect.stringContaining('JPEG') });
    expect(decodeBytes(Buffer.from('PK\u0003\u0004rest'))).toMatchObject({ ok: false, reason: expect.stringContaining('ZIP') });
    expect(decodeBytes(Buffer.from([0x1f, 0x8b, 8, 0]))).toMatchObject({ ok: false, reason: expect.stringContaining('gzip') });
    expect(decodeBytes(Buffer.from('text\u0000with nul'))).toMatchObject({ ok: false, reason: expect.stringContaining('NUL') });
    expect(decodeBytes(Buffer.alloc(0))).toEqual({ ok: false, reason: 'empty input' });
  });
});
