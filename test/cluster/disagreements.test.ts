import { describe, expect, it } from 'vitest';
import { countedKey, withinTolerance } from '../../src/cluster/claims.js';
import { findDisagreements } from '../../src/cluster/disagreements.js';
import type { DossierSource } from '../../src/cluster/dossier-types.js';

const source = (id: string, camp: string, type: string, subType: string | null, fatalities: number | null = null): DossierSource => ({
  documentId: id, title: null, outlet: id, camp, published: null, duplicateOf: null, reprints: [],
  mentions: [{ index: 0, start: 0, end: 1, type, subType, date: null, placeName: null, agent: null, target: null, fatalities, evidence: '' }],
});

describe('disagreements', () => {
  it('finds who took the ground, civilians against a clash, and dead against no dead', () => {
    const d = findDisagreements([
      source('a', 'pro_syrian_government', 'Battles', 'Government regains territory', 0),
      source('b', 'pro_opposition', 'Battles', 'Non-state actor overtakes territory'),
      source('c', 'pro_opposition', 'Violence against civilians', null, 12),
    ], [], []);
    expect(d.map((x) => x.summary)).toEqual([
      'who took the ground: "Government regains territory" vs "Non-state actor overtakes territory"',
      'an attack on civilians or a clash between armed groups: "Violence against civilians" vs "Battles"',
      'deaths reported by some sources, none by others',
    ]);
    expect(d[0]!.accounts.map((a) => `${a.outlet}: ${a.says}`)).toEqual(['a: Government regains territory', 'b: Non-state actor overtakes territory']);
  });

  it('finds nothing when the sources tell it alike', () => {
    expect(findDisagreements([source('a', 'x', 'Battles', null, 3), source('b', 'y', 'Battles', null, 4)], [], [])).toEqual([]);
  });

  it('normalises counted things and applies the tolerance', () => {
    expect(['Civilians', 'buses', 'casualties', 'people', 'witness'].map(countedKey)).toEqual(['civilian', 'bus', 'casualty', 'people', 'witness']);
    expect(withinTolerance(10, 12)).toBe(true);
    expect(withinTolerance(100, 119)).toBe(true);
    expect(withinTolerance(100, 130)).toBe(false);
  });
});
