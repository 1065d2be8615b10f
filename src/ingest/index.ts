// Public entry of ingest (placeholder until the ingest modules land): expands inputs and
// yields documents or per-input rejections.
import type { IngestEvent, IngestOptions } from './types.js';

export async function* ingest(inputs: string[], _options: IngestOptions): AsyncGenerator<IngestEvent> {
  for (const input of inputs) yield { kind: 'rejected', input, reason: 'ingest not implemented yet' };
}
