// franc-min's francAll, computed the same way on the same models, about three times faster.
// Language detection was a fifth of the analysis threads' time, most of it in franc's trigram
// counting (trigram-utils), which keys a plain object by 3-letter substrings, and in its model
// lookups. Here trigrams are counted in a reused open-addressing table keyed by their three UTF-16
// units, every model trigram has a small id and each model is an array of ranks by id, and the models of the
// allowed languages are picked once per `only` list. Same cleaning, same order of insertion
// and stable sorts, same arithmetic: the results equal francAll's (test/ingest/franc-fast.test.ts
// compares them). Hand-written because franc exposes no hook for its counting step.
//
// Two more savings (same results): the script is found by counting per code unit through a
// table of which scripts' expressions match it (franc runs twenty global matches that build
// arrays of one-letter strings), and each (script, language list) gets a small trigram table
// whose rows hold the ranks of all its languages side by side, so the distance loop reads a
// few kilobytes instead of one 256 KB rank array per language (integer sums: order-free). The
// value is cleaned in one pass over its code units (franc-clean.ts).
import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';
import { CLEAN, cleanUnits, MAX_LENGTH } from './franc-clean.js';

export type LanguageTuple = [language: string, score: number];

const MAX_DIFFERENCE = 300;

const key = (s: string, i: number): number => (s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1)) * 65536 + s.charCodeAt(i + 2);
const hash = (s: string, i: number, mask: number): number => (Math.imul(Math.imul(s.charCodeAt(i), 0x9e3779b1) ^ s.charCodeAt(i + 1), 0x85ebca6b) ^ Math.imul(s.charCodeAt(i + 2), 0xc2b2ae35)) & mask;

// every trigram of every model gets a small id, found through an open-addressing table
const ID_BITS = 17;
const ID_MASK = (1 << ID_BITS) - 1;
const idKeys = new Float64Array(1 << ID_BITS).fill(-1);
const idOf = new Int32Array(1 << ID_BITS);
let idCount = 0;

function trigramId(s: string, i: number, add: boolean): number {
  const k = key(s, i);
  for (let h = hash(s, i, ID_MASK); ; h = (h + 1) & ID_MASK) {
    if (idKeys[h] === k) return idOf[h]!;
    if (idKeys[h] === -1) {
      if (!add) return -1;
      idKeys[h] = k;
      idOf[h] = idCount;
      return idCount++;
    }
  }
}

for (const languages of Object.values(data)) for (const joined of Object.values(languages)) for (const t of joined.split('|')) trigramId(t, 0, true);
if (idCount > (1 << ID_BITS) / 2) throw new Error('franc-fast: the trigram id table is too small for the models');

/** per script: each language's ranks by trigram id, in the data's order (a repeated trigram keeps its lowest rank, as in franc) */
const models = new Map<string, [string, Int32Array][]>();
for (const [script, languages] of Object.entries(data)) {
  const list: [string, Int32Array][] = [];
  for (const [name, joined] of Object.entries(languages)) {
    const model = joined.split('|');
    const ranks = new Int32Array(idCount).fill(-1);
    for (let weight = model.length - 1; weight >= 0; weight--) ranks[trigramId(model[weight]!, 0, false)] = weight;
    list.push([name, ranks]);
  }
  models.set(script, list);
}
const scripts = Object.entries(expressions);

const und = (): LanguageTuple[] => [['und', 1]];

function topScriptByRegex(value: string): [string | undefined, number] {
  let topCount = -1;
  let top: string | undefined;
  for (const [script, expression] of scripts) {
    const m = value.match(expression);
    const count = (m ? m.length : 0) / value.length || 0;
    if (count > topCount) {
      topCount = count;
      top = script;
    }
  }
  return [top, topCount];
}

/**
 * Whether every expression is an alternation of one-unit classes and surrogate-pair branches:
 * then on text without surrogates each match is one code unit, and counting units is exact.
 */
const unitCountable = scripts.length <= 31 && scripts.every(([, e]) => e.source.split('|').every((alt) => /^\[[^\]]*\]$/.test(alt) || /^(?:\\uD[89AB]|\[\\uD[89AB])/i.test(alt)));
const anchored = scripts.map(([, e]) => new RegExp(`^(?:${e.source})$`));
/** per code unit: bit k set when script k's expression matches it; -1 not yet known */
const unitScripts = new Int32Array(65536).fill(-1);
const scriptCounts = new Int32Array(scripts.length);

/** bit k set when script k's expression matches the code unit (no closure: a captured loop variable costs an allocation per iteration) */
function scriptsOfUnit(c: number): number {
  const ch = String.fromCharCode(c);
  let m = 0;
  for (let k = 0; k < anchored.length; k++) if (anchored[k]!.test(ch)) m |= 1 << k;
  return m;
}

/** franc's topScript: the script whose expression matches the largest share of the value. */
function topScript(value: string): [string | undefined, number] {
  if (!unitCountable) return topScriptByRegex(value);
  scriptCounts.fill(0);
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return topScriptByRegex(value);
    let m = unitScripts[c]!;
    if (m < 0) m = unitScripts[c] = scriptsOfUnit(c);
    for (; m !== 0; m &= m - 1) scriptCounts[31 - Math.clz32(m & -m)]!++;
  }
  let topCount = -1;
  let top: string | undefined;
  for (let k = 0; k < scripts.length; k++) {
    const count = scriptCounts[k]! / value.length || 0;
    if (count > topCount) {
      topCount = count;
      top = scripts[k]![0];
    }
  }
  return [top, topCount];
}

// the counting table of one call, reused: a slot is in use when its stamp is this call's
const COUNT_BITS = 13;
const COUNT_MASK = (1 << COUNT_BITS) - 1;
const slotKey = new Float64Array(1 << COUNT_BITS);
const slotStamp = new Int32Array(1 << COUNT_BITS);
const slotOrder = new Int32Array(1 << COUNT_BITS);
const slotCount = new Int32Array(1 << COUNT_BITS);
const slotId = new Int32Array(1 << COUNT_BITS);
let stamp = 0;

const unitKey = (b: Uint16Array, i: number): number => (b[i]! * 65536 + b[i + 1]!) * 65536 + b[i + 2]!;
const unitHash = (b: Uint16Array, i: number, mask: number): number => (Math.imul(Math.imul(b[i]!, 0x9e3779b1) ^ b[i + 1]!, 0x85ebca6b) ^ Math.imul(b[i + 2]!, 0xc2b2ae35)) & mask;

function rowOfUnits(t: ModelTable, b: Uint16Array, i: number): number {
  const k = unitKey(b, i);
  for (let h = unitHash(b, i, t.mask); ; h = (h + 1) & t.mask) {
    if (t.keys[h] === k) return t.rows[h]!;
    if (t.keys[h] === -1) return -1;
  }
}

/** distinct trigrams of the cleaned, padded value (row in the table, count), sorted by count; ties keep first-seen order */
function tuples(value: string, table: ModelTable): { ids: Int32Array; counts: Int32Array } {
  let b = CLEAN;
  let len = cleanUnits(value);
  if (len < 0) {
    const cleaned = ` ${value.replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase()} `;
    b = new Uint16Array(cleaned.length);
    for (let i = 0; i < cleaned.length; i++) b[i] = cleaned.charCodeAt(i);
    len = cleaned.length;
  }
  stamp++;
  let distinct = 0;
  for (let i = 0; i + 3 <= len; i++) {
    const k = unitKey(b, i);
    for (let h = unitHash(b, i, COUNT_MASK); ; h = (h + 1) & COUNT_MASK) {
      if (slotStamp[h] !== stamp) {
        slotStamp[h] = stamp;
        slotKey[h] = k;
        slotCount[h] = 1;
        slotId[h] = rowOfUnits(table, b, i);
        slotOrder[distinct++] = h;
        break;
      }
      if (slotKey[h] === k) {
        slotCount[h]!++;
        break;
      }
    }
  }
  // a counting sort by count: stable, like franc's Array.prototype.sort, and linear
  let most = 0;
  for (let j = 0; j < distinct; j++) most = Math.max(most, slotCount[slotOrder[j]!]!);
  const starts = new Int32Array(most + 2);
  for (let j = 0; j < distinct; j++) starts[slotCount[slotOrder[j]!]! + 1]!++;
  for (let c = 1; c <= most + 1; c++) starts[c]! += starts[c - 1]!;
  const ids = new Int32Array(distinct);
  const counts = new Int32Array(distinct);
  for (let j = 0; j < distinct; j++) {
    const h = slotOrder[j]!;
    const at = starts[slotCount[h]!]!++;
    ids[at] = slotId[h]!;
    counts[at] = slotCount[h]!;
  }
  return { ids, counts };
}

/** The allowed languages of one script: a small trigram table, each row the ranks of all of them. */
interface ModelTable {
  names: string[];
  /** open addressing: trigram key per slot (-1 empty) and its row */
  keys: Float64Array;
  rows: Int32Array;
  mask: number;
  /** row r, language l: rank at r * names.length + l (-1: not in that language's model) */
  ranks: Int32Array;
}

function modelTable(list: [string, Int32Array][]): ModelTable {
  const L = list.length;
  const ids: number[] = [];
  const seen = new Set<number>();
  for (const [, ranks] of list) ranks.forEach((r, id) => {
    if (r >= 0 && !seen.has(id)) {
      seen.add(id);
      ids.push(id);
    }
  });
  let size = 16;
  while (size < ids.length * 2) size <<= 1;
  const t: ModelTable = { names: list.map(([n]) => n), keys: new Float64Array(size).fill(-1), rows: new Int32Array(size), mask: size - 1, ranks: new Int32Array(ids.length * L) };
  // the key of each id, found back through the global table
  const keyOfId = new Float64Array(idCount);
  idKeys.forEach((k, slot) => {
    if (k !== -1) keyOfId[idOf[slot]!] = k;
  });
  ids.forEach((id, row) => {
    const k = keyOfId[id]!;
    const trigram = String.fromCharCode(Math.floor(k / 4294967296), Math.floor(k / 65536) % 65536, k % 65536);
    let h = hash(trigram, 0, t.mask);
    while (t.keys[h] !== -1) h = (h + 1) & t.mask;
    t.keys[h] = k;
    t.rows[h] = row;
    for (let l = 0; l < L; l++) t.ranks[row * L + l] = list[l]![1][id]!;
  });
  return t;
}

const allowedCache = new WeakMap<readonly string[], Map<string, ModelTable>>();

function allowedModels(script: string, only: readonly string[]): ModelTable {
  let byScript = allowedCache.get(only);
  if (!byScript) allowedCache.set(only, (byScript = new Map()));
  let table = byScript.get(script);
  if (!table) {
    const all = models.get(script) ?? [];
    table = modelTable(only.length ? all.filter(([name]) => only.includes(name)) : all);
    byScript.set(script, table);
  }
  return table;
}

/** francAll(value, { only, minLength }) of franc-min 6 */
export function francAll(input: string, options: { only?: readonly string[]; minLength?: number } = {}): LanguageTuple[] {
  const only = options.only ?? [];
  if (!input || input.length < (options.minLength ?? 10)) return und();
  const value = input.slice(0, MAX_LENGTH);
  const [script, share] = topScript(value);
  if (!script || !models.has(script)) {
    if (!script || share === 0 || (only.length && !only.includes(script))) return und();
    return [[script, 1]];
  }
  const table = allowedModels(script, only);
  const { ids, counts } = tuples(value, table);
  const n = ids.length;
  const L = table.names.length;
  // integer distances (at most 2048 trigrams × 300): Int32 elements stay small integers, never boxed
  const sums = new Int32Array(L);
  for (let i = 0; i < n; i++) {
    const row = ids[i]!;
    if (row < 0) {
      for (let l = 0; l < L; l++) sums[l]! += MAX_DIFFERENCE;
      continue;
    }
    const count = counts[i]!;
    for (let l = 0, at = row * L; l < L; l++, at++) {
      const rank = table.ranks[at]!;
      sums[l]! += rank < 0 ? MAX_DIFFERENCE : Math.abs(count - rank - 1);
    }
  }
  const distances: LanguageTuple[] = table.names.map((language, l) => [language, sums[l]!]);
  if (!distances.length) return und();
  distances.sort((a, b) => a[1] - b[1]);
  const min = distances[0]![1];
  const max = value.length * MAX_DIFFERENCE - min;
  for (const d of distances) d[1] = 1 - (d[1] - min) / max || 0;
  return distances;
}
