// The `claims` pack section: number words (English, Russian), approximators, hedges,
// attribution cues and counted-noun categories. The schema is registered so that
// `npm run check:packs` validates it; `claimsLexicon` compiles it once per pack.
import type { Pack } from '../../../packs/loader.js';
import { readSection, registerSection } from '../../../packs/sections.js';
import { escapeRegExp } from '../../../core/text.js';
import { compileNumbers, type NumberMatcher, type NumberWords } from '../../numbers/parse.js';
import { prefixGuard } from '../../numbers/prefix.js';

export interface ClaimsSection {
  numbers: Record<string, NumberWords>;
  approximators: { words: string[]; hedge: boolean }[];
  hedges: string[];
  attribution: { verbs: string[]; prepositions: string[] };
  counted: Record<'civilians' | 'children' | 'women' | 'combatants' | 'deaths' | 'injuries', string[]>;
}

const numberMap = { type: 'object', additionalProperties: { type: 'number' } };
const words = { type: 'array', items: { type: 'string', minLength: 1 } };

export const claimsSection = registerSection({
  file: 'claims',
  required: false,
  schema: {
    type: 'object',
    required: ['numbers', 'approximators', 'hedges', 'attribution', 'counted'],
    properties: {
      numbers: {
        type: 'object',
        additionalProperties: {
          type: 'object',
          required: ['units', 'scales', 'ordinals', 'vague'],
          properties: { units: numberMap, scales: numberMap, ordinals: numberMap, vague: numberMap },
        },
      },
      approximators: {
        type: 'array',
        items: { type: 'object', required: ['words', 'hedge'], properties: { words, hedge: { type: 'boolean' } } },
      },
      hedges: words,
      attribution: { type: 'object', required: ['verbs', 'prepositions'], properties: { verbs: words, prepositions: words } },
      counted: {
        type: 'object',
        required: ['civilians', 'children', 'women', 'combatants', 'deaths', 'injuries'],
        additionalProperties: words,
      },
    },
  },
});

export interface ClaimsLexicon {
  numbers: NumberMatcher;
  /** approximator phrase ending right before a number; group 1 = the phrase */
  approxBefore: RegExp;
  hedgeApprox: Set<string>;
  hedges: RegExp;
  according: RegExp;
  verbs: RegExp;
  /** a speech verb right after a name ("X said"), for telling sources from agents */
  speechAfter: RegExp;
  categories: Map<string, string>;
  deaths: RegExp;
  injuries: RegExp;
  /** value of a count word ("two", "a dozen") for the date resolver */
  count: (word: string) => number | null;
}

const B = '(?<![\\p{L}\\p{N}_])';
const E = '(?![\\p{L}\\p{N}_])';
export function wordsRe(list: string[], flags = 'giu'): RegExp {
  const alt = [...new Set(list)].sort((a, b) => b.length - a.length).map((w) => escapeRegExp(w).replace(/ /g, '\\s+')).join('|');
  return new RegExp(`${prefixGuard(list)}${B}(?:${alt})${E}`, flags);
}

const EMPTY: ClaimsSection = {
  numbers: {},
  approximators: [],
  hedges: ['reportedly'],
  attribution: { verbs: ['said'], prepositions: ['according to'] },
  counted: { civilians: [], children: [], women: [], combatants: [], deaths: ['killed'], injuries: ['wounded'] },
};

export function claimsLexicon(pack: Pack): ClaimsLexicon {
  return pack.memo('claims:lexicon', () => {
    const s = readSection<ClaimsSection>(pack, claimsSection) ?? EMPTY;
    const numbers = compileNumbers(Object.values(s.numbers));
    const approxWords = s.approximators.flatMap((a) => a.words);
    const alt = [...new Set(approxWords)].sort((a, b) => b.length - a.length).map((w) => escapeRegExp(w).replace(/ /g, '\\s+')).join('|');
    const categories = new Map<string, string>();
    for (const cat of ['combatants', 'women', 'civilians', 'children'] as const) {
      for (const w of s.counted[cat]) categories.set(w.toLowerCase(), cat);
    }
    return {
      numbers,
      approxBefore: new RegExp(`${prefixGuard(alt ? approxWords : ['about'])}${B}(${alt || 'about'})\\s+$`, 'iu'),
      hedgeApprox: new Set(s.approximators.filter((a) => a.hedge).flatMap((a) => a.words.map((w) => w.toLowerCase()))),
      hedges: wordsRe(s.hedges),
      according: wordsRe(s.attribution.prepositions),
      verbs: wordsRe(s.attribution.verbs),
      speechAfter: new RegExp(`^\\s*(?:has\\s+|have\\s+|had\\s+)?(?:${s.attribution.verbs.filter((v) => v !== 'according').map(escapeRegExp).join('|')})(?![\\p{L}])`, 'iu'),
      categories,
      deaths: wordsRe(s.counted.deaths),
      injuries: wordsRe(s.counted.injuries),
      count: (w) => {
        const m = numbers.units.get(w.toLowerCase());
        return m ?? null;
      },
    };
  });
}
