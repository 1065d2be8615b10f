import { describe, expect, it } from 'vitest';
import { analyse, golden, surfaces } from './helpers.js';

describe('places', () => {
  it('resolves every spelling of a place to one entry with region and coordinates', () => {
    const doc = analyse('Shelling hit Deir Ezzor on Monday. In Dayr az-Zawr and Deir ez-Zor city, residents fled. Raqqah and Ar-Raqqah are quiet.');
    const deir = doc.places.find((p) => p.id === 'geonames:170794');
    expect(surfaces(doc, deir?.mentions ?? [])).toEqual(['Deir Ezzor', 'Dayr az-Zawr', 'Deir ez-Zor city']);
    expect(deir).toMatchObject({ country: 'SY', region: 'Deir ez-Zor', kind: 'city' });
    expect(deir?.lat).toBeCloseTo(35.34, 1);
    const raqqa = doc.places.find((p) => p.id === 'geonames:172955');
    expect(raqqa?.mentions.length).toBe(2);
  });

  it('attaches directions and provinces to their place', () => {
    const doc = analyse('Clashes in eastern Aleppo, the outskirts of Damascus and northwest Syria; strikes on Idlib province.');
    expect(doc.places.flatMap((p) => golden(doc, p.mentions))).toEqual([
      '11-25 places-qualified "eastern Aleppo"',
      '31-52 places-qualified "outskirts of Damascus"',
      '57-72 places-qualified "northwest Syria"',
      '85-99 places-curated "Idlib province"',
    ]);
    expect(doc.places.find((p) => p.name === 'Idlib Governorate')?.kind).toBe('region');
  });

  it('hands capitals and countries used as agents to the actors (metonymy)', () => {
    const doc = analyse('Moscow vetoed the resolution and Washington announced new sanctions. Damascus says the strike was illegal. Refugees fled to Turkey.');
    expect(doc.places.map((p) => p.name)).toEqual(['Turkey']);
    expect(doc.actors.map((a) => a.id).sort()).toEqual(['russian-government', 'syrian-government', 'us-government']);
  });

  it('does not take organisation names, person names or common words for places', () => {
    const doc = analyse('The Washington Post and a source at Aleppo Police Command said Operation Idlib Dawn began. Of course the police man went to the bar.');
    expect(doc.places).toEqual([]);
  });

  it('prefers places in the countries the document is about', () => {
    const doc = analyse('Government forces shelled Tadmur and Palmyra, east of Homs.');
    expect(doc.places.every((p) => p.country === 'SY')).toBe(true);
  });

  it('reads Russian names with their case endings', () => {
    const doc = analyse('Удар по базе в Сирии. Путин прибыл в Дамаске, затем в Алеппо.');
    expect(doc.places.map((p) => p.name)).toEqual(['Syria', 'Damascus', 'Aleppo']);
  });

  it('matches respelled village names only inside regions the text already names', () => {
    const doc = analyse('Shells hit the village of Taduf in the Aleppo countryside. The village of Suleima was calm.');
    expect(doc.places.map((p) => p.id)).toContain('geonames:163811');
    expect(doc.places.some((p) => p.mentions.some((m) => doc.text.slice(m.start, m.end) === 'Suleima'))).toBe(false);
  });
});
