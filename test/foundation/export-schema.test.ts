// Every exported document validates against ../shared/contracts/analysis.schema.json with a
// real JSON Schema validator (Ajv, draft 2020-12).
import { PassThrough } from 'node:stream';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { Pipeline } from '../../src/analyse/pipeline.js';
import { writeJsonl } from '../../src/export/jsonl.js';
import { writeCsv } from '../../src/export/csv.js';
import type { AnalysedDocument } from '../../src/core/types.js';
import { contractSchema, ingested } from '../helpers.js';

const texts = [
  'DAMASCUS, 3 March 2018 — Government forces shelled Douma on Saturday, killing at least 14 civilians, including 5 children, the Syrian Observatory for Human Rights said.',
  'The so-called "moderate rebels" are terrorists! The liberation of Aleppo will go down in history.',
  'Российские ВКС нанесли удар по позициям боевиков в провинции Идлиб, сообщило Минобороны России.',
];

async function* docsOf(list: AnalysedDocument[]): AsyncGenerator<AnalysedDocument> {
  yield* list;
}

async function collect(write: (out: PassThrough) => Promise<number>): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await write(out);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

describe('export', () => {
  const pipeline = new Pipeline();
  const docs = texts.map((t) => pipeline.analyse(ingested(t, { published: '2018-03-03' })).doc);

  it('writes JSONL that validates against the contract schema', async (ctx) => {
    const schema = contractSchema();
    if (!schema) {
      ctx.skip();
      return;
    }
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const lines = (await collect((out) => writeJsonl(docsOf(docs), out))).trim().split('\n');
    expect(lines).toHaveLength(docs.length);
    for (const line of lines) {
      const obj = JSON.parse(line) as AnalysedDocument;
      const ok = validate(obj);
      expect(validate.errors ?? [], `${obj.id}`).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('keeps every offset inside the text and sorted by start', () => {
    for (const d of docs) {
      const spans = [...d.segments, ...d.claims, ...d.events, ...d.techniques, ...d.stance.evidence,
        ...[d.places, d.actors, d.persons, d.sourcesCited].flatMap((g) => g.flatMap((x) => x.mentions)),
        ...d.actors.flatMap((a) => a.labels)];
      for (const s of spans) {
        expect(s.start).toBeGreaterThanOrEqual(0);
        expect(s.end).toBeLessThanOrEqual(d.text.length);
        expect(s.start).toBeLessThanOrEqual(s.end);
      }
      for (const arr of [d.claims, d.events, d.techniques]) {
        const starts = arr.map((x) => x.start);
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
      }
    }
  });

  it('writes CSV with a header and one row per finding', async () => {
    const csv = await collect((out) => writeCsv(docsOf(docs), out));
    expect(csv.split('\n')[0]).toBe('document_id,outlet,published,kind,start,end,rule_id,text,entity_id,name,detail,value');
  });
});
