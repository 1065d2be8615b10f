// Export formats by name. Each writer streams documents from the store to an output stream.
import type { AnalysedDocument } from '../core/types.js';
import type { Store } from '../store/types.js';
import { writeAcled } from './acled.js';
import { writeCsv } from './csv.js';
import { writeDossiers } from './dossiers.js';
import { writeGeojson } from './geojson.js';
import { writeJsonl } from './jsonl.js';

export type ExportWriter = (docs: AsyncIterable<AnalysedDocument>, out: NodeJS.WritableStream, store: Store) => Promise<number>;

export const exporters: Record<string, { description: string; write: ExportWriter }> = {
  jsonl: { description: 'one JSON object per document (analysis.schema.json)', write: writeJsonl },
  csv: { description: 'one row per finding', write: writeCsv },
  acled: { description: "one row per event mention in ACLED's 31-column layout", write: (docs, out) => writeAcled(docs, out) },
  geojson: { description: 'places and events as GeoJSON points', write: writeGeojson },
  dossiers: { description: 'one JSON dossier per event told by 2+ sources', write: writeDossiers },
};
