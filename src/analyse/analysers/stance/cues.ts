// The stance cue section (packs/<pack>/stance.yaml): side terms, praise and condemnation
// words, and the sources each camp relies on; matchers are built once per pack.
import type { Pack } from '../../../packs/loader.js';
import { readSection, registerSection } from '../../../packs/sections.js';
import { LexiconMatcher } from '../labels/lexicon-matcher.js';

export interface StanceSection {
  sides: Record<string, { camp: string; weight: number }>;
  sideTerms: Record<string, string[]>;
  praise: string[];
  condemn: string[];
  sources: Record<string, string[]>;
}

const stringList = { type: 'array', items: { type: 'string' } };

export const stanceSection = registerSection({
  file: 'stance',
  required: false,
  schema: {
    type: 'object',
    required: ['sides', 'sideTerms', 'praise', 'condemn', 'sources'],
    properties: {
      sides: {
        type: 'object',
        additionalProperties: { type: 'object', required: ['camp', 'weight'], properties: { camp: { type: 'string' }, weight: { type: 'number' } } },
      },
      sideTerms: { type: 'object', additionalProperties: stringList },
      praise: stringList,
      condemn: stringList,
      sources: { type: 'object', additionalProperties: stringList },
    },
  },
  check: (pack) => {
    const s = readSection<StanceSection>(pack, stanceSection);
    if (!s) return [];
    const camps = new Set(pack.manifest.camps);
    const problems: string[] = [];
    for (const [aff, side] of Object.entries(s.sides)) {
      if (!pack.manifest.affiliations.includes(aff)) problems.push(`sides: unknown affiliation ${aff}`);
      if (!camps.has(side.camp)) problems.push(`sides.${aff}: unknown camp ${side.camp}`);
    }
    for (const c of Object.keys(s.sources)) if (!camps.has(c)) problems.push(`sources: unknown camp ${c}`);
    for (const c of pack.manifest.camps) if (!s.sources[c]?.length) problems.push(`sources: camp ${c} has no sources (every camp needs its list)`);
    return problems;
  },
});

export type Cue = { kind: 'side'; affiliation: string } | { kind: 'praise' } | { kind: 'condemn' };

export interface CompiledStance {
  section: StanceSection;
  cues: LexiconMatcher<Cue>;
  sources: LexiconMatcher<{ camp: string; name: string }>;
}

export function compileStance(pack: Pack): CompiledStance | null {
  return pack.memo('stance:compiled', () => {
    const section = readSection<StanceSection>(pack, stanceSection);
    if (!section) return null;
    const cues = new LexiconMatcher<Cue>();
    for (const [affiliation, terms] of Object.entries(section.sideTerms)) for (const t of terms) cues.add(t, { kind: 'side', affiliation });
    for (const t of section.praise) cues.add(t, { kind: 'praise' });
    for (const t of section.condemn) cues.add(t, { kind: 'condemn' });
    const sources = new LexiconMatcher<{ camp: string; name: string }>();
    for (const [camp, names] of Object.entries(section.sources)) for (const n of names) sources.add(n, { camp, name: n });
    return { section, cues, sources };
  });
}
