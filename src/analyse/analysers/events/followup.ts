// Details of the main event that news gives after its lead: the lead names the toll ("killed at
// least 58 people"), a later sentence splits it ("11 children were among the dead", "two of the
// victims were minors", "of those killed six were children", "six civilians were among the 22
// killed"). Reads the few sentences after the
// main event, stops where another incident starts ("another", "separately", "elsewhere") and
// skips sentences about places in another region. Only a split of the same toll counts: the
// sentence repeats the toll, or splits "the dead" ("N children were among the dead"); a count
// of a sub-incident ("two others, including a child, died in X") is not the lead's split. Hand-written: a short scan over sentences and claims the analysers already found.
import type { AnalysedDocument, ClaimFinding, EventFinding, Span } from '../../../core/types.js';
import type { ClaimsLexicon } from '../claims/section.js';
import { fatalitiesIn } from './fatalities.js';
import type { PlaceMention } from './place.js';
import { mentionsIn } from './roles.js';

/** how many sentences after the lead may still split its toll */
const FOLLOW = 4;
/** a sentence that opens another incident */
const OTHER_INCIDENT = /\b(?:another|a\s+further|further|separately|elsewhere|meanwhile|in\s+a\s+separate|in\s+other|earlier\s+(?:this|last)\s+(?:week|month|year)|last\s+(?:week|month|year)|in\s+(?:19|20)\d\d)\b/i;
/** the first four words of a sentence, where an incident's opener stands */
const HEAD = /^\W*(?:\S+\s+){0,3}\S+/;
/** a split of the toll already told: "among the dead", "of those killed", "the victims included" */
const OF_THE_DEAD = /\b(?:among|of)\s+(?:the\s+|those\s+)?(?:dead|victims|killed|fatalities|toll)\b|\b(?:dead|victims|killed|fatalities|toll)\s+(?:included|include|includes|were)\b/i;
/** a count of one without digits ("a child", "a woman") */
const SINGLE_WORD = /\b(?:a|an|one)\s+(?:\w+\s+)?(?:child|woman|boy|girl|baby|infant)\b/i;

/** the stems of the nouns a child or women split names ("children", "minors", "girls", "women") */
const SPLIT_STEMS = ['child', 'minor', 'kid', 'boy', 'girl', 'bab', 'infant', 'toddler', 'teen', 'wom'];

/** Whether a sentence names children or women: substring tests, cheaper than a regex. */
function namesSplit(body: string): boolean {
  const lower = body.toLowerCase();
  return SPLIT_STEMS.some((stem) => lower.includes(stem));
}

/** Whether a span names civilians: a substring test, cheaper than any regex. */
function mentionsCivilians(text: string, span: Span): boolean {
  return text.slice(span.start, span.end).includes('ivilian');
}

function regionOf(doc: AnalysedDocument, id: string | null): string | null {
  if (!id) return null;
  return doc.places.find((p) => p.id === id)?.region ?? null;
}

/**
 * Fills the main event's child and women deaths from the sentences that follow it, and its
 * civilian deaths when the lead counted only people and a later sentence restates the same toll
 * with the civilians among it ("22 dead in raids" ... "Six civilians were among 22 people killed").
 */
export function fillSplitFromFollowUps(
  doc: AnalysedDocument,
  sentences: Span[],
  places: PlaceMention[],
  claims: ClaimFinding[],
  lex: ClaimsLexicon,
): void {
  const main: EventFinding | undefined = doc.events.find((e) => e.main);
  if (!main || main.fatalities === null) return;
  if (main.type !== 'Battles' && main.type !== 'Explosions/Remote violence' && main.type !== 'Violence against civilians') return;
  let needSplit = main.childFatalities === null || (main.womenFatalities ?? null) === null;
  // a lead that names no civilians counted people: a restatement that names them may split its toll
  let needCivilians = main.civilianFatalities !== null && main.civilianFatalities === main.fatalities && !mentionsCivilians(doc.text, main);
  // a lead that counted only its children or women ("killing civilians including three children")
  // leaves the toll to a later sentence that names the same subset within it
  const subsetOnly = (main.childFatalities ?? 0) + (main.womenFatalities ?? 0);
  let needToll = subsetOnly > 0 && main.fatalities === subsetOnly && main.civilianFatalities === subsetOnly;
  if (!needSplit && !needCivilians && !needToll) return;
  let i = sentences.findIndex((s) => s.start <= main.start && s.end >= main.end);
  if (i < 0) i = sentences.findIndex((s) => s.start >= main.end) - 1;
  if (i < -1) return;
  const region = regionOf(doc, main.place);
  const toll = main.fatalities;
  for (let k = i + 1; k <= i + FOLLOW && k < sentences.length && (needSplit || needCivilians || needToll); k++) {
    const s = sentences[k];
    if (!s) break;
    if (OTHER_INCIDENT.test(HEAD.exec(doc.text.slice(s.start, Math.min(s.end, s.start + 60)))?.[0] ?? '')) break;
    // a split is a count ("11 children") or a count of one ("a child"): sentences with neither are skipped unread
    const sentenceClaims = mentionsIn(claims, s.start, s.end);
    const body = doc.text.slice(s.start, s.end);
    const civilians = needCivilians && sentenceClaims.length > 0 && mentionsCivilians(doc.text, s);
    const split = needSplit && namesSplit(body) && (sentenceClaims.length > 0 || SINGLE_WORD.test(body));
    const restated = needToll && sentenceClaims.length > 1 && namesSplit(body);
    if (!civilians && !split && !restated) continue;
    if (region && mentionsIn(places, s.start, s.end).some((m) => m.place.region && m.place.region !== region)) continue;
    const f = fatalitiesIn(doc.text, s, sentenceClaims, lex);
    if (restated && f.fatalities !== null && f.fatalities > toll && f.childFatalities === main.childFatalities && (f.womenFatalities ?? null) === (main.womenFatalities ?? null)) {
      main.fatalities = f.fatalities;
      main.civilianFatalities = f.civilianFatalities;
      if ((main.combatantFatalities ?? null) === null && f.combatantFatalities !== null) main.combatantFatalities = f.combatantFatalities;
      needToll = false;
      continue;
    }
    // the split must be of the lead's toll: the same total again, or a part of "the dead"
    if (f.fatalities === null || f.fatalities > toll || (f.fatalities !== toll && !OF_THE_DEAD.test(body))) continue;
    if (needCivilians && f.fatalities === toll && f.civiliansStated && f.civilianFatalities !== null && f.civilianFatalities < toll) {
      main.civilianFatalities = f.civilianFatalities;
      if ((main.combatantFatalities ?? null) === null && f.combatantFatalities !== null) main.combatantFatalities = f.combatantFatalities;
      needCivilians = false;
    }
    if (!needSplit) continue;
    const children = f.childFatalities !== null && f.childFatalities <= toll ? f.childFatalities : null;
    const women = f.womenFatalities !== null && f.womenFatalities <= toll ? f.womenFatalities : null;
    if (children === null && women === null) continue;
    if (main.childFatalities === null && children !== null) main.childFatalities = children;
    if ((main.womenFatalities ?? null) === null && women !== null) main.womenFatalities = women;
    needSplit = false;
  }
}
