// Where analysis time goes: runs the registered analysers in-process (no workers, no store)
// over a corpus file, writes a V8 CPU profile, and prints self time per source file and the
// hottest functions, so a slow analyser can be fixed where it hurts.
//   node --import tsx bench/profile.ts <file.jsonl|file.csv> [--column text] [--mb 5] [--out prof.cpuprofile] [--src]
// Profiles the compiled dist/ (what the product runs; tsc keeps source line numbers close) unless
// --src is given or dist/ is missing.
import { existsSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { IngestedDocument } from '../src/core/types.js';
import { contentId } from '../src/core/ids.js';
import { Pipeline as SrcPipeline } from '../src/analyse/pipeline.js';
import { texts } from './peers.js';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

const ROOT = resolve(import.meta.dirname, '..');

/** Self time (ms) per file and per function from a V8 CPU profile. */
export function selfTimes(profile: Profile): { byFile: Map<string, number>; byFunction: Map<string, number> } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const byFile = new Map<string, number>();
  const byFunction = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    if (!n) return;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    let url = n.callFrame.url;
    if (url.startsWith('file://')) url = relative(ROOT, fileURLToPath(url));
    const file = url || `(${n.callFrame.functionName || 'native'})`;
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  });
  return { byFile, byFunction };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: {
    column: { type: 'string', default: 'text' }, mb: { type: 'string', default: '5' }, out: { type: 'string', default: 'faultline.cpuprofile' },
    src: { type: 'boolean', default: false },
  } });
  const file = positionals[0];
  if (!file) throw new Error('usage: node --import tsx bench/profile.ts <file.jsonl|file.csv> [--column text] [--mb 5]');
  const docs: IngestedDocument[] = [];
  let bytes = 0;
  for await (const text of texts(file, values.column)) {
    if (bytes >= Number(values.mb) * 1e6) break;
    bytes += Buffer.byteLength(text);
    docs.push({ id: contentId(text, null), source: file, externalId: null, outlet: null, title: null, published: null,
      languages: [{ lang: 'en', share: 1 }], text, segments: [{ start: 0, end: text.length, kind: 'body', author: null, depth: 0 }] });
  }
  const dist = resolve(ROOT, 'dist', 'analyse', 'pipeline.js');
  const Pipeline = !values.src && existsSync(dist) ? ((await import(dist)) as { Pipeline: typeof SrcPipeline }).Pipeline : SrcPipeline;
  const pipeline = new Pipeline({ pack: 'syria' });
  pipeline.analyse(docs[0]!); // build the pack's matchers outside the profile
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const t0 = performance.now();
  const perAnalyser = new Map<string, number>();
  for (const d of docs) for (const t of pipeline.analyse(d).timings) perAnalyser.set(t.id, (perAnalyser.get(t.id) ?? 0) + t.ms);
  const ms = performance.now() - t0;
  const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
  writeFileSync(values.out, JSON.stringify(profile));
  const out = process.stdout;
  out.write(`${docs.length} documents, ${(bytes / 1e6).toFixed(1)} MB in ${(ms / 1000).toFixed(1)} s on one thread: ${(bytes / 1e6 / (ms / 1000)).toFixed(2)} MB/s (profiler on)\n\n`);
  for (const [id, t] of [...perAnalyser].sort((a, b) => b[1] - a[1])) out.write(`${id.padEnd(24)} ${t.toFixed(0).padStart(8)} ms  ${(bytes / 1e6 / (t / 1000)).toFixed(2)} MB/s\n`);
  const { byFile, byFunction } = selfTimes(profile);
  out.write('\nself time by file\n');
  for (const [f, t] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 25)) out.write(`${t.toFixed(0).padStart(8)} ms  ${f}\n`);
  out.write('\nhottest functions\n');
  for (const [f, t] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 25)) out.write(`${t.toFixed(0).padStart(8)} ms  ${f}\n`);
  out.write(`\nprofile written to ${values.out} (open in Chrome DevTools > Performance)\n`);
}

await main();
