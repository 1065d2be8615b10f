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
    ['15-09-2013', '2013-09-15'],
    ['09-15-2013', '2013-09-15'],
    ['Apr 232017', '2017-04-23'],
  ])('parses %s', (raw, iso) => expect(parseDate(raw)).toBe(iso));

  it.each(['', 'yesterday', '13/45/19', 'Posts: 2,114', '31 February 2020'])('rejects %j', (raw) => expect(parseDate(raw)).toBeNull());

  it('finds the dateline near the top of a text', () => {
    expect(datelineDate('JUNE 2023\n\nHeadline here\n\nBody.')).toBe('2023-06');
    expect(datelineDate('Wed 05 Apr 2017 Syria attack symptoms consistent with nerve agent use.')).toBe('2017-04-05');
    expect(datelineDate('Headline\n\nBy Mazen Eyon - 27 January, 2020\n\nText.')).toBe('2020-01-27');
    expect(datelineDate('Headline\n\nA long paragraph that mentions that on 3 March 2011 protests started in Deraa and spread.')).toBeNull();
  });

  it('finds the page\'s own date in a text flattened to one paragraph', () => {
    const body = ' Shelling on the old quarter killed four people on Monday, a monitor said, and more fighting was reported overnight in the east.';
    expect(datelineDate(`Posted on April 4 2017 by Staff Writer${body}`)).toBe('2017-04-04');
    expect(datelineDate(`Published February 18 2015${body}`)).toBe('2015-02-18');
    expect(datelineDate(`Date of publication 5 July 2016${body}`)).toBe('2016-07-05');
    expect(datelineDate(`Last updated at Jul 152015${body}`)).toBe('2015-07-15');
    expect(datelineDate(`Four dead in town shelling Monitor AFP Friday 15 Jul 2016${body}`)).toBe('2016-07-15');
    expect(datelineDate(`Four killed in rocket attack on the city 6 October 2016 Aleppo SANA-${body}`)).toBe('2016-10-06');
    expect(datelineDate(`Rockets hit the city - Reports Agency Author Middle East 2159 18.05.2017(updated 2204 18.05.2017)${body}`)).toBe('2017-05-18');
    expect(datelineDate(`Army advances in the north.${body} The offensive began on 3 March 2016 after talks failed.`)).toBeNull();
  });
});
