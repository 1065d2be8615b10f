// Round-up leads: "6 citizens killed, 22 injured in attacks with shells in Damascus, Aleppo and
// Idleb", then a paragraph per province. The lead's toll belongs to all of them; the place the
// event is filed under is the province where the body reports the most deaths, not the first
// one listed. Applies only when the lead names several regions and the regional tolls told
// later make up its toll: all of it when one region reports deaths, no more than it when several
// do (a lead smaller than the later tolls is its own incident).
import type { AnalysedDocument, EventFinding, EventType } from '../../../core/types.js';
import type { PlaceMention } from './place.js';
import { mentionsIn } from './roles.js';
import { weakness } from './weak-places.js';

const VIOLENT = new Set<EventType>(['Battles', 'Explosions/Remote violence', 'Violence against civilians']);

/** Moves a round-up lead to the region of its largest regional toll, when it names several regions. */
export function placeRoundUp(doc: AnalysedDocument, main: EventFinding, mentions: PlaceMention[]): void {
  if (main.fatalities === null) return;
  const listed = mentionsIn(mentions, main.start, main.end).filter((m) => !weakness(doc.text, m) && m.place.region && m.place.kind !== 'country');
  const regions = new Set(listed.map((m) => m.place.region));
  if (regions.size < 2) return;
  const regionOf = new Map(doc.places.map((p) => [p.id, p.region ?? null]));
  const tolls = new Map<string, number>();
  for (const e of doc.events) {
    if (e === main || e.start < main.end || !VIOLENT.has(e.type) || e.fatalities === null || !e.place) continue;
    const region = regionOf.get(e.place);
    if (!region || !regions.has(region)) continue;
    tolls.set(region, Math.max(tolls.get(region) ?? 0, e.fatalities));
  }
  const ranked = [...tolls.entries()].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (!top || (second && second[1] === top[1])) return;
  // the regional tolls must make up the lead's: all of it when one region reports deaths, no more than it when several do
  const sum = ranked.reduce((n, [, v]) => n + v, 0);
  if (ranked.length === 1 ? top[1] !== main.fatalities : sum > main.fatalities) return;
  const current = main.place ? regionOf.get(main.place) : null;
  if (current === top[0]) return;
  if (current && (tolls.get(current) ?? 0) >= top[1]) return;
  const pick = listed.find((m) => m.place.region === top[0] && m.place.kind !== 'region') ?? listed.find((m) => m.place.region === top[0]);
  if (!pick) return;
  main.place = pick.place.id;
  main.geoPrecision = pick.place.kind === 'region' ? 3 : 1;
}
