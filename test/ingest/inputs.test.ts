import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { collect, docsOf, rejectionsOf } from './helpers.js';

const root = mkdtempSync(join(tmpdir(), 'faultline-ingest-in-'));
const put = (rel: string, content: string | Buffer): string => {
  const p = join(root, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, content);
  return p;
};

put('tree/a.txt', 'Clashes near Kobani\n\n21 December 2019\n\nFighting resumed on the outskirts of the town overnight, a monitor said.\n');
put('tree/sub/b.md', '# Notes on Raqqa\n\nThe *dam* was reported **damaged** again.\n');
put('tree/sub/c.html', '<html><head><title>Page C</title></head><body><p>Rockets fell on the port district of Latakia on Sunday evening, the governor said.</p></body></html>');
put('tree/sub/cp1251.htm', iconv.encode('<html><head><meta charset="windows-1251"><title>Сводка</title></head><body><p>Обстрел окраин Дамаска продолжался всю ночь, сообщили местные жители.</p></body></html>', 'windows-1251'));
put('tree/sub/ignored.pdf', '%PDF-1.4 not ingested from a directory walk');
put('tree/sub/empty.txt', '');
put('tree/sub/blank.txt', '\n\n   \n');
put('tree/sub/image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]));
put('tree/sub/koi8.txt', iconv.encode('Сводка\n\nВ районе Пальмиры продолжаются тяжёлые бои, сообщили военные источники.\n', 'koi8-r'));
put('tree/sub/utf16.txt', iconv.encode('Summary\n\nThe talks in Astana ended without an agreement on the northern front.\n', 'utf-16le', { addBOM: true }));
symlinkSync(join(root, 'tree'), join(root, 'tree/sub/loop'));
symlinkSync(join(root, 'nowhere.txt'), join(root, 'tree/sub/dead.txt'));

describe('inputs', () => {
  it('walks a directory recursively, skips symlink loops, rejects bad files with a reason', async () => {
    const events = await collect([join(root, 'tree')]);
    const docs = docsOf(events);
    expect(docs.map((d) => d.source.slice(root.length + 1)).sort()).toEqual(
      ['tree/a.txt', 'tree/sub/b.md', 'tree/sub/c.html', 'tree/sub/cp1251.htm', 'tree/sub/koi8.txt', 'tree/sub/utf16.txt'],
    );
    const reasons = Object.fromEntries(rejectionsOf(events).map((r) => [r.input.slice(root.length + 1), r.reason]));
    expect(reasons).toEqual({
      'tree/sub/blank.txt': 'empty input (no text after extraction)',
      'tree/sub/dead.txt': expect.stringContaining('broken link'),
      'tree/sub/empty.txt': 'empty input',
      'tree/sub/image.txt': 'binary input (PNG image), not text',
    });
    const a = docs.find((d) => d.source.endsWith('a.txt'));
    expect([a?.title, a?.published, a?.languages]).toEqual(['Clashes near Kobani', '2019-12-21', [{ lang: 'en', share: 1 }]]);
    expect(docs.find((d) => d.source.endsWith('b.md'))?.title).toBe('Notes on Raqqa');
    expect(docs.find((d) => d.source.endsWith('c.html'))?.title).toBe('Page C');
    const cp = docs.find((d) => d.source.endsWith('cp1251.htm'));
    expect([cp?.title, cp?.text]).toEqual(['Сводка', 'Обстрел окраин Дамаска продолжался всю ночь, сообщили местные жители.']);
    const koi = docs.find((d) => d.source.endsWith('koi8.txt'));
    expect(koi?.text).toContain('Пальмиры');
    expect(koi?.languages).toEqual([{ lang: 'ru', share: 1 }]);
    expect(docs.find((d) => d.source.endsWith('utf16.txt'))?.text.startsWith('Summary\n\nThe talks')).toBe(true);
  });

  it('expands globs and names patterns that match nothing', async () => {
    const events = await collect([join(root, 'tree/**/*.md'), join(root, 'tree/*.nothing')]);
    expect(docsOf(events).map((d) => d.title)).toEqual(['Notes on Raqqa']);
    expect(rejectionsOf(events)).toEqual([{ input: join(root, 'tree/*.nothing'), reason: 'no files match this pattern' }]);
  });

  it('rejects missing paths, unsupported explicit files and files over the size limit', async () => {
    const big = put('big.txt', 'word '.repeat(400));
    const events = await collect([join(root, 'missing.txt'), join(root, 'tree/sub/ignored.pdf'), big], { maxDocumentBytes: 1000 });
    expect(rejectionsOf(events)).toEqual([
      { input: join(root, 'missing.txt'), reason: 'no such file or directory' },
      { input: join(root, 'tree/sub/ignored.pdf'), reason: expect.stringContaining('unsupported file type ".pdf"') },
      { input: big, reason: `${big} is 0.002 MB, over the maximum document size of 0.001 MB (--max-doc-mb)` },
    ]);
  });

  it.skipIf(process.getuid?.() === 0)('rejects an unreadable file', async () => {
    const p = put('locked.txt', 'secret text');
    chmodSync(p, 0o000);
    expect(rejectionsOf(await collect([p]))).toEqual([{ input: p, reason: expect.stringContaining('permission denied') }]);
  });

  it('reads standard input for "-", sniffing HTML', async () => {
    const html = '<!doctype html><html><head><title>From stdin</title></head><body><p>Text piped in from another tool about Hama.</p></body></html>';
    const docs = docsOf(await collect(['-'], { stdin: Readable.from([Buffer.from(html)]) }));
    expect(docs.map((d) => [d.source, d.title, d.text])).toEqual([['stdin', 'From stdin', 'Text piped in from another tool about Hama.']]);
    const plain = docsOf(await collect(['-'], { stdin: Readable.from(['plain words on stdin']) }));
    expect(plain[0].text).toBe('plain words on stdin');
    const tooBig = rejectionsOf(await collect(['-'], { stdin: Readable.from(['x'.repeat(50)]), maxDocumentBytes: 10 }));
    expect(tooBig).toEqual([{ input: '-', reason: expect.stringContaining('over the maximum document size') }]);
  });

  it('gives the same content the same id', async () => {
    const p1 = put('same1.txt', 'Same text\r\n\r\nabout Afrin.');
    const p2 = put('same2.txt', 'Same text\n\nabout Afrin.');
    const [d1, d2] = docsOf(await collect([p1, p2]));
    expect(d1.id).toBe(d2.id);
    expect(d1.text).toBe('Same text\n\nabout Afrin.');
  });
});
