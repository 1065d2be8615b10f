import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { collect, docsOf, rejectionsOf } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'faultline-ingest-csv-'));
const file = (name: string, content: string | Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe('CSV', () => {
  it('maps columns, keeps other columns in meta, reads M/D/YY dates', async () => {
    const p = file('fakes.csv', [
      'unit_id,article_title,article_content,source,date,location,label',
      '101,Shelling in Douma,"Shelling hit Douma on Monday, killing 12 civilians, activists said.",sana,3/5/18,douma,1',
      '102,"Strike near ""the"" airport","An air strike near the airport killed four fighters.",reuters,11/23/12,damascus,0',
    ].join('\n'));
    const events = await collect([p], { columns: { text: 'article_content', title: 'article_title', date: 'date', source: 'source', id: 'unit_id' } });
    expect(rejectionsOf(events)).toEqual([]);
    const docs = docsOf(events);
    expect(docs.map((d) => [d.source, d.externalId, d.outlet, d.title, d.published, d.meta])).toEqual([
      [`${p}#row=1`, '101', 'sana', 'Shelling in Douma', '2018-03-05', { location: 'douma', label: '1' }],
      [`${p}#row=2`, '102', 'reuters', 'Strike near "the" airport', '2012-11-23', { location: 'damascus', label: '0' }],
    ]);
    expect(docs[0].segments).toEqual([{ start: 0, end: docs[0].text.length, kind: 'body', author: null, depth: 0 }]);
    expect(docs[0].languages).toEqual([{ lang: 'en', share: 1 }]);
  });

  it('keeps good rows around ragged rows and an unbalanced quote', async () => {
    const p = file('ragged.csv', [
      'id,text,title',
      '1,First good row about Homs.,One',
      '2,Short row without a title',
      '3,Row with extra cells,Three,surplus,more',
      '4,"Broken quote row that never closes,Four',
      '5,Fifth row survives the broken one.,Five',
      '6,,Six has no text',
      '7,Seventh row is fine.,Seven',
    ].join('\n'));
    const events = await collect([p]);
    expect(docsOf(events).map((d) => [d.source.split('#')[1], d.title])).toEqual([
      ['row=1', 'One'], ['row=2', null], ['row=3', 'Three'], ['row=5', 'Five'], ['row=7', 'Seven'],
    ]);
    expect(rejectionsOf(events).map((r) => `${r.input.split('#')[1]}: ${r.reason.split(':')[0]}`)).toEqual([
      'row=4: unbalanced quote', 'row=6: no text in column "text" (columns',
    ]);
  });

  it('keeps the rows after a quote that closes lines later', async () => {
    const p = file('swallow.csv', 'id,text\n1,Good one.\n2,"Opens here\n3,Good three.\n4,"closes" here\n5,Good five.\n');
    const events = await collect([p]);
    expect(docsOf(events).map((d) => d.text)).toEqual(['Good one.', 'Good three.', '"closes" here', 'Good five.']);
    expect(rejectionsOf(events)[0]).toMatchObject({ input: `${p}#row=2`, reason: expect.stringContaining('unbalanced quote') });
  });

  it('rejects a cell over the maximum document size, naming row and limit', async () => {
    const p = file('big.csv', `id,text\n1,small text here\n2,${'x'.repeat(3000)}\n3,another small text\n`);
    const events = await collect([p], { maxDocumentBytes: 1000 });
    expect(docsOf(events)).toHaveLength(2);
    expect(rejectionsOf(events)).toEqual([{ input: `${p}#row=2`, reason: expect.stringMatching(/over the maximum document size.*--max-doc-mb/) }]);
  });

  it('rejects a file once when the text column is missing, and matches column names ignoring case', async () => {
    const p = file('nocol.csv', 'id,body\n1,one\n2,two\n');
    expect(await collect([p])).toEqual([{ kind: 'rejected', input: p, reason: 'no column "text" for the text (columns: id, body); set --text-column' }]);
    const q = file('case.csv', 'ID,Text,Title\n7,Some text about Aleppo.,A title\n');
    const docs = docsOf(await collect([q]));
    expect(docs.map((d) => [d.externalId, d.title, d.text])).toEqual([['7', 'A title', 'Some text about Aleppo.']]);
  });

  it('decodes a windows-1251 CSV', async () => {
    const p = file('ru.csv', iconv.encode('id,text\n1,Жители сообщили об обстреле окраин города в понедельник вечером.\n', 'windows-1251'));
    const docs = docsOf(await collect([p]));
    expect(docs[0].text).toBe('Жители сообщили об обстреле окраин города в понедельник вечером.');
    expect(docs[0].languages).toEqual([{ lang: 'ru', share: 1 }]);
  });
});

describe('JSONL', () => {
  it('keeps good lines and rejects broken ones by line number', async () => {
    const p = file('docs.jsonl', [
      JSON.stringify({ id: 'a1', text: 'First document text.', title: 'First', date: '2020-01-07', source: 'tass', extra: 5 }),
      '{"id": "a2", "text": "broken',
      '',
      '[1, 2, 3]',
      JSON.stringify({ id: 'a3', text: 'Third document text.', date: 'Dec 19, 2019' }),
    ].join('\n'));
    const events = await collect([p]);
    expect(docsOf(events).map((d) => [d.source, d.externalId, d.outlet, d.published, d.meta])).toEqual([
      [`${p}#line=1`, 'a1', 'tass', '2020-01-07', { extra: '5' }],
      [`${p}#line=5`, 'a3', null, '2019-12-19', undefined],
    ]);
    expect(rejectionsOf(events).map((r) => r.input)).toEqual([`${p}#line=2`, `${p}#line=4`]);
    expect(rejectionsOf(events)[0].reason).toMatch(/^invalid JSON/);
  });
});
