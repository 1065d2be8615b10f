// The API's shapes, taken from the store and core types (type-only: nothing of the server is bundled).
export type {
  ActorRow, ClaimRow, ClusterRecord, CorpusStats, DocumentSummary, EventCountRow, EventRow, NetworkEdge, Page, PlaceRow, SearchHit, SearchPage,
} from '../../../store/types.js';
export type { AnalysedDocument, Segment } from '../../../core/types.js';

export interface Dossier {
  id: string;
  accounts: { camp: string; documents: { documentId: string; documentTitle: string | null; outlet: string | null; events: import('../../../store/types.js').EventRow[] }[] }[];
  events: number;
  cluster: import('../../../store/types.js').ClusterRecord | null;
  full: import('../../../cluster/dossier-types.js').Dossier | null;
}
