import { describe, expect, it } from 'vitest';
import { clusterMentions, leadMention } from '../../src/cluster/cluster.js';
import { actorsConflict, compatible, storiesDiffer, typesCompatible } from '../../src/cluster/compatible.js';
import { coveredDays, dayGap, isoDay } from '../../src/cluster/days.js';
import { cellsWithin, cellOf, distanceKm } from '../../src/cluster/geo.js';
import { mentionsOf, redate, reportDayOf, type EventMention } from '../../src/cluster/mentions.js';
import { aleppoLater, progov, proopp, raqqa, reprint, wire } from './fixtures.js';

const m = (over: Partial<EventMention>): EventMention => ({
  documentId: 'd', index: 0, start: 0, end: 1, type: 'Battles', subType: null, agent: null, target: null, placeId: 'p', placeName: 'P',
  lat: 36.2, lon: 37.13, region: 'Aleppo', geoPrecision: 1, timePrecision: 1, days: coveredDays('2016-12-12'), fatalities: null,
  outlet: null, camp: null, published: null, inferred: false, ...over,
});

describe('dates and places', () => {
  it('turns partial dates into day ranges', () => {
    expect(coveredDays('2016-12')!.map(isoDay)).toEqual(['2016-12-01', '2016-12-31']);
    expect(coveredDays('2016')!.map(isoDay)).toEqual(['2016-01-01', '2016-12-31']);
    expect(coveredDays('2016-02-30')).toBeNull();
    expect(coveredDays('2016-12-12T10:30')!.map(isoDay)).toEqual(['2016-12-12', '2016-12-12']);
    expect(dayGap(coveredDays('2016-12-12')!, coveredDays('2016-12-15')!)).toBe(3);
  });

  it('measures km and finds the cells around a point', () => {
    expect(distanceKm(36.2021, 37.1343, 35.9528, 39.0079)).toBeGreaterThan(165);
    expect(distanceKm(36.2021, 37.1343, 35.9528, 39.0079)).toBeLessThan(175);
    expect(cellsWithin(36.2, 37.13, 80)).toContain(cellOf(36.8, 37.8));
    expect(cellsWithin(36.2, 37.13, 15)).not.toContain(cellOf(35.95, 39.0));
    expect(cellsWithin(0, 179.9, 30)).toContain(cellOf(0, -179.9));
  });
});

describe('compatibility', () => {
  it('lets sides type one event differently within a family, not across', () => {
    expect(typesCompatible('Violence against civilians', 'Explosions/Remote violence')).toBe(true);
    expect(typesCompatible('Battles', 'Strategic developments')).toBe(true);
    expect(typesCompatible('Protests', 'Battles')).toBe(false);
  });

  it('widens the radius with geo precision and the window with time precision', () => {
    const near = m({ lat: 36.45, lon: 37.13 }); // ~28 km north
    expect(compatible(m({}), near)).toBe(false);
    expect(compatible(m({ geoPrecision: 2 }), near)).toBe(true);
    const later = m({ days: coveredDays('2016-12-15') });
    expect(compatible(m({}), later)).toBe(false);
    expect(compatible(m({ timePrecision: 2 }), later)).toBe(true);
    expect(compatible(m({}), m({ days: null }))).toBe(false);
  });

  it('treats opposite blame as the same event but disjoint actor pairs as different ones', () => {
    expect(actorsConflict(m({ agent: 'syrian-army', target: 'civilians' }), m({ agent: 'armed-opposition', target: 'civilians' }))).toBe(false);
    expect(actorsConflict(m({ agent: 'turkey', target: 'ypg' }), m({ agent: 'syrian-army', target: 'isis' }))).toBe(true);
    expect(actorsConflict(m({ agent: 'turkey' }), m({ agent: 'syrian-army', target: 'isis' }))).toBe(false);
  });

  it('splits a different type by a different agent, but not either alone', () => {
    const strike = m({ type: 'Explosions/Remote violence', agent: 'us-led-coalition', target: 'civilians' });
    const execution = m({ type: 'Violence against civilians', agent: 'isis', target: 'civilians' });
    expect(storiesDiffer(strike, execution)).toBe(true);
    expect(compatible(strike, execution)).toBe(false);
    // one side's "massacre" is the other's "strike on militants": same agent, other type and target
    expect(compatible(strike, m({ type: 'Violence against civilians', agent: 'us-led-coalition', target: 'isis' }))).toBe(true);
    // blame disputed within one type
    expect(compatible(execution, m({ type: 'Violence against civilians', agent: 'syrian-army', target: 'civilians' }))).toBe(true);
    // an unnamed agent never splits
    expect(compatible(strike, m({ type: 'Violence against civilians', target: 'civilians' }))).toBe(true);
  });

  it('matches region-only mentions by region when one is vague', () => {
    expect(compatible(m({ lat: null, lon: null, geoPrecision: 3 }), m({ lat: null, lon: null }))).toBe(true);
    expect(compatible(m({ lat: null, lon: null }), m({ lat: null, lon: null }))).toBe(false);
  });
});

describe('clustering', () => {
  const docs = [wire(), reprint(), progov(), proopp(), raqqa(), aleppoLater()];
  // the reprint (published a day later) is dated by its original's dateline, as the store pass does
  const mentions = docs.flatMap((d) => mentionsOf(d).map((x) => (d === docs[1] ? redate(x, reportDayOf(docs[0]!)) : x)));

  it('joins the three camps\' accounts of one event and keeps other events apart', () => {
    const clusters = clusterMentions(mentions);
    const of = (docId: string): string => clusters.find((c) => c.members.some((x) => x.documentId === docId))!.id;
    expect(clusters).toHaveLength(3);
    expect(new Set([docs[0], docs[1], docs[2], docs[3]].map((d) => of(d!.id))).size).toBe(1);
    expect(of(docs[4]!.id)).not.toBe(of(docs[0]!.id));
    expect(of(docs[5]!.id)).not.toBe(of(docs[0]!.id));
  });

  it('gives the same ids whatever the input order', () => {
    const a = clusterMentions(mentions).map((c) => `${c.id}:${c.members.map((x) => x.documentId).sort().join(',')}`).sort();
    const b = clusterMentions([...mentions].reverse()).map((c) => `${c.id}:${c.members.map((x) => x.documentId).sort().join(',')}`).sort();
    expect(b).toEqual(a);
    expect(a[0]).toMatch(/^ev-[0-9a-f]{12}-0:/);
  });

  it('falls back to the publication date and the main place, at lower precision', () => {
    const d = wire();
    d.events[0]!.date = null;
    d.events[0]!.place = null;
    const [x] = mentionsOf(d);
    expect(x!.inferred).toBe(true);
    expect(x!.geoPrecision).toBe(3);
    expect(x!.timePrecision).toBe(2);
    expect(x!.days!.map(isoDay)).toEqual(['2016-12-10', '2016-12-12']);
    expect(x!.placeName).toBe('Aleppo');
  });

  it('clusters 10,000 mentions without comparing all pairs', () => {
    const many: EventMention[] = [];
    for (let i = 0; i < 10000; i++) {
      many.push(m({ documentId: `doc${i}`, lat: 32 + (i % 100) * 0.1, lon: 36 + Math.floor(i / 100) % 50 * 0.1, days: coveredDays(isoDay(16000 + (i % 365))) }));
    }
    const t0 = performance.now();
    const clusters = clusterMentions(many);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(clusters.length).toBeGreaterThan(500);
  });
});

describe('regions', () => {
  it('reads "Idlib" as the city or the province, and keeps vague mentions inside their region', () => {
    const idlibCity = m({ placeName: 'Idlib', region: 'Idlib', lat: 35.93, lon: 36.63 });
    const khanSheikhoun = m({ placeName: 'Khan Sheikhoun', region: 'Idlib', lat: 35.44, lon: 36.65 });
    const qardaha = m({ placeName: 'Qardaha', region: 'Latakia', lat: 35.45, lon: 36.06, geoPrecision: 3 });
    expect(compatible(idlibCity, khanSheikhoun)).toBe(true);
    expect(compatible(m({ ...khanSheikhoun, placeName: 'Maarat al-Numan', lat: 35.65, lon: 36.67 }), khanSheikhoun)).toBe(false);
    expect(compatible(m({ ...idlibCity, geoPrecision: 3 }), qardaha)).toBe(false);
  });
});

describe('lead event', () => {
  it('takes the first mention stated to the day and town, then to the day, then any', () => {
    const inferred = m({ index: 0, inferred: true });
    const vague = m({ index: 1, timePrecision: 2 });
    const anchor = m({ index: 2 });
    expect(leadMention([inferred, vague, anchor])?.index).toBe(2);
    expect(leadMention([inferred, vague])?.index).toBe(0);
    expect(leadMention([m({ days: null })])).toBeNull();
  });
});

describe('main event and document-dated mentions', () => {
  it('leads with the events analyser\'s main event, and only with it when there is one', () => {
    const anchor = m({ index: 0 });
    const main = m({ index: 1, timePrecision: 2, main: true });
    expect(leadMention([anchor, main])?.index).toBe(1);
    // a main event that cannot be dated leaves no lead: background mentions do not stand in
    expect(leadMention([anchor, m({ index: 1, main: true, days: null })])).toBeNull();
  });

  it('dates an event dated only by its publication to that day or the day before, never later', () => {
    const d = wire();
    d.events[0]!.timePrecision = 2;
    const [x] = mentionsOf(d);
    expect(x!.inferred).toBe(true);
    expect(x!.days!.map(isoDay)).toEqual(['2016-12-11', '2016-12-12']);
  });

  it('places an event told only of a country inside that country, not at a foreign dateline', () => {
    const d = wire();
    d.places.push({ id: 'country:SY', name: 'Syria', country: 'SY', kind: 'country', lat: 35, lon: 38.5, region: null, mentions: [{ start: 0, end: 1 }] });
    d.places.push({ id: 'geonames:4140963', name: 'Washington', country: 'US', kind: 'city', lat: 38.9, lon: -77.04, region: null, mentions: [{ start: 1, end: 2 }, { start: 2, end: 3 }] });
    d.events[0]!.place = 'country:SY';
    const [x] = mentionsOf(d);
    expect(x!.placeName).toBe('Aleppo');
    expect(x!.inferred).toBe(true);
  });

  it('matches places a few km apart across a regional border (a city and its suburbs)', () => {
    const damascus = m({ placeName: 'Damascus', region: 'Damascus', lat: 33.51, lon: 36.29, geoPrecision: 3 });
    const ghouta = m({ placeName: 'Eastern Ghouta', region: 'Rif Dimashq', lat: 33.55, lon: 36.4 });
    const homs = m({ placeName: 'Homs', region: 'Homs', lat: 34.73, lon: 36.71 });
    expect(compatible(damascus, ghouta)).toBe(true);
    expect(compatible(m({ ...damascus, geoPrecision: 1 }), homs)).toBe(false);
  });
});
