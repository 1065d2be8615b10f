// Bad-input battery, part 1: plain files that are empty, binary, badly encoded, huge or
// hostile HTML. Fixtures are generated here into a temp folder (nothing big is committed).
// The CLI starts slowly (packs, gazetteer), so the cases share two runs: one of inputs that must
// all be analysed (exit 0) and one of inputs that must be rejected beside a good one (exit 1);
// each case then checks its own inputs in the shared result.
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { analyzeCase, checkContract } from './contract.js';
import { faultline, namesInput, type CliResult, type StoredDoc } from './harness.js';

const tmp = tempDir('faultline-battery-');
const file = (name: string, content: string | Buffer): string => {
  const path = join(tmp.dir, name);
  writeFileSync(path, content);
  return path;
};

const GOOD = 'Shelling hit a market in Idlib on Monday, killing at least nine civilians, the Syrian Observatory for Human Rights said.\n\nResidents said the strikes continued into the evening.\n';
const ARTICLE = (body: string): string => `<!doctype html><html><head><meta charset="utf-8"><title>Report from Homs</title></head><body><article><h1>Report from Homs</h1>${body}</article></body></html>`;
const DEEP = '<p>Deep in the page: government forces shelled Douma on Friday, a monitor said.</p>';
const HOSTILE = `<script>var SECRET_SCRIPT = "</p>";</script><style>.x{content:"SECRET_STYLE"}</style>
  <iframe srcdoc="<p>SECRET_IFRAME</p>" src="javascript:alert(1)"></iframe><noscript>SECRET_NOSCRIPT</noscript>
  <p>Caf&eacute; owners in Hama said &lt;b&gt;shelling&lt;/b&gt; &amp; gunfire continued; one wrote &#1581;&#1605;&#1575;&#1577; and &#x1F600;.</p>
  <p onclick="alert('SECRET_ATTR')">Local officials reported that two schools had closed because of the fighting near the city.</p>
  <p>Unknown entity &bogus; and a stray &amp and <unknown-tag>custom</unknown-tag> element stay readable.</p>`;
const UTF16 = 'Shelling in Homs killed 3 people; «Хомс» was quiet by night, حمص said.\n';

let good: { r: CliResult; docs: StoredDoc[] };
let bad: { r: CliResult; docs: StoredDoc[] };
const textOf = (name: string): string => good.docs.filter((d) => d.source.endsWith(name)).map((d) => d.text).join('\n');

beforeAll(async () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(UTF16, 'utf16le')]);
  const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le.subarray(2)).swap16()]);
  const allGood = [
    file('invalid-utf8.txt', Buffer.concat([Buffer.from('Fighting near Aleppo '), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1]), Buffer.from(' killed five people, medics said.\n')])),
    file('mixed.txt', Buffer.concat([Buffer.from('Бои у Дамаска продолжаются. '), Buffer.from('Le caf', 'latin1'), Buffer.from([0xe9]), Buffer.from(' near Deir ez-Zor was hit.\n', 'latin1')])),
    file('utf16le.txt', le),
    file('utf16be.txt', be),
    file('deep.html', ARTICLE('<div>'.repeat(10_000) + DEEP + '</div>'.repeat(10_000))),
    file('deep-unclosed.html', ARTICLE('<div><span><b>'.repeat(3_334) + DEEP.replace('Douma', 'Harasta'))),
    file('hostile.html', ARTICLE(HOSTILE)),
  ];
  good = await analyzeCase(tmp.dir, allGood, { code: 0 });

  const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), randomBytes(4096)]);
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nstream\n', 'latin1'), randomBytes(4096)]);
  const para = 'Residents of Raqqa described the bombardment in detail, street by street, house by house. '.repeat(20) + '\n\n';
  bad = await analyzeCase(tmp.dir, [
    file('empty.txt', ''), file('blank.md', '\n\n   \n\t\n'),
    file('photo.png', png), file('photo-named.txt', png), file('report.pdf', pdf), file('report-named.txt', pdf),
    file('noise.txt', randomBytes(65536)), file('noise.html', randomBytes(8192)),
    file('big.txt', para.repeat(Math.ceil((4 * 1024 * 1024) / para.length))),
    join(tmp.dir, 'no-such-file.txt'),
    file('good.txt', GOOD),
  ], { code: 1 }, ['--max-doc-mb', '1']);
});
afterAll(() => tmp.cleanup());

describe('bad-input battery: files', () => {
  it('rejects empty and blank files by name and keeps the good file beside them', () => {
    for (const name of ['empty.txt', 'blank.md']) expect(namesInput(bad.r.stderr, name), name).toBe(true);
    expect(bad.docs.some((d) => d.text.includes('Idlib'))).toBe(true);
  });

  it('rejects binary content (image, PDF, random bytes), whatever the extension says', () => {
    for (const name of ['photo.png', 'photo-named.txt', 'report.pdf', 'report-named.txt', 'noise.txt', 'noise.html']) {
      expect(namesInput(bad.r.stderr, name), name).toBe(true);
      expect(bad.docs.filter((d) => d.source.endsWith(name)), name).toEqual([]);
    }
  });

  it('applies --max-doc-mb to a 4 MB text file: rejected or split by paragraphs, with a message', () => {
    expect(bad.r.stderr).toMatch(/big\.txt.*(MB|bytes|limit|large|split)/i);
    for (const d of bad.docs) expect(Buffer.byteLength(d.text)).toBeLessThanOrEqual(1024 * 1024);
  });

  it('reports a missing path as a rejected input, not a crash', () => {
    expect(namesInput(bad.r.stderr, 'no-such-file.txt')).toBe(true);
  });

  it('keeps exactly the good inputs of the bad run', () => {
    expect(bad.docs.every((d) => d.source.endsWith('good.txt') || d.source.endsWith('big.txt'))).toBe(true);
  });

  it('decodes invalid UTF-8 and mixed encodings without losing the readable text', () => {
    expect(textOf('invalid-utf8.txt')).toContain('Aleppo');
    expect(textOf('invalid-utf8.txt')).toContain('medics said');
    expect(textOf('mixed.txt')).toContain('Deir ez-Zor');
    for (const d of good.docs) expect(d.text).not.toMatch(/\u0000/);
  });

  it('reads UTF-16 (LE and BE, with a byte-order mark), the same content stored once', () => {
    const docs = good.docs.filter((d) => d.text.includes('Shelling in Homs'));
    expect(docs).toHaveLength(1);
    expect(docs[0]!.text).toContain('«Хомс»');
    expect(docs[0]!.text).toContain('حمص');
  });

  it('survives 10,000-deep nested HTML, balanced and unclosed', () => {
    expect(textOf('deep.html')).toContain('shelled Douma');
    expect(textOf('deep-unclosed.html')).toContain('shelled Harasta');
  });

  it('drops scripts, styles and iframes from HTML and decodes entities', () => {
    const text = textOf('hostile.html');
    expect(text).toContain('Café owners in Hama');
    expect(text).toContain('<b>shelling</b> & gunfire');
    expect(text).toContain('حماة');
    expect(text).toContain('😀');
    expect(text).not.toMatch(/SECRET_(SCRIPT|STYLE|IFRAME|ATTR)/);
  });

  it('rejects binary standard input by name ("-") and stores nothing', async () => {
    const db = join(tmp.dir, 'stdin.db');
    const r = await faultline(['analyze', '-', '--db', db, '--quiet', '--workers', '0'], { input: Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(20_000)]) });
    checkContract(r, { code: 1, rejected: ['-'] });
  });

  it('exits 2 on a usage error and writes nothing', async () => {
    const db = join(tmp.dir, 'usage.db');
    for (const args of [['analyze', join(tmp.dir, 'good.txt'), '--max-doc-mb', 'lots'], ['analyze', '--db', db], ['analyze', join(tmp.dir, 'good.txt'), '--no-such-flag']]) {
      const r = await faultline([...args, '--db', db]);
      checkContract(r, { code: 2 });
      expect(r.stderr.trim().length, args.join(' ')).toBeGreaterThan(0);
    }
    expect(existsSync(db)).toBe(false);
  });

  it('refuses to serve beyond loopback without a token (usage error, exit 2)', async () => {
    const db = join(tmp.dir, 'serve.db');
    new Database(db).close();
    const r = await faultline(['serve', '--db', db, '--host', '0.0.0.0', '--port', '0'], { env: { FAULTLINE_TOKEN: '' }, timeoutMs: 20_000 });
    checkContract(r, { code: 2 });
    expect(r.stderr).toMatch(/token/i);
  });

  // regression (fixed): quadratic regex (ReDoS) in src/ingest/html-text.ts TAG: a 400 KB unterminated tag took 48 s (fuzz case)
  it('reads HTML ending in a 300 KB unterminated tag in linear time', async () => {
    const html = ARTICLE('<p>Shelling was reported in Deraa on Friday, residents said, and schools closed.</p>') + '<div' + 'x'.repeat(300_000);
    const { r, docs } = await analyzeCase(tmp.dir, [file('unterminated.html', html)], { code: 0, kept: 1 });
    expect(docs[0]!.text).toContain('Deraa');
    expect(r.ms).toBeLessThan(15_000);
  });
});
