// Technique rules (golden spans, camp symmetry), the 14 definitions, and the SemEval span F1.
import { describe, expect, it } from 'vitest';
import { findLabels } from '../../src/analyse/analysers/labels/index.js';
import { TECHNIQUES, techniqueDefinition } from '../../src/analyse/analysers/techniques/definitions.js';
import { ruleTechniques } from '../../src/analyse/analysers/techniques/rules.js';
import { mergeSpans, spanF1 } from '../../src/ml/span-f1.js';
import { loadPack } from '../../src/packs/loader.js';
import { golden } from './helpers.js';

const pack = loadPack('syria');

describe('technique rules', () => {
  it('finds slogans, flag-waving, black-and-white, clichés and name calling through labels', () => {
    const text = 'Victory to our heroic army! There is no alternative: the beheaders must go. Nazis, all of them. You decide.';
    const found = ruleTechniques(text, pack, findLabels(text, pack));
    expect(golden(text, found).sort()).toEqual(
      [
        '0-27 techniques-slogan-exclamation "Victory to our heroic army!"',
        '11-26 techniques-flag-waving "our heroic army"',
        '15-26 techniques-name-calling-label "heroic army"',
        '28-51 techniques-black-and-white "There is no alternative"',
        '57-66 techniques-name-calling-label "beheaders"',
        '76-81 techniques-reductio-ad-hitlerum "Nazis"',
        '96-106 techniques-thought-terminating "You decide"',
      ].sort(),
    );
  });

  it('fires the same rule for either camp', () => {
    const a = 'Our heroic soldiers liberated the town from the terrorists!';
    const b = 'Our heroic people freed the town from the regime!';
    const ids = (t: string): string[] => [...new Set(ruleTechniques(t, pack, findLabels(t, pack)).map((f) => f.ruleId ?? ""))].sort();
    expect(ids(a)).toContain('techniques-flag-waving');
    expect(ids(b)).toContain('techniques-flag-waving');
    expect(ids(a)).toContain('techniques-name-calling-label');
    expect(ids(b)).toContain('techniques-name-calling-label');
  });
});

describe('large inputs', () => {
  it('handle a 1 MB repetitive document (no stack overflow, repetition capped per phrase)', () => {
    const text = 'The heroic army liberated the town from the terrorists! '.repeat(18_000);
    const labels = findLabels(text, pack);
    expect(labels.length).toBeGreaterThan(30_000);
    const found = ruleTechniques(text, pack, labels);
    expect(found.filter((f) => f.ruleId === 'techniques-repetition').length).toBeLessThanOrEqual(10 * 8);
  });
});

describe('technique definitions', () => {
  it('define all 14 SemEval-2020 techniques', () => {
    expect(TECHNIQUES).toHaveLength(14);
    for (const t of TECHNIQUES) expect(techniqueDefinition(t)?.definition.length).toBeGreaterThan(20);
    expect(techniqueDefinition('Nope')).toBeNull();
  });
});

describe('SemEval span F1', () => {
  it('gives partial-overlap credit and merges overlapping spans', () => {
    expect(mergeSpans([{ start: 0, end: 5 }, { start: 3, end: 8 }])).toEqual([{ start: 0, end: 8, technique: undefined }]);
    const gold = new Map([['a', [{ start: 0, end: 10, technique: 'Doubt' }]]]);
    const pred = new Map([['a', [{ start: 5, end: 15, technique: 'Slogans' }]]]);
    const r = spanF1(pred, gold);
    expect(r.precision).toBeCloseTo(0.5);
    expect(r.recall).toBeCloseTo(0.5);
    expect(spanF1(pred, gold, true).f1).toBe(0);
  });
});
