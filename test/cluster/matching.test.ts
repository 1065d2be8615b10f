// Matching rules that use pack knowledge or reporting uncertainty: region groups (capital and
// countryside), actor parties, one town versus another, and the ±1 day allowed at one spot.
import { describe, expect, it } from 'vitest';
import { NO_AREAS, packAreas, regionsSection } from '../../src/cluster/areas.js';
import { clusterMentions } from '../../src/cluster/cluster.js';
import { actorsConflict, compatible, datesCompatible, installedContext, NO_CONTEXT, placesCompatible } from '../../src/cluster/compatible.js';
import { coveredDays } from '../../src/cluster/days.js';
import type { EventMention } from '../../src/cluster/mentions.js';
import { packParties } from '../../src/cluster/parties.js';
import { loadPack } from '../../src/packs/loader.js';

const m = (over: Partial<EventMention>): EventMention => ({
  documentId: 'd', index: 0, start: 0, end: 1, type: 'Explosions/Remote violence', subType: null, agent: null, target: null, placeId: 'p', placeName: 'P',
  lat: 36.2, lon: 37.13, region: 'Aleppo', geoPrecision: 1, timePrecision: 1, days: coveredDays('2016-07-27'), fatalities: null,
  outlet: null, camp: null, published: null, inferred: false, ...over,
});

const syria = loadPack('syria');
const areas = packAreas(syria);
const ctx = installedContext();

describe('region groups (pack regions.yaml)', () => {
  const damascus = m({ placeId: 'damascus', placeName: 'Damascus', region: 'Damascus', lat: 33.51, lon: 36.29, geoPrecision: 3 });
  /** about 29 km from central Damascus, in Rif Dimashq */
  const zabadani = m({ placeId: 'zabadani', placeName: 'Zabadani', region: 'Rif Dimashq', lat: 33.725, lon: 36.097 });
  const homs = m({ placeId: 'homs-town', placeName: 'Talbiseh', region: 'Homs', lat: 34.84, lon: 36.73 });

  it('groups Damascus with its countryside, and nothing else', () => {
    expect(areas.get('Damascus')).toBe(areas.get('Rif Dimashq'));
    expect(areas.get('Aleppo')).toBeUndefined();
    expect(regionsSection.check!(syria)).toEqual([]);
    expect(regionsSection.check!(loadPack('ukraine'))).toEqual([]);
  });

  it('lets a report placed only "in Damascus" match a town in Rif Dimashq', () => {
    expect(placesCompatible(damascus, zabadani, NO_AREAS)).toBe(false);
    expect(placesCompatible(damascus, zabadani, areas)).toBe(true);
    expect(placesCompatible(damascus, homs, areas)).toBe(false);
  });

  it('clusters them together only with the pack knowledge', () => {
    expect(clusterMentions([damascus, { ...zabadani, documentId: 'e' }])).toHaveLength(2);
    expect(clusterMentions([damascus, { ...zabadani, documentId: 'e' }], ctx)).toHaveLength(1);
  });
});

describe('towns', () => {
  /** two Aleppo districts about 8 km apart */
  const hanano = m({ placeId: 'hanano', placeName: 'Hanano', lat: 36.2355, lon: 37.19 });
  const salahEddin = m({ placeId: 'salah-eddin', placeName: 'Salah Eddin', lat: 36.19, lon: 37.11 });

  it('keeps two named towns or districts apart, but not a town and the city that names its region', () => {
    expect(placesCompatible(hanano, salahEddin)).toBe(false);
    expect(placesCompatible(hanano, { ...hanano, documentId: 'e', lat: 36.24 })).toBe(true);
    expect(placesCompatible(hanano, m({ placeId: 'aleppo', placeName: 'Aleppo', lat: 36.2021, lon: 37.1343 }))).toBe(true);
    // "near" a town (precision 2) is not a stated town
    expect(placesCompatible({ ...hanano, geoPrecision: 2 }, salahEddin)).toBe(true);
  });
});

describe('dates', () => {
  const qamishli = m({ placeId: 'qamishli', placeName: 'Qamishli', region: 'Hasakah', lat: 37.05, lon: 41.22 });
  const aleppo = m({ placeId: 'aleppo', placeName: 'Aleppo', lat: 36.2021, lon: 37.1343 });
  const on = (x: EventMention, day: string): EventMention => ({ ...x, documentId: `${x.documentId}-${day}`, days: coveredDays(day) });

  it('allows a day either side at the same town, not across a whole city fought over daily', () => {
    expect(datesCompatible(qamishli, on(qamishli, '2016-07-28'))).toBe(true);
    expect(datesCompatible(qamishli, on(qamishli, '2016-07-29'))).toBe(false);
    expect(datesCompatible(aleppo, on(aleppo, '2016-07-28'))).toBe(false);
  });

  it('gives a date inferred from publication ([published - 1, published]) no more slack of its own', () => {
    const published = { ...qamishli, days: [coveredDays('2016-07-26')![0], coveredDays('2016-07-27')![0]] as [number, number] };
    expect(datesCompatible(published, on(qamishli, '2016-07-28'))).toBe(true);
    expect(datesCompatible(published, on(qamishli, '2016-07-29'))).toBe(false);
    expect(datesCompatible({ ...published, documentId: 'x' }, { ...published, days: [published.days[0] + 2, published.days[1] + 2] })).toBe(false);
  });
});

describe('actor parties', () => {
  const parties = packParties(syria);

  it('counts a unit and its state as one party', () => {
    expect(parties.get('syrian-air-force')).toBe('syrian-government');
    const airForce = m({ agent: 'syrian-air-force', target: 'armed-opposition' });
    const government = m({ agent: 'syrian-government', target: 'civilians' });
    expect(actorsConflict(airForce, government)).toBe(true);
    expect(actorsConflict(airForce, government, parties)).toBe(false);
    expect(actorsConflict(m({ agent: 'isis', target: 'ypg' }), government, parties)).toBe(true);
    expect(compatible(airForce, government, ctx)).toBe(true);
    expect(compatible(airForce, government, NO_CONTEXT)).toBe(false);
  });
});
