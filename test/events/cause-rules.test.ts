// Cause of death and which event leads: a weapon named beside a blast is the cause, an armed
// clash is fought with guns unless its own or the next sentence names another weapon, "shooting
// down" a drone kills nobody, gunmen are people rather than shooting, toxic materials are a
// chemical attack, a vague toll ("scores of") leads only when no precise one does, and a lead's
// child toll is read from the sentences that split it. Golden lines: the main event's evidence,
// rule, cause and its split dead=total/civilians/children.
import { describe, expect, it } from 'vitest';
import { ACTORS, PLACES, analyse, makeDoc } from './helpers.js';

const main = (text: string): string => {
  const doc = analyse(makeDoc(text, '2017-04-05', PLACES, ACTORS));
  const m = doc.events.find((e) => e.main);
  if (!m) return '(none)';
  return `${m.start}-${m.end} ${m.ruleId} "${text.slice(m.start, m.end)}" cause=${m.cause} dead=${[m.fatalities, m.civilianFatalities, m.childFatalities].map((x) => x ?? '-').join('/')}`;
};
const rules = (text: string): string[] => analyse(makeDoc(text, '2017-04-05', PLACES, ACTORS)).events.map((e) => `${e.trigger?.start}-${e.trigger?.end} ${e.ruleId} "${text.slice(e.trigger?.start ?? 0, e.trigger?.end ?? 0)}"`);

describe('cause of death', () => {
  it('takes the weapon named beside a blast as the cause', () => {
    expect(main('Rocket attacks on Aleppo set off explosions in a depot that killed at least 40 people.')).toBe(
      '0-86 events-shelling "Rocket attacks on Aleppo set off explosions in a depot that killed at least 40 people." cause=shelling dead=40/40/-',
    );
    expect(main('An explosion in Raqqa killed 3 people.')).toBe('0-38 events-blast "An explosion in Raqqa killed 3 people." cause=explosion dead=3/3/-');
  });

  it('codes an armed clash as shooting unless the next sentence names another weapon, for every side alike', () => {
    expect(main('At least 35 ISIS fighters were killed in clashes with YPG fighters near Raqqa. The fighting lasted all night. Coalition air strikes had hit the city a week earlier.')).toBe(
      '0-78 events-clash "At least 35 ISIS fighters were killed in clashes with YPG fighters near Raqqa." cause=shooting dead=35/-/-',
    );
    expect(main('At least 70 rebels were killed in clashes with the Syrian army near Aleppo. Russian jets bombed their positions.')).toBe(
      '0-75 events-clash "At least 70 rebels were killed in clashes with the Syrian army near Aleppo." cause=air strike dead=70/-/-',
    );
  });

  it('reads "shooting down" as a downed aircraft, gunmen as people, and toxic materials as chemical', () => {
    expect(rules('Government forces killed 20 fighters, shooting down 4 drones near Raqqa.')).toEqual([
      '18-24 events-killing "killed"',
      '38-51 events-disrupted "shooting down"',
    ]);
    expect(rules('Turkey sends weapons and gunmen to Nusra Front groups.')).toEqual([]);
    expect(main('Rebels fired shells containing toxic materials on Aleppo, killing 3 people.')).toBe(
      '0-75 events-chemical "Rebels fired shells containing toxic materials on Aleppo, killing 3 people." cause=chemical dead=3/3/-',
    );
  });
});

describe('lead event', () => {
  it('prefers a precise toll to "scores of", whichever side is killed', () => {
    expect(main('The army killed scores of ISIS fighters near Raqqa. Rebel shells killed 4 civilians in Aleppo.')).toBe(
      '52-94 events-shelling "Rebel shells killed 4 civilians in Aleppo." cause=shelling dead=4/4/-',
    );
  });

  it('reads the child and civilian tolls from a later sentence that splits the lead\'s toll, not from another incident', () => {
    expect(main('Air strikes on Khan Sheikhoun killed at least 58 people. At least 11 children were among the dead, a monitor said.')).toBe(
      '0-56 events-air-strike "Air strikes on Khan Sheikhoun killed at least 58 people." cause=air strike dead=58/58/11',
    );
    expect(main('Air strikes on Raqqa killed 20 people. Another air strike on Aleppo killed a woman and nine children.')).toBe(
      '0-38 events-air-strike "Air strikes on Raqqa killed 20 people." cause=air strike dead=20/20/-',
    );
    expect(main('22 dead in heavy raids on Raqqa. Six civilians including a child were among at least 22 people killed in the raids, a monitor said.')).toBe(
      '0-32 events-air-strike "22 dead in heavy raids on Raqqa." cause=air strike dead=22/6/1',
    );
    expect(main('Air strikes on Aleppo killed 16 civilians. Two others, including a child, died in another district.')).toBe(
      '0-42 events-air-strike "Air strikes on Aleppo killed 16 civilians." cause=air strike dead=16/16/-',
    );
  });
});
