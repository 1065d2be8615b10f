// `/network`: who acts on whom. Nodes are actors (coloured by affiliation), edges go agent →
// target with width by the number of event mentions; drawn with cytoscape.js.
import { get } from '../api.js';
import { chip, colour, fmt, h, link } from '../dom.js';
import type { ActorRow, NetworkEdge, Page } from '../types.js';

export async function render(root: HTMLElement, _params: Record<string, string>, query: URLSearchParams): Promise<void> {
  const limit = Math.min(500, Math.max(10, Number(query.get('limit')) || 150));
  const [edges, actors, { default: cytoscape }] = await Promise.all([
    get<Page<NetworkEdge>>('network', { limit }),
    get<Page<ActorRow>>('actors', { limit: 500 }),
    import('cytoscape'),
  ]);
  const byId = new Map(actors.items.map((a) => [a.id, a]));
  const ids = new Set(edges.items.flatMap((e) => [e.agent, e.target]));
  const affiliation = (id: string): string => (id === 'civilians' ? 'civilians' : byId.get(id)?.affiliation ?? 'other');
  root.append(h('h1', {}, 'Network: who acts on whom'));
  root.append(h('p', { class: 'meta', id: 'network-summary' }, `${fmt(ids.size)} actors, ${fmt(edges.items.length)} of ${fmt(edges.total)} agent → target pairs (strongest first). Edge width: event mentions.`));
  const affiliations = [...new Set([...ids].map(affiliation))].sort();
  root.append(h('p', { class: 'legend' }, ...affiliations.map((a) => chip(a))));
  const box = h('div', { id: 'cy', class: 'network' });
  const side = h('aside', { class: 'panel', id: 'network-panel' }, h('p', {}, 'Click an actor or an edge.'));
  root.append(h('div', { class: 'split' }, box, side));
  if (!ids.size) { box.append(h('p', { class: 'empty' }, 'No events with both an agent and a target yet.')); return; }
  // cytoscape injects an inline <style> unless one with this id exists; CSP forbids inline
  // styles, so a placeholder stands in and style.css carries the rule instead
  if (!document.getElementById('__________cytoscape_stylesheet')) document.head.append(h('meta', { id: '__________cytoscape_stylesheet', name: 'cytoscape' }));
  const max = Math.max(1, ...edges.items.map((e) => e.count));
  const cy = cytoscape({
    container: box,
    elements: [
      ...[...ids].map((id) => ({ data: { id, label: byId.get(id)?.name ?? id, colour: colour(affiliation(id)) } })),
      ...edges.items.map((e, i) => ({ data: { id: `e${i}`, source: e.agent, target: e.target, count: e.count, width: 1 + 7 * (e.count / max) } })),
    ],
    style: [
      { selector: 'node', style: { 'background-color': 'data(colour)', label: 'data(label)', 'font-size': 10, 'text-wrap': 'ellipsis', 'text-max-width': '120px' } },
      { selector: 'edge', style: { width: 'data(width)', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'line-color': '#9aa5b1', 'target-arrow-color': '#9aa5b1' } },
      { selector: ':selected', style: { 'border-width': 3, 'border-color': '#222', 'line-color': '#222', 'target-arrow-color': '#222' } },
    ],
    layout: { name: ids.size > 60 ? 'circle' : 'cose', animate: false },
    wheelSensitivity: 0.3,
  });
  cy.on('tap', 'node', (evt) => {
    const id = evt.target.id() as string;
    const a = byId.get(id);
    side.replaceChildren(h('h3', {}, a?.name ?? id), h('p', {}, chip(affiliation(id))), h('p', {}, `id: ${id}`),
      h('p', {}, a ? `${fmt(a.mentions)} mentions in ${fmt(a.documents)} documents` : 'not in the top 500 actors'),
      h('p', {}, link(`/search?actor=${encodeURIComponent(id)}`, 'documents mentioning this actor →')),
      h('p', {}, link(`/timeline`, 'timeline →')));
  });
  cy.on('tap', 'edge', (evt) => {
    const d = evt.target.data() as { source: string; target: string; count: number };
    side.replaceChildren(h('h3', {}, `${byId.get(d.source)?.name ?? d.source} → ${byId.get(d.target)?.name ?? d.target}`),
      h('p', {}, `${fmt(d.count)} event mentions`),
      h('p', {}, link(`/search?actor=${encodeURIComponent(d.source)}`, 'documents about the agent →')));
  });
}
