// Shared test helpers: temp folders, a hand-built document, the contract schema from ../shared.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnalysedDocument, IngestedDocument } from '../src/core/types.js';
import { emptyFindings } from '../src/core/types.js';
import { contentId } from '../src/core/ids.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED = resolve(ROOT, '..', 'shared');
export const CLI = join(ROOT, 'bin', 'faultline.js');

export function tempDir(prefix = 'faultline-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function ingested(text: string, extra: Partial<IngestedDocument> = {}): IngestedDocument {
  return {
    id: contentId(text, extra.title ?? null),
    source: 'test.txt',
    externalId: null,
    outlet: null,
    title: null,
    published: null,
    languages: [{ lang: 'en', share: 1 }],
    text,
    segments: [{ start: 0, end: text.length, kind: 'body', author: null, depth: 0 }],
    ...extra,
  };
}

export function analysed(text: string, extra: Partial<AnalysedDocument> = {}): AnalysedDocument {
  return { ...ingested(text), ...emptyFindings(), ...extra };
}

/** The export contract, read from ../shared when it is there (never copied into the repo). */
export function contractSchema(): object | null {
  const file = join(SHARED, 'contracts', 'analysis.schema.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as object) : null;
}

/** A deterministic random text: `min` to `min + spread - 1` pieces, each followed by a separator. */
export function randomText(seed: number, pieces: readonly string[], min: number, spread: number, seps: readonly string[] = [' ']): string {
  let s = seed;
  const rnd = (n: number): number => {
    s = (s * 16807) % 2147483647;
    return s % n;
  };
  let out = '';
  const n = min + rnd(spread);
  for (let i = 0; i < n; i++) out += pieces[rnd(pieces.length)]! + (seps.length === 1 ? seps[0]! : seps[rnd(seps.length)]!);
  return out;
}
