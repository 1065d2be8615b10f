// Synthetic corpus for the benchmark: realistic text composed from the examples corpus and the
// packs' names, written as JSONL (one document per line, columns id/title/date/source/text) so
// `faultline analyze` streams it like any user file. Deterministic for a given seed and size.
// Hand-written because it is specific to our examples and packs; no library composes this.
// Sentences come from examples/ (HTML stripped, declared charsets honoured); place and actor
// names found in a sentence are swapped for other names of the same pack file, so the
// gazetteer and actor matchers see the variety of a real multi-year corpus.
import { createWriteStream, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import iconv from 'iconv-lite';
import { parse } from 'yaml';
import { mulberry32 } from '../src/core/random.js';

export interface GenerateOptions {
  out: string;
  /** stop after this many bytes of document text (UTF-8) */
  bytes?: number;
  /** stop after this many documents */
  docs?: number;
  /** mean document length in bytes (default 3000) */
  meanDocBytes?: number;
  seed?: number;
  root?: string;
}

export interface GenerateResult {
  file: string;
  docs: number;
  textBytes: number;
}

const OUTLETS = ['SANA', 'Sputnik', 'TASS', 'Al-Manar', 'Alalam', 'Etilaf', 'Al Arabiya', 'Asharq al-Awsat', 'Daily Sabah', 'TRT',
  'Reuters', 'Al-Ahram', 'Al-Araby', 'Jordan Times', 'NNA', 'Wire', 'Forum'];

/** seeded so every run composes the same corpus */
const prng = mulberry32;

function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/(p|div|h\d|li|br|blockquote)>|<br\s*\/?>/gi, '\n\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&(\w+);/g, (m, name: string) => ENTITIES[name] ?? m);
}

const ENTITIES: Record<string, string> = { ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…', laquo: '«', raquo: '»' };

function readExample(path: string): string {
  const buf = readFileSync(path);
  if (!/\.html?$/i.test(path)) return buf.toString('utf8');
  const charset = /<meta[^>]+charset=["']?([\w-]+)/i.exec(buf.subarray(0, 2048).toString('latin1'))?.[1] ?? 'utf-8';
  return htmlToText(iconv.encodingExists(charset) ? iconv.decode(buf, charset) : buf.toString('utf8'));
}

/** Sentences of every example, whitespace-normalised, short fragments dropped. */
export function exampleSentences(root: string): string[] {
  const dir = join(root, 'examples');
  const seg = new Intl.Segmenter('en', { granularity: 'sentence' });
  const out: string[] = [];
  for (const f of readdirSync(dir).sort()) {
    if (!/\.(txt|md|html?)$/i.test(f)) continue;
    for (const para of readExample(join(dir, f)).split(/\n\s*\n/)) {
      for (const s of seg.segment(para.replace(/\s+/g, ' ').trim())) {
        const t = s.segment.trim();
        // drop rules, separators and the examples' own disclaimers
        if (t.length >= 40 && t.length <= 600 && !/illustrative|-{4,}|={4,}/.test(t)) out.push(t);
      }
    }
  }
  return out;
}

/** Names and aliases of every pack YAML file, grouped by file (places, actors, …). */
export function packNames(root: string): Map<string, string[]> {
  const groups = new Map<string, Set<string>>();
  const packs = join(root, 'packs');
  const walk = (v: unknown, group: Set<string>, key: string): void => {
    if (Array.isArray(v)) v.forEach((x) => walk(x, group, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, group, k);
    else if (typeof v === 'string' && /^(name|names|aliases|alias)$/.test(key) && v.length >= 3 && v.length <= 40 && /^\p{Lu}/u.test(v)) group.add(v);
  };
  for (const pack of readdirSync(packs, { withFileTypes: true })) {
    if (!pack.isDirectory()) continue;
    for (const f of readdirSync(join(packs, pack.name))) {
      if (!f.endsWith('.yaml') || f === 'pack.yaml') continue;
      const group = f.replace(/\.yaml$/, '');
      if (!groups.has(group)) groups.set(group, new Set());
      try {
        walk(parse(readFileSync(join(packs, pack.name, f), 'utf8')), groups.get(group)!, '');
      } catch {
        // a pack file being edited may be momentarily invalid; the corpus just has fewer names
      }
    }
  }
  return new Map([...groups].filter(([, s]) => s.size > 1).map(([k, s]) => [k, [...s].sort()]));
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One document composer built once: sentence pool, name pools and one swap regex per group. */
export function composer(root: string, seed: number, meanDocBytes: number) {
  const sentences = exampleSentences(root);
  if (!sentences.length) throw new Error(`no example sentences under ${join(root, 'examples')}`);
  const names = packNames(root);
  const swaps = [...names].map(([group, list]) => ({
    group,
    list,
    re: new RegExp(`\\b(?:${[...list].sort((a, b) => b.length - a.length).slice(0, 3000).map(escapeRe).join('|')})\\b`, 'gu'),
  }));
  const rnd = prng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const swap = (s: string): string => {
    for (const g of swaps) s = s.replace(g.re, (m) => (rnd() < 0.6 ? pick(g.list) : m));
    return s;
  };
  let n = 0;
  return (): { id: string; title: string; date: string; source: string; text: string } => {
    n++;
    const target = meanDocBytes * (0.4 + rnd() * 1.2);
    const y = 2011 + Math.floor(rnd() * 12);
    const date = `${y}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    const source = pick(OUTLETS);
    const paras: string[] = [];
    let size = 0;
    let para: string[] = [];
    while (size < target) {
      const s = swap(pick(sentences));
      para.push(s);
      size += s.length + 1;
      if (para.length >= 1 + Math.floor(rnd() * 4)) { paras.push(para.join(' ')); para = []; }
    }
    if (para.length) paras.push(para.join(' '));
    const title = paras[0]!.split(/[,;:—]/)[0]!.slice(0, 110);
    return { id: `gen-${seed}-${n}`, title, date, source, text: paras.join('\n\n') };
  };
}

export async function generateCorpus(options: GenerateOptions): Promise<GenerateResult> {
  const root = resolve(options.root ?? '.');
  const next = composer(root, options.seed ?? 1, options.meanDocBytes ?? 3000);
  const maxBytes = options.bytes ?? Infinity;
  const maxDocs = options.docs ?? Infinity;
  if (!Number.isFinite(maxBytes) && !Number.isFinite(maxDocs)) throw new Error('generateCorpus: give bytes or docs');
  const out = createWriteStream(options.out);
  let docs = 0;
  let textBytes = 0;
  while (docs < maxDocs && textBytes < maxBytes) {
    const d = next();
    docs++;
    textBytes += Buffer.byteLength(d.text);
    if (!out.write(`${JSON.stringify(d)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { file: options.out, docs, textBytes };
}
