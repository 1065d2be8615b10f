// Terminal rendering of one document and its findings: golden-line style
// `start-end ruleId "text"`, so what the CLI shows is what the tests assert.
import type { AnalysedDocument, Span } from '../../core/types.js';

const clip = (s: string, n = 80): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s).replace(/\n/g, ' ');

export function spanLine(doc: AnalysedDocument, s: Span, extra = ''): string {
  return `    ${s.start}-${s.end} ${s.ruleId ?? '-'} "${clip(doc.text.slice(s.start, s.end))}"${extra ? `  ${extra}` : ''}`;
}

export function renderDocument(doc: AnalysedDocument, options: { text?: boolean } = {}): string {
  const out: string[] = [];
  out.push(`${doc.title ?? '(untitled)'}`);
  out.push(`  id ${doc.id}  source ${doc.source}${doc.externalId ? `  external ${doc.externalId}` : ''}`);
  out.push(`  outlet ${doc.outlet ?? '-'}  published ${doc.published ?? '-'}  languages ${doc.languages.map((l) => `${l.lang} ${(l.share * 100).toFixed(0)}%`).join(', ') || '-'}`);
  out.push(`  stance ${doc.stance.camp}${doc.stance.confidence !== undefined ? ` (confidence ${doc.stance.confidence.toFixed(2)})` : ''}`);
  for (const e of doc.stance.evidence.slice(0, 10)) out.push(spanLine(doc, e));
  out.push(`segments (${doc.segments.length})`);
  for (const s of doc.segments) {
    out.push(`  ${'  '.repeat(Math.max(0, s.depth - 1))}${s.kind} depth ${s.depth} ${s.author ? `by ${s.author}` : ''} ${s.start}-${s.end}${s.stance ? ` stance ${s.stance}` : ''}: "${clip(doc.text.slice(s.start, s.end), 60)}"`);
  }
  const group = (title: string, lines: string[]): void => {
    out.push(`${title} (${lines.length})`);
    out.push(...lines);
  };
  group('places', doc.places.flatMap((p) => [`  ${p.name} [${p.id}] ${p.kind} ${p.country ?? '-'} ${p.lat ?? '-'},${p.lon ?? '-'}${p.region ? ` region ${p.region}` : ''}`, ...p.mentions.map((m) => spanLine(doc, m))]));
  group('actors', doc.actors.flatMap((a) => [`  ${a.name} [${a.id}] ${a.affiliation}`, ...a.mentions.map((m) => spanLine(doc, m)), ...a.labels.map((l) => spanLine(doc, l, `label "${l.label}" (${l.camp ?? '-'})`))]));
  group('persons', doc.persons.flatMap((p) => [`  ${p.name} [${p.id}] ${p.role ?? ''}`, ...p.mentions.map((m) => spanLine(doc, m))]));
  group('sources cited', doc.sourcesCited.flatMap((s) => [`  ${s.name} (${s.kind ?? '-'})`, ...s.mentions.map((m) => spanLine(doc, m))]));
  group('claims', doc.claims.map((c) => spanLine(doc, c.number ?? c, `${c.value} ${c.counted}${c.approx ? ' ~' : ''} by ${c.attributedTo ?? 'author'}${c.hedged ? ', hedged' : ''}`)));
  group('events', doc.events.map((e) => spanLine(doc, e.trigger ?? e, `${e.type} / ${e.subType ?? '-'}: ${e.agent ?? '?'} -> ${e.target ?? '?'} at ${e.place ?? '?'} on ${e.date ?? '?'}${e.fatalities !== null ? `, ${e.fatalities} killed` : ''}${e.clusterId ? ` [cluster ${e.clusterId}]` : ''}`)));
  group('labels', doc.labels.map((l) => spanLine(doc, l, `${l.label} (${l.camp ?? '-'})${l.scareQuoted ? ' scare-quoted' : ''}`)));
  group('techniques', doc.techniques.map((t) => spanLine(doc, t, `${t.technique}${t.confidence !== undefined ? ` ${t.confidence.toFixed(2)}` : ''}`)));
  if (options.text) {
    out.push('text');
    out.push(doc.text);
  }
  return out.join('\n');
}
