import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/packs/loader.js';
import { lexicon } from '../../src/analyse/analysers/entities/lexicon.js';
import { articleVariants } from '../../src/gazetteer/index.js';
import { skeleton } from '../../src/analyse/analysers/entities/fuzzy-places.js';
import '../../src/analyse/analysers/entities/sections.js';

describe('gazetteer', () => {
  const gaz = lexicon(loadPack('syria')).gaz;
  it('has coordinates and a country for every place', () => {
    const bad = gaz.places.filter((p) => p.lat === null || p.lon === null || p.country === null);
    expect(bad.map((p) => p.id)).toEqual([]);
  });
  it('fills the governorate of Syrian places', () => {
    const byId = new Map(gaz.places.map((p) => [p.id, p]));
    expect(byId.get('geonames:170063')?.region).toBe('Aleppo');
    expect(byId.get('geonames:163808')?.region).toBe('Homs');
    expect(byId.get('pack:syria/place/hmeimim')?.region).toBe('Latakia');
  });
  it('keeps common English words out of the names', () => {
    const names = new Set(gaz.names.map((n) => n.phrase));
    for (const w of ['Of', 'Man', 'Mobile', 'Police', 'Bar', 'Hīt']) expect(names.has(w)).toBe(false);
  });
  it('varies the Arabic article and compares transliterations by skeleton', () => {
    expect(articleVariants('Deir ez-Zor')).toContain('Deir az-Zor');
    expect(skeleton('Maaret Masrin')).toBe(skeleton('Ma‘arratmişrīn'));
    expect(skeleton('Khan Arnabeh')).toBe(skeleton('Khān Arnabah'));
  });
});
