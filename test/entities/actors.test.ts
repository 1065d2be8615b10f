import { describe, expect, it } from 'vitest';
import { analyse, golden } from './helpers.js';

describe('actors', () => {
  it('merges names, acronyms and renamings into one actor with its affiliation', () => {
    const doc = analyse('ISIS, also called ISIL, Daesh or the Islamic State, fought Jabhat al-Nusra, later Hay’at Tahrir al-Sham (HTS).');
    const isis = doc.actors.find((a) => a.id === 'isis');
    expect(isis?.mentions.length).toBe(4);
    expect(isis?.affiliation).toBe('jihadist');
    expect(doc.actors.find((a) => a.id === 'hts')?.mentions.length).toBe(3);
  });

  it('turns nationality + force words into state actors', () => {
    const doc = analyse('Russian warplanes and Turkish troops struck; the Syrian army advanced with the Tiger Forces.');
    expect(doc.actors.map((a) => `${a.id}:${a.affiliation}`)).toEqual([
      'russian-military:syrian_government_and_allies',
      'turkish-military:turkey',
      'syrian-arab-army:syrian_government_and_allies',
      'tiger-forces:syrian_government_and_allies',
    ]);
  });

  it('records epithets as labels with their camp on the actor they name, never as new actors', () => {
    const doc = analyse('Terrorists of the so-called Jaish al-Islam shelled Damascus. The regime bombed Douma, activists said. Moderate rebels held the town.');
    const ji = doc.actors.find((a) => a.id === 'jaish-al-islam');
    expect(ji?.labels.map((l) => `${l.label}:${l.camp}`)).toEqual(['terrorists:pro_syrian_government']);
    const gov = doc.actors.find((a) => a.id === 'syrian-government');
    expect(gov?.labels.map((l) => `${l.label}:${l.camp}`)).toEqual(['regime:pro_opposition']);
    const opp = doc.actors.find((a) => a.id === 'armed-opposition');
    expect(opp?.labels.map((l) => `${l.label}:${l.camp}`)).toEqual(['moderate rebels:pro_opposition']);
    expect(doc.actors.map((a) => a.id)).not.toContain('terrorists');
  });

  it('resolves bare group words by the actor last named', () => {
    const doc = analyse('The Islamic State attacked Kobani. The militants were repelled by Kurdish fighters. Later the army shelled rebels in Idlib.');
    const isis = doc.actors.find((a) => a.id === 'isis');
    expect(golden(doc, isis?.mentions ?? [])).toEqual(['4-17 actors-registry "Islamic State"', '39-48 actors-group-word "militants"']);
    expect(doc.actors.find((a) => a.id === 'syrian-arab-army')?.mentions.length).toBe(1);
  });

  it('handles Russian text', () => {
    const doc = analyse('Минобороны России сообщило, что террористы ИГИЛ отступили.');
    expect(doc.actors.map((a) => a.id).sort()).toEqual(['isis', 'russian-defense-ministry']);
  });
});
