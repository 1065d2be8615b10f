// Fatality splits the way news writes them: subsets ("30 of them children", "five of the dead were
// children"), counts of one without a digit ("including child", "child and woman"), "mostly",
// tolls told far from their number, and page furniture that is no toll. Golden lines give the
// event's evidence span, rule and its split dead=total/civilians/children/women/combatants.
import { describe, expect, it } from 'vitest';
import type { AnalysedDocument } from '../../src/core/types.js';
import { ACTORS, PLACES, analyse, makeDoc } from './helpers.js';

const split = (doc: AnalysedDocument): string[] =>
  doc.events.map((e) => {
    const f = [e.fatalities, e.civilianFatalities, e.childFatalities, e.womenFatalities ?? null, e.combatantFatalities ?? null].map((x) => x ?? '-').join('/');
    return `${e.start}-${e.end} ${e.ruleId} "${doc.text.slice(e.start, e.end)}" dead=${f}`;
  });
const lines = (text: string): string[] => split(analyse(makeDoc(text, '2017-04-05', PLACES, ACTORS)));

describe('fatality splits', () => {
  it('reads "N of them children" as a part of the toll before it', () => {
    expect(lines('The death toll from a chemical attack on Khan Sheikhoun has risen to 86, 30 of them children.')).toEqual([
      '0-93 events-chemical "The death toll from a chemical attack on Khan Sheikhoun has risen to 86, 30 of them children." dead=86/86/30/-/-',
    ]);
  });

  it('takes the noun after "were" as what a count of the dead is (and the lead takes the first split that follows it)', () => {
    expect(lines('Air strikes on Aleppo killed 25 civilians. Five of the dead were children. Of those killed six were women.')).toEqual([
      '0-42 events-air-strike "Air strikes on Aleppo killed 25 civilians." dead=25/25/5/-/-',
      '43-74 events-killing "Five of the dead were children." dead=5/5/5/-/-',
      '75-106 events-killing "Of those killed six were women." dead=6/6/-/6/-',
    ]);
  });

  it('counts "a child", "including child" and "child and woman", and keeps the wounded apart', () => {
    expect(lines('Eleven civilians were killed in Aleppo, among them a child and two women, while 44 others were injured.')).toEqual([
      '0-103 events-killing "Eleven civilians were killed in Aleppo, among them a child and two women, while 44 others were injured." dead=11/11/1/2/-',
    ]);
    expect(lines('Four people killed including child, 25 others injured in rocket attacks on Aleppo.')).toEqual([
      '0-82 events-shelling "Four people killed including child, 25 others injured in rocket attacks on Aleppo." dead=4/4/1/-/-',
    ]);
    expect(lines('Rocket attacks on Aleppo leave child and woman dead.')).toEqual([
      '0-52 events-shelling "Rocket attacks on Aleppo leave child and woman dead." dead=2/2/1/1/-',
    ]);
  });

  it('does not count "mostly children" as a child toll', () => {
    expect(lines('Twin car bombs in Raqqa killed at least 18 people, mostly children.')).toEqual([
      '0-67 events-ied "Twin car bombs in Raqqa killed at least 18 people, mostly children." dead=18/18/-/-/-',
    ]);
  });

  it('reads a toll far from "toll" and one told with "are estimated to have been killed"', () => {
    expect(lines('A monitor raised the death toll from air strikes on a market in a town in Idlib province the day before to 61.')).toEqual([
      '0-110 events-air-strike "A monitor raised the death toll from air strikes on a market in a town in Idlib province the day before to 61." dead=61/61/-/-/-',
    ]);
    expect(lines('Both blame the chemical attack in which more than 1400 are estimated to have been killed.')).toEqual([
      '0-89 events-chemical "Both blame the chemical attack in which more than 1400 are estimated to have been killed." dead=1400/1400/-/-/-',
    ]);
  });

  it('takes no toll from page furniture: a bare number beside no death word', () => {
    expect(lines('Get short URL 612 A woman and child were killed when rockets hit Aleppo.')).toEqual([
      '0-72 events-shelling "Get short URL 612 A woman and child were killed when rockets hit Aleppo." dead=2/2/1/1/-',
    ]);
  });

  it('takes the toll from a later sentence when the lead counted only its children', () => {
    expect(lines('An air raid on a village near Aleppo killed civilians including three children. Three children were among at least 19 civilians killed in the raid on Wednesday, a monitor said.')[0]).toBe(
      '0-79 events-air-strike "An air raid on a village near Aleppo killed civilians including three children." dead=19/19/3/-/-',
    );
  });
});
