import { describe, expect, it } from 'vitest';
import { ACTORS, PLACES, analyse, makeDoc } from './helpers.js';

const mainOf = (text: string) => {
  const doc = analyse(makeDoc(text, '2017-04-08', PLACES, ACTORS));
  const main = doc.events.filter((e) => e.main);
  return { doc, main, m: main[0] };
};

describe('main event', () => {
  it('marks one event per document: the first violent one with a stated toll', () => {
    const { doc, main, m } = mainOf('Talks resumed in Geneva. Russian jets struck Aleppo. An air strike on Khan Sheikhoun killed 12 civilians.');
    expect(main).toHaveLength(1);
    expect(m && doc.text.slice(m.start, m.end)).toBe('An air strike on Khan Sheikhoun killed 12 civilians.');
  });

  it('prefers a precise toll over a vague one, whichever camp reports it', () => {
    const { doc, m } = mainOf('Dozens of civilians were killed in shelling on Aleppo. ISIS shelled Raqqa, killing 7 civilians.');
    expect(m && doc.text.slice(m.start, m.end)).toBe('ISIS shelled Raqqa, killing 7 civilians.');
  });

  it('fills the agent and place from a later telling of the same event', () => {
    const { m } = mainOf('An air strike killed 12 civilians on Saturday. The air strike was carried out by Russian jets on Khan Sheikhoun.');
    expect(m?.agent).toBe('russian-military');
    expect(m?.place).toBe('p:khan-sheikhoun');
  });

  it('takes nothing from an event told of another place', () => {
    const { m } = mainOf('Shelling on Aleppo killed 4 people. Government forces shelled Douma.');
    expect(m?.agent).toBeNull();
    expect(m?.place).toBe('p:aleppo');
  });

  it('places an event told only of the country at the place named nearest it, as a vague location', () => {
    const { m } = mainOf('A car bomb killed 9 people in Syria. Residents later fled Raqqa and Aleppo.');
    expect(m?.place).toBe('p:raqqa');
    expect(m?.geoPrecision).toBe(3);
  });

  it('reads "claimed the lives of" as deaths', () => {
    const { m } = mainOf('A chemical attack in Idlib province claimed the lives of some 80 people.');
    expect(m?.fatalities).toBe(80);
  });
});

describe('event place', () => {
  it('lets the city that contains a quarter decide its region ("the X neighbourhood of Damascus")', () => {
    const places = [
      { id: 'p:midan', names: ['Midan'], kind: 'site' as const, region: 'Aleppo' },
      { id: 'p:damascus', names: ['Damascus'], kind: 'city' as const, region: 'Damascus' },
    ];
    const doc = analyse(makeDoc('Suicide bombings killed 17 people at a police station in the Midan neighbourhood of Damascus.', '2017-10-03', places, ACTORS));
    expect(doc.events[0]?.place).toBe('p:damascus');
    const plain = analyse(makeDoc('Suicide bombings killed 17 people in Midan, residents of Damascus said.', '2017-10-03', places, ACTORS));
    expect(plain.events[0]?.place).toBe('p:midan');
  });
});
