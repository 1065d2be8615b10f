// Fatalities of an event, split the way its sentence splits them: the quantitative claims in
// the sentence whose nearest casualty cue is a death word (not "wounded"), sorted into total,
// civilians, children, women and combatants by the counted noun. "including", "among them"
// chain a subset to the death count before it ("11 civilians including three children", "86
// dead, 30 of them children"); "five of the dead were children" counts children, "18 people
// mostly children" people. A bare number counts only right beside a death word: page furniture
// ("Get short URL 612") is no toll.
import type { ClaimFinding, Span } from '../../../core/types.js';
import type { ClaimsLexicon } from '../claims/section.js';

export interface Fatalities {
  fatalities: number | null;
  civilianFatalities: number | null;
  childFatalities: number | null;
  womenFatalities: number | null;
  combatantFatalities: number | null;
  /** whether the civilian count is stated as such ("6 civilians"), not read from a count of people */
  civiliansStated?: boolean;
}

const GENERIC = new Set(['citizens', 'man', 'men',
  'people', 'person', 'persons', 'others', 'dead', 'human', 'human beings', 'человек', 'людей', 'victims', 'bodies', 'lives']);
const DEATH_NOUNS = new Set(['killed', 'dead', 'died', 'deaths', 'fatalities', 'martyrs', 'martyred', 'slain', 'victims', 'погибших']);
const SUBSET = /(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them|amongst\s+them|among|along\s+with|and|as\s+well\s+as|in\s+addition\s+to|plus|в\s+том\s+числе|из\s+них)\s+(?:at\s+least\s+|some\s+|about\s+)?$/i;

// "raised the death toll from air strikes on a market ... to 61": the toll's number may sit far from "toll"
const TOLL_BEFORE = /(?<=\btoll\b[^.;:]{0,110}?\b(?:to|at|of|reached|hit|stands?\s+at)\s+(?:at\s+least\s+|about\s+|nearly\s+|more\s+than\s+|over\s+|some\s+)?)/iy;
// "the victims included 51 children", "those killed include ...": a list of the dead
const VICTIMS_BEFORE = /(?<=\b(?:victims|dead|those\s+killed|fatalities)\s+(?:included|include|includes|were|are)\s+(?:at\s+least\s+|some\s+)?)/iy;
// a number with no counted noun is a death count only right next to a death word ("killed at least 58",
// "58 killed"): page furniture ("Get short URL 612", "updated 1838") is not
const BARE_BEFORE = /(?<=\b(?:killed|killing|kills|kill|died|claimed|martyred|toll|deaths?|dead)\s+(?:of\s+|at\s+|to\s+|rose\s+to\s+)?(?:at\s+least\s+|about\s+|nearly\s+|more\s+than\s+|over\s+|some\s+|around\s+|up\s+to\s+)?)/iy;
const BARE_AFTER = /\s*(?:people\s+|persons\s+|others\s+)?(?:(?:were|was|have|has|had|are|is|been|being|estimated|reported|reportedly|believed|said|to|feared|confirmed)\s+){0,5}(?:killed|dead|died|martyred|martyrs|slain|deaths)\b/iy;
// "five of the dead were children", "six were children": the noun after "were" is what the count is
const WERE_NOUN = /\s*(?:of\s+(?:the\s+|those\s+)?(?:dead|victims|killed|fatalities)\s+)?(?:were|are)\s+(?:all\s+)?(\p{L}+)/uy;
// "18 people mostly children": the count is of people, only most of whom are children
const MOSTLY = /\b(?:mostly|mainly|most\s+of\s+them|the\s+majority|majority\s+of\s+them|many\s+of\s+them)\b/i;
// "86 dead, 30 of them children": a count of a part of the count before
const OF_THEM = /^[^,;]*?\bof\s+(?:them|whom|those|the\s+dead|the\s+victims)\b/i;

const COORD_GAP = /^\s*(?:,|and|,\s*and)\s+(?:at\s+least\s+|some\s+)?$/i;

/** Whether a sticky regex matches at `at` (a lookbehind-only one: whether the text before `at` ends so). */
function stickyAt(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

/** The casualty cue a count belongs to: the first cue after it in its clause, else the nearest before. */
const OF_BEFORE = /(?=de|ki|ma|li|in|wo)\b(death|deaths|killing|martyrdom|lives|injury|injuries|injuring|wounding)\s+of\s+(?:at\s+least\s+|some\s+|about\s+|nearly\s+|more\s+than\s+|over\s+)?$/i;

function nearestCue(text: string, c: Span, sentence: Span, lex: ClaimsLexicon): 'death' | 'injury' | null {
  // "the death of eight and the injury of 89": the noun right before "of N" decides
  const of = OF_BEFORE.exec(text.slice(Math.max(sentence.start, c.start - 30), c.start));
  // "claimed the lives of some 80 people"
  if (of?.[1]) return /^(?:death|deaths|killing|martyrdom|lives)$/i.test(of[1]) ? 'death' : 'injury';
  const afterText = text.slice(c.end, Math.min(sentence.end, c.end + 70));
  const clauseEnd = afterText.search(/[;:]|\band\s+\p{L}+(?:ing|ed)\b|\b(?:while|whereas|but)\b/u);
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
  if (best) {
    // "including a child, 25 others injured": a cue past another count is that count's, unless ours is part of it ("were among 19 killed")
    const between = after.slice(0, bestAt);
    const digit = between.search(/\d/);
    if (best === 'death' || digit < 0 || /\b(?:among|of)\b/i.test(between.slice(0, digit))) return best;
    best = null;
  }
  // no cue after it: a toll told far before it ("raised the death toll ... to 61"), or a list of the dead
  if (stickyAt(TOLL_BEFORE, text, c.start) || stickyAt(VICTIMS_BEFORE, text, c.start)) return 'death';
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
  if (counted === 'schoolchildren') return 'children';
  if (GENERIC.has(counted) || DEATH_NOUNS.has(counted)) return 'generic';
  return lex.categories.get(counted) ?? null;
}

const SINGLE = /\b(?:a|an|one)\s+(?:young\s+|little\s+|elderly\s+|pregnant\s+|local\s+)?(woman|child|civilian|man|boy|girl|baby|infant|toddler|soldier|fighter|militant|policeman|person|journalist|doctor|teenager|citizen)\b/gi;
const SINGLE_COUNTED: Record<string, string> = { man: 'person', person: 'person', teenager: 'child', toddler: 'child', baby: 'child', infant: 'child', boy: 'child', girl: 'child' };
/** nouns counted as one without an article: "including child", "and her child", "child and woman" */
const BARE_NOUNS = ['woman', 'child', 'boy', 'girl', 'baby', 'infant'];
const BARE_AFTER_WORD = /(?<=\b(?:including|them|and|her|his|their)\s+)/y;
const BARE_BEFORE_PAIR = /\s+and\s+(?:a\s+|an\s+|her\s+|his\s+)?(?:woman|child|boy|girl|man|baby|mother|father)\b/y;

function asciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/**
 * "a woman", "a child", "including child", "child and woman": counts of one the number finder
 * leaves alone. ASCII patterns (English nouns only): an ASCII `\b` regex runs about twice as fast
 * as a Unicode-aware one, and the article-less nouns are found with `indexOf`, faster than any
 * regex over the whole sentence.
 */
function singles(text: string, sentence: Span): { start: number; end: number; value: number; counted: string }[] {
  const out: { start: number; end: number; value: number; counted: string }[] = [];
  const s = text.slice(sentence.start, sentence.end);
  SINGLE.lastIndex = 0;
  for (let m = SINGLE.exec(s); m; m = SINGLE.exec(s)) {
    const noun = (m[1] ?? '').toLowerCase();
    out.push({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length, value: 1, counted: SINGLE_COUNTED[noun] ?? noun });
  }
  for (const noun of BARE_NOUNS) {
    for (let i = s.indexOf(noun); i >= 0; i = s.indexOf(noun, i + 1)) {
      const end = i + noun.length;
      if ((i > 0 && asciiWordChar(s.charCodeAt(i - 1))) || (end < s.length && asciiWordChar(s.charCodeAt(end)))) continue;
      BARE_AFTER_WORD.lastIndex = i;
      BARE_BEFORE_PAIR.lastIndex = end;
      if (!BARE_AFTER_WORD.test(s) && !BARE_BEFORE_PAIR.test(s)) continue;
      // "a woman and child": "a woman" is counted already
      if (out.some((x) => x.start <= sentence.start + i && x.end >= sentence.start + end)) continue;
      out.push({ start: sentence.start + i, end: sentence.start + end, value: 1, counted: SINGLE_COUNTED[noun] ?? noun });
    }
  }
  return out;
}

export function fatalitiesIn(text: string, sentence: Span, claims: ClaimFinding[], lex: ClaimsLexicon): Fatalities {
  const byCat = new Map<string, number>();
  let lastDeath: Span | null = null;
  const items = [...claims, ...singles(text, sentence)].sort((a, b) => a.start - b.start);
  for (const c of items) {
    if (c.start < sentence.start || c.end > sentence.end) continue;
    let counted = c.counted;
    let cat = category(counted, lex) ?? (counted === '' ? 'generic' : null);
    // counts of other things (attacks, kilometres, years) end here, before any further test
    if (!cat) continue;
    const claimText = text.slice(c.start, c.end);
    // "18 people mostly children" counts people, only most of whom are children
    if ((cat === 'children' || cat === 'women') && MOSTLY.test(claimText)) {
      counted = 'people';
      cat = 'civilians';
    } else if (cat === 'generic' && c.end < sentence.end) {
      // "five of the dead were children", "six were children": the noun after "were" is what is counted
      WERE_NOUN.lastIndex = c.end;
      const were = WERE_NOUN.exec(text)?.[1]?.toLowerCase();
      const wereCat = were ? category(were, lex) : null;
      if (were && wereCat && wereCat !== 'generic') {
        counted = were;
        cat = wereCat;
      }
    }
    if (counted === '' && !stickyAt(BARE_BEFORE, text, c.start) && !stickyAt(TOLL_BEFORE, text, c.start) && !stickyAt(BARE_AFTER, text, c.end)) continue;
    let cue = DEATH_NOUNS.has(c.counted) ? 'death' : nearestCue(text, c, sentence, lex);
    if (cue === null) {
      // "six civilians and 16 fighters were killed": take the cue of the next coordinated count
      const next = items.find((x) => {
        if (x.start <= c.end || x.start - c.end >= 25) return false;
        const gap = text.slice(c.end, x.start);
        return COORD_GAP.test(gap) || COORD_GAP.test(gap.replace(/^\s*\p{L}+\s*/u, ' '));
      });
      if (next) cue = nearestCue(text, next, sentence, lex);
    }
    const subset = lastDeath !== null && (SUBSET.test(text.slice(Math.max(lastDeath.end, c.start - 30), c.start)) || (c.start - lastDeath.end < 40 && OF_THEM.test(claimText)));
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
  return { fatalities: total, civilianFatalities, childFatalities: children, womenFatalities: women, combatantFatalities: combatants, civiliansStated: civ !== null };
}
