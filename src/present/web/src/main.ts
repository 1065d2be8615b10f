// The workbench single-page app: a tiny History-API router over plain DOM pages. Each page is
// a function that fills the main element; links marked data-link are routed in place.
import './style.css';
import { ApiError } from './api.js';
import { clear, h, link, navigate } from './dom.js';

type Render = (root: HTMLElement, params: Record<string, string>, query: URLSearchParams) => Promise<void>;

interface Route { pattern: RegExp; keys: string[]; load: () => Promise<Render>; title: string }

function route(path: string, title: string, load: () => Promise<Render>): Route {
  const keys: string[] = [];
  const pattern = new RegExp(`^${path.replace(/:([a-zA-Z]+)/g, (_m, k: string) => { keys.push(k); return '([^/]+)'; })}/?$`);
  return { pattern, keys, load, title };
}

const ROUTES: Route[] = [
  route('/', 'Overview', async () => (await import('./pages/overview.js')).render),
  route('/documents/:id', 'Document', async () => (await import('./pages/document.js')).render),
  route('/map', 'Map', async () => (await import('./pages/map.js')).render),
  route('/timeline', 'Timeline', async () => (await import('./pages/timeline.js')).render),
  route('/network', 'Network', async () => (await import('./pages/network.js')).render),
  route('/events/:clusterId', 'Event dossier', async () => (await import('./pages/dossier.js')).render),
  route('/claims', 'Claims', async () => (await import('./pages/claims.js')).render),
  route('/search', 'Search', async () => (await import('./pages/search.js')).render),
];

const NAV: [string, string][] = [['/', 'Overview'], ['/search', 'Search'], ['/map', 'Map'], ['/timeline', 'Timeline'], ['/network', 'Network'], ['/claims', 'Claims']];

let generation = 0;

async function show(): Promise<void> {
  const mine = ++generation;
  const root = document.getElementById('app')!;
  const path = location.pathname;
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', a.getAttribute('href') === path);
  const r = ROUTES.find((x) => x.pattern.test(path));
  clear(root);
  root.removeAttribute('data-ready');
  if (!r) { root.append(h('h1', {}, 'Not found'), h('p', {}, 'No page at this address. '), link('/', 'Back to the overview')); return; }
  const m = r.pattern.exec(path)!;
  const params = Object.fromEntries(r.keys.map((k, i) => [k, decodeURIComponent(m[i + 1]!)]));
  document.title = `${r.title} · Faultline`;
  const loading = h('p', { class: 'loading' }, 'Loading…');
  // the page is in the document while it renders: the network view measures its container
  const page = h('div', { class: 'page' });
  root.append(loading, page);
  try {
    const render = await r.load();
    if (mine !== generation) return;
    await render(page, params, new URLSearchParams(location.search));
    if (mine !== generation) return;
    loading.remove();
    root.setAttribute('data-ready', 'true');
  } catch (err) {
    if (mine !== generation) return;
    const msg = err instanceof ApiError ? `${err.status}: ${err.message}` : (err as Error).message;
    root.replaceChildren(h('h1', {}, r.title), h('p', { class: 'error', role: 'alert' }, msg));
    root.setAttribute('data-ready', 'error');
  }
}


document.addEventListener('click', (e) => {
  const a = (e.target as Element | null)?.closest?.('a[data-link]');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
  e.preventDefault();
  navigate(a.getAttribute('href')!);
});
window.addEventListener('popstate', () => void show());

const nav = document.getElementById('nav')!;
for (const [href, text] of NAV) nav.append(link(href, text));
void show();
