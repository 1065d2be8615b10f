// Conflict events in ACLED's taxonomy, one per sentence and trigger family (violence, civil
// unrest, strategic): type, sub-type, CAMEO root, cause, agent and target, place with geo
// precision, date with time precision, and fatalities split as the text splits them. Reads the
// places, actors and claims the earlier analysers appended; the sentence is the evidence span
// (cut where a photo caption runs into it, captions.ts). The main event is then marked and
// completed from the sentences that follow it (salience.ts, followup.ts).
import type { EventFinding, Span } from '../../../core/types.js';
import type { Analyser, AnalysisContext } from '../../analyser.js';
import { resolveDates } from '../../dates/resolve.js';
import { claimsLexicon } from '../claims/section.js';
import { captionBreaks, splitAtBreaks } from './captions.js';
import { fatalitiesIn, type Fatalities } from './fatalities.js';
import { fillSplitFromFollowUps } from './followup.js';
import { placeFor, placeMentions } from './place.js';
import { markMainEvent } from './salience.js';
import { actorMentions, identifyingEpithets, rolesFor } from './roles.js';
import { eventsLexicon, type EventsLexicon, type TriggerSpec } from './section.js';

interface TriggerHit extends Span {
  spec: TriggerSpec;
}

/** Trigger hits of a sentence grouped by family, best first (lowest priority number, then position). */
export function triggersIn(text: string, sentence: Span, lex: EventsLexicon, sentenceText = text.slice(sentence.start, sentence.end)): TriggerHit[][] {
  const hits = lex.scanTriggers(sentenceText);
  if (!hits.length) return [];
  const byFamily = new Map<string, TriggerHit[]>();
  for (const m of hits) {
    const spec = lex.triggerOf(m[0]);
    if (!spec) continue;
    const list = byFamily.get(spec.family) ?? [];
    list.push({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length, spec });
    byFamily.set(spec.family, list);
  }
  const out = [...byFamily.values()].map((l) => l.sort((a, b) => a.spec.priority - b.spec.priority || a.start - b.start));
  return out.sort((a, b) => (a[0]?.start ?? 0) - (b[0]?.start ?? 0));
}

function causeFor(sentenceText: string, hit: TriggerHit, lex: EventsLexicon): string | null {
  if (hit.spec.cause) return hit.spec.cause;
  if (hit.spec.family !== 'violence') return null;
  return lex.causeHint(sentenceText);
}

const NO_FATALITIES: Fatalities = { fatalities: null, civilianFatalities: null, childFatalities: null, womenFatalities: null, combatantFatalities: null };

export const eventsAnalyser: Analyser = {
  id: 'events',
  after: ['places', 'actors', 'claims'],
  description: 'conflict events in ACLED taxonomy with CAMEO root, agent, target, place, date and fatalities',
  run(ctx: AnalysisContext): void {
    const lex = eventsLexicon(ctx.pack);
    if (!lex) return;
    const claimsLex = claimsLexicon(ctx.pack);
    const speechAfter = claimsLex.speechAfter;
    const { doc } = ctx;
    const text = doc.text;
    const actors = actorMentions(doc, identifyingEpithets(ctx.pack));
    const places = placeMentions(doc, lex.focusCountries);
    // a photo caption run into the lead is no part of the lead's sentence
    const sentences = splitAtBreaks(text, ctx.sentences(), captionBreaks(text, places));
    const claims = [...doc.claims].sort((a, b) => a.start - b.start);
    let ci = 0;
    sentences.forEach((sentence, index) => {
      const sentenceText = text.slice(sentence.start, sentence.end);
      const families = triggersIn(text, sentence, lex, sentenceText);
      if (!families.length) return;
      while (ci < claims.length && (claims[ci]?.start ?? 0) < sentence.start) ci++;
      let cj = ci;
      while (cj < claims.length && (claims[cj]?.start ?? 0) < sentence.end) cj++;
      // deaths are counted for violent events only
      const anyViolent = families.some((f) => f[0]?.spec.family === 'violence');
      const fat = anyViolent ? fatalitiesIn(text, sentence, claims.slice(ci, cj), claimsLex) : NO_FATALITIES;
      const civilianVictims = anyViolent && ((fat.civilianFatalities ?? 0) > 0 || /\bcivilians?\b/i.test(sentenceText));
      const dates = resolveDates(text, doc.published, sentence.start, sentence.end, { count: claimsLex.count });
      for (const candidates of families) {
        const first = candidates[0];
        if (!first) continue;
        const violent = first.spec.family === 'violence';
        // the best trigger of the family that has an agent (same priority or sub-type), else the best one
        let hit = first;
        let roles = rolesFor(text, sentence, first, actors, violent && civilianVictims, speechAfter, first.spec.subType === 'territory');
        for (const other of candidates.slice(1, 6)) {
          if (roles.agent) break;
          // the same kind of event told by another word ("a landmine ... exploded")
          if (other.spec.priority !== first.spec.priority && (other.spec.subType !== first.spec.subType || !other.spec.cause || other.spec.cause !== first.spec.cause)) continue;
          const r = rolesFor(text, sentence, other, actors, violent && civilianVictims, speechAfter, other.spec.subType === 'territory');
          if (r.agent) {
            hit = other;
            roles = r;
          }
        }
        let subType = hit.spec.subType;
        let type = hit.spec.type;
        if (subType === 'territory') {
          const agentAff = doc.actors.find((a) => a.id === roles.agent)?.affiliation;
          subType = agentAff && lex.government.has(agentAff) ? 'Government regains territory' : 'Non-state actor overtakes territory';
        } else if (type === 'Protests') {
          lex.excessiveForce.lastIndex = 0;
          lex.intervention.lastIndex = 0;
          if (lex.excessiveForce.test(sentenceText)) subType = 'Excessive force against protesters';
          else if (lex.intervention.test(sentenceText)) subType = 'Protest with intervention';
        } else if (hit.spec.id === 'killing' || hit.spec.id === 'attack') {
          if (roles.target === 'civilians' && !roles.agent) {
            type = 'Violence against civilians';
            subType = 'Attack';
          }
        }
        const place = placeFor(text, sentences, index, hit, places, lex.nearBefore);
        const date = dates.sort((a, b) => Math.abs(a.start - hit.start) - Math.abs(b.start - hit.start))[0];
        const event: EventFinding = {
          start: sentence.start,
          end: sentence.end,
          ruleId: `events-${hit.spec.id}`,
          type,
          subType,
          cause: causeFor(sentenceText, hit, lex),
          agent: roles.agent,
          target: roles.target,
          place: place?.place ?? null,
          date: date?.date ?? doc.published ?? null,
          fatalities: violent ? fat.fatalities : null,
          civilianFatalities: violent ? fat.civilianFatalities : null,
          childFatalities: violent ? fat.childFatalities : null,
          womenFatalities: violent ? fat.womenFatalities : null,
          combatantFatalities: violent ? fat.combatantFatalities : null,
          geoPrecision: place?.geoPrecision ?? null,
          timePrecision: date ? date.precision : doc.published ? 2 : null,
          cameo: hit.spec.cameo,
          trigger: { start: hit.start, end: hit.end, ruleId: `events-${hit.spec.id}` },
        };
        doc.events.push(event);
      }
    });
    markMainEvent(doc, places, claims);
    fillSplitFromFollowUps(doc, sentences, places, claims, claimsLex);
  },
};
