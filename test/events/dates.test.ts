import { describe, expect, it } from 'vitest';
import { resolveDates } from '../../src/analyse/dates/resolve.js';

const resolve = (s: string, published = '2017-04-08'): string[] =>
  resolveDates(s, published, 0, s.length, { count: (w) => ({ two: 2, three: 3 })[w] ?? null }).map((d) => `${s.slice(d.start, d.end)} => ${d.date}@${d.precision}`);

describe('relative date resolution (published Saturday 2017-04-08)', () => {
  it('resolves deictic words and weekdays', () => {
    expect(resolve('yesterday, last night, today, on Saturday, on Tuesday, last Saturday')).toEqual([
      'yesterday => 2017-04-07@1',
      'last night => 2017-04-07@1',
      'today => 2017-04-08@1',
      'on Saturday => 2017-04-08@1',
      'on Tuesday => 2017-04-04@1',
      'last Saturday => 2017-04-01@1',
    ]);
  });
  it('resolves counted offsets and vague periods', () => {
    expect(resolve('two weeks ago, 3 days ago, last spring, last year, earlier this month, last winter')).toEqual([
      'two weeks ago => 2017-03-25@2',
      '3 days ago => 2017-04-05@1',
      'last spring => 2016-04@3',
      'last year => 2016@3',
      'earlier this month => 2017-04@3',
      'last winter => 2017-01@3',
    ]);
  });
  it('reads explicit dates and infers a missing year', () => {
    expect(resolve('On 5 April 2017, on April 4, on 20 December, 2017-03-01, in March, in 2015')).toEqual([
      '5 April 2017 => 2017-04-05@1',
      'April 4 => 2017-04-04@1',
      '20 December => 2016-12-20@1',
      '2017-03-01 => 2017-03-01@1',
      'in March => 2017-03@3',
      'in 2015 => 2015@3',
    ]);
  });
  it('leaves relative expressions unresolved without a publication date', () => {
    expect(resolve('yesterday, on 5 April 2017', '')).toEqual(['5 April 2017 => 2017-04-05@1']);
  });
});
