// One event mention as the clusterer and the corroborator see it: where (coordinates, region,
// radius), when (a range of epoch days), what (type) and who (agent, target), flattened out of
// an analysed document so that a million of them fit in memory.
import type { AnalysedDocument, EventType, PlaceFinding } from '../core/types.js';
import { findDate } from '../ingest/dates.js';
import { coveredDays, slackDays } from './days.js';
import { newsDay, type MatchDates } from './news-day.js';

export interface EventMention {
  documentId: string;
  /** index into doc.events */
  index: number;
  start: number;
  end: number;
  type: EventType;
  subType: string | null;
  agent: string | null;
  target: string | null;
  placeId: string | null;
  placeName: string | null;
  lat: number | null;
  lon: number | null;
  region: string | null;
  geoPrecision: 1 | 2 | 3;
  timePrecision: 1 | 2 | 3;
  /** the days the stated date covers, before slack; null when no date is known */
  days: [number, number] | null;
  fatalities: number | null;
  outlet: string | null;
  camp: string | null;
  published: string | null;
  /** the place or date came from the document, not the event sentence */
  inferred: boolean;
  /** the document's main event (events analyser's `main` flag) */
  main?: boolean;
  /** fresh news: the report's day, which matching uses instead of `days` (news-day.ts) */
  news?: MatchDates;
  /** the clustering pass's spill row: the order documents and their mentions were read in */
  row?: number;
}

/**
 * The place a document is most about, inside `country` when the event names only that country:
 * most mentions, ties to the one named first; with coordinates. A Washington dateline does not
 * place an event the sentence put in Syria.
 */
function mainPlace(doc: AnalysedDocument, country: string | null): PlaceFinding | null {
  let best: PlaceFinding | null = null;
  const first = (p: PlaceFinding): number => p.mentions[0]?.start ?? Infinity;
  for (const p of doc.places) {
    if (p.lat === null || p.lon === null || p.kind === 'country') continue;
    if (country && p.country && p.country !== country) continue;
    if (!best || p.mentions.length > best.mentions.length || (p.mentions.length === best.mentions.length && first(p) < first(best))) best = p;
  }
  return best;
}

/** how far into the text a date still counts as the document's own (after "Published", "Posted on") */
const LEAD_CHARS = 60;

/** The publication date, or else a full date printed at the very top ("Posted on April 4 2017 by …"). */
export function documentDate(doc: AnalysedDocument): string | null {
  if (doc.published) return doc.published;
  const found = findDate(doc.text.slice(0, LEAD_CHARS * 2));
  return found && found.index <= LEAD_CHARS && found.date.length >= 10 ? found.date : null;
}

/** The days the document's dateline covers (one day, or a month or year when that is all it says). */
export function reportedDays(doc: AnalysedDocument): [number, number] | null {
  return coveredDays(documentDate(doc));
}

/** The one day a dateline range names, or null when it covers more. */
export const dayOf = (r: [number, number] | null): number | null => (r && r[0] === r[1] ? r[0] : null);

/** The epoch day the document was published (its dateline), or null when not known to the day. */
export function reportDayOf(doc: AnalysedDocument): number | null {
  return dayOf(reportedDays(doc));
}

/**
 * A reprint is news of its original's day: its mentions are matched by the original's dateline,
 * so an aggregator's copy published a day later stays with the wire story. Sets `news` in place
 * (a copy made by spreading runs the matching loops twice as slowly) and returns the mention.
 */
export function redate(m: EventMention, originalDay: number | null): EventMention {
  if (originalDay !== null) m.news = newsDay(m.days, originalDay) ?? undefined;
  return m;
}

/** `reported`: the document's dateline days, when the caller has them already (reportedDays). */
export function mentionsOf(doc: AnalysedDocument, reported = reportedDays(doc)): EventMention[] {
  if (!doc.events.length) return [];
  const places = new Map(doc.places.map((p) => [p.id, p]));
  const fallbacks = new Map<string | null, PlaceFinding | null>();
  const reportDay = dayOf(reported);
  return doc.events.map((e, index) => {
    let inferred = false;
    // a country is no place to match events by: treat it as unplaced
    let place = e.place ? places.get(e.place) ?? null : null;
    const country = place?.kind === 'country' ? place.country : null;
    if (place?.kind === 'country') place = null;
    let geo: 1 | 2 | 3 = e.geoPrecision ?? (place?.kind === 'region' ? 3 : 1);
    if (!place || place.lat === null || place.lon === null) {
      if (!fallbacks.has(country)) fallbacks.set(country, mainPlace(doc, country));
      const fallback = fallbacks.get(country);
      if (fallback && !place) {
        place = fallback;
        geo = 3;
        inferred = true;
      }
    }
    let days = coveredDays(e.date);
    let time: 1 | 2 | 3 = e.timePrecision ?? (days && days[0] === days[1] ? 1 : 3);
    if (days && time === 2 && e.date === doc.published && days[0] === days[1]) {
      // dated only by its publication: news reports the day's or the day before's events, never later ones
      days = [days[0] - 1, days[1]];
      time = 1;
      inferred = true;
    }
    if (!days) {
      days = reported;
      if (days) {
        // an undated event is usually recent news: the day of publication or the days before
        days = [days[0] - 2, days[1]];
        time = 2;
        inferred = true;
      }
    }
    const news = newsDay(days, reportDay);
    return {
      documentId: doc.id, index, start: e.start, end: e.end, type: e.type, subType: e.subType,
      agent: e.agent, target: e.target, placeId: place?.id ?? null, placeName: place?.name ?? null,
      lat: place?.lat ?? null, lon: place?.lon ?? null, region: place?.region ?? null,
      geoPrecision: geo, timePrecision: time, days, fatalities: e.fatalities,
      outlet: doc.outlet, camp: doc.stance.camp ?? null, published: doc.published, inferred,
      // every field always present (optional ones undefined): one object shape keeps matching fast
      main: e.main ? true : undefined,
      news: news ?? undefined,
    };
  });
}

/** The days a mention may fall on once its time precision's slack is added. */
export function window(m: EventMention): [number, number] | null {
  if (!m.days) return null;
  const s = slackDays(m.timePrecision);
  return [m.days[0] - s, m.days[1] + s];
}

/** One mention as a compact JSON array (run.ts sorts mentions on disk); unpackMention reverses it. */
export function packMention(m: EventMention): string {
  return JSON.stringify([
    m.documentId, m.index, m.start, m.end, m.type, m.subType, m.agent, m.target, m.placeId, m.placeName, m.lat, m.lon, m.region,
    m.geoPrecision, m.timePrecision, m.days, m.fatalities, m.outlet, m.camp, m.published, m.inferred ? 1 : 0, m.main ? 1 : 0,
    m.news ? [m.news.days, m.news.precision] : null,
  ]);
}

type Packed = [
  string, number, number, number, EventType, string | null, string | null, string | null, string | null, string | null,
  number | null, number | null, string | null, 1 | 2 | 3, 1 | 2 | 3, [number, number] | null, number | null, string | null,
  string | null, string | null, 0 | 1, 0 | 1, [[number, number], 1 | 2 | 3] | null,
];

export function unpackMention(json: string): EventMention {
  const p = JSON.parse(json) as Packed;
  // the same field order as mentionsOf builds: one object shape keeps matching fast
  return {
    documentId: p[0], index: p[1], start: p[2], end: p[3], type: p[4], subType: p[5], agent: p[6], target: p[7], placeId: p[8],
    placeName: p[9], lat: p[10], lon: p[11], region: p[12], geoPrecision: p[13], timePrecision: p[14], days: p[15],
    fatalities: p[16], outlet: p[17], camp: p[18], published: p[19], inferred: p[20] === 1,
    main: p[21] === 1 ? true : undefined,
    news: p[22] ? { days: p[22][0], precision: p[22][1] } : undefined,
  };
}
