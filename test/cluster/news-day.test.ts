// Fresh news is matched by its dateline, later reports by the day they state (src/cluster/news-day.ts).
import { describe, expect, it } from 'vitest';
import { clusterMentions } from '../../src/cluster/cluster.js';
import { compatible, datesCompatible } from '../../src/cluster/compatible.js';
import { coveredDays, isoDay } from '../../src/cluster/days.js';
import { mentionsOf, redate, type EventMention } from '../../src/cluster/mentions.js';
import { FRESH_DAYS, matchDays, newsDay } from '../../src/cluster/news-day.js';
import { proopp, wire } from './fixtures.js';

const day = (s: string): number => coveredDays(s)![0];
const range = (a: string, b = a): [number, number] => [day(a), day(b)];

/** a report published on `published` of an event stated on `stated` (null: dated by the report) */
const report = (id: string, published: string, stated: string | null, over: Partial<EventMention> = {}): EventMention => {
  const days = stated ? range(stated) : range(isoDay(day(published) - 1), published);
  const base: EventMention = {
    documentId: id, index: 0, start: 0, end: 1, type: 'Explosions/Remote violence', subType: null, agent: null, target: null,
    placeId: 'aleppo', placeName: 'Aleppo', lat: 36.2021, lon: 37.1343, region: 'Aleppo', geoPrecision: 1, timePrecision: 1,
    days, fatalities: null, outlet: id, camp: null, published, inferred: stated === null, ...over,
  };
  return redate(base, day(published));
};

describe('news day', () => {
  it('dates fresh news by its dateline and later reports by the day they state', () => {
    expect(newsDay(range('2016-12-11'), day('2016-12-12'))?.days.map(isoDay)).toEqual(['2016-12-12', '2016-12-12']);
    expect(newsDay(range('2016-12-11', '2016-12-12'), day('2016-12-12'))?.days.map(isoDay)).toEqual(['2016-12-12', '2016-12-12']);
    expect(newsDay(range(isoDay(day('2016-12-12') - FRESH_DAYS - 1)), day('2016-12-12'))).toBeNull();
    // a month still running is that day's news
    expect(newsDay(range('2016-12-01', '2016-12-31'), day('2016-12-12'))?.days.map(isoDay)).toEqual(['2016-12-12', '2016-12-12']);
    // a date after the dateline is not news of that day
    expect(newsDay(range('2016-12-14'), day('2016-12-12'))).toBeNull();
    expect(newsDay(range('2016-12-12'), null)).toBeNull();
  });

  it('keeps the stated day for dossiers and corroboration', () => {
    const [x] = mentionsOf(proopp());
    expect(x!.days!.map(isoDay)).toEqual(['2016-12-12', '2016-12-12']);
    const d = proopp();
    d.published = '2016-12-13';
    const [y] = mentionsOf(d);
    expect(y!.days!.map(isoDay)).toEqual(['2016-12-12', '2016-12-12']);
    expect(matchDays(y!)!.map(isoDay)).toEqual(['2016-12-13', '2016-12-13']);
  });

  it('splits a city\'s news days but joins a next-day report of one town', () => {
    const friday = report('a', '2016-07-01', '2016-07-01');
    const saturdayOfFriday = report('b', '2016-07-02', '2016-07-01');
    const saturday = report('c', '2016-07-02', null);
    expect(datesCompatible(friday, saturdayOfFriday)).toBe(false);
    expect(datesCompatible(saturdayOfFriday, saturday)).toBe(true);
    const town = { placeId: 'qamishli', placeName: 'Qamishli', region: 'Hasakah', lat: 37.05, lon: 41.22 };
    expect(compatible(report('a', '2016-07-27', '2016-07-27', town), report('b', '2016-07-28', '2016-07-27', town))).toBe(true);
  });

  it('joins a follow-up written days later to the event it names', () => {
    const attack = report('a', '2013-08-21', '2013-08-21');
    const followUp = report('b', '2013-09-10', '2013-08-21');
    expect(matchDays(followUp)!.map(isoDay)).toEqual(['2013-08-21', '2013-08-21']);
    expect(clusterMentions([attack, followUp])).toHaveLength(1);
  });

  it('dates a reprint by its original\'s dateline', () => {
    const original = wire();
    const [x] = mentionsOf({ ...original, id: 'reprint', published: '2016-12-13' });
    expect(matchDays(x!)!.map(isoDay)).toEqual(['2016-12-13', '2016-12-13']);
    expect(matchDays(redate(x!, day('2016-12-12')))!.map(isoDay)).toEqual(['2016-12-12', '2016-12-12']);
    expect(redate(x!, null)).toBe(x);
  });
});
