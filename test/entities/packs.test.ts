import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/packs/loader.js';
import { readSection } from '../../src/packs/sections.js';
import { actorsSpec, outletsSpec, personsSpec, placesSpec } from '../../src/analyse/analysers/entities/sections.js';
import { packTable } from '../../scripts/pack-table.js';
import { analyse } from './helpers.js';

describe('entity pack sections', () => {
  for (const name of ['syria', 'ukraine']) {
    it(`${name}: sections validate and cross-check`, () => {
      const pack = loadPack(name);
      for (const spec of [placesSpec, actorsSpec, personsSpec, outletsSpec]) {
        expect(readSection(pack, spec)).toBeDefined();
        expect(spec.check?.(pack) ?? []).toEqual([]);
      }
    });
  }
  it('the generated table lists both packs', () => {
    expect(packTable()).toMatch(/\| syria \|[\s\S]*\| ukraine \|/);
  });
  it('the ukraine pack resolves its own places and actors', () => {
    const doc = analyse('Russian forces shelled Bakhmut (Артемовск) in the Donetsk region, the Armed Forces of Ukraine said.', 'ukraine');
    expect(doc.places.map((p) => `${p.name}:${p.region}`)).toEqual(['Bakhmut:Donetsk Oblast', 'Donetsk Oblast:Donetsk Oblast']);
    expect(doc.actors.map((a) => `${a.id}:${a.affiliation}`)).toEqual(['russian-military:russian_government_and_allies', 'ukrainian-armed-forces:ukrainian_government_and_allies']);
  });
});
