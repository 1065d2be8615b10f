// `/events/:clusterId`: one real-world event as each source tells it: accounts side by side in
// one column per camp of the reporting documents, then where the accounts split (numbers,
// blame, outcome), the figures each source gives, the labels each camp uses and whom each blames.
import { get } from '../api.js';
import { chip, fmt, h, link } from '../dom.js';
import type { Dossier } from '../types.js';

type Full = NonNullable<Dossier['full']>;

function byCamp<T extends { camp: string | null }>(xs: T[]): [string, T[]][] {
  const m = new Map<string, T[]>();
  for (const x of xs) (m.get(x.camp ?? 'unclear') ?? m.set(x.camp ?? 'unclear', []).get(x.camp ?? 'unclear')!).push(x);
  return [...m].sort((a, b) => a[0].localeCompare(b[0]));
}

function sourceColumns(full: Full): HTMLElement {
  const cols = h('div', { class: 'columns', id: 'accounts' });
  for (const [camp, sources] of byCamp(full.sources)) {
    const col = h('section', { class: 'account' }, h('h2', {}, chip(camp)));
    for (const s of sources) {
      const list = h('ul', {});
      for (const m of s.mentions) {
        list.append(h('li', {}, h('blockquote', {}, m.evidence),
          h('p', { class: 'meta' }, `${m.type}${m.subType ? ` / ${m.subType}` : ''} · ${m.date ?? 'undated'} · ${m.placeName ?? '?'} · fatalities ${fmt(m.fatalities)} · ${m.agent ?? '?'} → ${m.target ?? '?'}`),
          link(`/documents/${encodeURIComponent(s.documentId)}#event-${m.index}`, 'read in context →')));
      }
      col.append(h('article', {}, h('h3', {}, s.title ?? s.documentId),
        h('p', { class: 'meta' }, `${s.outlet ?? 'unknown outlet'} · ${s.published ?? 'undated'}`, s.duplicateOf ? ' · reprint' : '', s.reprints.length ? ` · reprinted ${s.reprints.length}×` : ''), list));
    }
    cols.append(col);
  }
  return cols;
}

function details(full: Full): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (full.disagreements.length) {
    const list = h('ul', { class: 'disagreements' });
    for (const d of full.disagreements) {
      list.append(h('li', {}, h('strong', {}, `${d.kind}: `), d.summary,
        h('ul', {}, ...d.accounts.map((a) => h('li', {}, chip(a.camp), ` ${a.outlet ?? a.documentId.slice(0, 8)}: ${a.says}`)))));
    }
    out.push(h('section', {}, h('h2', {}, 'Where the accounts split'), list));
  }
  if (full.claims.length) {
    const body = h('tbody');
    for (const c of full.claims) {
      body.append(h('tr', { class: c.agree ? '' : 'contradiction' }, h('td', {}, c.counted), h('td', {}, c.agree ? 'agree' : 'disagree'),
        h('td', {}, ...c.values.map((v) => h('div', {}, chip(v.camp), ` ${v.approx ? '≈' : ''}${fmt(v.value)} (${v.outlet ?? '?'}${v.attributedTo ? `, citing ${v.attributedTo}` : ''}${v.hedged ? ', hedged' : ''})`)))));
    }
    out.push(h('section', {}, h('h2', {}, 'Numbers each source gives'),
      h('table', { class: 'data' }, h('thead', {}, h('tr', {}, h('th', {}, 'counted'), h('th', {}, ''), h('th', {}, 'values'))), body)));
  }
  if (full.labels.length) {
    const cols = h('div', { class: 'columns' });
    for (const [camp, labels] of byCamp(full.labels)) {
      cols.append(h('section', { class: 'account' }, h('h3', {}, chip(camp)), h('p', {}, [...new Set(labels.map((l) => l.evidence))].join(' · '))));
    }
    out.push(h('section', {}, h('h2', {}, 'Labels each camp uses'), cols));
  }
  if (full.blame.length) {
    out.push(h('section', {}, h('h2', {}, 'Whom each source blames'),
      h('ul', {}, ...full.blame.map((b) => h('li', {}, chip(b.camp), ` ${b.outlet ?? '?'}: ${b.agentName} → ${b.target ?? '?'} “${b.evidence.slice(0, 160)}”`)))));
  }
  return out;
}

export async function render(root: HTMLElement, params: Record<string, string>): Promise<void> {
  const d = await get<Dossier>(`clusters/${encodeURIComponent(params.clusterId!)}`);
  const c = d.cluster;
  root.append(h('h1', {}, `Event dossier: ${c ? `${c.type} at ${c.placeName ?? 'unknown place'}` : d.id}`));
  if (c) {
    root.append(h('p', { class: 'meta' }, `${c.dateFrom ?? '?'}${c.dateTo && c.dateTo !== c.dateFrom ? ` to ${c.dateTo}` : ''} · ${fmt(c.mentions)} mentions in ${fmt(c.documents)} documents from ${fmt(c.sources)} independent sources · outlets: ${c.outlets.join(', ') || '–'}`));
  }
  if (d.full?.partial) {
    root.append(h('p', { class: 'note', id: 'dossier-partial' }, `Compared from ${fmt(d.full.partial.documents)} of its ${fmt(d.full.partial.of)} documents: the earliest report, each outlet's newest account, then the newest others.`));
  }
  if (d.full?.earliest) root.append(h('p', { class: 'meta' }, `first reported by ${d.full.earliest.outlet ?? 'an unknown outlet'} (${d.full.earliest.published ?? 'undated'})`));
  if (d.full) {
    root.append(h('h2', {}, 'Accounts side by side'), sourceColumns(d.full), ...details(d.full));
    return;
  }
  const cols = h('div', { class: 'columns', id: 'accounts' });
  for (const acc of d.accounts) {
    const col = h('section', { class: 'account' }, h('h2', {}, chip(acc.camp)));
    for (const doc of acc.documents) {
      const list = h('ul', {});
      for (const e of doc.events) {
        list.append(h('li', {}, h('blockquote', {}, e.evidence),
          h('p', { class: 'meta' }, `${e.type}${e.subType ? ` / ${e.subType}` : ''} · ${e.date ?? 'undated'} · ${e.placeName ?? '?'} · fatalities ${fmt(e.fatalities)} · ${e.agent ?? '?'} → ${e.target ?? '?'}`),
          link(`/documents/${encodeURIComponent(e.documentId)}#event-${e.index}`, 'read in context →')));
      }
      col.append(h('article', {}, h('h3', {}, doc.documentTitle ?? doc.documentId), h('p', { class: 'meta' }, doc.outlet ?? 'unknown outlet'), list));
    }
    cols.append(col);
  }
  if (!d.accounts.length) cols.append(h('p', {}, 'No stored event mention carries this cluster id.'));
  root.append(h('h2', {}, 'Accounts side by side'), cols);
}
