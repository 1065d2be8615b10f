// `labels` analyser: every loaded label a text chooses (labels.yaml), with the camp its use
// signals, what it refers to, and whether it is distanced (scare quotes, "so-called"), which
// turns it into the opposite camp's signal. Actor-bound labels are copied onto the nearest
// matching actor unless the actors analyser already recorded a label at that span.
import type { ActorFinding, LabelFinding } from '../../../core/types.js';
import type { Pack } from '../../../packs/loader.js';
import type { Analyser } from '../../analyser.js';
import { compileLabels, oppositeCamp } from './lexicon.js';
import { insideAny, scareQuoteSpans } from './quotes.js';
import { lowerBound } from '../stance/spans.js';

const DISTANCE_GAP_RE = /^[\s"“”«»'‘’-]{0,4}$/;

export function findLabels(text: string, pack: Pack): LabelFinding[] {
  const { matcher, distancers } = compileLabels(pack);
  const quotes = scareQuoteSpans(text);
  const matches = matcher.scan(text);
  const out: LabelFinding[] = [];
  const distancedAt = new Set<number>();
  for (const d of distancers.scan(text)) {
    const k = lowerBound(matches, d.end);
    const next = k < matches.length && matches[k].start - d.end <= 4 ? matches[k] : undefined;
    const follows = next && DISTANCE_GAP_RE.test(text.slice(d.end, next.start));
    const camp = follows ? (next.value.common ? (next.value.distancedCamp ?? null) : oppositeCamp(pack, next.value.camp)) : null;
    if (follows) distancedAt.add(next.start);
    out.push({ start: d.start, end: d.end, label: text.slice(d.start, d.end).toLowerCase(), camp, refersTo: follows ? next.value.refersTo : null, ruleId: 'labels-distancer' });
  }
  for (const m of matches) {
    const l = m.value;
    const scareQuoted = insideAny(quotes, m.start, m.end);
    const distanced = scareQuoted || distancedAt.has(m.start);
    if (l.common && !distanced) continue;
    const camp = l.common ? (l.distancedCamp ?? null) : distanced ? oppositeCamp(pack, l.camp) : l.camp;
    out.push({
      start: m.start,
      end: m.end,
      label: l.label,
      camp,
      refersTo: l.refersTo,
      scareQuoted,
      ruleId: `labels-${l.voice.replace(/_/g, '-')}${distanced ? '-distanced' : ''}`,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

const NEAR = 60;

function attachToActors(labels: LabelFinding[], actors: ActorFinding[], targets: Record<string, string[]>): void {
  for (const l of labels) {
    if (!l.refersTo || l.refersTo.startsWith('event:') || l.ruleId === 'labels-distancer') continue;
    const affiliations = targets[l.refersTo] ?? [];
    let best: { actor: ActorFinding; distance: number } | null = null;
    for (const a of actors) {
      if (!affiliations.includes(a.affiliation)) continue;
      for (const m of a.mentions) {
        const distance = m.end <= l.start ? l.start - m.end : m.start >= l.end ? m.start - l.end : 0;
        if (distance <= NEAR && (!best || distance < best.distance)) best = { actor: a, distance };
      }
    }
    if (!best) continue;
    if (best.actor.labels.some((x) => x.start < l.end && l.start < x.end)) continue;
    best.actor.labels.push({ start: l.start, end: l.end, label: l.label, camp: l.camp, ruleId: l.ruleId });
  }
}

export const labelsAnalyser: Analyser = {
  id: 'labels',
  after: ['actors'],
  description: 'loaded labels each camp uses (terrorists / rebels, liberation / fall, regime / government), scare quotes and "so-called"',
  run(ctx) {
    const labels = findLabels(ctx.doc.text, ctx.pack);
    for (const l of labels) ctx.doc.labels.push(l);
    attachToActors(labels, ctx.doc.actors, compileLabels(ctx.pack).section.targets);
  },
};
