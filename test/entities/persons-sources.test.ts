import { describe, expect, it } from 'vitest';
import { analyse, golden, surfaces } from './helpers.js';

describe('persons', () => {
  it('merges title, full name and surname of a registered figure', () => {
    const doc = analyse('President Assad met Bashar al-Assad’s envoy; Assad later spoke. Путин и Асад.');
    const assad = doc.persons.find((p) => p.id === 'person:bashar-al-assad');
    expect(surfaces(doc, assad?.mentions ?? [])).toEqual(['Assad', 'Bashar al-Assad', 'Assad', 'Асад']);
    expect(assad?.role).toBe('head_of_state');
    expect(doc.persons.map((p) => p.id)).toContain('person:vladimir-putin');
  });

  it('recognises unregistered names by title, first name or speech verb, titles stripped', () => {
    const doc = analyse('Army spokesman Ali Mayhoub said the town fell. Peter Salama of the WHO agreed. Muwaffaq Nyrabia said it again, and Nyrabia repeated it.');
    expect(doc.persons.map((p) => `${p.name}:${p.role ?? ''}`)).toEqual(['Ali Mayhoub:spokesperson', 'Peter Salama:', 'Muwaffaq Nyrabia:']);
    expect(doc.persons[2].mentions.length).toBe(2);
  });

  it('does not take village lists for people', () => {
    const doc = analyse('The army entered the villages of Habreh al-Sharqi Abu Qatour Unq al-Hawa and Jubb Hamad.');
    expect(doc.persons).toEqual([]);
  });
});

describe('sources cited', () => {
  it('finds registry sources in attribution frames', () => {
    const doc = analyse('Yesterday 300 civilians left, according to the Russian Defense Ministry. SOHR said 12 died. TASS reports new strikes. He was referred to a Bellingcat article. Fighting in Aleppo (SANA).');
    expect(doc.sourcesCited.map((s) => `${s.name}:${s.kind}`)).toEqual([
      'Russian Defence Ministry:ministry', 'Syrian Observatory for Human Rights:ngo', 'TASS:agency', 'Bellingcat:outlet', 'SANA:agency',
    ]);
    expect(doc.sourcesCited.find((s) => s.name === 'TASS')?.country).toBe('RU');
  });

  it('finds unregistered and unnamed sources from the pattern alone', () => {
    const doc = analyse('The Syrian Institute of Justice said 270 died, according to local sources. Military sources said the road was cut.');
    expect(doc.sourcesCited.flatMap((s) => golden(doc, s.mentions))).toEqual([
      '4-31 sources-cited-pattern "Syrian Institute of Justice"',
      '60-73 sources-cited-unnamed "local sources"',
      '75-91 sources-cited-unnamed "Military sources"',
    ]);
  });

  it('does not cite an outlet that is only mentioned', () => {
    const doc = analyse('Newsweek reporter quits over Syria story. RT also did an interview.');
    expect(doc.sourcesCited).toEqual([]);
  });
});

describe('Russian text', () => {
  it('gets the same treatment for registry entries, with case endings', () => {
    const doc = analyse('Как сообщает ТАСС, террористы ИГИЛ отступили к Дейр-эз-Зору. Президент Сирии Башар Асад встретился с Лавровым в Дамаске. Представитель Минобороны Игорь Конашенков заявил, что удар по Хмеймиму отражён.');
    expect(doc.places.map((p) => p.name)).toEqual(['Deir ez-Zor', 'Syria', 'Damascus', 'Hmeimim Air Base']);
    expect(doc.persons.map((p) => p.id)).toEqual(['person:bashar-al-assad', 'person:sergey-lavrov', 'person:igor-konashenkov']);
    expect(doc.sourcesCited.map((s) => s.name)).toEqual(['TASS', 'Igor Konashenkov']);
    const isis = doc.actors.find((a) => a.id === 'isis');
    expect(isis?.labels.map((l) => l.label)).toEqual(['terrorists']);
    expect(isis?.mentions.length).toBe(1);
  });
});
