// Which event a document is about: its main event, marked `main: true`, then completed from
// the later sentences that tell the same event again ("… killed 12 people. The strikes were
// carried out by Russian jets on the village of X"). News leads with its event and names its
// toll there, so the main event is the first violent one with a precise death count, else with
// any count, else the first violent one, else the first event (a vague toll, "scores of", counts
// as no precise one). A lead that lists several provinces is filed under the one whose later
// toll makes it up (roundup.ts); a lead placed only in the country takes the place named nearest
// it that is not a capital standing for its government. An armed clash with no weapon named in
// its sentence or the next is coded as shooting. The evaluation, the clusterer (lead mention of
// a document) and the dossier all read this one flag.
import type { AnalysedDocument, ClaimFinding, EventFinding, EventType, PlaceFinding } from '../../../core/types.js';
import { mentionsIn } from './roles.js';
import { placeMentions, type PlaceMention } from './place.js';
import { placeRoundUp } from './roundup.js';
import { weakness } from './weak-places.js';

const VIOLENT = new Set<EventType>(['Battles', 'Explosions/Remote violence', 'Violence against civilians']);
/** a vague numeral is a weaker lead than a stated toll ("dozens of civilians") */
const VAGUE = /^(?:dozens|scores|hundreds|thousands|tens|several|a\s+few|many|десятки|сотни|десятков|сотен)/i;
/** a later event within this many characters of the main one is presumed to retell it */
const NEAR = 400;
/** an event starting within this many characters after the main one's end is in the next sentence */
const NEXT_SENTENCE = 20;
/** a place named after the event is a weaker guess than one named before it */
const AFTER_WEIGHT = 3;

/** Whether an event's toll rests on a vague numeral ("scores of fighters", "dozens of civilians"); `claims` sorted by start. */
function vagueCount(doc: AnalysedDocument, e: EventFinding, claims: ClaimFinding[]): boolean {
  const c = mentionsIn(claims, e.start, e.end).find((x) => x.number && (x.value === e.civilianFatalities || x.value === e.fatalities));
  return Boolean(c?.number && VAGUE.test(doc.text.slice(c.number.start, c.number.end)));
}

/** The document's main event (not yet marked); `claims` sorted by start (the document's, sorted, by default). */
export function pickMain(doc: AnalysedDocument, claims: ClaimFinding[] = [...doc.claims].sort((a, b) => a.start - b.start)): EventFinding | null {
  const violent = doc.events.filter((e) => VIOLENT.has(e.type));
  const counted = violent.filter((e) => e.fatalities !== null);
  return counted.find((e) => !vagueCount(doc, e, claims)) ?? counted[0] ?? violent[0] ?? doc.events[0] ?? null;
}

/** Later tellings of the same event: same sub-type, no other place, and the same toll or close by. */
function retellings(doc: AnalysedDocument, main: EventFinding): EventFinding[] {
  const countries = new Set(doc.places.filter((p) => p.kind === 'country').map((p) => p.id));
  // a country is no place to tell two events apart by
  const specific = (id: string | null): string | null => (id && !countries.has(id) ? id : null);
  const own = specific(main.place);
  return doc.events.filter(
    (x) =>
      x !== main &&
      x.subType === main.subType &&
      (!own || !specific(x.place) || x.place === own) &&
      ((x.fatalities !== null && x.fatalities === main.fatalities) || Math.abs(x.start - main.start) < NEAR),
  );
}

/** The sub-national place named nearest a position (one named before counts a little closer), in `country` when given. */
function nearestPlace(text: string, mentions: PlaceMention[], at: number, country: string | null): PlaceFinding | null {
  let best: PlaceFinding | null = null;
  let bestDistance = Infinity;
  for (const m of mentions) {
    const p = m.place;
    // "its Damascus ally", "the regime in Damascus" name a government, not where anything happened
    if (p.kind === 'country' || !p.region || (country && p.country !== country)) continue;
    const d = m.start >= at ? (m.start - at) * AFTER_WEIGHT : at - m.start;
    if (d < bestDistance && weakness(text, m) !== 'metonym') {
      bestDistance = d;
      best = p;
    }
  }
  return best;
}

/**
 * Marks the main event and fills its open agent, cause and place from its retellings; a cause
 * still open takes the nearest violent event's stated weapon (a follow-up sentence usually names
 * what the lead left out). Filled values keep the retelling's precision.
 */
export function markMainEvent(doc: AnalysedDocument, mentions: PlaceMention[] = placeMentions(doc), claims?: ClaimFinding[]): void {
  const main = pickMain(doc, claims);
  if (!main) return;
  main.main = true;
  if (!VIOLENT.has(main.type)) return;
  const same = retellings(doc, main);
  if (!main.agent || main.agent === 'civilians') {
    const agent = same.find((x) => x.agent && x.agent !== 'civilians')?.agent;
    if (agent) main.agent = agent;
  }
  const placeOf = (id: string | null): PlaceFinding | undefined => (id ? doc.places.find((p) => p.id === id) : undefined);
  let placed = placeOf(main.place);
  if (!placed || placed.kind === 'country') {
    const from = same.find((x) => x.place && placeOf(x.place)?.kind !== 'country') ?? (placed ? undefined : same.find((x) => x.place));
    if (from) {
      main.place = from.place;
      main.geoPrecision = from.geoPrecision ?? null;
      placed = placeOf(main.place);
    }
  }
  placeRoundUp(doc, main, mentions);
  placed = placeOf(main.place);
  if (!placed || placed.kind === 'country') {
    // only a country, or nothing: the place named nearest the event (the lead's place), as a vague location
    const near = nearestPlace(doc.text, mentions, main.start, placed?.country ?? null);
    if (near) {
      main.place = near.id;
      main.geoPrecision = 3;
    }
  }
  if (!main.cause && main.ruleId === 'events-clash') {
    // an armed clash is fought with guns unless the lead or the sentence right after it names
    // another weapon ("70 militants killed in clashes ... and bombings of the warplanes"): air
    // strikes told further on usually back the fighting rather than kill in it
    const next = doc.events.find((x) => x.start >= main.end && VIOLENT.has(x.type));
    const nextCause = next && next.start - main.end <= NEXT_SENTENCE && !doc.events.some((x) => x.start > main.end && x.start < next.start) ? next.cause : null;
    main.cause = same.find((x) => x.cause)?.cause ?? nextCause ?? 'shooting';
  }
  if (!main.cause) {
    const from = same.find((x) => x.cause) ?? doc.events.filter((x) => VIOLENT.has(x.type) && x.cause).sort((a, b) => Math.abs(a.start - main.start) - Math.abs(b.start - main.start))[0];
    if (from) main.cause = from.cause;
  }
}
