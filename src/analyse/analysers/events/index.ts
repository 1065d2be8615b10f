// Conflict events in ACLED's taxonomy, one per sentence and trigger family (violence, civil
// unrest, strategic): type, sub-type, CAMEO root, cause, agent and target, place with geo
// precision, date with time precision, and fatalities split as the text splits them. Reads the
// places, actors and claims the earlier analysers appended; the sentence is the evidence span.
import type { EventFinding, Span } from '../../../core/types.js';
import type { Analyser, AnalysisContext } from '../../analyser.js';
import { resolveDates } from '../../dates/resolve.js';
import { claimsLexicon } from '../claims/section.js';
import { fatalitiesIn } from './fatalities.js';
import { placeFor, placeMentions } from './place.js';
import { markMainEvent } from './salience.js';
import { actorMentions, identifyingEpithets, rolesFor } from './roles.js';
import { eventsLexicon, type EventsLexicon, type TriggerSpec } from './section.js';

interface TriggerHit extends Span {
  spec: TriggerSpec;
}

/** Trigger hits of a sentence grouped by family, best first (lowest priority number, then position). */
export function triggersIn(text: string, sentence: Span, lex: EventsLexicon): TriggerHit[][] {
  const hits = lex.scanTriggers(text.slice(sentence.start, sentence.end));
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

function causeFor(text: string, sentence: Span, hit: TriggerHit, lex: EventsLexicon): string | null {
  if (hit.spec.cause) return hit.spec.cause;
  if (hit.spec.family !== 'violence') return null;
  const s = text.slice(sentence.start, sentence.end);
  for (const [cause, re] of lex.causeHints) {
    re.lastIndex = 0;
    if (re.test(s)) return cause;
  }
  return null;
}

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
    const sentences = ctx.sentences();
    const actors = actorMentions(doc, identifyingEpithets(ctx.pack));
    const places = placeMentions(doc);
    const claims = [...doc.claims].sort((a, b) => a.start - b.start);
    let ci = 0;
    sentences.forEach((sentence, index) => {
      const families = triggersIn(text, sentence, lex);
      if (!families.length) return;
      while (ci < claims.length && (claims[ci]?.start ?? 0) < sentence.start) ci++;
      let cj = ci;
      while (cj < claims.length && (claims[cj]?.start ?? 0) < sentence.end) cj++;
      const fat = fatalitiesIn(text, sentence, claims.slice(ci, cj), claimsLex);
      const civilianVictims = (fat.civilianFatalities ?? 0) > 0 || /\bcivilians?\b/i.test(text.slice(sentence.start, sentence.end));
      const dates = resolveDates(text, doc.published, sentence.start, sentence.end, { count: claimsLex.count });
      for (const candidates of families) {
        const first = candidates[0];
        if (!first) continue;
        const violent = first.spec.family === 'violence';
        // the best trigger of the family that has an agent (same type of event), else the best one
        let hit = first;
        let roles = rolesFor(text, sentence, first, actors, violent && civilianVictims, speechAfter, first.spec.subType === 'territory');
        for (const other of candidates.slice(1, 6)) {
          if (roles.agent || other.spec.priority !== first.spec.priority) break;
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
          const s = text.slice(sentence.start, sentence.end);
          lex.excessiveForce.lastIndex = 0;
          lex.intervention.lastIndex = 0;
          if (lex.excessiveForce.test(s)) subType = 'Excessive force against protesters';
          else if (lex.intervention.test(s)) subType = 'Protest with intervention';
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
          cause: causeFor(text, sentence, hit, lex),
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
    markMainEvent(doc);
  },
};
