// The per-document scan shared by the four entity analysers: tokens, dictionary matches and
// the sentence of each token, computed once per document (the first analyser to run pays).
import type { AnalysisContext } from '../../analyser.js';
import type { AnalysedDocument } from '../../../core/types.js';
import { documentTokens, type Token } from '../../../match/normalise.js';
import type { Match } from '../../../match/trie.js';
import { lexicon, type Hit, type Lexicon } from './lexicon.js';

export interface Scan {
  text: string;
  lex: Lexicon;
  tokens: Token[];
  matches: Match<Hit>[];
  /** sentence index of each token */
  sentOf: Int32Array;
  /** index into `matches` of the match covering each token, or -1 */
  matchAt: Int32Array;
  /** offsets where lines start */
  lineStarts: number[];
}

const scans = new WeakMap<AnalysedDocument, Scan>();

export function scanDocument(ctx: AnalysisContext): Scan {
  const hit = scans.get(ctx.doc);
  if (hit && hit.text === ctx.doc.text) return hit;
  const text = ctx.doc.text;
  const lex = lexicon(ctx.pack);
  const tokens = documentTokens(text);
  const matches = lex.trie.scanTokens(text, tokens);
  const sentOf = new Int32Array(tokens.length);
  const sentences = ctx.sentences();
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (s < sentences.length - 1 && tokens[i].start >= sentences[s].end) s++;
    sentOf[i] = s;
  }
  possessivePlaces(text, tokens, matches, lex);
  const matchAt = new Int32Array(tokens.length).fill(-1);
  matches.forEach((m, mi) => { for (let t = m.tokenStart; t < m.tokenEnd; t++) matchAt[t] = mi; });
  const lineStarts = [0];
  for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) lineStarts.push(k + 1);
  const scan = { text, lex, tokens, matches, sentOf, matchAt, lineStarts };
  scans.set(ctx.doc, scan);
  return scan;
}

const PLACE_NOUNS = new Set(['countryside', 'province', 'governorate', 'outskirts', 'suburbs', 'city', 'countrysides', 'provinces']);
const SIDES = new Set(['northern', 'southern', 'eastern', 'western', 'central', 'northeastern', 'northwestern', 'southeastern', 'southwestern', 'rural']);

/** FA-KES strips apostrophes, so "Hama's countryside" reads "Hamas countryside": a name that is
 * also a word of its own (the group Hamas) is the place when a place noun follows */
function possessivePlaces(text: string, tokens: Token[], matches: Match<Hit>[], lex: Lexicon): void {
  for (const m of matches) {
    const last = tokens[m.tokenEnd - 1];
    if (!last.cap || !last.norm.endsWith('s') || last.norm.length < 4 || m.entries.some((e) => e.value.t === 'place')) continue;
    let j = m.tokenEnd;
    if (j < tokens.length && SIDES.has(tokens[j].norm)) j++;
    if (j >= tokens.length || !PLACE_NOUNS.has(tokens[j].norm) || /[.!?\n;:,]/.test(text.slice(last.end, tokens[m.tokenEnd]?.start ?? last.end))) continue;
    const key = tokens.slice(m.tokenStart, m.tokenEnd).map((t, k, all) => (k === all.length - 1 ? t.norm.slice(0, -1) : t.norm)).join(' ');
    const places = lex.trie.lookup(key)?.filter((e) => e.value.t === 'place');
    if (places?.length) {
      m.entries = places;
      m.memo = undefined;
    }
  }
}

type ByKind = Partial<Record<Hit['t'], Hit[]>>;
const NONE: never[] = [];

function byKind(m: Match<Hit>): ByKind {
  let c = m.memo as ByKind | undefined;
  if (!c) {
    // every kind present from the start, in one order: one object shape for all matches, so the
    // resolvers' lookups by kind stay fast (objects grown key by key took many shapes)
    c = { place: undefined, actor: undefined, group: undefined, epithet: undefined, person: undefined, title: undefined, outlet: undefined, 'cue-before': undefined, block: undefined, 'cue-after': undefined };
    for (const e of m.entries) (c[e.value.t] ??= []).push(e.value);
    m.memo = c;
  }
  return c;
}

/** the match's dictionary values of one kind (cached per match: the resolvers ask often) */
export function hitsOf<K extends Hit['t']>(m: Match<Hit>, t: K): Extract<Hit, { t: K }>[] {
  return (byKind(m)[t] as Extract<Hit, { t: K }>[] | undefined) ?? NONE;
}

/** whether the match has a dictionary value of one of the kinds (fixed arity: a rest array per call was a hot allocation) */
export function hasHit(m: Match<Hit>, a: Hit['t'], b?: Hit['t'], c?: Hit['t'], d?: Hit['t']): boolean {
  const k = byKind(m);
  return k[a] !== undefined || (b !== undefined && k[b] !== undefined) || (c !== undefined && k[c] !== undefined) || (d !== undefined && k[d] !== undefined);
}

/** start offset of the line holding `offset` (binary search over the scan's line starts) */
export function lineStart(scan: Scan, offset: number): number {
  const ls = scan.lineStarts;
  let lo = 0;
  let hi = ls.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ls[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return ls[lo];
}

/** the text between two tokens (punctuation and spaces) */
export function gap(scan: Scan, a: number, b: number): string {
  return scan.text.slice(scan.tokens[a].end, scan.tokens[b].start);
}
