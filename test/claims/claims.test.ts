import { describe, expect, it } from 'vitest';
import { analyse, makeDoc } from '../events/helpers.js';

const claimLines = (text: string): string[] => {
  const doc = analyse(makeDoc(text, '2016-12-10'));
  return doc.claims.map((c) => `${c.start}-${c.end} ${c.ruleId} "${text.slice(c.start, c.end)}" value=${c.value} counted=${c.counted} approx=${c.approx} hedged=${c.hedged} by=${c.attributedTo ?? '-'}`);
};

describe('claims analyser', () => {
  it('finds counts with what they count, approximation and attribution', () => {
    const text = 'Yesterday some 8,461 civilians, including 2,934 children, left eastern Aleppo, according to the Russian Defense Ministry.';
    expect(claimLines(text)).toEqual([
      '10-30 claims-number-digits "some 8,461 civilians" value=8461 counted=civilians approx=true hedged=false by=Russian Defense Ministry',
      '42-56 claims-number-digits "2,934 children" value=2934 counted=children approx=false hedged=false by=Russian Defense Ministry',
    ]);
  });

  it('marks hedges, hedging approximators and speakers before a speech verb', () => {
    const text = 'At least 22 people were reportedly killed in the raids, a monitor said.';
    expect(claimLines(text)).toEqual([
      '0-18 claims-number-digits "At least 22 people" value=22 counted=people approx=true hedged=true by=monitor',
    ]);
  });

  it('reads a year-like count before its noun, the whole after "N of the", and plurals without -s', () => {
    expect(claimLines('State TV says the army killed 2000 terrorists, after the 2014 elections and in 2015 protests.').map((l) => l.split(' approx')[0])).toEqual([
      '30-45 claims-number-digits "2000 terrorists" value=2000 counted=terrorists',
    ]);
    expect(claimLines('The army shot down 27 of the 31 drones, and 6.6 million people remain internally displaced.').map((l) => l.split(' approx')[0])).toEqual([
      '19-38 claims-number-digits "27 of the 31 drones" value=27 counted=drones',
      '29-38 claims-number-digits "31 drones" value=31 counted=drones',
      '44-62 claims-number-digits "6.6 million people" value=6600000 counted=people',
    ]);
    expect(claimLines('Those killed included six women five children and three police officers.').map((l) => l.split(' approx')[0])).toEqual([
      '22-31 claims-number-words "six women" value=6 counted=women',
      '32-45 claims-number-words "five children" value=5 counted=children',
      '50-71 claims-number-words "three police officers" value=3 counted=officers',
    ]);
  });

  it('reads vague numerals and ordinals, and claimed as a hedge', () => {
    const text = 'Russia cast its 14th veto. The rebels claimed that tens of thousands of refugees fled.';
    expect(claimLines(text)).toEqual([
      '16-25 claims-number-digits "14th veto" value=14 counted=veto approx=false hedged=false by=-',
      '51-80 claims-number-words "tens of thousands of refugees" value=10000 counted=refugees approx=true hedged=true by=rebels',
    ]);
  });

  it('skips dates, times, years, ages, model numbers, ratings, paths and list numbers', () => {
    const text = [
      'On 5 April 2017 at 10:30 a 12-year-old boy saw T-90 tanks and S-400 systems.',
      'The video (Warning 18+) lasts 2:30, see tass.com/defense/918123 and Su-24 jets.',
      '1. The first point.',
      'He was aged 14 in 2015.',
    ].join('\n');
    expect(claimLines(text)).toEqual([]);
  });

  it('reads Russian counts and speakers after the verb', () => {
    const text = 'Погибли двести пятьдесят человек, сообщил Минобороны.';
    expect(claimLines(text)).toEqual([
      '8-32 claims-number-words "двести пятьдесят человек" value=250 counted=человек approx=false hedged=false by=Минобороны',
    ]);
  });
});
