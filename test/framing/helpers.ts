// Shared helpers of the framing tests: own fixtures, documents built without ingest.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IngestedDocument, Segment } from '../../src/core/types.js';

export const FIXTURES = join(import.meta.dirname, 'fixtures');

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8').trim();
}

export function doc(text: string, segments: Segment[] = []): IngestedDocument {
  return { id: 'test', source: 'test', externalId: null, outlet: null, title: null, published: null, languages: [], text, segments };
}

export function golden(text: string, spans: { start: number; end: number; ruleId?: string }[]): string[] {
  return spans.map((s) => `${s.start}-${s.end} ${s.ruleId ?? ''} ${JSON.stringify(text.slice(s.start, s.end))}`);
}
