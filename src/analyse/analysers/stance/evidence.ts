// Collects the stance evidence of a document: the labels it chooses (labels analyser), praise
// or condemnation next to actor mentions (target-dependent sentiment: the cue goes to the
// agent before it, or to the actor after "by"), and the sources it relies on (a source counts
// only when the text attributes something to it). Each item names its rule and its camp.
import type { AnalysedDocument, Span } from '../../../core/types.js';
import type { Pack } from '../../../packs/loader.js';
import { compileLabels, oppositeCamp } from '../labels/lexicon.js';
import type { LexiconMatch } from '../labels/lexicon-matcher.js';
import { compileStance } from './cues.js';
import { spansWithin } from './spans.js';

export interface StanceEvidence extends Span {
  camp: string;
  weight: number;
  /** what the evidence is about: label name, actor affiliation or source name */
  about: string;
}

const WINDOW = 60;
// praise or condemnation inside reported speech is the speaker's, not the text's
const REPORTED_RE = /\b(?:said|says|told|according to|stated|warned|accused|claimed|alleged|urged|заявил\p{L}*|сказал\p{L}*|по словам|обвинил\p{L}*)(?![\p{L}])|:\s*\p{Lu}[\p{L}.-]+(?:\s\p{Lu}[\p{L}.-]+)?\s*$/iu;
const NEGATION_RE = /(?:\b(?:not|no|never|isn't|wasn't|aren't|nor|hardly)\s+(?:\p{L}+\s+)?(?:a\s+|an\s+|the\s+)?|(?<![\p{L}])(?:не|нет|ни)\s+)$/iu;
const BY_AFTER_RE = /^\s*(?:by|of|from|at the hands of|со стороны)\b/iu;
const ATTRIB_BEFORE_RE = /(?:according to|citing|cited by|reported by|quoting|quoted by|told|sources?:|по данным|по информации|сообщает|как сообщ\p{L}*)\s*(?:the\s+)?["“«]?\s*$/iu;
const ATTRIB_AFTER_RE = /^\s*["”»]?\s*(?:said|says|say|reported|reports|reporting|stated|states|announced|claimed|claims|confirmed|confirms|noted|wrote|writes|told|сообщил\p{L}*|заявил\p{L}*|передает|передаёт)\b/iu;

function labelEvidence(doc: AnalysedDocument, pack: Pack): StanceEvidence[] {
  const { byLabel } = compileLabels(pack);
  const out: StanceEvidence[] = [];
  for (const l of doc.labels) {
    if (!l.camp || l.ruleId === 'labels-distancer') continue;
    const entry = byLabel.get(l.label);
    const distanced = Boolean(l.ruleId?.endsWith('-distanced'));
    out.push({ start: l.start, end: l.end, camp: l.camp, weight: distanced ? 1 : (entry?.weight ?? 1), about: l.label, ruleId: distanced ? 'stance-label-distanced' : 'stance-label' });
  }
  return out;
}

type SourceMatches = LexiconMatch<{ camp: string; name: string }>[];

function sentimentEvidence(doc: AnalysedDocument, pack: Pack, sentences: Span[], sourceMatches: SourceMatches): StanceEvidence[] {
  const c = compileStance(pack);
  if (!c) return [];
  const text = doc.text;
  const mentions: { start: number; end: number; affiliation: string }[] = [];
  const cues: { start: number; end: number; praise: boolean }[] = [];
  for (const m of c.cues.scan(text)) {
    if (m.value.kind === 'side') mentions.push({ start: m.start, end: m.end, affiliation: m.value.affiliation });
    else cues.push({ start: m.start, end: m.end, praise: m.value.kind === 'praise' });
  }
  for (const a of doc.actors) for (const m of a.mentions) mentions.push({ start: m.start, end: m.end, affiliation: a.affiliation });
  // a camp's sources stand for that camp when the text praises or condemns them
  const campSide = new Map(Object.entries(c.section.sides).map(([aff, side]) => [side.camp, aff]));
  for (const m of sourceMatches) {
    const affiliation = campSide.get(m.value.camp);
    if (affiliation) mentions.push({ start: m.start, end: m.end, affiliation });
  }
  mentions.sort((a, b) => a.start - b.start);
  const out: StanceEvidence[] = [];
  let s = 0;
  for (const cue of cues) {
    while (s < sentences.length && sentences[s].end <= cue.start) s++;
    const sent = sentences[s] ?? { start: 0, end: text.length };
    if (REPORTED_RE.test(text.slice(sent.start, sent.end))) continue;
    if (NEGATION_RE.test(text.slice(Math.max(sent.start, cue.start - 25), cue.start))) continue;
    const lo = Math.max(sent.start, cue.start - WINDOW - 200);
    const inSentence = spansWithin(mentions, lo, Math.min(sent.end, cue.end + WINDOW + 200)).filter((m) => m.start >= sent.start && (m.end <= cue.start || m.start >= cue.end));
    const passive = BY_AFTER_RE.test(text.slice(cue.end, cue.end + 20));
    const before = inSentence.filter((m) => m.end <= cue.start && cue.start - m.end <= WINDOW).pop();
    const after = inSentence.find((m) => m.start >= cue.end && m.start - cue.end <= WINDOW);
    const target = passive ? (after ?? before) : (before ?? after);
    if (!target) continue;
    const side = c.section.sides[target.affiliation];
    if (!side) continue;
    const camp = cue.praise ? side.camp : oppositeCamp(pack, side.camp);
    if (!camp) continue;
    out.push({ start: cue.start, end: cue.end, camp, weight: side.weight, about: target.affiliation, ruleId: cue.praise ? 'stance-praise' : 'stance-condemn' });
  }
  return out;
}

function sourceEvidence(doc: AnalysedDocument, sourceMatches: SourceMatches): StanceEvidence[] {
  const text = doc.text;
  const out: StanceEvidence[] = [];
  for (const m of sourceMatches) {
    const attributed = ATTRIB_BEFORE_RE.test(text.slice(Math.max(0, m.start - 40), m.start)) || ATTRIB_AFTER_RE.test(text.slice(m.end, m.end + 30));
    if (attributed) out.push({ start: m.start, end: m.end, camp: m.value.camp, weight: 0.3, about: m.value.name, ruleId: 'stance-source' });
  }
  return out;
}

export function collectEvidence(doc: AnalysedDocument, pack: Pack, sentences: Span[]): StanceEvidence[] {
  // the source matches feed both sentiment targets and source evidence: scan once
  const sourceMatches = compileStance(pack)?.sources.scan(doc.text) ?? [];
  return [...labelEvidence(doc, pack), ...sentimentEvidence(doc, pack, sentences, sourceMatches), ...sourceEvidence(doc, sourceMatches)].sort((a, b) => a.start - b.start);
}
