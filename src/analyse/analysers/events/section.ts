// The `events` pack section: ACLED sub-event types, trigger words with type, sub-type, CAMEO
// root code and cause, protest escalation cues, cause hints and near-place cues. The schema is
// registered for `npm run check:packs`; `eventsLexicon` compiles one trigger regex per pack.
import type { EventType } from '../../../core/types.js';
import type { Pack } from '../../../packs/loader.js';
import { readSection, registerSection } from '../../../packs/sections.js';
import { escapeRegExp } from '../../../core/text.js';
import { prefixGuard } from '../../numbers/prefix.js';
import { triggerScanner, type TriggerScan } from './trigger-scan.js';

export interface TriggerSpec {
  id: string;
  family: string;
  priority: number;
  type: EventType;
  subType: string;
  cameo: string;
  cause: string | null;
  words: string[];
}

export interface EventsSection {
  subTypes: Record<EventType, string[]>;
  governmentAffiliations: string[];
  triggers: TriggerSpec[];
  protestEscalation: { intervention: string[]; excessiveForce: string[] };
  causeHints: Record<string, string[]>;
  nearPlace: string[];
}

const words = { type: 'array', items: { type: 'string', minLength: 1 } };
const EVENT_TYPES = ['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests', 'Riots', 'Strategic developments'];

export const eventsSection = registerSection({
  file: 'events',
  required: false,
  schema: {
    type: 'object',
    required: ['subTypes', 'governmentAffiliations', 'triggers', 'protestEscalation', 'causeHints', 'nearPlace'],
    properties: {
      subTypes: { type: 'object', propertyNames: { enum: EVENT_TYPES }, additionalProperties: words },
      governmentAffiliations: words,
      triggers: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'family', 'priority', 'type', 'subType', 'cameo', 'words'],
          properties: {
            id: { type: 'string', pattern: '^[a-z0-9-]+$' },
            family: { type: 'string' },
            priority: { type: 'number' },
            type: { enum: EVENT_TYPES },
            subType: { type: 'string' },
            cameo: { type: 'string', pattern: '^[0-2][0-9]$' },
            cause: { type: ['string', 'null'] },
            words,
          },
        },
      },
      protestEscalation: { type: 'object', required: ['intervention', 'excessiveForce'], properties: { intervention: words, excessiveForce: words } },
      causeHints: { type: 'object', additionalProperties: words },
      nearPlace: words,
    },
  },
  check(pack) {
    const s = pack.section('events') as EventsSection | undefined;
    if (!s?.triggers) return [];
    const problems: string[] = [];
    for (const t of s.triggers) {
      if (t.subType !== 'territory' && !(s.subTypes[t.type] ?? []).includes(t.subType)) {
        problems.push(`trigger ${t.id} has sub-type "${t.subType}", not an ACLED sub-type of ${t.type}`);
      }
    }
    return problems;
  },
});

const B = '(?<![\\p{L}\\p{N}_])';
const E = '(?![\\p{L}\\p{N}_])';

/** A word list as regex alternatives in matching order (longest first), each with its word; a trailing * takes any word ending. */
export function wordAlternatives(list: string[]): [string, string][] {
  return [...new Set(list)]
    .sort((a, b) => b.length - a.length)
    .map((w) => {
      const star = w.endsWith('*');
      const body = escapeRegExp(star ? w.slice(0, -1) : w).replace(/ /g, '\\s+').replace(/\\\*/g, '[\\p{L}-]*');
      return [w, star ? `${body}[\\p{L}-]*` : body];
    });
}

/** A word list as one alternation; a trailing * takes any word ending. */
export function wordAlternation(list: string[]): string {
  return wordAlternatives(list)
    .map(([, alt]) => alt)
    .join('|');
}

export function wordsRegExp(list: string[], flags = 'giu'): RegExp {
  return new RegExp(`${prefixGuard(list)}${B}(?:${wordAlternation(list)})${E}`, flags);
}

/**
 * One regex over every cause's hint words, a named group per cause: a sentence is scanned once
 * instead of once per cause; the cause first in the pack's list among those found wins, as before.
 */
function causeHinter(hints: Record<string, string[]>): (sentence: string) => string | null {
  const causes = Object.entries(hints).filter(([, list]) => list.length);
  if (!causes.length) return () => null;
  const groups = causes.map(([, list], i) => `(?<c${i}>${wordAlternation(list)})`).join('|');
  const re = new RegExp(`${prefixGuard(causes.flatMap(([, list]) => list))}${B}(?:${groups})${E}`, 'giu');
  return (sentence) => {
    let best = causes.length;
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const g = m.groups ?? {};
      for (let i = 0; i < best; i++) {
        if (g[`c${i}`] !== undefined) {
          best = i;
          break;
        }
      }
      if (best === 0) break;
    }
    return causes[best]?.[0] ?? null;
  };
}

export interface EventsLexicon {
  section: EventsSection;
  triggers: TriggerSpec[];
  /** one regex over every trigger word, longest first; `triggerOf` says whose word matched */
  triggerRe: RegExp;
  /** the matches of `triggerRe` in a string, found faster */
  scanTriggers: TriggerScan;
  triggerOf: (matched: string) => TriggerSpec | undefined;
  intervention: RegExp;
  excessiveForce: RegExp;
  /** the cause named by hint words in a sentence, the first cause of the pack's list that has one (one scan) */
  causeHint: (sentence: string) => string | null;
  /** sticky lookbehind: matches at a place's start when a near-place cue stands right before it */
  nearBefore: RegExp;
  government: Set<string>;
  /** the countries the conflict is fought in: the pack's first country */
  focusCountries: Set<string>;
}

export function eventsLexicon(pack: Pack): EventsLexicon | null {
  return pack.memo('events:lexicon', () => {
    const s = readSection<EventsSection>(pack, eventsSection);
    if (!s) return null;
    const triggers = s.triggers;
    // exact words resolve through a map, starred words through their prefixes (longest first)
    const exact = new Map<string, TriggerSpec>();
    const prefixes: [string, TriggerSpec][] = [];
    for (const t of triggers) {
      for (const w of t.words) {
        const key = w.toLowerCase().replace(/\s+/g, ' ');
        if (key.includes('*')) prefixes.push([key.slice(0, key.indexOf('*')), t]);
        else if (!exact.has(key)) exact.set(key, t);
      }
    }
    prefixes.sort((a, b) => b[0].length - a[0].length);
    // matched forms repeat endlessly ("shelling", "air strikes"): remember each once
    const seen = new Map<string, TriggerSpec | undefined>();
    const triggerOf = (matched: string): TriggerSpec | undefined => {
      if (seen.has(matched)) return seen.get(matched);
      const key = matched.toLowerCase().replace(/\s+/g, ' ');
      const spec = exact.get(key) ?? prefixes.find(([p]) => key.startsWith(p))?.[1];
      if (seen.size < 50_000) seen.set(matched, spec);
      return spec;
    };
    const triggerWords = triggers.flatMap((t) => t.words);
    // no prefix guard here: trigger words start with most letter pairs; `scanTriggers` filters instead
    const triggerRe = new RegExp(`${B}(?:${wordAlternation(triggerWords)})${E}`, 'giu');
    return {
      section: s,
      triggers,
      triggerRe,
      scanTriggers: triggerScanner(triggerRe, triggerWords),
      triggerOf,
      intervention: wordsRegExp(s.protestEscalation.intervention),
      excessiveForce: wordsRegExp(s.protestEscalation.excessiveForce),
      causeHint: causeHinter(s.causeHints),
      // a lookbehind, sticky: tested at a place's start, it reads only the words right before it
      nearBefore: new RegExp(`(?<=${B}(?:${wordAlternation(s.nearPlace)})\\s+(?:the\\s+)?(?:(?:town|city|village|province|governorate|countryside|district|area)\\s+(?:of\\s+)?)?)`, 'iuy'),
      government: new Set(s.governmentAffiliations),
      focusCountries: new Set(pack.manifest.countries.slice(0, 1)),
    };
  });
}
