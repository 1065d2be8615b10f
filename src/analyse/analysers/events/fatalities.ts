// Fatalities of an event, split the way its sentence splits them: the quantitative claims in
// the sentence whose nearest casualty cue is a death word (not "wounded"), sorted into total,
// civilians, children, women and combatants by the counted noun. "including", "among them"
// chain a subset to the death count before it ("11 civilians including three children").
import type { ClaimFinding, Span } from '../../../core/types.js';
import type { ClaimsLexicon } from '../claims/section.js';

export interface Fatalities {
  fatalities: number | null;
  civilianFatalities: number | null;
  childFatalities: number | null;
  womenFatalities: number | null;
  combatantFatalities: number | null;
}

const GENERIC = new Set(['citizens', 'man', 'men',
  'people', 'person', 'persons', 'others', 'dead', 'human', 'human beings', 'человек', 'людей', 'victims', 'bodies', 'lives']);
const DEATH_NOUNS = new Set(['killed', 'dead', 'died', 'deaths', 'fatalities', 'martyrs', 'victims', 'погибших']);
const SUBSET = /(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them|amongst\s+them|among|along\s+with|and|as\s+well\s+as|in\s+addition\s+to|plus|в\s+том\s+числе|из\s+них)\s+(?:at\s+least\s+|some\s+|about\s+)?$/i;

/** The casualty cue a count belongs to: the first cue after it in its clause, else the nearest before. */
const OF_BEFORE = /(?=de|ki|ma|li|in|wo)\b(death|deaths|killing|martyrdom|lives|injury|injuries|injuring|wounding)\s+of\s+(?:at\s+least\s+|some\s+|about\s+|nearly\s+|more\s+than\s+|over\s+)?$/i;

function nearestCue(text: string, c: Span, sentence: Span, lex: ClaimsLexicon): 'death' | 'injury' | null {
  // "the death of eight and the injury of 89": the noun right before "of N" decides
  const of = OF_BEFORE.exec(text.slice(Math.max(sentence.start, c.start - 30), c.start));
  // "claimed the lives of some 80 people"
  if (of?.[1]) return /^(?:death|deaths|killing|martyrdom|lives)$/i.test(of[1]) ? 'death' : 'injury';
  const afterText = text.slice(c.end, Math.min(sentence.end, c.end + 70));
  const clauseEnd = afterText.search(/[;:]|\band\s+\p{L}+(?:ing|ed)\b/u);
  const after = clauseEnd >= 0 ? afterText.slice(0, clauseEnd) : afterText;
  let best: 'death' | 'injury' | null = null;
  let bestAt = Infinity;
  for (const [kind, re] of [['death', lex.deaths], ['injury', lex.injuries]] as const) {
    re.lastIndex = 0;
    const m = re.exec(after);
    if (m && m.index < bestAt) {
      bestAt = m.index;
      best = kind;
    }
  }
  if (best) return best;
  const from = Math.max(sentence.start, c.start - 60);
  const beforeText = text.slice(from, c.start);
  let bestEnd = -1;
  for (const [kind, re] of [['death', lex.deaths], ['injury', lex.injuries]] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(beforeText); m; m = re.exec(beforeText)) {
      if (m.index + m[0].length > bestEnd) {
        bestEnd = m.index + m[0].length;
        best = kind;
      }
    }
  }
  return best;
}

function category(counted: string, lex: ClaimsLexicon): string | null {
  if (counted === 'citizen' || counted === 'citizens') return 'civilians';
  if (GENERIC.has(counted) || DEATH_NOUNS.has(counted)) return 'generic';
  return lex.categories.get(counted) ?? null;
}

const SINGLE = /(?<![\p{L}])(?:a|an|one)\s+(?:young\s+|little\s+|elderly\s+|pregnant\s+|local\s+)?(woman|child|civilian|man|boy|girl|baby|infant|toddler|soldier|fighter|militant|policeman|person|journalist|doctor|teenager|citizen)(?![\p{L}])/giu;
const SINGLE_COUNTED: Record<string, string> = { man: 'person', person: 'person', teenager: 'child', toddler: 'child', baby: 'child', infant: 'child', boy: 'child', girl: 'child' };

/** "a woman", "a child": counts of one the number finder leaves alone. */
function singles(text: string, sentence: Span): { start: number; end: number; value: number; counted: string }[] {
  const out: { start: number; end: number; value: number; counted: string }[] = [];
  const s = text.slice(sentence.start, sentence.end);
  SINGLE.lastIndex = 0;
  for (let m = SINGLE.exec(s); m; m = SINGLE.exec(s)) {
    const noun = (m[1] ?? '').toLowerCase();
    out.push({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length, value: 1, counted: SINGLE_COUNTED[noun] ?? noun });
  }
  return out;
}

export function fatalitiesIn(text: string, sentence: Span, claims: ClaimFinding[], lex: ClaimsLexicon): Fatalities {
  const byCat = new Map<string, number>();
  let lastDeath: Span | null = null;
  const items = [...claims, ...singles(text, sentence)].sort((a, b) => a.start - b.start);
  for (const c of items) {
    if (c.start < sentence.start || c.end > sentence.end) continue;
    const cat = category(c.counted, lex) ?? (c.counted === '' ? 'generic' : null);
    if (!cat) continue;
    let cue = DEATH_NOUNS.has(c.counted) ? 'death' : nearestCue(text, c, sentence, lex);
    if (cue === null) {
      // "six civilians and 16 fighters were killed": take the cue of the next coordinated count
      const next = items.find((x) => x.start > c.end && x.start - c.end < 25 && /^\s*(?:,|and|,\s*and)\s+(?:at\s+least\s+|some\s+)?$/i.test(text.slice(c.end, x.start).replace(/^\s*\p{L}+\s*/u, ' ')));
      if (next) cue = nearestCue(text, next, sentence, lex);
    }
    const subset = lastDeath !== null && SUBSET.test(text.slice(Math.max(lastDeath.end, c.start - 30), c.start));
    if (cue !== 'death' && !(subset && cue !== 'injury')) continue;
    // war-wide tolls ("more than 300,000 killed since 2011") are not one event's fatalities
    if (!Number.isInteger(c.value) || c.value > 5000) continue;
    lastDeath = c;
    byCat.set(cat, Math.max(byCat.get(cat) ?? 0, c.value));
  }
  if (!byCat.size) return { fatalities: null, civilianFatalities: null, childFatalities: null, womenFatalities: null, combatantFatalities: null };
  const generic = byCat.get('generic') ?? null;
  const civ = byCat.get('civilians') ?? null;
  const children = byCat.get('children') ?? null;
  const women = byCat.get('women') ?? null;
  const combatants = byCat.get('combatants') ?? null;
  const civilianFatalities = civ ?? (generic !== null && combatants === null ? generic : children !== null || women !== null ? (children ?? 0) + (women ?? 0) : null);
  const total = Math.max(generic ?? 0, (civilianFatalities ?? 0) + (combatants ?? 0));
  return { fatalities: total, civilianFatalities, childFatalities: children, womenFatalities: women, combatantFatalities: combatants };
}
