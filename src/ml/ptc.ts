// Loads the Propaganda Techniques Corpus (SemEval-2020 Task 11) from ../shared/data/ptc and
// splits it deterministically: an article is held out for testing when the hash of its id
// falls in the last fifth, so training and evaluation never share an article.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fnv } from './tokenize.js';
import type { ScoredSpan } from './span-f1.js';

export interface PtcArticle {
  id: string;
  text: string;
  spans: ScoredSpan[];
}

export function ptcDir(root = process.cwd()): string {
  return resolve(root, '..', 'shared', 'data', 'ptc');
}

export function isHeldOut(id: string): boolean {
  return fnv(`ptc:${id}`) % 5 === 0;
}

/** null when the corpus is absent */
export function loadPtc(dir = ptcDir()): PtcArticle[] | null {
  const articles = join(dir, 'articles');
  if (!existsSync(articles) || !existsSync(join(dir, 'task2-TC.labels'))) return null;
  const byId = new Map<string, PtcArticle>();
  for (const f of readdirSync(articles).sort()) {
    const m = /^article(\d+)\.txt$/.exec(f);
    if (!m) continue;
    byId.set(m[1], { id: m[1], text: readFileSync(join(articles, f), 'utf8'), spans: [] });
  }
  for (const line of readFileSync(join(dir, 'task2-TC.labels'), 'utf8').split('\n')) {
    const [id, technique, start, end] = line.split('\t');
    const a = byId.get(id);
    if (a && technique) a.spans.push({ start: Number(start), end: Number(end), technique });
  }
  return [...byId.values()];
}
