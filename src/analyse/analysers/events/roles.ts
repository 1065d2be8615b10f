// Agent and target of an event from the actor mentions around its trigger, in active and
// passive voice: "X shelled Y", "Y was shelled by X", "Y came under fire from X", "X's airstrike
// on Y", "X and Y launched ...". Null when no mention stands in such a position: never guessed.
// Hand-written over token gaps because the cues are few and a parser would cost the speed budget.
import type { AnalysedDocument, Span } from '../../../core/types.js';
import type { Pack } from '../../../packs/loader.js';

export interface ActorMention extends Span {
  actor: string;
  affiliation: string;
}

interface EpithetSpec {
  label?: unknown;
  fixed?: unknown;
  targets?: unknown;
}

/**
 * Epithets that still identify one actor ("regime", "Daesh": fixed, or aimed at one affiliation)
 * as opposed to ones any camp's enemy can wear ("terrorists", "mercenaries"). Read from the
 * actors section's epithet list, whichever camp uses them.
 */
export function identifyingEpithets(pack: Pack): Set<string> {
  return pack.memo('events:identifying-epithets', () => {
    const section = pack.section('actors') as { epithets?: EpithetSpec[] } | undefined;
    const out = new Set<string>();
    for (const e of section?.epithets ?? []) {
      if (typeof e.label !== 'string') continue;
      if (e.fixed === true || (Array.isArray(e.targets) && e.targets.length === 1)) out.add(e.label);
    }
    return out;
  });
}

export function actorMentions(doc: AnalysedDocument, identifying: Set<string> = new Set()): ActorMention[] {
  const out: ActorMention[] = [];
  for (const a of doc.actors) {
    if (a.affiliation === 'media') continue;
    for (const m of a.mentions) {
      // an epithet ("terrorists", "terrorist attacks", "beheaders") labels rather than identifies: it names no agent
      if (a.labels.length && a.labels.some((l) => l.start <= m.start && l.end >= m.end && !identifying.has(l.label))) continue;
      out.push({ start: m.start, end: m.end, actor: a.id, affiliation: a.affiliation });
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

/** Mentions inside [from, to), by binary search over the sorted list. */
export function mentionsIn<T extends Span>(sorted: T[], from: number, to: number): T[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid]?.start ?? 0) < from) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < sorted.length && (sorted[i]?.start ?? to) < to; i++) {
    const m = sorted[i];
    if (m && m.end <= to) out.push(m);
  }
  return out;
}

// (the lookaheads name the words' first letters: a cheap test that fails most positions at once)
const PASSIVE_BEFORE = /(?=wa|we|be|is|ar|go|ca|co|un)\b(?:was|were|been|being|is|are|got|came\s+under|come\s+under|comes\s+under|under)\s+(?:\w+\s+)?$/i;
const AGENT_PREP = /^\s*(?:\S+\s+){0,3}?(?:by|from|at\s+the\s+hands\s+of|carried\s+out\s+by|launched\s+by|blamed\s+on|attributed\s+to)\s+(?:the\s+)?(?:\S+\s+){0,2}?$/i;
const TARGET_PREP = /^\s*(?:\S+\s+){0,3}?(?:on|against|targeting|targeted|at|hit|hitting|struck|striking|killed|killing|on\s+positions\s+of|positions\s+of)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?$/i;
const COORD = /^\s*(?:,|and|&|,\s*and)\s*(?:the\s+)?$/i;
const CLAUSE_BREAK = /[;:"“”]|\b(?:while|whereas|but|after|before|as|when|said|says|according)\b/i;

/** Acting mentions of the last sentence asked about: a sentence's triggers ask one after another. */
let actingOf: { text: string; start: number; end: number; mentions: ActorMention[]; acting: ActorMention[] } | null = null;

/** The actor mentions of a sentence that can act: "rebel-held", "Russian-backed" name a place or a sponsor, "X said" a source. */
function actingMentions(text: string, sentence: Span, mentions: ActorMention[], speechAfter: RegExp): ActorMention[] {
  const c = actingOf;
  if (c && c.text === text && c.start === sentence.start && c.end === sentence.end && c.mentions === mentions) return c.acting;
  const acting = mentionsIn(mentions, Math.max(0, sentence.start - 1), sentence.end + 1).filter((m) => {
    const after = text.slice(m.end, m.end + 40);
    return !HELD.test(after) && !speechAfter.test(after);
  });
  actingOf = { text, start: sentence.start, end: sentence.end, mentions, acting };
  return acting;
}

export interface Roles {
  agent: string | null;
  target: string | null;
}

const HELD = /^(?:-|\s)?(?:held|controlled|run|backed|affiliated|allied|linked|supported)\b/i;
// a victim between a subject and the trigger: "35 IS jihadists killed in clashes with ..."
const VICTIM_GAP = /\b(?:killed|dead|died|wounded|injured|were|was|been)\b/i;

const FROM_GAP = /(?=fr)\bfrom\s+(?:the\s+)?(?:\S+\s+){0,2}?$/i;

/**
 * Roles for a trigger inside a sentence; `civilianVictims` makes "civilians" the target when no
 * actor is; `territorial` reads "from X" as the side that lost ground ("liberated Raqqa from ISIS").
 */
export function rolesFor(text: string, sentence: Span, trigger: Span, mentions: ActorMention[], civilianVictims: boolean, speechAfter: RegExp, territorial = false): Roles {
  const inSentence = actingMentions(text, sentence, mentions, speechAfter);
  let agent: ActorMention | null = null;
  let target: ActorMention | null = null;
  const passiveCue = PASSIVE_BEFORE.test(text.slice(Math.max(sentence.start, trigger.start - 25), trigger.start));
  // "US air strikes" as one actor mention: the mention that holds the trigger is its agent
  const holding = inSentence.find((m) => m.start <= trigger.start && m.end >= trigger.end - 1 && m.start < trigger.start);
  if (holding && !passiveCue) agent = holding;
  // a mention acts on the trigger only with no clause break between them
  const before = inSentence.filter((m) => m.end <= trigger.start && !CLAUSE_BREAK.test(text.slice(m.end, trigger.start)));
  const after = inSentence.filter((m) => m.start >= trigger.end && !CLAUSE_BREAK.test(text.slice(trigger.end, m.start)));
  const passive = passiveCue;
  for (const m of after) {
    const gap = text.slice(trigger.end, m.start);
    if (gap.length > 70) break;
    if (m === agent) continue;
    if (territorial && FROM_GAP.test(gap)) {
      if (!target) target = m;
    } else if (!agent && AGENT_PREP.test(gap)) agent = m;
    else if (!target && TARGET_PREP.test(gap)) target = m;
    else if (!target && !passive && /^\s*(?:the\s+)?$/i.test(gap)) target = m;
  }
  const nearest = before.at(-1);
  if (nearest && trigger.start - nearest.end <= 80) {
    // walk left over coordinated subjects ("X and Y shelled ...") to the first of them
    let first = nearest;
    for (let i = before.length - 2; i >= 0; i--) {
      const prev = before[i];
      if (!prev || !COORD.test(text.slice(prev.end, first.start))) break;
      first = prev;
    }
    const victim = VICTIM_GAP.test(text.slice(nearest.end, trigger.start));
    if (victim && !agent) {
      // the other party of a clash, or the one named after by/from/with, acted
      const other = after.find((m) => trigger.end <= m.start && m.start - trigger.end <= 50 && /^\s*(?:with|by|from|against)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$/i.test(text.slice(trigger.end, m.start)));
      if (other) agent = other;
      if (!target) target = nearest;
    } else if (passive || agent) {
      if (!target && nearest !== agent) target = nearest;
    } else if (!agent) agent = first;
  }
  if (agent && target && agent.actor === target.actor) target = null;
  return {
    agent: agent?.actor ?? null,
    target: target?.actor ?? (civilianVictims ? 'civilians' : null),
  };
}
