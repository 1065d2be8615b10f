// Even-handedness: the same report written from opposite camps (our own mirrored texts, English
// and Russian) gets mirrored stance; wire-style reports come out neutral. Runs the
// registered actors, sources-cited, labels and stance analysers (not the slower gazetteer and
// technique model, which stance does not need to be even-handed).
import { describe, expect, it } from 'vitest';
import { Pipeline } from '../../src/analyse/pipeline.js';
import { analysers } from '../../src/analyse/registry.js';
import { doc, fixture } from './helpers.js';

const FRAMING = ['actors', 'sources-cited', 'labels', 'stance'];
const pipeline = new Pipeline({ analysers: analysers.filter((a) => FRAMING.includes(a.id)) });
const stanceOf = (name: string): string => pipeline.analyse(doc(fixture(name))).doc.stance.camp;

const PAIRS = ['en-1', 'en-2', 'en-3', 'en-4', 'ru-1', 'ru-2'];

describe('mirrored pairs get mirrored stance', () => {
  for (const p of PAIRS) {
    it(p, () => {
      expect(stanceOf(`${p}-gov.txt`)).toBe('pro_syrian_government');
      expect(stanceOf(`${p}-opp.txt`)).toBe('pro_opposition');
    });
  }
});

describe('wire-style reports are neutral', () => {
  for (const w of ['wire-1.txt', 'wire-2.txt', 'wire-3.txt']) {
    it(w, () => {
      const s = pipeline.analyse(doc(fixture(w))).doc.stance;
      expect(s.camp).toBe('neutral');
      expect(s.confidence).toBeGreaterThan(0);
    });
  }
});

describe('stance per segment', () => {
  it('gives each segment its own camp and the document a mixed one when they conflict', () => {
    const a = fixture('en-1-gov.txt');
    const b = fixture('en-1-opp.txt');
    const text = `${a}\n\n${b}`;
    const r = pipeline.analyse(
      doc(text, [
        { start: 0, end: a.length, kind: 'body', author: null, depth: 0 },
        { start: a.length + 2, end: text.length, kind: 'comment', author: 'x', depth: 1 },
      ]),
    ).doc;
    expect(r.segments.map((s) => s.stance)).toEqual(['pro_syrian_government', 'pro_opposition']);
    expect(r.stance.camp).toBe('mixed');
    for (const e of r.stance.evidence) expect(e.ruleId).toMatch(/^stance-/);
  });

  it('short text without evidence is unclear, not neutral', () => {
    expect(pipeline.analyse(doc('Fighting continued.')).doc.stance.camp).toBe('unclear');
  });
});

describe('the same rules in another pack (ukraine)', () => {
  const ukraine = new Pipeline({ pack: 'ukraine', analysers: analysers.filter((a) => FRAMING.includes(a.id)) });
  it('mirrors the stance of a report told from either side', () => {
    expect(ukraine.analyse(doc(fixture('ua-1-rus.txt'))).doc.stance.camp).toBe('pro_russian');
    expect(ukraine.analyse(doc(fixture('ua-1-ukr.txt'))).doc.stance.camp).toBe('pro_ukrainian');
  });
});
