// The label lexicon section (packs/<pack>/labels.yaml): schema, checks, and the matchers built
// from it once per pack.
import type { Pack } from '../../../packs/loader.js';
import { readSection, registerSection } from '../../../packs/sections.js';
import { LexiconMatcher } from './lexicon-matcher.js';

export interface LabelEntry {
  label: string;
  voice: string;
  /** overrides the voice's camp; null = signals neither camp */
  camp?: string | null;
  /** for common words: the camp their distanced (scare-quoted, "so-called") use signals */
  distancedCamp?: string;
  refersTo: string;
  weight?: number;
  forms: string[];
}

export interface LabelsSection {
  voices: Record<string, string | null>;
  targets: Record<string, string[]>;
  distancers: string[];
  labels: LabelEntry[];
}

export interface ResolvedLabel extends LabelEntry {
  camp: string | null;
  weight: number;
  common: boolean;
}

export const labelsSection = registerSection({
  file: 'labels',
  required: false,
  schema: {
    type: 'object',
    required: ['voices', 'targets', 'distancers', 'labels'],
    properties: {
      voices: { type: 'object', additionalProperties: { type: ['string', 'null'] } },
      targets: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
      distancers: { type: 'array', items: { type: 'string' } },
      labels: {
        type: 'array',
        items: {
          type: 'object',
          required: ['label', 'voice', 'refersTo', 'forms'],
          properties: {
            label: { type: 'string' },
            voice: { type: 'string' },
            camp: { type: ['string', 'null'] },
            distancedCamp: { type: 'string' },
            refersTo: { type: 'string' },
            weight: { type: 'number', minimum: 0 },
            forms: { type: 'array', items: { type: 'string' }, minItems: 1 },
          },
        },
      },
    },
  },
  check: (pack) => {
    const s = readSection<LabelsSection>(pack, labelsSection);
    if (!s) return [];
    const problems: string[] = [];
    const camps = new Set([...pack.manifest.camps]);
    for (const [voice, camp] of Object.entries(s.voices)) {
      if (camp !== null && !camps.has(camp)) problems.push(`voice ${voice}: unknown camp ${camp}`);
    }
    for (const l of s.labels) {
      if (!(l.voice in s.voices)) problems.push(`label ${l.label}: unknown voice ${l.voice}`);
      for (const c of [l.camp, l.distancedCamp]) if (c && !camps.has(c)) problems.push(`label ${l.label}: unknown camp ${c}`);
      if (!l.refersTo.startsWith('event:') && !(l.refersTo in s.targets)) problems.push(`label ${l.label}: refersTo ${l.refersTo} is not in targets`);
    }
    const names = new Set<string>();
    for (const l of s.labels) {
      if (names.has(l.label)) problems.push(`label name ${l.label} is used twice`);
      names.add(l.label);
    }
    const dup = compileLabels(pack).matcher.duplicates;
    if (dup.length) problems.push(`forms listed twice: ${dup.join(', ')}`);
    return problems;
  },
});

export interface CompiledLabels {
  section: LabelsSection;
  matcher: LexiconMatcher<ResolvedLabel>;
  distancers: LexiconMatcher<string>;
  /** entry by its label name (names are unique; the check enforces it) */
  byLabel: Map<string, ResolvedLabel>;
}

const EMPTY: LabelsSection = { voices: {}, targets: {}, distancers: [], labels: [] };

export function compileLabels(pack: Pack): CompiledLabels {
  return pack.memo('labels:compiled', () => {
    const section = readSection<LabelsSection>(pack, labelsSection) ?? EMPTY;
    const matcher = new LexiconMatcher<ResolvedLabel>();
    const byLabel = new Map<string, ResolvedLabel>();
    for (const l of section.labels) {
      const common = l.voice === 'common';
      const camp = common ? null : l.camp !== undefined ? l.camp : (section.voices[l.voice] ?? null);
      const resolved: ResolvedLabel = { ...l, camp, weight: l.weight ?? 1, common };
      for (const f of l.forms) matcher.add(f, resolved);
      byLabel.set(l.label, resolved);
    }
    const distancers = new LexiconMatcher<string>();
    for (const d of section.distancers) distancers.add(d, d.replace(/\*$/, ''));
    return { section, matcher, distancers, byLabel };
  });
}

/** The camp on the other side of a two-camp pack; null when there is no single opposite. */
export function oppositeCamp(pack: Pack, camp: string | null): string | null {
  if (!camp) return null;
  const others = pack.manifest.camps.filter((c) => c !== camp);
  return others.length === 1 ? others[0] : null;
}
