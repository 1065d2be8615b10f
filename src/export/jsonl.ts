// One object per document, exactly the shape of ../shared/contracts/analysis.schema.json.
import type { AnalysedDocument } from '../core/types.js';
import { writeLine } from './write.js';

export async function writeJsonl(docs: AsyncIterable<AnalysedDocument>, out: NodeJS.WritableStream): Promise<number> {
  let n = 0;
  for await (const doc of docs) {
    await writeLine(out, JSON.stringify(doc));
    n++;
  }
  return n;
}
