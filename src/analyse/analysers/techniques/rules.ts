// Rule-based propaganda-technique detectors: regex lexicons from the pack's techniques.yaml
// (one combined, precompiled regex per rule, tried where a union of all rules matches), plus
// three detectors that need code: short exclamations as slogans, repeated phrases, and name
// calling / loaded language through the label lexicon. Rules are camp-blind: the same patterns
// apply to every side's text. test/framing/rules-speed-equivalence.test.ts holds the fast
// paths to the plain scans they replace.
import type { LabelFinding, Technique, TechniqueFinding } from '../../../core/types.js';
import type { Pack } from '../../../packs/loader.js';
import { readSection, registerSection } from '../../../packs/sections.js';
import { documentTokens } from '../../../match/normalise.js';

interface RuleSpec {
  id: string;
  technique: Technique;
  confidence: number;
  patterns: string[];
}

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
  /** every rule as one alternation behind a left word edge: finds candidate start positions */
  union: RegExp;
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

// One scan of the union (behind a left-edge lookbehind, which rejects mid-word positions
// cheaply) yields every position where some rule can match; each rule is then tried there
// with a sticky regex. Same findings as one global scan per rule, at about half the cost
// (14 separate scans each tried every position of the text). One difference: the lookbehind
// sees a whole code point, so a match glued to an astral letter (𝐀) no longer counts.
function compiled(pack: Pack): CompiledRules {
  return pack.memo('techniques:rules', () => {
    const specs = readSection<{ rules: RuleSpec[] }>(pack, techniquesSection)?.rules ?? [];
    const sources = specs.map((r) => `(?:${r.patterns.map((p) => `(?:${p})`).join('|')})${EDGE_R}`);
    return {
      rules: specs.map((r, k) => ({ id: r.id, technique: r.technique, confidence: r.confidence, re: new RegExp(sources[k], 'iuy') })),
      union: new RegExp(`${EDGE_L}(?:${sources.join('|') || '(?!)'})`, 'giu'),
    };
  });
}

/** JavaScript's \s (WhiteSpace and LineTerminator). */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x80 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

const isStop = (c: number): boolean => c === 0x2e || c === 0x21 || c === 0x3f || c === 0x0a || c === 0x2026;

/**
 * Short exclamations: the matches of /(?:^|(?<=[.!?…\n]\s*))([^.!?…\n]{2,60}!+)/gu, found in
 * one pass over the characters (the regex tried its lookbehind at every position). A match
 * starts at the text start or after a sentence end plus optional spaces, runs 2..60 code points
 * to the next sentence end, which must be "!", and takes the whole run of "!".
 */
function exclamations(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (text.indexOf('!') < 0) return out;
  const n = text.length;
  let behind = false; // a sentence end, then only spaces, lies just before p
  let q = -1; // next sentence end at or after p
  for (let p = 0; p < n; ) {
    if (p === 0 || behind) {
      if (q < p) {
        q = p;
        while (q < n && !isStop(text.charCodeAt(q))) q++;
      }
      if (q < n && text.charCodeAt(q) === 0x21 && q - p <= 120) {
        let cps = q - p;
        for (let i = p; i + 1 < q; i++) {
          const c = text.charCodeAt(i);
          if (c >= 0xd800 && c <= 0xdbff) {
            const d = text.charCodeAt(i + 1);
            if (d >= 0xdc00 && d <= 0xdfff) {
              cps--;
              i++;
            }
          }
        }
        if (cps >= 2 && cps <= 60) {
          let r = q;
          while (r < n && text.charCodeAt(r) === 0x21) r++;
          out.push({ start: p, end: r });
          p = r;
          behind = true;
          continue;
        }
      }
    }
    const c = text.charCodeAt(p);
    behind = isStop(c) || (behind && isSpace(c));
    p++;
  }
  return out;
}
/** words that cannot start a repeated phrase and need a content word beside them */
export const STOP = new Set(
  ('the a an and or but of to in on at by for with from as is are was were be been it its this that these those he she they we you i ' +
    'his her their our your my not no so if then than there here who whom which what when where why how has have had do does did will would ' +
    'can could should may might must also just only very more most said says say about into over after before up down out all any some ' +
    'и в во не на что с со как а то по из за к у о от же для это этот эта эти так но да бы ли был была были быть он она они мы вы я его ее её их')
    .split(' '),
);

// Trigrams are grouped with an open-addressing table keyed by a hash of the three words (FNV
// over each norm's characters, no string building, no big id map whose lookups miss the cache);
// equal norms are then checked on the strings. Groups come out in order of first occurrence.
function repetitions(text: string): TechniqueFinding[] {
  const toks = documentTokens(text);
  const n = toks.length;
  const content = new Uint8Array(n);
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const norm = toks[i].norm;
    let h = 0x811c9dc5;
    for (let k = 0; k < norm.length; k++) h = Math.imul(h ^ norm.charCodeAt(k), 0x01000193);
    ids[i] = h;
    content[i] = STOP.has(norm) ? 0 : 1;
  }
  const same = (f: number, i: number): boolean => toks[f].norm === toks[i].norm && toks[f + 1].norm === toks[i + 1].norm && toks[f + 2].norm === toks[i + 2].norm;
  let size = 16;
  while (size < n * 2) size <<= 1;
  const mask = size - 1;
  const head = new Int32Array(size).fill(-1);
  // per first occurrence: its count and last occurrence; per occurrence: the next one
  const count = new Int32Array(n);
  const tail = new Int32Array(n);
  const nextAt = new Int32Array(n).fill(-1);
  const firsts: number[] = [];
  for (let i = 0; i + 2 < n; i++) {
    if (!content[i] || content[i + 1] + content[i + 2] < 1) continue;
    if (toks[i].cap && toks[i + 1].cap && toks[i + 2].cap) continue;
    if (toks[i + 2].start - toks[i].end > 20) continue;
    const a = ids[i];
    const b = ids[i + 1];
    const c = ids[i + 2];
    let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35)) & mask;
    for (;;) {
      const f = head[slot];
      if (f < 0) {
        head[slot] = i;
        count[i] = 1;
        tail[i] = i;
        firsts.push(i);
        break;
      }
      if (ids[f] === a && ids[f + 1] === b && ids[f + 2] === c && same(f, i)) {
        count[f]++;
        nextAt[tail[f]] = i;
        tail[f] = i;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  const out: TechniqueFinding[] = [];
  for (const f of firsts) {
    if (count[f] < 3) continue;
    // a phrase repeated hundreds of times (boilerplate, quoted threads) is reported at most 10 times
    let k = 0;
    for (let i = nextAt[f]; i >= 0 && k < 10; i = nextAt[i], k++) {
      out.push({ start: toks[i].start, end: toks[i + 2].end, technique: 'Repetition', confidence: 0.4, ruleId: 'techniques-repetition' });
    }
  }
  return out;
}

interface ScanState {
  text: string;
  rules: CompiledRule[];
  /** per rule: where its previous finding ends (a global scan resumes there) */
  resume: Int32Array;
  byRule: TechniqueFinding[][];
}

function tryRules(st: ScanState, list: number[] | undefined, p: number): void {
  if (!list) return;
  for (let j = 0; j < list.length; j++) {
    const k = list[j];
    if (st.resume[k] > p) continue;
    const r = st.rules[k];
    r.re.lastIndex = p;
    const m = r.re.exec(st.text);
    if (!m || !m[0].length) continue;
    st.resume[k] = p + m[0].length;
    st.byRule[k].push({ start: p, end: p + m[0].length, technique: r.technique, confidence: r.confidence, ruleId: `techniques-${r.id}` });
  }
}

/** Rule regex findings, grouped per rule in rule order (as one global scan per rule lists them). */
function regexFindings(text: string, pack: Pack): TechniqueFinding[][] {
  const { rules, union } = compiled(pack);
  const st: ScanState = { text, rules, resume: new Int32Array(rules.length), byRule: rules.map(() => []) };
  const all = rules.map((_, k) => k);
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
