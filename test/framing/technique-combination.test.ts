// How the techniques analyser combines the model's spans with rule detections: standalone rules
// stand alone, the others only inside a model span, rule matches in another script than the
// model's (Latin) always; and the training-time greedy choice of the standalone rules.
import { describe, expect, it } from 'vitest';
import { findLabels } from '../../src/analyse/analysers/labels/index.js';
import { techniqueFindings } from '../../src/analyse/analysers/techniques/index.js';
import { techniqueModel } from '../../src/analyse/analysers/techniques/model.js';
import { ruleTechniques, techniquesSection } from '../../src/analyse/analysers/techniques/rules.js';
import { sentenceSpans } from '../../src/core/text.js';
import { combineSpans, hostSpan, selectStandaloneRules } from '../../src/ml/rule-selection.js';
import type { TechniqueModel } from '../../src/ml/technique-model.js';
import { loadPack } from '../../src/packs/loader.js';
import { readSection } from '../../src/packs/sections.js';
import { golden } from './helpers.js';

const pack = loadPack('syria');

/** All-zero weights: every sentence and token scores 0.5; `floor` decides whether sentences are tagged. */
function flatModel(floor: number, standaloneRules: string[]): TechniqueModel {
  const dim = 16;
  return {
    version: 1, sentenceDim: dim, tokenDim: dim, spanDim: dim, techniques: ['Loaded_Language', 'Doubt'],
    decode: { threshold: 0.4, seed: 0.4, gap: 99, minTokens: 1, floor, alpha: 1 },
    sentenceW: new Float32Array(dim), tokenW: new Float32Array(dim), spanW: new Float32Array(dim * 2), standaloneRules,
  };
}

const text = 'The barbaric thugs shelled the town! Experts say it was staged. Это чудовищная ложь.';
const rules = ruleTechniques(text, pack, findLabels(text, pack));
const findings = (m: TechniqueModel | null): string[] => golden(text, techniqueFindings(text, rules, m, () => sentenceSpans(text))).sort();

describe('model spans combined with rule detections', () => {
  it('keeps standalone rules and other-script matches when the model finds nothing', () => {
    expect(findings(flatModel(0.9, ['techniques-loaded-language']))).toEqual(
      [
        '4-12 techniques-loaded-language "barbaric"',
        '68-78 techniques-loaded-language "чудовищная"',
        '79-83 techniques-loaded-language "ложь"',
      ].sort(),
    );
  });

  it('keeps every rule detection inside a model span', () => {
    const got = findings(flatModel(0, ['techniques-loaded-language']));
    expect(got).toContain('0-36 techniques-model "The barbaric thugs shelled the town!"');
    expect(got).toContain('13-18 techniques-name-calling "thugs"');
    expect(got).toContain('56-62 techniques-doubt "staged"');
    expect(got).toContain('0-36 techniques-slogan-exclamation "The barbaric thugs shelled the town!"');
  });

  it('keeps label-lexicon name calling for every camp, whatever the model says', () => {
    const t = 'The terrorists and the regime shelled the town.';
    const got = golden(t, techniqueFindings(t, ruleTechniques(t, pack, findLabels(t, pack)), flatModel(0.9, []), () => sentenceSpans(t)));
    expect(got).toEqual(['4-14 techniques-name-calling-label "terrorists"', '23-29 techniques-name-calling-label "regime"']);
  });

  it('emits every rule detection without a model', () => {
    expect(findings(null)).toEqual(golden(text, rules).sort());
  });

  it('finds the model span hosting a rule span by binary search', () => {
    const model = [{ start: 0, end: 10 }, { start: 20, end: 30 }, { start: 40, end: 50 }];
    expect(hostSpan(model, { start: 25, end: 26 })).toEqual({ start: 20, end: 30 });
    expect(hostSpan(model, { start: 10, end: 20 })).toBeNull();
    expect(hostSpan(model, { start: 5, end: 45 })).toEqual({ start: 0, end: 10 });
    const out = combineSpans(model, [{ start: 12, end: 14, ruleId: 'a' }, { start: 12, end: 14, ruleId: 'b' }, { start: 28, end: 33, ruleId: 'a' }], new Set(['b']));
    expect(out.map((s) => `${s.start}-${s.end}`)).toEqual(['0-10', '20-30', '40-50', '12-14', '28-33']);
  });
});

describe('choice of the standalone rules', () => {
  it('demotes a rule whose detections cost span F1, keeps the others standalone', () => {
    const docs = ['1', '2', '3'].map((id) => ({
      id,
      gold: [{ start: 0, end: 10 }, { start: 50, end: 60 }],
      model: [{ start: 0, end: 12 }],
      rules: [
        { start: 50, end: 58, ruleId: 'techniques-good' },
        { start: 80, end: 90, ruleId: 'techniques-noisy' },
        { start: 2, end: 4, ruleId: 'techniques-inside' },
      ],
    }));
    expect(selectStandaloneRules(docs)).toEqual(['techniques-good', 'techniques-inside']);
    expect(selectStandaloneRules(docs, 0.001, () => undefined, ['techniques-noisy'])).toEqual(['techniques-good', 'techniques-inside', 'techniques-noisy']);
  });
});

describe('the committed model', () => {
  // the same report told by either camp: the model may tag different sentences, but every rule
  // finding (label-lexicon name calling included) is the same for both tellings
  const MIRRORED: [string, string][] = [
    [
      'The barbaric terrorists shelled the town again! Everyone knows who is behind this. These thugs must be crushed once and for all.',
      'The barbaric regime shelled the town again! Everyone knows who is behind this. These thugs must be crushed once and for all.',
    ],
    ['Our heroic army liberated Aleppo from the savage jihadists. Death to the invaders!', 'Our heroic fighters liberated Aleppo from the savage regime forces. Death to the invaders!'],
    ['Они снова лгут: эти террористы — бандиты и головорезы! Позор!', 'Они снова лгут: этот режим — бандиты и головорезы! Позор!'],
  ];
  const ruleIds = (t: string): string[] =>
    techniqueFindings(t, ruleTechniques(t, pack, findLabels(t, pack)), techniqueModel(), () => sentenceSpans(t))
      .map((f) => f.ruleId ?? '')
      .filter((id) => id !== 'techniques-model')
      .sort();
  it('reports the same rule findings for mirrored tellings', () => {
    for (const [a, b] of MIRRORED) {
      expect(ruleIds(a).length).toBeGreaterThan(2);
      expect(ruleIds(a)).toEqual(ruleIds(b));
    }
  });

  it('names standalone rules that every pack still has', () => {
    const standalone = techniqueModel()?.standaloneRules ?? [];
    expect(standalone.length).toBeGreaterThan(0);
    const code = ['slogan-exclamation', 'repetition', 'name-calling-label', 'loaded-label'];
    for (const name of ['syria', 'ukraine']) {
      const yaml = readSection<{ rules: { id: string }[] }>(loadPack(name), techniquesSection)?.rules.map((r) => r.id) ?? [];
      const known = new Set([...code, ...yaml].map((id) => `techniques-${id}`));
      for (const id of standalone) expect(known.has(id), `${id} in ${name}`).toBe(true);
    }
  });
});
