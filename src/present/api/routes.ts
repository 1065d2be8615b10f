// The JSON API under /api. Every list is paginated by the store (clampPage) and every query
// string is validated by the route's schema before the store sees it.
import type { FastifyInstance } from 'fastify';
import type { ClaimFilter, CorpusStats, DocumentFilter, EventFilter, SearchRequest, Store } from '../../store/types.js';
import { clusterSource } from './clusters.js';
import { QUERIES, idParams, page, parseBbox, ref, searchPage } from './schemas.js';

type Q = Record<string, string | number | undefined>;

/** Corpus statistics scan whole tables: computed once, then served from memory for `ttlMs`. */
export function cachedStats(store: Store, ttlMs = 60_000): () => Promise<CorpusStats> {
  let value: Promise<CorpusStats> | null = null;
  let at = 0;
  return () => {
    if (!value) {
      at = Date.now();
      value = store.stats();
      value.catch(() => { value = null; });
    } else if (Date.now() - at > ttlMs) {
      // refresh in the background; readers keep the previous figures until it lands
      at = Date.now();
      const next = store.stats();
      next.then(() => { value = next; }, () => undefined);
    }
    return value;
  };
}

function eventFilter(q: Q): EventFilter {
  const { bbox, ...rest } = q;
  return { ...(rest as EventFilter), bbox: parseBbox(bbox as string | undefined) };
}

export function registerApi(app: FastifyInstance, store: Store): () => Promise<CorpusStats> {
  const stats = cachedStats(store);
  const clusters = clusterSource(store);
  const notFound = (what: string) => ({ error: 'not_found', message: `${what} not found` });

  app.get('/api/stats', { schema: { summary: 'corpus counts, documents by outlet and camp, events by month, top places and actors', querystring: QUERIES.page, returns: ref('CorpusStats') } },
    async () => stats());
  app.get('/api/documents', { schema: { summary: 'documents, newest first, filtered', querystring: QUERIES.documents, returns: page('DocumentSummary') } },
    async (req) => store.listDocuments(req.query as DocumentFilter));
  app.get('/api/documents/:id', { schema: { summary: 'one document with its text, segments and findings', params: idParams('id', 'document id'), querystring: QUERIES.page, returns: ref('AnalysedDocument') } },
    async (req, reply) => {
      const doc = await store.getDocument((req.params as { id: string }).id);
      return doc ?? reply.code(404).send(notFound('document'));
    });
  app.get('/api/search', { schema: { summary: 'full-text search (SQLite FTS5) with document filters', querystring: QUERIES.search, returns: searchPage } },
    async (req) => store.search(req.query as SearchRequest));
  app.get('/api/events', { schema: { summary: 'event mentions, newest first, filtered', querystring: QUERIES.events, returns: page('EventRow') } },
    async (req) => store.events(eventFilter(req.query as Q)));
  app.get('/api/events/histogram', { schema: { summary: 'event counts by month, type and camp', querystring: QUERIES.histogram, returns: page('EventCountRow') } },
    async (req) => store.eventHistogram(eventFilter(req.query as Q)));
  app.get('/api/places', { schema: { summary: 'places by mentions', querystring: QUERIES.places, returns: page('PlaceRow') } },
    async (req) => store.places(req.query as { q?: string }));
  app.get('/api/actors', { schema: { summary: 'actors by mentions', querystring: QUERIES.actors, returns: page('ActorRow') } },
    async (req) => store.actors(req.query as { q?: string }));
  app.get('/api/claims', { schema: { summary: 'quantitative claims', querystring: QUERIES.claims, returns: page('ClaimRow') } },
    async (req) => store.claims(req.query as ClaimFilter));
  app.get('/api/network', { schema: { summary: 'who acts on whom: agent → target edges by count', querystring: QUERIES.page, returns: page('NetworkEdge') } },
    async (req) => store.network(req.query as { limit?: number; offset?: number }));
  app.get('/api/clusters', { schema: { summary: 'cross-document event clusters', querystring: QUERIES.page, returns: page('ClusterSummary') } },
    async (req) => clusters.clusters(req.query as { limit?: number; offset?: number }));
  app.get('/api/clusters/:id', { schema: { summary: 'one event cluster: accounts side by side by camp', params: idParams('id', 'cluster id'), querystring: QUERIES.page, returns: ref('Dossier') } },
    async (req, reply) => (await clusters.dossier((req.params as { id: string }).id)) ?? reply.code(404).send(notFound('cluster')));
  return stats;
}
