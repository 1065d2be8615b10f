import { describe, expect, it } from 'vitest';
import { clusterMentions, EventClusterer, MAX_CANDIDATES, SweepClusterer, type EventCluster } from '../../src/cluster/cluster.js';
import { NO_CONTEXT } from '../../src/cluster/compatible.js';
import { coveredDays, isoDay } from '../../src/cluster/days.js';
import { packMention, unpackMention, type EventMention } from '../../src/cluster/mentions.js';
import { bySweep, horizonOf, sweepKey, UNMATCHED_KEY } from '../../src/cluster/order.js';
import { RowOrderSpill, SortSpill } from '../../src/store/index.js';

const m = (over: Partial<EventMention>): EventMention => ({
  documentId: 'd', index: 0, start: 0, end: 1, type: 'Battles', subType: null, agent: null, target: null, placeId: 'p', placeName: 'P',
  lat: 36.2, lon: 37.13, region: 'Aleppo', geoPrecision: 1, timePrecision: 1, days: coveredDays('2016-12-12'), fatalities: null,
  outlet: null, camp: null, published: null, inferred: false, main: undefined, news: undefined, ...over,
});

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mentions of every precision over two years and a few towns: vague ones, wide ones, undated ones. */
function corpus(n: number, seed: number): EventMention[] {
  const r = rng(seed);
  const out: EventMention[] = [];
  const towns = [[36.2, 37.13, 'Aleppo'], [35.93, 36.63, 'Idlib'], [33.51, 36.29, 'Damascus'], [35.33, 40.14, 'Deir ez-Zor']] as const;
  for (let i = 0; i < n; i++) {
    const [lat, lon, region] = towns[Math.floor(r() * towns.length)]!;
    const day = 16800 + Math.floor(r() * 700);
    const kind = r();
    const days: [number, number] | null = kind < 0.6 ? [day, day] : kind < 0.8 ? [day - 6, day] : kind < 0.9 ? coveredDays(isoDay(day).slice(0, 7)) : kind < 0.95 ? coveredDays(isoDay(day).slice(0, 4)) : null;
    out.push(m({
      documentId: `doc${i >> 2}`, index: i & 3, lat: lat + (r() - 0.5) * 0.1, lon: lon + (r() - 0.5) * 0.1, region, placeId: `p${Math.floor(r() * 8)}`,
      geoPrecision: (1 + Math.floor(r() * 3)) as 1 | 2 | 3, timePrecision: days && days[0] === days[1] ? 1 : kind < 0.8 ? 2 : 3, days,
      inferred: r() < 0.2, type: r() < 0.7 ? 'Battles' : 'Protests',
    }));
  }
  return out;
}

const membership = (clusters: EventCluster[]): string[] =>
  clusters.map((c) => `${c.id}: ${c.members.map((x) => `${x.documentId}#${x.index}`).join(' ')}`).sort();

describe('sweep clustering', () => {
  it('forgets finished clusters without changing any cluster', () => {
    const mentions = corpus(3000, 11).sort(bySweep);
    const whole = new EventClusterer();
    for (const x of mentions) whole.add(x);
    let largest = 0;
    const streamed: EventCluster[] = [];
    const sweep = new SweepClusterer(NO_CONTEXT, (done) => streamed.push(...done));
    for (const x of mentions) {
      sweep.add(x);
      largest = Math.max(largest, sweep.held);
    }
    sweep.finish();
    expect(membership(streamed)).toEqual(membership(whole.remaining()));
    // two years of events, of which the sweep holds only the months still within reach
    expect(largest).toBeLessThan(whole.held / 2);
    expect(streamed.some((c) => c.members.length > 1)).toBe(true);
  });

  it('reads every anchor a vague mention could join before it, however wide its window', () => {
    const month = m({ days: coveredDays('2016-12'), timePrecision: 3, geoPrecision: 3 });
    const lastDay = m({ documentId: 'e', days: coveredDays('2016-12-31') });
    expect(sweepKey(lastDay)).toBeLessThan(sweepKey(month));
    const [cluster] = clusterMentions([month, lastDay]);
    expect(cluster!.members.map((x) => x.documentId)).toEqual(['e', 'd']);
  });

  it('matches nothing by a year, and keeps undated mentions apart', () => {
    const year = m({ days: coveredDays('2016'), timePrecision: 3 });
    const day = m({ documentId: 'e' });
    expect(sweepKey(year)).toBe(UNMATCHED_KEY);
    expect(clusterMentions([year, day])).toHaveLength(2);
    expect(clusterMentions([m({ days: null }), m({ documentId: 'e', days: null })])).toHaveLength(2);
  });

  it('evicts only behind the reach of the widest later mention', () => {
    const key = sweepKey(m({}));
    const month = m({ days: coveredDays('2016-12'), timePrecision: 3, geoPrecision: 3, inferred: true });
    expect(horizonOf(sweepKey(month))).toBeLessThan(coveredDays('2016-12')![0] - 15 - 7);
    expect(horizonOf(key)).toBeLessThan(key);
  });

  it('weighs the nearest clusters first when a dense corpus offers more than it weighs', () => {
    const day = coveredDays('2016-12-12')!;
    const crowd = Array.from({ length: MAX_CANDIDATES + 36 }, (_, i) =>
      m({ documentId: `crowd${i}`, placeId: `t${i}`, lat: 36.5 + i * 0.06, days: [day[0] - 1, day[0] - 1] }));
    const target = m({ documentId: 'target', placeId: 'x', lat: 36.2, lon: 37.13 });
    const late = m({ documentId: 'late', placeId: 'x', lat: 36.2, lon: 37.13 });
    const clusters = clusterMentions([...crowd, target, late]);
    expect(clusters).toHaveLength(crowd.length + 1);
    expect(clusters.find((c) => c.members.length === 2)!.members.map((x) => x.documentId).sort()).toEqual(['late', 'target']);
  });

  it('packs a mention into JSON and back unchanged', () => {
    for (const x of corpus(50, 3)) expect(unpackMention(packMention({ ...x, main: true, news: { days: [1, 1], precision: 1 } })))
      .toEqual({ ...x, main: true, news: { days: [1, 1], precision: 1 } });
    const plain = m({});
    expect(Object.keys(unpackMention(packMention(plain)))).toEqual(Object.keys(plain));
  });
});

describe('on-disk sort', () => {
  it('gives rows back in key order and lets rows be re-keyed by number', () => {
    const spill = SortSpill.open();
    try {
      const first = spill.next;
      spill.add([
        { key: 5, tier: 2, day: 1, doc: 'b', idx: 0, payload: 'five' },
        { key: 1, tier: 3, day: 1, doc: 'a', idx: 0, payload: 'one-tier3' },
        { key: 1, tier: 2, day: 1, doc: 'z', idx: 1, payload: 'one-tier2' },
      ]);
      expect(spill.next).toBe(first + 3);
      const rows = spill.rows(first, first + 1);
      expect(rows).toEqual([{ id: first, payload: 'five' }]);
      spill.replace(first, { key: 0, tier: 2, day: 1, doc: 'b', idx: 0, payload: 'zero' });
      expect([...spill.sorted()]).toEqual(['zero', 'one-tier2', 'one-tier3']);
    } finally {
      spill.close();
    }
  });
});

describe('row-order spill', () => {
  it('gives assignments back in row order, in batches, whatever order they came in', () => {
    const rows = RowOrderSpill.open();
    try {
      for (const row of [7, 2, 9, 1, 5]) rows.add(row, { documentId: `d${row}`, index: row * 10, clusterId: `c${row % 2}` });
      expect(rows.size).toBe(5);
      const batches = [...rows.inRowOrder(2)];
      expect(batches.map((b) => b.length)).toEqual([2, 2, 1]);
      expect(batches.flat()).toEqual([1, 2, 5, 7, 9].map((r) => ({ documentId: `d${r}`, index: r * 10, clusterId: `c${r % 2}` })));
    } finally {
      rows.close();
    }
  });
});
