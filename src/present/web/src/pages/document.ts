// `/documents/:id`: the reader. The text is rebuilt from text nodes, split where findings start
// and end; each piece carries the kinds covering it, toggles hide kinds, and a click explains
// the innermost finding. Threads show as threads: one block per segment with author and stance.
import { get } from '../api.js';
import { chip, fmt, h, link } from '../dom.js';
import { KINDS, marks, type Kind, type Mark } from '../explain.js';
import type { AnalysedDocument, Segment } from '../types.js';

interface Block { start: number; end: number; segment: Segment | null }

function blocks(doc: AnalysedDocument): Block[] {
  const out: Block[] = [];
  let at = 0;
  for (const seg of [...doc.segments].sort((a, b) => a.start - b.start)) {
    const start = Math.max(seg.start, at);
    const end = Math.min(seg.end, doc.text.length);
    if (end <= start) continue;
    if (start > at) out.push({ start: at, end: start, segment: null });
    out.push({ start, end, segment: seg });
    at = end;
  }
  if (at < doc.text.length) out.push({ start: at, end: doc.text.length, segment: null });
  return out;
}

function renderText(doc: AnalysedDocument, block: Block, all: Mark[], onPick: (piece: HTMLElement) => void): HTMLElement {
  const inside = all.filter((m) => m.start < block.end && m.end > block.start);
  const cuts = new Set<number>([block.start, block.end]);
  for (const m of inside) { cuts.add(Math.max(block.start, m.start)); cuts.add(Math.min(block.end, m.end)); }
  const points = [...cuts].sort((a, b) => a - b);
  const p = h('div', { class: 'text' });
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const text = doc.text.slice(a, b);
    const covering = inside.filter((m) => m.start <= a && m.end >= b);
    if (!covering.length) { p.append(document.createTextNode(text)); continue; }
    const kinds = [...new Set(covering.map((m) => m.kind))];
    const span = h('span', { class: `hl ${kinds.map((k) => `k-${k}`).join(' ')}`, 'data-marks': covering.map((m) => m.id).join(' '), 'data-kinds': kinds.join(' ') }, text);
    span.tabIndex = 0;
    span.addEventListener('click', () => onPick(span));
    span.addEventListener('keydown', (e) => { if (e.key === 'Enter') onPick(span); });
    p.append(span);
  }
  return p;
}

export async function render(root: HTMLElement, params: Record<string, string>): Promise<void> {
  const doc = await get<AnalysedDocument>(`documents/${encodeURIComponent(params.id!)}`);
  const all = marks(doc);
  const hidden = new Set<Kind>();
  const panel = h('aside', { class: 'panel', id: 'explain' }, h('p', {}, 'Click a highlighted passage to see why it was marked.'));
  const reader = h('article', { class: 'reader' });

  const explain = (m: Mark): void => {
    for (const el of reader.querySelectorAll('.hl.selected')) el.classList.remove('selected');
    for (const el of reader.querySelectorAll(`.hl[data-marks~="${m.id}"]`)) el.classList.add('selected');
    panel.replaceChildren(h('p', { class: 'kind' }, m.kind), h('blockquote', {}, doc.text.slice(m.start, m.end)), ...m.explain(),
      h('p', { class: 'meta' }, `characters ${m.start}–${m.end}`));
    panel.setAttribute('data-kind', m.kind);
  };
  const pick = (span: HTMLElement): void => {
    const ids = (span.getAttribute('data-marks') ?? '').split(' ').map(Number);
    const visible = ids.map((i) => all[i]!).filter((m) => !hidden.has(m.kind)).sort((a, b) => (a.end - a.start) - (b.end - b.start));
    if (visible[0]) explain(visible[0]);
  };

  const toggles = h('fieldset', { class: 'toggles' }, h('legend', {}, 'Highlight'));
  for (const [kind, name] of KINDS) {
    const n = all.filter((m) => m.kind === kind).length;
    const box = h('input', { type: 'checkbox', checked: true, 'data-kind': kind, disabled: n === 0 });
    box.addEventListener('change', () => {
      if (box.checked) hidden.delete(kind); else hidden.add(kind);
      reader.classList.toggle(`hide-${kind}`, !box.checked);
    });
    toggles.append(h('label', { class: `toggle k-${kind}` }, box, ` ${name} (${fmt(n)})`));
  }

  for (const b of blocks(doc)) {
    const seg = b.segment;
    const text = renderText(doc, b, all, pick);
    if (!seg || seg.kind === 'body') { reader.append(h('section', { class: 'body' }, text)); continue; }
    reader.append(h('section', { class: `segment ${seg.kind} depth-${Math.min(4, seg.depth)}` },
      h('header', {}, h('strong', { class: 'author' }, seg.author ?? 'anonymous'), ` · ${seg.kind}`, seg.published ? ` · ${seg.published}` : '',
        seg.stance ? h('span', { class: 'stance' }, ' · stance ', chip(seg.stance)) : null),
      text));
  }

  const st = doc.stance;
  root.append(
    h('h1', { class: 'doc-title' }, doc.title || doc.source),
    h('p', { class: 'meta' }, `${doc.outlet ?? 'unknown outlet'} · ${doc.published ?? 'undated'} · ${doc.languages.map((l) => `${l.lang} ${Math.round(l.share * 100)}%`).join(', ')} · `,
      h('span', { class: 'source' }, doc.source)),
    h('p', {}, 'Stance: ', chip(st.camp), st.confidence !== undefined ? ` (confidence ${st.confidence.toFixed(2)}, ${st.evidence.length} evidence spans)` : '',
      ` · ${fmt(doc.segments.length)} segments · ${fmt(all.length)} highlighted findings · `, link(`/claims?documentId=${encodeURIComponent(doc.id)}`, 'claims table')),
    toggles,
    h('div', { class: 'split' }, reader, panel),
  );
  const hash = /^#event-(\d+)$/.exec(location.hash);
  const target = hash ? all.find((m) => m.kind === 'event' && m.index === Number(hash[1])) : undefined;
  if (target) {
    explain(target);
    queueMicrotask(() => reader.querySelector('.hl.selected')?.scrollIntoView({ block: 'center' }));
  }
}
