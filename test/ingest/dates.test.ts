import { describe, expect, it } from 'vitest';
import { datelineDate, parseDate } from '../../src/ingest/dates.js';

describe('dates', () => {
  it.each([
    ['4/5/17', '2017-04-05'],
    ['12/31/49', '2049-12-31'],
    ['1/2/50', '1950-01-02'],
    ['2019-12-21', '2019-12-21'],
    ['2019-12-21T10:30:00+03:00', '2019-12-21T10:30'],
    ['21 December 2019', '2019-12-21'],
    ['JUNE 2023', '2023-06'],
    ['29.12.2019 - 23:49', '2019-12-29T23:49'],
    ['Wed 05 Apr 2017', '2017-04-05'],
    ['Dec 19, 2019', '2019-12-19'],
    ['27 January, 2020', '2020-01-27'],
    ['March 3, 2020 at 4:15 pm', '2020-03-03T16:15'],
    ['Sat, 21 Dec 2019 10:00:00 GMT', '2019-12-21T10:00'],
    ['7 января 2020', '2020-01-07'],
    ['2018', '2018'],
  ])('parses %s', (raw, iso) => expect(parseDate(raw)).toBe(iso));

  it.each(['', 'yesterday', '13/45/19', 'Posts: 2,114', '31 February 2020'])('rejects %j', (raw) => expect(parseDate(raw)).toBeNull());

  it('finds the dateline near the top of a text', () => {
    expect(datelineDate('JUNE 2023\n\nHeadline here\n\nBody.')).toBe('2023-06');
    expect(datelineDate('Wed 05 Apr 2017 Syria attack symptoms consistent with nerve agent use.')).toBe('2017-04-05');
    expect(datelineDate('Headline\n\nBy Mazen Eyon - 27 January, 2020\n\nText.')).toBe('2020-01-27');
    expect(datelineDate('Headline\n\nA long paragraph that mentions that on 3 March 2011 protests started in Deraa and spread.')).toBeNull();
  });
});
