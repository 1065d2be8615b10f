// The place of an event: the most specific place mentioned in its sentence, preferring one
// introduced by a locative preposition and close to the trigger; else the last place named in
// the two sentences before. Datelines, capitals standing for governments and places abroad named
// without a preposition are no candidates (weak-places.ts); a place in a clause of its own
// ("while ...") or in a building's name is a weaker one. ACLED geo precision: 1 the town itself,
// 2 near a town or part of a region, 3 a whole region or country.
import type { AnalysedDocument, PlaceFinding, Span } from '../../../core/types.js';
import { mentionsIn } from './roles.js';
import { stickyAt, weakness, type Weakness } from './weak-places.js';

export interface PlaceMention extends Span {
  place: PlaceFinding;
  /** the countries the conflict is fought in: places elsewhere named without a preposition are datelines */
  focus: ReadonlySet<string>;
  /** why the mention names no event place (see weak-places.ts): null when it may, unset until judged */
  weak?: Weakness | null;
}

const NO_FOCUS: ReadonlySet<string> = new Set();

/** `focus`: the countries the conflict is fought in (the pack's first country) */
export function placeMentions(doc: AnalysedDocument, focus: ReadonlySet<string> = NO_FOCUS): PlaceMention[] {
  const out: PlaceMention[] = [];
  // `weak` is set here, unjudged, so that every mention keeps one object shape when it is judged
  for (const p of doc.places) for (const m of p.mentions) out.push({ start: m.start, end: m.end, place: p, focus, weak: undefined });
  return out.sort((a, b) => a.start - b.start);
}

const KIND_PENALTY: Record<string, number> = { site: 0, town: 0, city: 0, region: 2.5, country: 6 };
// (a lookbehind, sticky: tested at the mention's start, it reads only the words right before it)
const LOCATIVE = /(?<=\b(?:in|near|at|on|outside|into|around|of|from|to|across|over|towards?|targeting|hit|struck)\s+(?:the\s+)?(?:[\w-]+\s+){0,3})/iy;

/** words that make the next place the container of the one before ("neighbourhood of", "district of") */
const CONTAINER = /^\s*(?:neighbou?rhood|district|quarter|suburb|area|village|town)\s+(?:of|in)\s+(?:the\s+)?$/i;

/** a clause of its own between a trigger and a place after it */
// ("as", "when", "after" and "amid" often tell the same event: "killed when a shell hit Douma")
const OTHER_CLAUSE = /\b(?:while|whereas|but|since)\s/i;
/** "X in Y", "X Mosque in the Z neighbourhood in Y": the city named after "in" contains X */
const IN_CITY = /^\s*(?:(?:[\p{L}-]+\s+){0,3}?(?:neighbou?rhood|district|quarter|area|street|square|mosque|camp)\s+)?in\s+(?:the\s+)?(?:city\s+of\s+)?$/iu;

export interface PlacePick {
  place: string;
  geoPrecision: 1 | 2 | 3;
  region: string | null;
}

function precision(text: string, m: PlaceMention, nearBefore: RegExp, inherited: boolean): 1 | 2 | 3 {
  const kind = m.place.kind;
  if (kind === 'country') return 3;
  const near = stickyAt(nearBefore, text, m.start);
  if (kind === 'region') return near ? 2 : 3;
  return near || inherited ? 2 : 1;
}

export function placeFor(
  text: string,
  sentences: Span[],
  index: number,
  trigger: Span,
  mentions: PlaceMention[],
  nearBefore: RegExp,
): PlacePick | null {
  const sentence = sentences[index];
  if (!sentence) return null;
  let best: PlaceMention | null = null;
  let bestScore = Infinity;
  /** where the first clause of its own after the trigger starts (found when a place after the trigger needs it) */
  let clauseAt: number | undefined;
  for (const m of mentionsIn(mentions, sentence.start, sentence.end)) {
    const weak = weakness(text, m);
    if (weak === 'dateline' || weak === 'metonym' || weak === 'abroad') continue;
    const distance = m.start >= trigger.end ? m.start - trigger.end : trigger.start - m.end;
    const locative = m.start > sentence.start && stickyAt(LOCATIVE, text, m.start);
    // a place named in a clause of its own after the trigger ("... killed 43 as fighters advanced on Raqqa") is that clause's
    if (m.start >= trigger.end && clauseAt === undefined) {
      const k = text.slice(trigger.end, sentence.end).search(OTHER_CLAUSE);
      clauseAt = k >= 0 ? trigger.end + k : Infinity;
    }
    const otherClause = m.start >= trigger.end && m.start > (clauseAt ?? Infinity);
    const score = distance / 50 + (KIND_PENALTY[m.place.kind] ?? 3) - (locative ? 1.5 : 0) + (m.start < trigger.start ? 0.3 : 0) + (otherClause ? 2 : 0) + (weak ? 3 : 0);
    if (score < bestScore) {
      bestScore = score;
      best = m;
    }
  }
  if (best && best.place.kind !== 'country') {
    // "Kafar Hamra in northern rural Aleppo": a region named right after the town overrides a
    // gazetteer guess that put the town in another region
    const chosen = best;
    // (also "the Midan neighbourhood of Damascus": the city that contains the quarter decides)
    const region = mentionsIn(mentions, chosen.end, Math.min(sentence.end, chosen.end + 50)).find(
      (m) => {
        if (!m.place.region || !chosen.place.region || m.place.region === chosen.place.region) return false;
        const gap = text.slice(chosen.end, m.start);
        const weak = weakness(text, m);
        if (weak === 'dateline' || weak === 'metonym') return false;
        if (m.place.kind === 'region') return /^\s*(?:,|in|of)\s/i.test(gap);
        // "near al-Rashideen Mosque in al-Daatour neighbourhood in Latakia city": the city named after "in" contains it
        return m.place.kind !== 'country' && (CONTAINER.test(gap) || (m.place.kind === 'city' && chosen.place.kind !== 'city' && IN_CITY.test(gap)));
      },
    );
    if (region) return { place: region.place.id, geoPrecision: 2, region: region.place.region ?? null };
    return { place: chosen.place.id, geoPrecision: precision(text, chosen, nearBefore, false), region: chosen.place.region ?? null };
  }
  // only a country here: a more specific place in the two sentences before, in that country, is more useful
  for (let k = index - 1; k >= Math.max(0, index - 2); k--) {
    const s = sentences[k];
    if (!s) continue;
    const inPrev = mentionsIn(mentions, s.start, s.end).filter((m) => m.place.kind !== 'country' && (!best || !m.place.country || m.place.country === best.place.country));
    const last = inPrev.sort((a, b) => (KIND_PENALTY[a.place.kind] ?? 3) - (KIND_PENALTY[b.place.kind] ?? 3))[0];
    if (last) return { place: last.place.id, geoPrecision: precision(text, last, nearBefore, true), region: last.place.region ?? null };
  }
  if (best) return { place: best.place.id, geoPrecision: 3, region: best.place.region ?? null };
  return null;
}
