// When two event mentions can be one real-world event: compatible types, places within a radius
// that grows with geo imprecision, dates within a window that grows with time imprecision, and
// actors that do not conflict. Different blame for the same event is NOT a conflict: it is what
// the dossier exists to show, so actors conflict only when the two pairs share nobody at all.
import type { EventType } from '../core/types.js';
import { dayGap, slackDays } from './days.js';
import { distanceKm, radiusKm } from './geo.js';
import type { EventMention } from './mentions.js';

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

/** Actors conflict when both mentions name two parties and the pairs share none. */
export function actorsConflict(a: EventMention, b: EventMention): boolean {
  const pa = [a.agent, a.target].filter((x): x is string => !!x);
  const pb = [b.agent, b.target].filter((x): x is string => !!x);
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

export function placesCompatible(a: EventMention, b: EventMention): boolean {
  if (a.region && a.region === b.region && (regionWide(a) || regionWide(b))) return true;
  const km = kmApart(a, b);
  if (km !== null && km <= SAME_SCENE_KM) return true;
  // a vague place is matched by its region, never across a regional border by distance
  if (a.region && b.region && Math.max(a.geoPrecision, b.geoPrecision) === 3) return false;
  return km !== null && km <= Math.max(radiusKm(a.geoPrecision), radiusKm(b.geoPrecision));
}

export function datesCompatible(a: EventMention, b: EventMention): boolean {
  if (!a.days || !b.days) return false;
  return dayGap(a.days, b.days) <= Math.max(slackDays(a.timePrecision), slackDays(b.timePrecision));
}

export function compatible(a: EventMention, b: EventMention): boolean {
  return typesCompatible(a.type, b.type) && datesCompatible(a, b) && placesCompatible(a, b) && !actorsConflict(a, b);
}

/** Lower is closer: km over the radius plus days over the slack, with a bonus for the same type. */
export function closeness(a: EventMention, b: EventMention): number {
  const km = kmApart(a, b) ?? radiusKm(3);
  const r = Math.max(radiusKm(a.geoPrecision), radiusKm(b.geoPrecision));
  const gap = a.days && b.days ? dayGap(a.days, b.days) : 30;
  const slack = Math.max(slackDays(a.timePrecision), slackDays(b.timePrecision));
  // prefer joining precise accounts over vague ones
  const vagueness = 0.2 * (b.timePrecision - 1) + 0.2 * (b.geoPrecision - 1) + (b.inferred ? 0.3 : 0);
  return km / r + gap / (slack + 1) + vagueness + (a.type === b.type ? 0 : 0.5) + (a.placeId && a.placeId === b.placeId ? -0.25 : 0);
}
