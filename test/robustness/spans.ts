// Every span a document carries, with a path naming where it sits, so the offset invariant can be
// checked over all finding arrays at once (and new finding kinds are one line here).
import type { AnalysedDocument, Span } from '../../src/core/types.js';

export interface NamedSpan {
  path: string;
  span: Span;
  /** the span must lie inside this one (claim.number inside its claim) */
  within?: Span;
}

export function allSpans(doc: AnalysedDocument): NamedSpan[] {
  const out: NamedSpan[] = [];
  const add = (path: string, span: Span | undefined, within?: Span): void => {
    if (span) out.push({ path, span, within });
  };
  doc.segments.forEach((s, i) => add(`segments[${i}]`, s));
  for (const [kind, group] of [['places', doc.places], ['actors', doc.actors], ['persons', doc.persons], ['sourcesCited', doc.sourcesCited]] as const) {
    group.forEach((item, i) => item.mentions.forEach((m, j) => add(`${kind}[${i}].mentions[${j}]`, m)));
  }
  doc.actors.forEach((a, i) => a.labels.forEach((l, j) => add(`actors[${i}].labels[${j}]`, l)));
  doc.claims.forEach((c, i) => {
    add(`claims[${i}]`, c);
    add(`claims[${i}].number`, c.number, c);
  });
  doc.events.forEach((e, i) => {
    add(`events[${i}]`, e);
    add(`events[${i}].trigger`, e.trigger);
  });
  doc.techniques.forEach((t, i) => add(`techniques[${i}]`, t));
  doc.labels.forEach((l, i) => add(`labels[${i}]`, l));
  doc.stance.evidence.forEach((s, i) => add(`stance.evidence[${i}]`, s));
  return out;
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** The problems of one span over `text`, empty when it is sound. */
export function spanProblems(text: string, named: NamedSpan): string[] {
  const { span, within } = named;
  const { start, end } = span;
  const path = span.ruleId ? `${named.path} (${span.ruleId})` : named.path;
  const problems: string[] = [];
  if (!Number.isInteger(start) || !Number.isInteger(end)) return [`${path}: offsets ${start}-${end} are not integers`];
  if (!(start >= 0 && start <= end && end <= text.length)) return [`${path}: ${start}-${end} outside 0 ≤ start ≤ end ≤ ${text.length}`];
  // a span that cuts a surrogate pair in two does not point at what it claims
  if (start > 0 && isLow(text.charCodeAt(start)) && isHigh(text.charCodeAt(start - 1))) problems.push(`${path}: starts inside a surrogate pair at ${start}`);
  if (end < text.length && end > 0 && isLow(text.charCodeAt(end)) && isHigh(text.charCodeAt(end - 1))) problems.push(`${path}: ends inside a surrogate pair at ${end}`);
  if (span.ruleId !== undefined && !/^[a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9]+(-[a-z0-9]+)*)*$/.test(span.ruleId)) problems.push(`${path}: ruleId "${span.ruleId}" is not kebab-case`);
  if (within && (start < within.start || end > within.end)) problems.push(`${path}: ${start}-${end} not inside ${within.start}-${within.end}`);
  return problems;
}
