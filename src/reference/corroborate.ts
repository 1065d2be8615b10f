// Checks each event mention against the reference events near it in space and time. A mention
// is corroborated when a reference event of a compatible type lies within the radius its geo
// precision allows and the days its time precision allows, and the death tolls (if both give
// one) agree within tolerance; contradicted when such events exist but the tolls are far
// apart; unmatched otherwise (or when the mention has no coordinates or date to check).
import type { EventType } from '../core/types.js';
import { typesCompatible } from '../cluster/compatible.js';
import { coveredDays, dayGap, isoDay, slackDays } from '../cluster/days.js';
import { distanceKm, radiusKm } from '../cluster/geo.js';
import { mentionsOf, type EventMention } from '../cluster/mentions.js';
import type { ReferenceEvent, Store } from '../store/types.js';

export type Verdict = 'corroborated' | 'contradicted' | 'unmatched';

export interface Corroboration {
  documentId: string;
  index: number;
  start: number;
  end: number;
  type: string;
  /** the days the event is stated to cover (ISO); start/end above are its span in the text */
  dateFrom: string | null;
  dateTo: string | null;
  place: string | null;
  verdict: Verdict;
  referenceIds: string[];
  distanceKm: number | null;
  dateDifferenceDays: number | null;
  fatalityDifference: number | null;
  reason: string;
}

/** extra km for the imprecision of the reference data set's own coordinates */
const REFERENCE_SLACK_KM = 10;
/** a report and a data set often date one event a day apart (late night, "yesterday") */
const REFERENCE_SLACK_DAYS = 1;
const daySlack = (m: EventMention): number => slackDays(m.timePrecision) + REFERENCE_SLACK_DAYS;
const MAX_MATCHES = 10;

const EVENT_TYPES = new Set<string>(['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests', 'Riots', 'Strategic developments']);

/** Tolls agree when within max(5, half the larger). Counting the dead is hard; sides differ. */
export function tollsAgree(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(5, 0.5 * Math.max(a, b));
}

export function judge(m: EventMention, candidates: ReferenceEvent[]): Omit<Corroboration, 'documentId' | 'index' | 'start' | 'end' | 'type' | 'dateFrom' | 'dateTo' | 'place'> {
  const none = { referenceIds: [], distanceKm: null, dateDifferenceDays: null, fatalityDifference: null };
  if (m.lat === null || m.lon === null) return { verdict: 'unmatched', ...none, reason: 'the event has no place with coordinates to compare' };
  if (!m.days) return { verdict: 'unmatched', ...none, reason: 'the event has no date to compare' };
  const radius = radiusKm(m.geoPrecision) + REFERENCE_SLACK_KM;
  const slack = daySlack(m);
  const scored = candidates.flatMap((r) => {
    if (r.type && EVENT_TYPES.has(r.type) && !typesCompatible(m.type, r.type as EventType)) return [];
    const km = distanceKm(m.lat!, m.lon!, r.lat, r.lon);
    const rf = coveredDays(r.dateFrom);
    const rt = coveredDays(r.dateTo);
    if (!rf || !rt || km > radius) return [];
    const gap = dayGap(m.days!, [rf[0], rt[1]]);
    if (gap > slack) return [];
    return [{ r, km, gap, score: km / radius + gap / (slack + 1) }];
  }).sort((a, b) => a.score - b.score || a.r.id.localeCompare(b.r.id));
  const when = m.days[0] === m.days[1] ? isoDay(m.days[0]) : `${isoDay(m.days[0])}..${isoDay(m.days[1])}`;
  if (!scored.length) {
    return { verdict: 'unmatched', ...none, reason: `no compatible reference event within ${radius} km of ${m.placeName ?? 'the place'} and ${slack} day(s) of ${when}` };
  }
  const best = scored[0]!;
  const matched = scored.slice(0, MAX_MATCHES);
  const base = {
    referenceIds: matched.map((x) => `${x.r.dataset}:${x.r.id}`),
    distanceKm: Math.round(best.km * 10) / 10,
    dateDifferenceDays: best.gap,
  };
  const claimed = m.fatalities;
  const single = best.r.fatalities;
  // the reference may split one reported event into several: the sum counts when the best
  // match alone does not agree
  const sum = matched.reduce((n, x) => n + (x.r.fatalities ?? 0), 0);
  if (claimed === null || single === null) {
    return { verdict: 'corroborated', ...base, fatalityDifference: null,
      reason: `${best.r.dataset} event ${best.r.id} (${best.r.type ?? 'event'}, ${best.r.location ?? best.r.admin1 ?? ''}) ${base.distanceKm} km and ${best.gap} day(s) away; no toll to compare` };
  }
  const ref = tollsAgree(claimed, single) || (!tollsAgree(claimed, sum) && Math.abs(claimed - single) <= Math.abs(claimed - sum)) ? single : sum;
  const diff = claimed - ref;
  const refText = ref === single ? `${best.r.dataset} event ${best.r.id} counts ${single}` : `${matched.length} matching ${best.r.dataset} events count ${sum}`;
  if (tollsAgree(claimed, ref)) {
    return { verdict: 'corroborated', ...base, fatalityDifference: diff, reason: `${refText} dead against ${claimed} reported, within tolerance; ${base.distanceKm} km, ${best.gap} day(s) apart` };
  }
  return { verdict: 'contradicted', ...base, fatalityDifference: diff, reason: `${refText} dead against ${claimed} reported (difference ${diff}); ${base.distanceKm} km, ${best.gap} day(s) apart` };
}

export async function corroborateMention(store: Store, m: EventMention): Promise<Corroboration> {
  const head = { documentId: m.documentId, index: m.index, start: m.start, end: m.end, type: m.type,
    dateFrom: m.days ? isoDay(m.days[0]) : null, dateTo: m.days ? isoDay(m.days[1]) : null, place: m.placeName };
  if (m.lat === null || m.lon === null || !m.days) return { ...head, ...judge(m, []) };
  const slack = daySlack(m);
  const candidates = await store.referenceEventsNear({
    lat: m.lat, lon: m.lon, radiusKm: radiusKm(m.geoPrecision) + REFERENCE_SLACK_KM,
    from: isoDay(m.days[0] - slack), to: isoDay(m.days[1] + slack), limit: 500,
  });
  return { ...head, ...judge(m, candidates) };
}

/** Every event mention in the store, one verdict each, streamed. */
export async function* corroborateStore(store: Store): AsyncGenerator<Corroboration> {
  for await (const doc of store.iterateDocuments()) {
    for (const m of mentionsOf(doc)) yield await corroborateMention(store, m);
  }
}
