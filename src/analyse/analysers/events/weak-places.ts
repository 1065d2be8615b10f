// Place mentions that name no event place, though the gazetteer resolved them: a dateline
// ("BEIRUT"), a seat of government standing for the government ("its Damascus ally", "the regime
// in Damascus", "Moscow said"), part of a building's name ("al-Rashideen Mosque"), or a place
// abroad named without a locative preposition ("Last updated ... Beirut Syrian government air
// strikes ..."). Judged lazily, once per mention, and only for the mentions an event looks at:
// most mentions of a long document never are. Hand-written cues: no library marks metonyms.
import { isDateline } from './captions.js';
import type { PlaceMention } from './place.js';

export type Weakness = 'dateline' | 'metonym' | 'facility' | 'abroad';

const METONYM_AFTER = /(?:'s)?\s+(?:regime|government|authorities|ally|allies|leadership|said|says|has\s+(?:said|denied|accused|blamed|warned)|denied|denies|denounced|accused|blamed|claimed|announced|insisted|warned|responded|rejected|which\s+(?:holds|has|backs|supports))\b/iy;
const METONYM_BEFORE = /(?<=\b(?:regime|government|authorities|leadership)\s+in\s+)/iy;
const RIGHT_AFTER_PREPOSITION = /(?<=\b(?:in|near|at|on|outside|into|around|from|to|across|over|towards?|targeting|targeted|hit|struck|of)\s+(?:the\s+)?(?:(?:city|town|capital|province|village|outskirts|suburbs?)\s+of\s+)?)/iy;
const FACILITY_AFTER = /\s+(?:Mosque|Street|St|Square|Hospital|School|Hall|Club|Roundabout|University|Bridge|Stadium|Church|Shrine)\b/y;

/** Whether a sticky regex matches at `at` (a lookbehind-only one: whether the text before `at` ends so). */
export function stickyAt(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

/** Why a mention names no event place, or null; remembered on the mention. */
export function weakness(text: string, m: PlaceMention): Weakness | null {
  if (m.weak !== undefined) return m.weak;
  const p = m.place;
  let weak: Weakness | null = null;
  if (isDateline(text, m)) weak = 'dateline';
  else if (stickyAt(METONYM_AFTER, text, m.end) || stickyAt(METONYM_BEFORE, text, m.start)) weak = 'metonym';
  else if (stickyAt(FACILITY_AFTER, text, m.end)) weak = 'facility';
  else if (p.country && m.focus.size && !m.focus.has(p.country) && !stickyAt(RIGHT_AFTER_PREPOSITION, text, m.start)) weak = 'abroad';
  m.weak = weak;
  return weak;
}
