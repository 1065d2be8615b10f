// Where the main event happened: captions run into the lead, datelines, capitals standing for
// governments, building names, clauses of their own, "X in Y city" and round-up leads that list
// several provinces. Golden lines give the main event's evidence span and rule, then its place.
import { describe, expect, it } from 'vitest';
import type { AnalysedDocument } from '../../src/core/types.js';
import { ACTORS, analyse, makeDoc, type PlaceSpec } from './helpers.js';

const PLACES: PlaceSpec[] = [
  { id: 'p:aleppo', names: ['Aleppo'], kind: 'city', region: 'Aleppo' },
  { id: 'p:homs-province', names: ['Homs province'], kind: 'region', region: 'Homs' },
  { id: 'p:hasakah', names: ['Hasakeh'], kind: 'city', region: 'Hasakah' },
  { id: 'p:beirut', names: ['BEIRUT', 'Beirut'], kind: 'city', country: 'LB' },
  { id: 'p:damascus', names: ['Damascus'], kind: 'city', region: 'Damascus' },
  { id: 'p:idlib', names: ['Idleb', 'Idlib'], kind: 'city', region: 'Idlib' },
  { id: 'p:khan-sheikhoun', names: ['Khan Sheikhoun'], kind: 'town', region: 'Idlib' },
  { id: 'p:raqqa', names: ['Raqqa'], kind: 'city', region: 'Raqqa' },
  { id: 'p:rashidin', names: ['Rashideen'], kind: 'site', region: 'Aleppo' },
  { id: 'p:latakia', names: ['Latakia'], kind: 'city', region: 'Latakia' },
  { id: 'p:tal-hamis', names: ['Tal Hamis'], kind: 'town', region: 'Hasakah' },
  { id: 'p:syria', names: ['Syria'], kind: 'country' },
];

const main = (text: string): { doc: AnalysedDocument; line: string } => {
  const doc = analyse(makeDoc(text, '2017-04-05', PLACES, ACTORS));
  const m = doc.events.find((e) => e.main);
  return { doc, line: m ? `${m.start}-${m.end} ${m.ruleId} "${text.slice(m.start, m.end)}" place=${m.place}@${m.geoPrecision}` : '(none)' };
};

describe('main event place', () => {
  it('cuts a photo caption and a capitals dateline off the lead they run into', () => {
    const { doc, line } = main('A man runs near destroyed buildings in Hasakeh on Monday (AFP photo) BEIRUT Thirteen civilians were killed in air strikes on the northern province of Aleppo.');
    expect(line).toBe('69-157 events-air-strike "BEIRUT Thirteen civilians were killed in air strikes on the northern province of Aleppo." place=p:aleppo@2');
    // the caption is a sentence of its own, with no event in it
    expect(doc.events).toHaveLength(1);
  });

  it('does not place an event at a dateline abroad named without a preposition', () => {
    const { line } = main('Last updated at Jan 20 Beirut Syrian air strikes on Tuesday killed at least 39 people. The strikes hit the outskirts of Tal Hamis.');
    expect(line).toBe('0-86 events-air-strike "Last updated at Jan 20 Beirut Syrian air strikes on Tuesday killed at least 39 people." place=p:tal-hamis@3');
  });

  it('takes no capital standing for its government as the nearest place of an unplaced event', () => {
    const { line } = main('A chemical attack on a rebel-held town killed 86 people. Moscow defended its Damascus ally. The town of Khan Sheikhoun was hit on Tuesday.');
    expect(line).toBe('0-56 events-chemical "A chemical attack on a rebel-held town killed 86 people." place=p:khan-sheikhoun@3');
  });

  it('reads a place in a building name as part of the name, and "in X city" as its container', () => {
    const { line } = main('A car bomb near al-Rashideen Mosque in the Daatour neighbourhood in Latakia city killed 5 people.');
    expect(line).toBe('0-97 events-ied "A car bomb near al-Rashideen Mosque in the Daatour neighbourhood in Latakia city killed 5 people." place=p:latakia@1');
  });

  it('prefers a place of the event\'s own clause to one named after "while"', () => {
    const { line } = main('Air strikes on Homs province killed 12 civilians on Saturday while rebels advanced on Raqqa.');
    expect(line).toBe('0-92 events-air-strike "Air strikes on Homs province killed 12 civilians on Saturday while rebels advanced on Raqqa." place=p:homs-province@3');
  });

  it('files a round-up lead under the province whose toll makes it up, not the first one listed', () => {
    const text = '6 civilians killed in attacks with shells in Damascus, Aleppo and Idleb. Shells hit Damascus, killing a woman. Shells on Aleppo killed 5 people. Mortar shells hit Idleb, injuring two.';
    expect(main(text).line).toBe('0-72 events-shelling "6 civilians killed in attacks with shells in Damascus, Aleppo and Idleb." place=p:aleppo@1');
    // a lead smaller than a later regional toll is an incident of its own: it keeps its place
    expect(main('2 civilians killed by shells in Damascus and Aleppo. Shells on Aleppo killed 5 people.').line).toBe(
      '0-52 events-shelling "2 civilians killed by shells in Damascus and Aleppo." place=p:damascus@1',
    );
  });
});
