// The place of an event: the most specific place mentioned in its sentence, preferring one
// introduced by a locative preposition and close to the trigger; else the last place named in
// the two sentences before. ACLED geo precision: 1 the town itself, 2 near a town or part of a
// region, 3 a whole region or country.
import type { AnalysedDocument, PlaceFinding, Span } from '../../../core/types.js';
import { mentionsIn } from './roles.js';

export interface PlaceMention extends Span {
  place: PlaceFinding;
}

export function placeMentions(doc: AnalysedDocument): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (const p of doc.places) for (const m of p.mentions) out.push({ start: m.start, end: m.end, place: p });
  return out.sort((a, b) => a.start - b.start);
}

const KIND_PENALTY: Record<string, number> = { site: 0, town: 0, city: 0, region: 2.5, country: 6 };
// the lookahead names the words' first letters: a cheap test that fails most positions at once
const LOCATIVE = /(?=in|ne|at|on|ou|ar|of|fr|to|ac|ov|ta|hi|st)\b(?:in|near|at|on|outside|into|around|of|from|to|across|over|towards?|targeting|hit|struck)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$/i;

/** words that make the next place the container of the one before ("neighbourhood of", "district of") */
const CONTAINER = /^\s*(?:neighbou?rhood|district|quarter|suburb|area|village|town)\s+(?:of|in)\s+(?:the\s+)?$/i;

export interface PlacePick {
  place: string;
  geoPrecision: 1 | 2 | 3;
  region: string | null;
}

function precision(text: string, m: PlaceMention, nearBefore: RegExp, inherited: boolean): 1 | 2 | 3 {
  const kind = m.place.kind;
  if (kind === 'country') return 3;
  const near = nearBefore.test(text.slice(Math.max(0, m.start - 40), m.start));
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
  for (const m of mentionsIn(mentions, sentence.start, sentence.end)) {
    const distance = m.start >= trigger.end ? m.start - trigger.end : trigger.start - m.end;
    const locative = LOCATIVE.test(text.slice(Math.max(sentence.start, m.start - 40), m.start));
    const score = distance / 50 + (KIND_PENALTY[m.place.kind] ?? 3) - (locative ? 1.5 : 0) + (m.start < trigger.start ? 0.3 : 0);
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
        return m.place.kind === 'region' ? /^\s*(?:,|in|of)\s/i.test(gap) : m.place.kind !== 'country' && CONTAINER.test(gap);
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
