// Incremental event clustering. Each mention is compared only with clusters indexed under the
// grid cells within reach and the weeks its date window covers, so the cost grows with the
// density of events per cell-week, not with the square of the corpus. A mention joins the
// closest cluster whose anchors (mentions precise to the day and town) it is all compatible
// with (complete link over anchors: a vague mention cannot chain two different days together,
// nor veto a precise match); otherwise it starts one. Pack knowledge (region groups such as a
// capital and its countryside, actor parties) comes in as a MatchContext. Mentions arrive in
// sweep order (order.ts: through time, precise tiers ahead of vague ones), so clusters form
// around exact days and towns, and a cluster no later mention can reach is handed back by
// `evict` and forgotten: memory follows the events inside the date window, not the corpus.
import { cellOf, cellsByDistance, radiusKm } from './geo.js';
import { areaOf } from './areas.js';
import { closeness, compatible, DAY_SLACK, matchSlack, NO_CONTEXT, type MatchContext } from './compatible.js';
import { slackDays } from './days.js';
import type { EventMention } from './mentions.js';
import { matchPrecision } from './news-day.js';
import { horizonOf, matchableDays, sweepKey, sweepTieBreak } from './order.js';

export interface EventCluster {
  id: string;
  members: EventMention[];
}

/** at most this many members (the latest) are checked: big clusters are stable */
const CHECK_MEMBERS = 40;
/**
 * at most this many clusters are weighed per mention, the nearest first. Sparse corpora never
 * come close (FA-KES: under 10); in a dense one a province-day holds hundreds of events, and a
 * vague account weighed against all of them costs time for a choice the text cannot settle.
 */
export const MAX_CANDIDATES = 64;
const MAX_SLACK = slackDays(3);

const week = (day: number): number => Math.floor(day / 7);
/** numeric keys: cell * DAY_SPAN + day (or week); epoch days stay far below this */
const DAY_SPAN = 1_000_000;

/** A mention stated to the day and to a town or near one: the ones that define an event. */
export function isAnchor(m: EventMention): boolean {
  return !m.inferred && matchPrecision(m) === 1 && m.geoPrecision <= 2;
}

/**
 * The event a document is about: the events analyser's main event (when it is dated and placed);
 * for documents analysed without that flag, the first anchor, else the first mention stated to
 * the day, else the first dated, placed mention. Other mentions are background or context.
 */
export function leadMention(own: EventMention[]): EventMention | null {
  const usable = own.filter((m) => m.days && (m.lat !== null || m.region));
  // a main event that cannot be dated or placed leaves the document without a lead: its other
  // mentions are background, and matching the document by them would only mislead
  if (own.some((m) => m.main)) return usable.find((m) => m.main) ?? null;
  return usable.find(isAnchor) ?? usable.find((m) => !m.inferred && m.timePrecision === 1) ?? usable[0] ?? null;
}

/** Stable-ish id: the first (earliest) member's document id and event index. */
export function clusterIdFor(m: EventMention): string {
  return `ev-${m.documentId.slice(0, 12)}-${m.index}`;
}

export class EventClusterer {
  /** by creation number; an evicted cluster leaves a hole */
  private readonly clusters: (EventCluster | undefined)[] = [];
  private readonly anchorsOf: (EventMention[] | undefined)[] = [];
  /** the last day any member of a cluster is matched by */
  private readonly reach: number[] = [];
  /** creation numbers of the clusters not yet evicted */
  private live: number[] = [];
  /** clusters by anchor cell and day, and by anchor region and day */
  private readonly byCellDay = new Map<number, number[]>();
  private readonly byRegionDay = new Map<number, number[]>();
  /**
   * clusters without an anchor yet: members matched by a day (time precision 1, at most a day
   * of slack) by cell and day and region and day; others by cell and week and region and week.
   * Why the split: in a dense corpus a province-week holds thousands of vague clusters, and a
   * day-precise member can only ever match within a day or two plus the newcomer's own slack.
   */
  private readonly vagueByCellDay = new Map<number, number[]>();
  private readonly vagueByRegionDay = new Map<number, number[]>();
  private readonly vagueByCellWeek = new Map<number, number[]>();
  private readonly vagueByRegionWeek = new Map<number, number[]>();
  /** areas (region groups) as small numbers, so index keys are numbers like the cells' */
  private readonly areaIds = new Map<string, number>();

  /** pack knowledge: region groups (indexed and matched as one area) and actor parties */
  constructor(private readonly ctx: MatchContext = NO_CONTEXT) {}

  /** clusters started so far (evicted ones included) */
  get size(): number {
    return this.clusters.length;
  }

  /** clusters still held */
  get held(): number {
    return this.live.length;
  }

  private areaKey(region: string | null): number | null {
    const area = areaOf(this.ctx.areas, region);
    if (!area) return null;
    let id = this.areaIds.get(area);
    if (id === undefined) this.areaIds.set(area, (id = this.areaIds.size));
    return id;
  }

  private static put<K>(map: Map<K, number[]>, key: K, cluster: number): void {
    const list = map.get(key);
    if (!list) map.set(key, [cluster]);
    else if (list[list.length - 1] !== cluster) list.push(cluster);
  }

  private indexMember(m: EventMention, cluster: number): void {
    const days = matchableDays(m);
    if (!days) return;
    const cell = m.lat !== null && m.lon !== null ? cellOf(m.lat, m.lon) : null;
    const area = this.areaKey(m.region);
    if (isAnchor(m)) {
      const day = days[0];
      if (cell !== null) EventClusterer.put(this.byCellDay, cell * DAY_SPAN + day, cluster);
      if (area !== null) EventClusterer.put(this.byRegionDay, area * DAY_SPAN + day, cluster);
      return;
    }
    if (this.anchorsOf[cluster]!.length) return;
    if (matchPrecision(m) === 1 && days[1] - days[0] < 7) {
      for (let d = days[0]; d <= days[1]; d++) {
        if (cell !== null) EventClusterer.put(this.vagueByCellDay, cell * DAY_SPAN + d, cluster);
        if (area !== null) EventClusterer.put(this.vagueByRegionDay, area * DAY_SPAN + d, cluster);
      }
      return;
    }
    for (let w = week(days[0]); w <= week(days[1]); w++) {
      if (cell !== null) EventClusterer.put(this.vagueByCellWeek, cell * DAY_SPAN + w, cluster);
      if (area !== null) EventClusterer.put(this.vagueByRegionWeek, area * DAY_SPAN + w, cluster);
    }
  }

  /** generation stamps instead of a Set per lookup: candidates() runs once per mention */
  private seen = new Int32Array(1024);
  private generation = 0;

  /**
   * The clusters a mention may join, nearest first (its own days, then a day either side and so
   * on; its own cell first), at most MAX_CANDIDATES of them.
   */
  private candidates(m: EventMention): number[] {
    const out: number[] = [];
    const days = matchableDays(m);
    if (!days) return out;
    if (this.seen.length < this.clusters.length) {
      const grown = new Int32Array(this.clusters.length * 2);
      grown.set(this.seen);
      this.seen = grown;
    }
    const gen = ++this.generation;
    const seen = this.seen;
    const add = (list: number[] | undefined): void => {
      if (!list) return;
      for (const k of list) {
        if (out.length >= MAX_CANDIDATES) return;
        if (seen[k] !== gen) { seen[k] = gen; out.push(k); }
      }
    };
    const located = m.lat !== null && m.lon !== null;
    // anchors are stated to the day (±DAY_SLACK) and at most "near a town": this mention's own slack and radius count
    const slack = Math.max(matchSlack(m, true), DAY_SLACK);
    const area = this.areaKey(m.region);
    const near = located ? cellsByDistance(m.lat!, m.lon!, Math.max(radiusKm(m.geoPrecision), radiusKm(2))) : [];
    // members of vague clusters may be placed only to their region: looked up as far as that reaches
    const far = located ? cellsByDistance(m.lat!, m.lon!, radiusKm(3)) : [];
    const day = (d: number): void => {
      for (const c of near) add(this.byCellDay.get(c * DAY_SPAN + d));
      if (area !== null) add(this.byRegionDay.get(area * DAY_SPAN + d));
      for (const c of far) add(this.vagueByCellDay.get(c * DAY_SPAN + d));
      if (area !== null) add(this.vagueByRegionDay.get(area * DAY_SPAN + d));
    };
    for (let d = days[0]; d <= days[1]; d++) day(d);
    for (let off = 1; off <= slack && out.length < MAX_CANDIDATES; off++) {
      day(days[0] - off);
      day(days[1] + off);
    }
    for (let w = week(days[0] - MAX_SLACK); w <= week(days[1] + MAX_SLACK) && out.length < MAX_CANDIDATES; w++) {
      for (const c of far) add(this.vagueByCellWeek.get(c * DAY_SPAN + w));
      if (area !== null) add(this.vagueByRegionWeek.get(area * DAY_SPAN + w));
    }
    return out;
  }

  /** Adds a mention; returns the cluster it joined or started. */
  add(m: EventMention): EventCluster {
    let best = -1;
    let bestScore = Infinity;
    for (const k of this.candidates(m)) {
      const members = this.clusters[k]!.members;

      // precise members (anchors) decide; vague ones only when there is no anchor yet
      const anchors = this.anchorsOf[k]!;
      const pool = anchors.length ? anchors : members;
      const checked = pool.length > CHECK_MEMBERS ? pool.slice(-CHECK_MEMBERS) : pool;
      let score = 0;
      let ok = true;
      for (const other of checked) {
        if (!compatible(m, other, this.ctx)) { ok = false; break; }
        score += closeness(m, other);
      }
      if (!ok) continue;
      const mean = score / checked.length;
      if (mean < bestScore || (mean === bestScore && k < best)) {
        best = k;
        bestScore = mean;
      }
    }
    if (best < 0) {
      best = this.clusters.length;
      this.clusters.push({ id: clusterIdFor(m), members: [] });
      this.anchorsOf.push([]);
      this.reach.push(-Infinity);
      this.live.push(best);
    }
    const cluster = this.clusters[best]!;
    cluster.members.push(m);
    this.indexMember(m, best);
    if (isAnchor(m)) this.anchorsOf[best]!.push(m);
    const days = matchableDays(m);
    if (days && days[1] > this.reach[best]!) this.reach[best] = days[1];
    return cluster;
  }

  /**
   * Hands back (in creation order) and forgets every cluster whose members all end before `day`:
   * the caller promises that no mention added later can match before it (order.ts horizonOf).
   */
  evict(day: number): EventCluster[] {
    const out: EventCluster[] = [];
    const kept: number[] = [];
    for (const k of this.live) {
      if (this.reach[k]! >= day) { kept.push(k); continue; }
      out.push(this.clusters[k]!);
      this.clusters[k] = undefined;
      this.anchorsOf[k] = undefined;
    }
    if (!out.length) return out;
    this.live = kept;
    const maps = [this.byCellDay, this.byRegionDay, this.vagueByCellDay, this.vagueByRegionDay, this.vagueByCellWeek, this.vagueByRegionWeek];
    for (const map of maps as Map<unknown, number[]>[]) {
      for (const [key, list] of map) {
        const alive = list.filter((k) => this.clusters[k]);
        if (!alive.length) map.delete(key);
        else if (alive.length < list.length) map.set(key, alive);
      }
    }
    return out;
  }

  /** Every cluster still held, in creation order. */
  remaining(): EventCluster[] {
    return this.live.map((k) => this.clusters[k]!);
  }
}

/** sweep days between evictions: each costs one pass over the clusters and the indexes */
export const EVICT_EVERY = 14;

/**
 * Feeds mentions, already in sweep order, to a clusterer and hands clusters to `done` as soon as
 * no later mention can reach them (and the rest at the end), each in creation order.
 */
export class SweepClusterer {
  private readonly clusterer: EventClusterer;
  private nextEvict = -Infinity;

  constructor(ctx: MatchContext, private readonly done: (clusters: EventCluster[]) => void) {
    this.clusterer = new EventClusterer(ctx);
  }

  get held(): number {
    return this.clusterer.held;
  }

  add(m: EventMention): void {
    const key = sweepKey(m);
    if (key >= this.nextEvict) {
      const gone = this.clusterer.evict(horizonOf(key));
      if (gone.length) this.done(gone);
      this.nextEvict = key + EVICT_EVERY;
    }
    this.clusterer.add(m);
  }

  finish(): void {
    const rest = this.clusterer.remaining();
    if (rest.length) this.done(rest);
  }
}

/** Clusters a batch of mentions in sweep order (so ids do not depend on input order), in the order they completed. */
export function clusterMentions(mentions: EventMention[], ctx: MatchContext = NO_CONTEXT): EventCluster[] {
  const out: EventCluster[] = [];
  const sweep = new SweepClusterer(ctx, (done) => out.push(...done));
  // keyed once each: the comparator would otherwise work the keys out again on every comparison
  const keyed = mentions.map((m) => ({ m, key: sweepKey(m) }));
  keyed.sort((a, b) => a.key - b.key || sweepTieBreak(a.m, b.m));
  for (const { m } of keyed) sweep.add(m);
  sweep.finish();
  return out;
}
