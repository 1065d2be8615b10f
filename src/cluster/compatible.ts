// When two event mentions can be one real-world event: compatible types, places within a radius
// that grows with geo imprecision, dates within a window that grows with time imprecision, and
// actors that do not conflict. Different blame for the same event is NOT a conflict: it is what
// the dossier exists to show, so actors conflict only when the two pairs share no party at all.
// Region groups (pack `regions.yaml`) let "Damascus" match Eastern Ghouta; two towns must be the
// same town; a stated day matches the day either side only at the same town or site.
import type { EventType } from '../core/types.js';
import { allAreas, areaOf, NO_AREAS, type AreaMap } from './areas.js';
import { dayGap, slackDays } from './days.js';
import { distanceKm, radiusKm } from './geo.js';
import type { EventMention } from './mentions.js';
import { matchDays, matchPrecision } from './news-day.js';
import { allParties, NO_PARTIES, partyOf, type PartyMap } from './parties.js';

/** Pack knowledge matching uses: region groups (capital + countryside) and actor parties. */
export interface MatchContext {
  areas: AreaMap;
  parties: PartyMap;
}

export const NO_CONTEXT: MatchContext = { areas: NO_AREAS, parties: NO_PARTIES };

/** The groups and parties of every installed pack. */
export function installedContext(): MatchContext {
  return { areas: allAreas(), parties: allParties() };
}

const VIOLENT = new Set<EventType>(['Battles', 'Explosions/Remote violence', 'Violence against civilians']);
const UNREST = new Set<EventType>(['Protests', 'Riots']);

/** Sides tell one event as different types ("massacre" vs "strike on militants"), within a family. */
export function typesCompatible(a: EventType, b: EventType): boolean {
  if (a === b) return true;
  if (VIOLENT.has(a) && VIOLENT.has(b)) return true;
  if (UNREST.has(a) && UNREST.has(b)) return true;
  // a capture is told as a battle by one side and as a strategic development by another
  const pair = new Set([a, b]);
  return pair.has('Strategic developments') && pair.has('Battles');
}

/**
 * Actors conflict when both mentions name two parties and the pairs share none; a unit and the
 * state it belongs to (Syrian Air Force, Syrian government) count as one party.
 */
export function actorsConflict(a: EventMention, b: EventMention, parties: PartyMap = NO_PARTIES): boolean {
  const pa = [a.agent, a.target].filter((x): x is string => !!x).map((x) => partyOf(parties, x));
  const pb = [b.agent, b.target].filter((x): x is string => !!x).map((x) => partyOf(parties, x));
  if (pa.length < 2 || pb.length < 2) return false;
  return !pa.some((x) => pb.includes(x));
}

/** km apart, or null when either mention has no coordinates. */
export function kmApart(a: EventMention, b: EventMention): number | null {
  if (a.lat === null || a.lon === null || b.lat === null || b.lon === null) return null;
  return distanceKm(a.lat, a.lon, b.lat, b.lon);
}

/**
 * "Idlib", "Aleppo", "Raqqa" name a city and the province around it; reports use them for both.
 * Such a place, or a vague one, matches anything in the same first-level region.
 */
const REGION_WORD = /\s+(governorate|province|region|oblast)$/;
const NON_LETTER = /[^\p{L}]/gu;
const normName = (s: string): string => s.toLowerCase().replace(REGION_WORD, '').replace(NON_LETTER, '');
const wide = new WeakMap<EventMention, boolean>();

export function regionWide(m: EventMention): boolean {
  if (m.geoPrecision === 3) return true;
  if (!m.region || !m.placeName) return false;
  let w = wide.get(m);
  if (w === undefined) wide.set(m, (w = normName(m.placeName) === normName(m.region)));
  return w;
}

/** places this close are one scene whatever border runs between them (Damascus and its Ghouta suburbs) */
const SAME_SCENE_KM = 20;

/** two places stated to the town and this far apart are different towns, not one scene */
export const SAME_TOWN_KM = 5;

/** Both stated to the town (not a city that names its province) and not the same place. */
export function townsDiffer(a: EventMention, b: EventMention, km: number | null): boolean {
  if (a.geoPrecision !== 1 || b.geoPrecision !== 1 || !a.placeId || !b.placeId || a.placeId === b.placeId) return false;
  if (regionWide(a) || regionWide(b)) return false;
  return km !== null && km > SAME_TOWN_KM;
}

/**
 * Same first-level region, or regions the pack groups as one area (a capital and its
 * countryside), match when either place is region-wide; towns must be the same town.
 */
export function placesCompatible(a: EventMention, b: EventMention, areas: AreaMap = NO_AREAS): boolean {
  if (a.region && b.region && areaOf(areas, a.region) === areaOf(areas, b.region) && (regionWide(a) || regionWide(b))) return true;
  const km = kmApart(a, b);
  if (townsDiffer(a, b, km)) return false;
  if (km !== null && km <= SAME_SCENE_KM) return true;
  // a vague place is matched by its region, never across a regional border by distance
  if (a.region && b.region && Math.max(a.geoPrecision, b.geoPrecision) === 3) return false;
  return km !== null && km <= Math.max(radiusKm(a.geoPrecision), radiusKm(b.geoPrecision));
}

/**
 * Sources disagree by a day on a day-precision date (time zones, overnight events, "yesterday"
 * resolved against different publication days). The extra day is allowed only at one named spot
 * (the same town or site): across a whole city or province that is fought over daily, the day
 * before is usually another event.
 */
export const DAY_SLACK = 1;

/** Both name the same town or site (or two within SAME_TOWN_KM), neither a whole region. */
export function sameSpot(a: EventMention, b: EventMention): boolean {
  if (!a.placeId || !b.placeId || a.geoPrecision === 3 || b.geoPrecision === 3 || regionWide(a) || regionWide(b)) return false;
  if (a.placeId === b.placeId) return true;
  const km = kmApart(a, b);
  return km !== null && km <= SAME_TOWN_KM;
}

/**
 * Slack in days either side of the days a mention is matched by (its news day when fresh, else
 * its stated days): none for one day unless the other account is at the same spot, where a
 * report a dateline later still tells the same strike; a day range gets no more.
 */
export function matchSlack(m: EventMention, spot = false): number {
  const precision = matchPrecision(m);
  if (precision !== 1) return slackDays(precision);
  const days = matchDays(m);
  return spot && days && days[0] === days[1] ? DAY_SLACK : 0;
}

/** Dates as matching sees them: fresh news by its news day, later reports by the stated day (news-day.ts). */
export function datesCompatible(a: EventMention, b: EventMention): boolean {
  const da = matchDays(a);
  const db = matchDays(b);
  if (!da || !db) return false;
  const gap = dayGap(da, db);
  // the same spot only ever widens the slack: decide without it (it costs a distance) when that settles it
  if (gap <= Math.max(matchSlack(a), matchSlack(b))) return true;
  if (gap > Math.max(matchSlack(a, true), matchSlack(b, true))) return false;
  const spot = sameSpot(a, b);
  return gap <= Math.max(matchSlack(a, spot), matchSlack(b, spot));
}

/**
 * Sides may tell one event as another type (a "massacre" against a "strike on militants") or blame
 * another agent (a chemical attack blamed on either side), but not both at once: a different type
 * by a different named agent is another event (a coalition air strike and an ISIS execution).
 * Targets are not compared: "civilians" against "militants" is how sides frame one strike.
 */
export function storiesDiffer(a: EventMention, b: EventMention, parties: PartyMap = NO_PARTIES): boolean {
  if (a.type === b.type || !a.agent || !b.agent) return false;
  return partyOf(parties, a.agent) !== partyOf(parties, b.agent);
}

export function compatible(a: EventMention, b: EventMention, ctx: MatchContext = NO_CONTEXT): boolean {
  return typesCompatible(a.type, b.type) && datesCompatible(a, b) && placesCompatible(a, b, ctx.areas)
    && !actorsConflict(a, b, ctx.parties) && !storiesDiffer(a, b, ctx.parties);
}

/** Lower is closer: km over the radius plus days over the slack, with a bonus for the same type. */
export function closeness(a: EventMention, b: EventMention): number {
  const km = kmApart(a, b) ?? radiusKm(3);
  const r = Math.max(radiusKm(a.geoPrecision), radiusKm(b.geoPrecision));
  const da = matchDays(a);
  const db = matchDays(b);
  const gap = da && db ? dayGap(da, db) : 30;
  const spot = sameSpot(a, b);
  const slack = Math.max(matchSlack(a, spot), matchSlack(b, spot));
  // prefer joining precise accounts over vague ones
  const vagueness = 0.2 * (matchPrecision(b) - 1) + 0.2 * (b.geoPrecision - 1) + (b.inferred ? 0.3 : 0);
  return km / r + gap / (slack + 1) + vagueness + (a.type === b.type ? 0 : 0.5) + (a.placeId && a.placeId === b.placeId ? -0.25 : 0);
}
