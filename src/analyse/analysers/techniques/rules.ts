// Rule-based propaganda-technique detectors: regex lexicons from the pack's techniques.yaml
// (one combined, precompiled regex per rule, tried only where one of the rule's literal heads
// begins, heads.ts), plus three detectors that need code: short exclamations as slogans and
// repeated phrases (code-detectors.ts), and name calling / loaded language through the label
// lexicon. Rules are camp-blind: the same patterns apply to every side's text.
// test/framing/rules-speed-equivalence.test.ts and technique-heads.test.ts hold the fast paths
// to the plain scans they replace.
import type { LabelFinding, Technique, TechniqueFinding } from '../../../core/types.js';
import type { Pack } from '../../../packs/loader.js';
import { readSection, registerSection } from '../../../packs/sections.js';
import { exclamations, repetitions } from './code-detectors.js';
import { firstTable, headTrie, wordChars } from '../../numbers/word-starts.js';
import { literalHeads, ruleHeads, rulesAt, type RuleHeads } from './heads.js';

interface RuleSpec {
  id: string;
  technique: Technique;
  confidence: number;
  patterns: string[];
}

export { STOP } from './code-detectors.js';

export const techniquesSection = registerSection({
  file: 'techniques',
  required: false,
  schema: {
    type: 'object',
    required: ['rules'],
    properties: {
      rules: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'technique', 'confidence', 'patterns'],
          properties: {
            id: { type: 'string', pattern: '^[a-z0-9-]+$' },
            technique: { type: 'string' },
            confidence: { type: 'number', minimum: 0, maximum: 1 },
            patterns: { type: 'array', items: { type: 'string' }, minItems: 1 },
          },
        },
      },
    },
  },
  check: (pack) => {
    const problems: string[] = [];
    for (const r of readSection<{ rules: RuleSpec[] }>(pack, techniquesSection)?.rules ?? []) {
      for (const p of r.patterns) {
        try {
          new RegExp(p, 'giu');
        } catch (err) {
          problems.push(`rule ${r.id}: bad pattern ${p}: ${(err as Error).message}`);
        }
      }
    }
    return problems;
  },
});

interface CompiledRule extends Omit<RuleSpec, 'patterns'> {
  /** sticky: tried only at the candidate positions the union finds */
  re: RegExp;
}

interface CompiledRules {
  rules: CompiledRule[];
  /** every rule as one alternation behind a left word edge: finds candidate start positions when the rules have no heads */
  union: RegExp;
  /** the literal heads of all rules as a character trie, which code units may begin one, and each rule's own heads; null: scan with the union */
  heads: {
    /** which code units may begin a head (word-starts.ts firstTable: 1 yes, 2 the trie cannot tell) */
    first: Uint8Array;
    /** every rule's heads in one trie that names the rules whose heads begin at a position */
    rules: RuleHeads;
    /** matches a letter that is, case-insensitively, the first letter of a head */
    startRe: RegExp;
    /** per code unit: 0 not yet known, 1 folds to a head's first letter, 2 not */
    foldStart: Uint8Array;
  } | null;
}

const WORD_UNIT = new Uint8Array(65536).fill(255);

/** The code unit is a letter, digit or underscore (the left edge check of every rule). */
function isWordUnit(c: number): boolean {
  let v = WORD_UNIT[c];
  if (v === 255) WORD_UNIT[c] = v = WORD_CHAR_RE.test(String.fromCharCode(c)) ? 1 : 0;
  return v === 1;
}

const EDGE_L = '(?<![\\p{L}\\p{N}_])';
const EDGE_R = '(?![\\p{L}\\p{N}_])';
const WORD_CHAR_RE = /[\p{L}\p{N}_]/u;

// Each rule is tried, sticky, only at positions where it can match: where one of its literal
// heads begins (headFindings), or, when a rule has no literal head, where one scan of the union
// of all rules (behind a left-edge lookbehind) matches. Same findings as one global scan per
// rule, for a fraction of the cost. One difference: the left edge is a whole code point, so a
// match glued to an astral letter (𝐀) does not count.
function compiled(pack: Pack): CompiledRules {
  return pack.memo('techniques:rules', () => {
    const specs = readSection<{ rules: RuleSpec[] }>(pack, techniquesSection)?.rules ?? [];
    const sources = specs.map((r) => `(?:${r.patterns.map((p) => `(?:${p})`).join('|')})${EDGE_R}`);
    const union = `${EDGE_L}(?:${sources.join('|') || '(?!)'})`;
    const heads = sources.map((src) => literalHeads(src));
    const all = heads.flatMap((h) => h ?? []);
    const trie = sources.length && heads.every((h) => h) ? headTrie(all, { anyStart: true }) : null;
    const rules = trie ? ruleHeads(heads.map((h) => h ?? [])) : null;
    const starts = [...new Set(all.map((h) => h[0] ?? ''))].map((ch) => ch.replace(/[\\\]^-]/g, '\\$&')).join('');
    return {
      rules: specs.map((r, k) => ({ id: r.id, technique: r.technique, confidence: r.confidence, re: new RegExp(sources[k], 'iuy') })),
      union: new RegExp(union, 'giu'),
      heads: trie && rules ? { first: firstTable(trie), rules, startRe: new RegExp(`^[${starts}]`, 'iu'), foldStart: new Uint8Array(65536) } : null,
    };
  });
}

interface ScanState {
  text: string;
  rules: CompiledRule[];
  /** per rule: where its previous finding ends (a global scan resumes there) */
  resume: Int32Array;
  byRule: TechniqueFinding[][];
}

function tryRule(st: ScanState, k: number, p: number): void {
  if (st.resume[k] > p) return;
  const r = st.rules[k];
  r.re.lastIndex = p;
  const m = r.re.exec(st.text);
  if (!m || !m[0].length) return;
  st.resume[k] = p + m[0].length;
  st.byRule[k].push({ start: p, end: p + m[0].length, technique: r.technique, confidence: r.confidence, ruleId: `techniques-${r.id}` });
}

function tryRules(st: ScanState, list: number[] | undefined, p: number): void {
  if (!list) return;
  for (let j = 0; j < list.length; j++) tryRule(st, list[j], p);
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** No letter, digit or underscore ends just before p: the rules' left edge, a whole code point as the lookbehind sees it. */
function leftEdge(text: string, p: number): boolean {
  if (p === 0) return true;
  const c = text.charCodeAt(p - 1);
  if (isWordUnit(c)) return false;
  return !(isLow(c) && p >= 2 && isHigh(text.charCodeAt(p - 2)) && WORD_CHAR_RE.test(text.slice(p - 2, p)));
}

/** Whether a letter the trie cannot fold (ſ, K, ᲀ) is, case-insensitively, the first letter of a head. */
function foldsToHeadStart(heads: NonNullable<CompiledRules['heads']>, u: number): boolean {
  let v = heads.foldStart[u]!;
  if (v === 0) heads.foldStart[u] = v = heads.startRe.test(String.fromCharCode(u)) ? 1 : 2;
  return v === 1;
}

/**
 * Rule matches found through the rules' literal heads (heads.ts): a character loop keeps the code
 * units at a left word edge where some head begins (case-folded, as in numbers/word-starts.ts),
 * and there tries each rule whose own heads begin there, sticky. A rule's match always begins
 * with one of its heads, so the findings equal those of the union's global scan this replaced
 * (the union, every rule in one alternation tried at every position, was the costliest regex of
 * the analysers, and compiling it a noticeable part of each worker's start). Heads are ASCII or
 * basic Cyrillic, so no match begins at a surrogate; where the trie cannot fold a letter, every
 * rule's regex decides.
 */
function headFindings(text: string, heads: NonNullable<CompiledRules['heads']>, st: ScanState): void {
  const word = wordChars();
  const { first, rules } = heads;
  const n = text.length;
  for (let p = 0; p < n; p++) {
    const u = text.charCodeAt(p);
    const cls = first[u];
    if (!cls || (u >= 0xd800 && u <= 0xdfff)) continue;
    if (p > 0 && word[text.charCodeAt(p - 1)] === 1) continue;
    let found = cls === 1 ? rulesAt(rules, text, p) : foldsToHeadStart(heads, u) ? rules.all : 0;
    if (!found || !leftEdge(text, p)) continue;
    for (; found !== 0; found &= found - 1) tryRule(st, 31 - Math.clz32(found & -found), p);
  }
}

/** Rule regex findings, grouped per rule in rule order (as one global scan per rule lists them). */
function regexFindings(text: string, pack: Pack): TechniqueFinding[][] {
  const c = compiled(pack);
  const { rules, union } = c;
  const st: ScanState = { text, rules, resume: new Int32Array(rules.length), byRule: rules.map(() => []) };
  const all = rules.map((_, k) => k);
  if (c.heads) {
    headFindings(text, c.heads, st);
    return st.byRule;
  }
  union.lastIndex = 0;
  for (let u = union.exec(text); u; u = union.exec(text)) {
    const p = u.index;
    if (p === 0 || !isWordUnit(text.charCodeAt(p - 1))) tryRules(st, all, p);
    const c = text.charCodeAt(p);
    union.lastIndex = p + (c >= 0xd800 && c <= 0xdbff ? 2 : 1);
  }
  return st.byRule;
}

/**
 * The rules fed by the pack's label lexicons, which are mirrored camp by camp. The analyser
 * emits them on their own, never gated by the model: a model learnt from one corpus's
 * vocabulary would otherwise decide which camp's name calling gets reported.
 */
export const LABEL_RULE_IDS: readonly string[] = ['techniques-loaded-label', 'techniques-name-calling-label'];

/** All rule findings for a text; `labels` (from the labels analyser) drive name calling. */
export function ruleTechniques(text: string, pack: Pack, labels: LabelFinding[] = []): TechniqueFinding[] {
  const out: TechniqueFinding[] = [];
  const byRule = regexFindings(text, pack);
  for (const found of byRule) for (const f of found) out.push(f);
  for (const x of exclamations(text)) {
    const body = text.slice(x.start, x.end);
    const lead = body.length - body.trimStart().length;
    const words = body.trim().split(/\s+/).length;
    if (words > 8) continue;
    out.push({ start: x.start + lead, end: x.end, technique: 'Slogans', confidence: 0.5, ruleId: 'techniques-slogan-exclamation' });
  }
  for (const f of repetitions(text)) out.push(f);
  for (const l of labels) {
    if ((!l.camp && !l.refersTo) || l.ruleId === 'labels-distancer') continue;
    const actorBound = Boolean(l.refersTo && !l.refersTo.startsWith('event:'));
    out.push({
      start: l.start,
      end: l.end,
      technique: actorBound ? 'Name_Calling,Labeling' : 'Loaded_Language',
      confidence: 0.6,
      ruleId: actorBound ? 'techniques-name-calling-label' : 'techniques-loaded-label',
    });
  }
  return out;
}
