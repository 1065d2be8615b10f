// Terminal view of a dossier: the event, then each source with its camp, then labels by camp,
// numbers with attribution, blame, the claim comparison and the disagreements.
import type { Dossier } from './dossier-types.js';

const clip = (s: string, n = 90): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s).replace(/\s+/g, ' ');

export function renderDossier(d: Dossier): string {
  const c = d.cluster;
  const out: string[] = [];
  const dates = c.dateFrom === c.dateTo ? c.dateFrom ?? '-' : `${c.dateFrom ?? '?'} to ${c.dateTo ?? '?'}`;
  out.push(`event ${c.id}: ${c.type} at ${c.placeName ?? '(unknown place)'}${c.region ? ` (${c.region})` : ''}, ${dates}`);
  out.push(`  ${c.mentions} mentions in ${c.documents} documents, ${c.sources} distinct sources; camps: ${c.camps.join(', ') || '-'}`);
  if (d.earliest) out.push(`  earliest report: ${d.earliest.outlet ?? d.earliest.documentId} ${d.earliest.published ?? ''} [${d.earliest.documentId}]`);
  out.push(`sources (${d.sources.length})`);
  for (const s of d.sources) {
    out.push(`  ${s.outlet ?? '(no outlet)'} [${s.camp ?? 'unclear'}] ${s.published ?? '-'} ${clip(s.title ?? '', 60)} [${s.documentId}]` +
      `${s.duplicateOf ? ` reprint of ${s.duplicateOf}` : ''}${s.reprints.length ? ` (${s.reprints.length} reprints)` : ''}`);
    for (const m of s.mentions) {
      out.push(`    ${m.start}-${m.end} ${m.type}${m.subType ? ` / ${m.subType}` : ''} ${m.date ?? ''} ${m.placeName ?? ''} "${clip(m.evidence, 70)}"`);
    }
  }
  const camps = [...new Set(d.labels.map((l) => l.camp ?? 'unclear'))];
  out.push(`labels (${d.labels.length})`);
  for (const camp of camps) {
    const ls = d.labels.filter((l) => (l.camp ?? 'unclear') === camp);
    out.push(`  ${camp}: ${[...new Set(ls.map((l) => `"${clip(l.evidence, 40)}"`))].join(', ')}`);
  }
  out.push(`numbers (${d.numbers.length})`);
  for (const n of d.numbers) {
    out.push(`  ${n.outlet ?? n.documentId} [${n.camp ?? 'unclear'}]: ${n.approx ? '~' : ''}${n.value} ${n.counted} by ${n.attributedTo ?? 'the author'}${n.hedged ? ', hedged' : ''} "${clip(n.evidence, 60)}"`);
  }
  out.push(`blame (${d.blame.length})`);
  for (const b of d.blame) out.push(`  ${b.outlet ?? b.documentId} [${b.camp ?? 'unclear'}]: ${b.agentName}${b.target ? ` against ${b.target}` : ''}`);
  out.push(`claims compared (${d.claims.length})`);
  for (const cl of d.claims) {
    out.push(`  ${cl.counted}: ${cl.values.map((v) => `${v.value} (${v.outlet ?? v.documentId})`).join(', ')}${cl.values.length > 1 ? (cl.agree ? '  agree' : '  DIFFER') : ''}`);
  }
  out.push(`disagreements (${d.disagreements.length})`);
  for (const x of d.disagreements) {
    out.push(`  ${x.kind}: ${x.summary}`);
    for (const a of x.accounts) out.push(`    ${a.outlet ?? a.documentId} [${a.camp ?? 'unclear'}]: ${a.says}`);
  }
  return out.join('\n');
}
