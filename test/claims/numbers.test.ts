import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/packs/loader.js';
import { claimsLexicon } from '../../src/analyse/analysers/claims/section.js';
import { findNumbers } from '../../src/analyse/numbers/parse.js';

const lex = claimsLexicon(loadPack('syria'));
const values = (s: string): [string, number, boolean][] => findNumbers(lex.numbers, s).map((n) => [s.slice(n.start, n.end), n.value, n.vague]);

describe('number parsing', () => {
  it('reads digits with separators, decimals and scale words', () => {
    expect(values('some 8,461 civilians and 1.5 million refugees, 14th veto')).toEqual([
      ['8,461', 8461, false],
      ['1.5 million', 1_500_000, false],
      ['14th', 14, false],
    ]);
  });
  it('reads English number words and compounds', () => {
    expect(values('four million Syrians, one hundred and twenty-five people, a dozen soldiers')).toEqual([
      ['four million', 4_000_000, false],
      ['one hundred and twenty-five', 125, false],
      ['a dozen', 12, false],
    ]);
  });
  it('values vague numerals at their lower bound', () => {
    expect(values('tens of thousands of people; hundreds of fighters; half a million')).toEqual([
      ['tens of thousands', 10_000, true],
      ['hundreds', 100, true],
      ['half a million', 500_000, true],
    ]);
  });
  it('reads Russian numerals', () => {
    expect(values('погибли двести пятьдесят человек, две тысячи беженцев')).toEqual([
      ['двести пятьдесят', 250, false],
      ['две тысячи', 2000, false],
    ]);
  });
});
