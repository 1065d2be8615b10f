// Sources cited: the outlets, agencies, NGOs, ministries, governments and people a text relies
// on. An entity mention (outlet, actor, person) counts when it sits in an attribution frame —
// a cue before it ("according to", "citing", "told", "said" inverted), a reporting verb after it
// (optionally past an apposition: "Rami Abdel Rahman, head of the Observatory, said"), or an
// outlet in a dateline or credit ("(SANA)", "- REUTERS"). Unregistered sources are taken from the
// words after an "according to"-type cue: a capitalised name, or an unnamed source ("a military
// source", "local activists").
import type { SourceCitedFinding, Span } from '../../../core/types.js';
import { slug } from '../../../core/ids.js';
import type { ActorMention } from './resolve-actors.js';
import type { PersonMention } from './resolve-persons.js';
import { lexiconTag } from '../../../gazetteer/geonames.js';
import type { Match } from '../../../match/trie.js';
import type { Hit } from './lexicon.js';
import { gap, hitsOf, type Scan } from './scan.js';

const FILLERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their']);
const UNNAMED_HEAD = new Set(['sources', 'source', 'media', 'activists', 'witnesses', 'residents', 'medics', 'doctors', 'monitors']);
const UNNAMED_MOD = /^(local|military|medical|security|field|informed|diplomatic|opposition|government|western|russian|syrian|turkish|kurdish|iranian|israeli|lebanese|iraqi|pro|state|official|arab|western|news|hospital|rebel|several|other|some|many|two|three)$/;
const ORG_HEAD = /^(institute|organi[sz]ation|cent(er|re)|network|committee|council|ministry|agency|observatory|union|association|commission|office|command|directorate|authority|department|foundation|society|league|coalition|front|movement|group)$/;
const AFTER_SKIP = new Set(['strongly', 'firmly', 'publicly', 'categorically', 'officially', 'repeatedly', 'news', 'agency', 'television', 'channel', 'tv', 'just', 'newspaper', 'website', 'daily', 'reporter', 'correspondent', 'correspondents', 'reporters', 'also', 'has', 'have', 'had', 'later', 'earlier', 'previously', 'on', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'in', 'a', 'its', 'statement', 'has', 'reportedly', 'further', 'which', 'that', 'who', 'quoted', 'was', 'were']);
const INVERTED = new Set(['said', 'says', 'told', 'reported', 'according', 'stated', 'added', 'noted', 'wrote', 'explained', 'announced']);
const STOP_BETWEEN = new Set(['of', 'in', 'on', 'for', 'at', 'with', 'from', 'and', 'that']);
const INVERTED_TAIL = /^\s*(?:[.,;:)"”’\n]|$)/;
const UNNAMED = /^(?:(?:a|an|the|several|two|three|local|military|medical|security|field|informed|diplomatic|opposition|government|western|russian|syrian|turkish|kurdish|us|u|s|official|activist|rebel|hospital|eyewitness|other|some|many)\s+)*(?:sources?|activists?|witnesses|eyewitnesses|residents|officials?|doctors|medics|monitors?|observers|commanders?|spokesm[ae]n)$/i;
const ORG_WORD_KIND: [RegExp, string][] = [[/ministry|министерств/i, 'ministry'], [/agency|news|tv|channel|newspaper|radio|times|post/i, 'outlet'], [/observatory|network|committee|organi[sz]ation|watch|foundation|institute|center|centre|council|union|society/i, 'ngo'], [/government|presidency|office|embassy/i, 'government']];

interface Cited extends Span {
  key: string;
  name: string;
  kind: string | null;
  id: string | null;
  country: string | null;
  ownership?: string | null;
}

const DATELINE_NEXT = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|\d+)$/;

/** an agency byline near the top: "Monitor AFP Friday 1 Jul 2016", "Regional NNA - ", "Aleppo SANA-" */
function byline(scan: Scan, start: number, b: number): boolean {
  if (start > 200) return false;
  const after = scan.text.slice(scan.tokens[b - 1].end, scan.tokens[b - 1].end + 3);
  if (/^\s*[-–—]/.test(after)) return true;
  return b < scan.tokens.length && DATELINE_NEXT.test(scan.tokens[b].norm) && !/[.!?\n]/.test(gap(scan, b - 1, b));
}

const HEADLINE_ZONE = 250;
const FROM_CREDIT = /(?:^|[\n.!?]\s*)From\s+$/;

/** headline attribution: "Syrian Coalition: Targeting Civilians Is Terrorism", "US will stay in
 * Syria: Pompeo", or a credit line "From TASS" */
function headlineAttribution(scan: Scan, a: number, b: number): boolean {
  const { text, tokens } = scan;
  const start = tokens[a].start;
  const end = tokens[b - 1].end;
  const lineHead = start < HEADLINE_ZONE || /(?:^|\n)\s*$/.test(text.slice(Math.max(0, start - 40), start));
  // "X: quote" — X opens the headline (after a date at most) and a capitalised quote follows
  if (lineHead && /^\s*:\s+["“]?\p{Lu}/u.test(text.slice(end, end + 6))) return true;
  // "quote: X" — X closes the headline line
  if (/:\s*$/.test(text.slice(Math.max(0, start - 3), start)) && (lineHead || /^\s*(?:\n|$)/.test(text.slice(end, end + 3))) && /^\s*(?:[.\n|–—-]|$)/.test(text.slice(end, end + 3))) return true;
  return FROM_CREDIT.test(text.slice(Math.max(0, start - 12), start));
}

/** "said Observatory chief Rami Abdel Rahman", "said the Observatorys head Rami Abdulrahman": the
 * token where an inverted speech verb stands before ORG + title + person, or -1 */
const HEAD_WORD = /^(chief|head|director|founder|president|spokesman|spokeswoman|spokesperson|leader|commander|chairman)$/;

function orgTitleVerb(scan: Scan, personStart: number): number {
  const { tokens, matches, matchAt } = scan;
  let k = personStart - 1;
  const matchEndingAt = (i: number): Match<Hit> | null => (i >= 0 && matchAt[i] >= 0 && matches[matchAt[i]].tokenEnd === i + 1 ? matches[matchAt[i]] : null);
  if (k < 1 || /[.!?\n;:,]/.test(gap(scan, k, k + 1))) return -1;
  const title = matchEndingAt(k);
  if (title && hitsOf(title, 'title').length) k = title.tokenStart - 1;
  else if (HEAD_WORD.test(tokens[k].norm) && matchAt[k] < 0) k--;
  else return -1;
  const org = matchEndingAt(k);
  if (!org || !(hitsOf(org, 'actor').length || hitsOf(org, 'outlet').length) || /[.!?\n;:,]/.test(gap(scan, k, k + 1))) return -1;
  k = org.tokenStart - 1;
  if (k >= 0 && tokens[k].norm === 'the') k--;
  return k >= 0 && INVERTED.has(tokens[k].norm) && !/[.!?\n;:]/.test(gap(scan, k, k + 1)) ? k : -1;
}

/** the ORG of "said ORG chief PERSON": a modifier of the speaker, not the speaker */
function orgBeforeSpeaker(scan: Scan, b: number): boolean {
  if (b >= scan.tokens.length) return false;
  const mi = scan.matchAt[b];
  const titled = mi >= 0 ? hitsOf(scan.matches[mi], 'title').length > 0 : HEAD_WORD.test(scan.tokens[b].norm);
  if (!titled) return false;
  const t = mi >= 0 ? scan.matches[mi].tokenEnd : b + 1;
  const pi = t < scan.tokens.length ? scan.matchAt[t] : -1;
  return (pi >= 0 && hitsOf(scan.matches[pi], 'person').length > 0) || (t < scan.tokens.length && scan.tokens[t].cap && pi < 0);
}

function invertedEnd(scan: Scan, b: number): boolean {
  if (b >= scan.tokens.length) return true;
  const tail = scan.text.slice(scan.tokens[b - 1].end, scan.tokens[b - 1].end + 3);
  if (INVERTED_TAIL.test(tail)) return true;
  // "said SOHR chief Rami Abdel Rahman": a title and a name may follow
  const mi = scan.matchAt[b];
  return mi >= 0 && (hitsOf(scan.matches[mi], 'title').length > 0 || hitsOf(scan.matches[mi], 'person').length > 0) || /^(chief|head|director|spokesman|spokeswoman|official)$/.test(scan.tokens[b].norm);
}

/** a cue ends right before the mention, or at most four descriptive words before it
 * ("according to Lebanese Shiite paramilitary group Hezbollah") */
function cueBefore(scan: Scan, a: number, end: number): boolean {
  if (/\(\s*source:\s*(the\s+)?$/i.test(scan.text.slice(Math.max(0, scan.tokens[a].start - 16), scan.tokens[a].start))) return true;
  for (let k = a - 1; k >= 0 && a - k <= 5; k--) {
    if (k < a - 1 && STOP_BETWEEN.has(scan.tokens[k].norm)) return false;
    if (/[.!?\n;:()"“”,]/.test(gap(scan, k, k + 1))) return false;
    const mi = scan.matchAt[k];
    if (mi >= 0 && hitsOf(scan.matches[mi], 'cue-before').length && scan.matches[mi].tokenEnd === k + 1) return true;
    // "…" said the Observatory. / said Observatory chief Rami Abdel Rahman: the mention must close the clause
    if (a - k <= 2 && INVERTED.has(scan.tokens[k].norm)) return invertedEnd(scan, end);
    if (mi >= 0 && k < a - 1 && hitsOf(scan.matches[mi], 'place').length !== scan.matches[mi].entries.length) return false; // another entity in between ("UK-based" is fine)
  }
  return false;
}

function cueAfter(scan: Scan, b: number): boolean {
  const { tokens, lex } = scan;
  let j = b;
  // '… still with the Kurdish militants" said the Observatory': the quotation ends, its speaker follows
  if (j < tokens.length && /["”]/.test(gap(scan, j - 1, j))) return false;
  // apposition: ", head of the Observatory, said" / "(SOHR) said"
  const g = j < tokens.length ? gap(scan, j - 1, j) : '';
  if (/^\s*[,(]\s*$/.test(g)) {
    let k = j;
    while (k < tokens.length && k - j < 14 && !/[.!?\n;]/.test(gap(scan, k, k + 1 < tokens.length ? k + 1 : k))) {
      if (k + 1 < tokens.length && /^\s*[,)]\s*$/.test(gap(scan, k, k + 1))) { j = k + 1; break; }
      k++;
    }
  }
  // apposition without commas (text stripped of punctuation): "SOHR a Britain-based monitoring group reported"
  if (j === b && j < tokens.length && (tokens[j].norm === 'a' || tokens[j].norm === 'an') && !/[.!?\n;]/.test(gap(scan, j - 1, j))) {
    // "Suhaib al-Ruhail a spokesman for the Alwiyat al-Furqan militant group said": titles, places
    // and groups may stand in the apposition, another person or outlet may not
    for (let k = j + 1; k < tokens.length && k - j < 10; k++) {
      const mk = scan.matchAt[k] >= 0 ? scan.matches[scan.matchAt[k]] : null;
      if (/[.!?\n;]/.test(gap(scan, k - 1, k)) || (mk && (hitsOf(mk, 'person').length || hitsOf(mk, 'outlet').length || hitsOf(mk, 'cue-before').length))) break;
      if (lex.afterCues.has(tokens[k].norm) && /(ed|s)$/.test(tokens[k].norm)) return true;
    }
  }
  for (let n = 0; j < tokens.length && n < 4; j++, n++) {
    if (j > b && /[.!?\n;]/.test(gap(scan, j - 1, j))) return false;
    const w = tokens[j].norm;
    if (lex.afterCues.has(w)) return true;
    if (j + 1 < tokens.length && lex.afterCues.has(`${w} ${tokens[j + 1].norm}`)) return true;
    // "SANA reporter in Quneitra said": skip a place after "in"
    const mi = scan.matchAt[j];
    if (mi >= 0 && tokens[j - 1]?.norm === 'in' && hitsOf(scan.matches[mi], 'place').length) {
      j = scan.matches[mi].tokenEnd - 1;
      continue;
    }
    if (!AFTER_SKIP.has(w)) return false;
  }
  return false;
}

function kindOfActor(scan: Scan, id: string): string {
  const spec = scan.lex.actors.get(id);
  if (spec?.kind) return spec.kind;
  if (/ministry/.test(id)) return 'ministry';
  if (spec?.affiliation === 'international_body') return 'international_body';
  if (/government|kremlin/.test(id) || id.startsWith('government-')) return 'government';
  return 'other';
}

export function resolveSources(scan: Scan, actors: ActorMention[], persons: PersonMention[], actorNames: Map<string, string>, personNames: Map<string, string> = new Map()): SourceCitedFinding[] {
  const { lex, matches, tokens, text } = scan;
  // a token free for an unregistered name: no entity on it, or only a place ("Aleppo Police Command")
  const freeAt = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const mi = scan.matchAt[i];
    freeAt[i] = mi < 0 || hitsOf(matches[mi], 'place').length === matches[mi].entries.length ? 1 : 0;
  }
  const free = (i: number): boolean => freeAt[i] === 1;
  const cited: Cited[] = [];
  const span = (a: number, b: number): Span => ({ start: tokens[a].start, end: tokens[b - 1].end });
  for (const m of matches) {
    const o = hitsOf(m, 'outlet')[0];
    if (!o) continue;
    const spec = lex.outlets.get(o.id);
    if (!spec) continue;
    const before = text.slice(Math.max(0, m.start - 30), m.start);
    const after = text.slice(m.end, m.end + 30);
    const paren = /\([^()]*$/.test(before) && /^[^()]*\)/.test(after) && !/\n/.test(before.slice(before.lastIndexOf('('))) && /^\(\s*(with|source|via|by|from|\s*$)/i.test(before.slice(before.lastIndexOf('('))) && !/^\s*photo/i.test(after);
    const credit = (text.length - m.end < 40 && /[-–—]\s*$/.test(text.slice(Math.max(0, m.start - 4), m.start))) || byline(scan, m.start, m.tokenEnd);
    const attributed = cueBefore(scan, m.tokenStart, m.tokenEnd) || cueAfter(scan, m.tokenEnd) || headlineAttribution(scan, m.tokenStart, m.tokenEnd);
    if (!paren && !credit && !attributed) continue;
    cited.push({ ...span(m.tokenStart, m.tokenEnd), ruleId: attributed ? 'sources-cited-attribution' : 'sources-cited-dateline', key: `outlet:${spec.id}`, name: spec.name, kind: spec.kind, id: spec.id, country: spec.country, ownership: spec.ownership ?? null });
  }
  for (const a of actors) {
    if (a.ruleId === 'actors-group-word' || a.ruleId === 'actors-epithet') continue;
    if (!cueBefore(scan, a.tokenStart, a.tokenEnd) && !cueAfter(scan, a.tokenEnd) && !headlineAttribution(scan, a.tokenStart, a.tokenEnd)) continue;
    if (orgBeforeSpeaker(scan, a.tokenEnd) && !cueAfter(scan, a.tokenEnd)) continue;
    cited.push({ start: a.start, end: a.end, ruleId: 'sources-cited-attribution', key: `actor:${a.id}`, name: actorNames.get(a.id) ?? a.id, kind: kindOfActor(scan, a.id), id: a.id, country: null });
  }
  for (const p of persons) {
    if (!cueBefore(scan, p.tokenStart, p.tokenEnd) && !cueAfter(scan, p.tokenEnd) && !headlineAttribution(scan, p.tokenStart, p.tokenEnd) && orgTitleVerb(scan, p.tokenStart) < 0) continue;
    const name = personNames.get(p.id) ?? lex.persons.get(p.id.replace(/^person:/, ''))?.name ?? text.slice(p.start, p.end);
    cited.push({ start: p.start, end: p.end, ruleId: 'sources-cited-attribution', key: p.id, name, kind: 'person', id: p.id, country: null });
  }
  // unregistered: the words right after an "according to"-type cue ("told X": X hears, not speaks)
  for (const m of matches) {
    if (!hitsOf(m, 'cue-before').length || (m.tokenEnd - m.tokenStart === 1 && tokens[m.tokenStart].norm === 'told')) continue;
    let a = m.tokenEnd;
    while (a < tokens.length && FILLERS.has(tokens[a].norm)) a++;
    if (a >= tokens.length || !free(a) || /[.!?\n;]/.test(gap(scan, m.tokenEnd - 1, a))) continue;
    let b = a;
    const capitalised = tokens[a].cap;
    while (b < tokens.length && b - a < 8 && free(b) && (b === a || !/[.!?\n;,()]/.test(gap(scan, b - 1, b)))) {
      const t = tokens[b];
      if (capitalised ? !(t.cap || ['of', 'for', 'the', 'and', 'al', 'on'].includes(t.norm)) : !/^[\p{Ll}]/u.test(text[t.start])) break;
      b++;
    }
    while (b > a && ['of', 'for', 'the', 'and', 'on'].includes(tokens[b - 1].norm)) b--;
    if (b === a) continue;
    const name = text.slice(tokens[a].start, tokens[b - 1].end);
    if (!capitalised && !UNNAMED.test(name)) continue;
    if (capitalised && [...Array(b - a).keys()].every((k) => scan.matchAt[a + k] >= 0)) continue;
    if (capitalised && b - a === 1 && lexiconTag(tokens[a].norm) !== undefined && !/Name|Person|Organization/.test(lexiconTag(tokens[a].norm) ?? '')) continue;
    // a registered entity a few words on is the real source ("according to Lebanese group Hezbollah")
    if ([...Array(Math.min(6, tokens.length - a)).keys()].some((k) => { const mi = scan.matchAt[a + k]; return mi >= 0 && !free(a + k) && !hitsOf(matches[mi], 'cue-before').length; })) continue;
    const kind = capitalised ? ORG_WORD_KIND.find(([re]) => re.test(name))?.[1] ?? (lex.firstNames.has(tokens[a].norm) ? 'person' : 'other') : 'other';
    cited.push({ ...span(a, b), ruleId: capitalised ? 'sources-cited-pattern' : 'sources-cited-unnamed', key: `name:${slug(name)}`, name, kind, id: null, country: null });
  }
  // unnamed sources that speak: "military sources said", "Kurdish media reported"
  for (let i = 0; i < tokens.length; i++) {
    if (!UNNAMED_HEAD.has(tokens[i].norm) || !cueAfter(scan, i + 1)) continue;
    let a = i;
    while (a > 0 && i - a < 3 && free(a - 1) && !/[.!?\n;:,()"“”]/.test(gap(scan, a - 1, a)) && UNNAMED_MOD.test(tokens[a - 1].norm)) a--;
    if (a === i && /^(media|sources?)$/.test(tokens[i].norm) && tokens[i - 1]?.norm !== 'the') continue;
    const name = text.slice(tokens[a].start, tokens[i].end);
    cited.push({ ...span(a, i + 1), ruleId: 'sources-cited-unnamed', key: `name:${slug(name)}`, name, kind: 'other', id: null, country: null });
  }
  // unregistered organisations that speak: "The Syrian Institute of Justice said"
  const countryAt = (i: number): boolean => scan.matchAt[i] >= 0 && hitsOf(matches[scan.matchAt[i]], 'place').some((h) => lex.gaz.places[h.i].kind === 'country');
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i].cap || !free(i) || countryAt(i) || (i > 0 && tokens[i - 1].cap && !/[.!?\n;:,()]/.test(gap(scan, i - 1, i)))) continue;
    let j = i;
    let org = false;
    while (j < tokens.length && j - i < 8 && (tokens[j].cap || ['of', 'for', 'the', 'and', 'on'].includes(tokens[j].norm)) && free(j) && (j === i || !/[.!?\n;:,()]/.test(gap(scan, j - 1, j)))) {
      if (tokens[j].cap && ORG_HEAD.test(tokens[j].norm)) org = true;
      j++;
    }
    // "Firat news agency said"
    if (j - i >= 1 && j + 1 < tokens.length && /^(news|agency|newspaper|channel|tv|website|daily)$/.test(tokens[j].norm)) {
      org = true;
      while (j < tokens.length && /^(news|agency|newspaper|channel|tv|website|daily)$/.test(tokens[j].norm)) j++;
    }
    if (org && j - i >= 2 && cueAfter(scan, j)) {
      let a = i;
      while (a < j && FILLERS.has(tokens[a].norm)) a++;
      const name = text.slice(tokens[a].start, tokens[j - 1].end);
      const kind = ORG_WORD_KIND.find(([re]) => re.test(name))?.[1] ?? 'other';
      cited.push({ ...span(a, j), ruleId: 'sources-cited-pattern', key: `name:${slug(name)}`, name, kind, id: null, country: null });
    }
    i = j;
  }
  const byKey = new Map<string, SourceCitedFinding>();
  const seen = new Set<string>();
  for (const c of cited) {
    const k = `${c.start}:${c.end}`;
    if (seen.has(k)) continue;
    seen.add(k);
    let f = byKey.get(c.key);
    if (!f) {
      f = { name: c.name, kind: c.kind, id: c.id, country: c.country, ...(c.ownership !== undefined ? { ownership: c.ownership } : {}), mentions: [] };
      byKey.set(c.key, f);
    }
    f.mentions.push({ start: c.start, end: c.end, ruleId: c.ruleId });
  }
  return [...byKey.values()];
}
