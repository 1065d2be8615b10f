// Label lexicon: per-voice depth, golden spans for both camps and Russian inflection, distancing,
// and copying actor-bound labels onto actors without duplicating the actors analyser's epithets.
import { describe, expect, it } from 'vitest';
import { findLabels, labelsAnalyser } from '../../src/analyse/analysers/labels/index.js';
import { compileLabels } from '../../src/analyse/analysers/labels/lexicon.js';
import { Pipeline } from '../../src/analyse/pipeline.js';
import type { ActorFinding } from '../../src/core/types.js';
import { listPacks, loadPack } from '../../src/packs/loader.js';
import { doc, fixture, golden } from './helpers.js';

const pack = loadPack('syria');

describe('label lexicon', () => {
  for (const name of listPacks()) {
    it(`covers every voice of the ${name} pack to the same depth`, () => {
      const p = loadPack(name);
      const { section } = compileLabels(p);
      if (!section.labels.length) return;
      for (const voice of p.manifest.voices ?? []) {
        const entries = section.labels.filter((l) => l.voice === voice);
        expect(entries.length, voice).toBeGreaterThanOrEqual(9);
        expect(entries.reduce((n, l) => n + l.forms.length, 0), voice).toBeGreaterThanOrEqual(30);
      }
    });
  }
});

describe('findLabels', () => {
  it('finds pro-government vocabulary and distanced opposition words', () => {
    const text = fixture('en-1-gov.txt');
    expect(golden(text, findLabels(text, pack))).toEqual([
      '4-22 labels-pro-government "heroic Syrian army"',
      '37-47 labels-pro-government "liberation"',
      '82-92 labels-pro-government "terrorists"',
      '235-244 labels-distancer "so-called"',
      '246-265 labels-western-distanced "moderate opposition"',
    ]);
  });

  it('finds the mirrored opposition vocabulary', () => {
    const text = fixture('en-1-opp.txt');
    const labels = findLabels(text, pack);
    expect(golden(text, labels)).toEqual([
      '4-16 labels-opposition "Assad regime"',
      '31-41 labels-opposition "blitzkrieg"',
      '76-91 labels-opposition "revolutionaries"',
      '191-203 labels-opposition "barrel bombs"',
      '238-245 labels-opposition "shabiha"',
      '251-260 labels-distancer "so-called"',
      '262-272 labels-common-distanced "government"',
    ]);
    expect(labels.find((l) => l.label === 'government')).toMatchObject({ camp: 'pro_opposition', scareQuoted: true });
  });

  it('matches Russian inflected forms', () => {
    const text = fixture('ru-1-opp.txt');
    expect(golden(text, findLabels(text, pack))).toEqual([
      '0-11 labels-opposition "Режим Асада"',
      '35-48 labels-opposition "Революционеры"',
      '75-87 labels-russian-distanced "террористами"',
      '109-123 labels-distancer "Так называемое"',
      '125-138 labels-common-distanced "правительство"',
      '154-168 labels-opposition "бочковые бомбы"',
    ]);
  });

  it('copies actor-bound labels onto nearby actors of a matching affiliation, once per span', () => {
    const text = 'The Assad regime shelled the town while terrorists of Nusra attacked.';
    const actors: ActorFinding[] = [
      { id: 'syrian-government', name: 'Syrian government', affiliation: 'syrian_government_and_allies', mentions: [{ start: 4, end: 9 }], labels: [] },
      { id: 'nusra', name: 'Nusra Front', affiliation: 'jihadist', mentions: [{ start: 54, end: 59 }], labels: [{ start: 40, end: 50, label: 'terrorists', camp: null }] },
    ];
    const d = { ...doc(text), ...new Pipeline({ analysers: [] }).analyse(doc(text)).doc, actors };
    labelsAnalyser.run({ doc: d, pack, sentences: () => [] });
    expect(actors[0].labels).toMatchObject([{ start: 4, end: 16, label: 'regime', camp: 'pro_opposition' }]);
    expect(actors[1].labels).toHaveLength(1);
  });
});
