import { describe, expect, it } from 'vitest';
import type { Analyser } from '../../src/analyse/analyser.js';
import { Pipeline, orderAnalysers } from '../../src/analyse/pipeline.js';
import { sentenceSpans, normaliseText } from '../../src/core/text.js';
import { ingested } from '../helpers.js';

const noop = (id: string, after?: string[]): Analyser => ({ id, after, description: id, run() {} });

describe('pipeline', () => {
  it('orders analysers by their dependencies', () => {
    const order = orderAnalysers([noop('events', ['places', 'claims']), noop('claims', ['actors']), noop('places'), noop('actors')]);
    expect(order.map((a) => a.id)).toEqual(['places', 'actors', 'claims', 'events']);
  });

  it('rejects dependency cycles', () => {
    expect(() => orderAnalysers([noop('a', ['b']), noop('b', ['a'])])).toThrow(/cycle/);
  });

  it('records a failing analyser as a problem and keeps the others', () => {
    const boom: Analyser = { id: 'boom', description: 'throws', run() { throw new Error('bad'); } };
    const marker: Analyser = {
      id: 'marker',
      description: 'adds a technique',
      run(ctx) { ctx.doc.techniques.push({ start: 0, end: 4, technique: 'Slogans', ruleId: 'marker' }); },
    };
    const { doc, problems, timings } = new Pipeline({ analysers: [boom, marker] }).analyse(ingested('Stop the war!'));
    expect(problems).toEqual([{ analyser: 'boom', message: 'bad' }]);
    expect(doc.techniques).toHaveLength(1);
    expect(timings.map((t) => t.id)).toEqual(['boom', 'marker']);
  });
});

describe('text', () => {
  it('normalises line ends, BOM and Unicode once', () => {
    expect(normaliseText('\uFEFFa\r\nb\rc\u0000 Cafe\u0301')).toBe('a\nb\nc Café');
  });

  it('splits sentences and lines, trimmed, with exact offsets', () => {
    const text = 'HEADLINE WITHOUT STOP\nFirst sentence. Second one?  \n\n  Third!';
    const golden = sentenceSpans(text).map((s) => `${s.start}-${s.end} "${text.slice(s.start, s.end)}"`);
    expect(golden).toEqual(['0-21 "HEADLINE WITHOUT STOP"', '22-37 "First sentence."', '38-49 "Second one?"', '55-61 "Third!"']);
  });
});
