// One row per finding (every kind in one table), so a spreadsheet can filter by kind.
import type { AnalysedDocument } from '../core/types.js';
import { csvRow, writeLine } from './write.js';

export const CSV_COLUMNS = ['document_id', 'outlet', 'published', 'kind', 'start', 'end', 'rule_id', 'text', 'entity_id', 'name', 'detail', 'value'];

function* rows(doc: AnalysedDocument): Generator<unknown[]> {
  const snip = (s: number, e: number): string => doc.text.slice(s, e);
  const base = [doc.id, doc.outlet, doc.published];
  for (const p of doc.places) for (const m of p.mentions) yield [...base, 'place', m.start, m.end, m.ruleId, snip(m.start, m.end), p.id, p.name, `${p.kind} ${p.country ?? ''} ${p.lat ?? ''},${p.lon ?? ''}`.trim(), null];
  for (const a of doc.actors) {
    for (const m of a.mentions) yield [...base, 'actor', m.start, m.end, m.ruleId, snip(m.start, m.end), a.id, a.name, a.affiliation, null];
    for (const l of a.labels) yield [...base, 'label', l.start, l.end, l.ruleId, snip(l.start, l.end), a.id, l.label, l.camp, null];
  }
  for (const p of doc.persons) for (const m of p.mentions) yield [...base, 'person', m.start, m.end, m.ruleId, snip(m.start, m.end), p.id, p.name, p.role, null];
  for (const s of doc.sourcesCited) for (const m of s.mentions) yield [...base, 'source', m.start, m.end, m.ruleId, snip(m.start, m.end), s.id ?? null, s.name, s.kind, null];
  for (const c of doc.claims) yield [...base, 'claim', c.start, c.end, c.ruleId, snip(c.start, c.end), null, c.counted, `${c.attributedTo ?? 'author'}${c.hedged ? ' (hedged)' : ''}${c.approx ? ' (approx)' : ''}`, c.value];
  for (const e of doc.events) yield [...base, 'event', e.start, e.end, e.ruleId, snip(e.start, e.end), e.clusterId ?? null, `${e.type}: ${e.subType ?? ''}`, `${e.agent ?? '?'} -> ${e.target ?? '?'} @ ${e.place ?? '?'} on ${e.date ?? '?'}`, e.fatalities];
  for (const t of doc.techniques) yield [...base, 'technique', t.start, t.end, t.ruleId, snip(t.start, t.end), null, t.technique, null, t.confidence ?? null];
  for (const ev of doc.stance.evidence) yield [...base, 'stance', ev.start, ev.end, ev.ruleId, snip(ev.start, ev.end), null, doc.stance.camp, null, doc.stance.confidence ?? null];
}

export async function writeCsv(docs: AsyncIterable<AnalysedDocument>, out: NodeJS.WritableStream): Promise<number> {
  await writeLine(out, csvRow(CSV_COLUMNS));
  let n = 0;
  for await (const doc of docs) {
    for (const r of rows(doc)) await writeLine(out, csvRow(r));
    n++;
  }
  return n;
}
