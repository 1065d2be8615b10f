// Cross-document event clusters for the API. Clustering is built elsewhere (src/cluster) and
// writes the store's clusters table (listClusters / getCluster); a store without them (older
// database code, another backend) yields an empty list. A dossier is the event mentions that
// carry the cluster id, grouped by the camp of the reporting document, plus the clustering
// layer's own dossier (sources, labels, numbers, blame, disagreements) when the cluster is stored.
import { buildDossier } from '../../cluster/dossier.js';
import type { Dossier as ClusterDossier } from '../../cluster/dossier-types.js';
import type { ClusterRecord, EventRow, Page, PageRequest, Store } from '../../store/types.js';
import { clampPage } from '../../store/types.js';

export type ClusterSummary = ClusterRecord;

export interface DossierDocument {
  documentId: string;
  documentTitle: string | null;
  outlet: string | null;
  events: EventRow[];
}

export interface Dossier {
  id: string;
  /** accounts side by side: one column per camp of the reporting documents */
  accounts: { camp: string; documents: DossierDocument[] }[];
  events: number;
  /** what the clustering layer recorded about the cluster (type, dates, place, sources) */
  cluster: ClusterRecord | null;
  /** src/cluster's dossier of the stored cluster: labels, numbers, blame and disagreements */
  full: ClusterDossier | null;
}

export interface ClusterSource {
  clusters(page: PageRequest): Promise<Page<ClusterSummary>>;
  dossier(id: string): Promise<Dossier | null>;
}

type MaybeClusterStore = Partial<Pick<Store, 'listClusters' | 'getCluster'>>;

export function clusterSource(store: Store): ClusterSource {
  const s = store as MaybeClusterStore;
  return {
    async clusters(page) {
      const { limit, offset } = clampPage(page);
      if (typeof s.listClusters !== 'function') return { items: [], total: 0, limit, offset };
      return s.listClusters.call(store, { limit, offset });
    },
    async dossier(id) {
      const events = await store.events({ clusterId: id, limit: 500 });
      const cluster = typeof s.getCluster === 'function' ? await s.getCluster.call(store, id) : null;
      if (!events.items.length && !cluster) return null;
      const full = cluster ? await buildDossier(store, id).catch(() => null) : null;
      const byCamp = new Map<string, Map<string, DossierDocument>>();
      for (const e of events.items) {
        const camp = e.camp ?? 'unclear';
        const docs = byCamp.get(camp) ?? new Map<string, DossierDocument>();
        byCamp.set(camp, docs);
        const d = docs.get(e.documentId) ?? { documentId: e.documentId, documentTitle: e.documentTitle, outlet: e.outlet, events: [] };
        docs.set(e.documentId, d);
        d.events.push(e);
      }
      const accounts = [...byCamp].sort((a, b) => a[0].localeCompare(b[0])).map(([camp, docs]) => ({ camp, documents: [...docs.values()] }));
      return { id, accounts, events: events.total, cluster, full };
    },
  };
}
