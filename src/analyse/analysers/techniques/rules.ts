// Rule-based propaganda-technique detectors: regex lexicons from the pack's techniques.yaml
// (one combined, precompiled regex per rule), plus three detectors that need code: short
// exclamations as slogans, repeated phrases, and name calling / loaded language through the
// label lexicon. Rules are camp-blind: the same patterns apply to every side's text.
import type { LabelFinding, Technique, TechniqueFinding } from '../../../core/types.js';
import type { Pack } from '../../../packs/loader.js';
import { readSection, registerSection } from '../../../packs/sections.js';
import { framingTokens } from '../labels/lexicon-matcher.js';

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

const EDGE_L = '(?<![\\p{L}\\p{N}_])';
const EDGE_R = '(?![\\p{L}\\p{N}_])';
const WORD_CHAR_RE = /[\p{L}\p{N}_]/u;

// One scan of the union (behind a left-edge lookbehind, which rejects mid-word positions
// cheaply) yields every position where some rule can match; each rule is then tried there
// with a sticky regex. Same findings as one global scan per rule, at about half the cost
// (14 separate scans each tried every position of the text).
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

const SLOGAN_RE = /(?:^|(?<=[.!?…\n]\s*))([^.!?…\n]{2,60}!+)/gu;
const STOP = new Set(
  ('the a an and or but of to in on at by for with from as is are was were be been it its this that these those he she they we you i ' +
    'his her their our your my not no so if then than there here who whom which what when where why how has have had do does did will would ' +
    'can could should may might must also just only very more most said says say about into over after before up down out all any some ' +
    'и в во не на что с со как а то по из за к у о от же для это этот эта эти так но да бы ли был была были быть он она они мы вы я его ее её их')
    .split(' '),
);

function repetitions(text: string): TechniqueFinding[] {
  const toks = framingTokens(text);
  const n = toks.length;
  const content = new Uint8Array(n);
  for (let i = 0; i < n; i++) content[i] = STOP.has(toks[i].norm) ? 0 : 1;
  const seen = new Map<string, number[]>();
  for (let i = 0; i + 2 < n; i++) {
    if (!content[i] || content[i + 1] + content[i + 2] < 1) continue;
    if (toks[i].cap && toks[i + 1].cap && toks[i + 2].cap) continue;
    if (toks[i + 2].start - toks[i].end > 20) continue;
    const key = `${toks[i].norm} ${toks[i + 1].norm} ${toks[i + 2].norm}`;
    const at = seen.get(key);
    if (at) at.push(i);
    else seen.set(key, [i]);
  }
  const out: TechniqueFinding[] = [];
  for (const at of seen.values()) {
    if (at.length < 3) continue;
    // a phrase repeated hundreds of times (boilerplate, quoted threads) is reported at most 10 times
    for (const i of at.slice(1, 11)) {
      out.push({ start: toks[i].start, end: toks[i + 2].end, technique: 'Repetition', confidence: 0.4, ruleId: 'techniques-repetition' });
    }
  }
  return out;
}

/** All rule findings for a text; `labels` (from the labels analyser) drive name calling. */
export function ruleTechniques(text: string, pack: Pack, labels: LabelFinding[] = []): TechniqueFinding[] {
  const out: TechniqueFinding[] = [];
  const { rules, union } = compiled(pack);
  // per rule: where its previous finding ends (a global scan resumes there)
  const resume = new Int32Array(rules.length);
  // findings grouped per rule, in rule order, as one scan per rule would list them
  const byRule: TechniqueFinding[][] = rules.map(() => []);
  union.lastIndex = 0;
  for (let u = union.exec(text); u; u = union.exec(text)) {
    const p = u.index;
    if (p === 0 || !WORD_CHAR_RE.test(text[p - 1])) {
      for (let k = 0; k < rules.length; k++) {
        if (resume[k] > p) continue;
        const r = rules[k];
        r.re.lastIndex = p;
        const m = r.re.exec(text);
        if (!m || !m[0].length) continue;
        resume[k] = p + m[0].length;
        byRule[k].push({ start: p, end: p + m[0].length, technique: r.technique, confidence: r.confidence, ruleId: `techniques-${r.id}` });
      }
    }
    const c = text.charCodeAt(p);
    union.lastIndex = p + (c >= 0xd800 && c <= 0xdbff ? 2 : 1);
  }
  for (const found of byRule) for (const f of found) out.push(f);
  SLOGAN_RE.lastIndex = 0;
  for (let m = SLOGAN_RE.exec(text); m; m = SLOGAN_RE.exec(text)) {
    const body = m[1];
    const lead = body.length - body.trimStart().length;
    const words = body.trim().split(/\s+/).length;
    if (words > 8) continue;
    const start = m.index + m[0].length - body.length + lead;
    out.push({ start, end: m.index + m[0].length, technique: 'Slogans', confidence: 0.5, ruleId: 'techniques-slogan-exclamation' });
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
