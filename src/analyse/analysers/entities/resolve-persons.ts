// Person resolution: registry aliases first ("Assad", "Bashar al-Assad", "President Assad",
// "Асад" are one person), then unregistered names. The recogniser is hand-written rather than
// compromise's or wink-nlp's NER: on our news text they tag "Deir", "Daesh" or "Ghouta" as people
// and miss Arabic names, and a rule over the dictionary scan we already have is ~50× faster.
// A name is a run of 1-4 capitalised tokens (with al-/bin/abu/de particles) not covered by any
// other entity, that follows a title ("spokesman", "Foreign Minister") or starts with a known
// first name; titles are stripped and give the role. A later surname-only mention of a found
// person is merged into it.
import type { PersonFinding, Span } from '../../../core/types.js';
import { slug } from '../../../core/ids.js';
import { lexiconTag } from '../../../gazetteer/geonames.js';
import { phraseKey } from '../../../match/normalise.js';
import { gap, hitsOf, lineStart, type Scan } from './scan.js';

const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'abu', 'abd', 'de', 'van', 'von', 'der', 'la', 'le', 'ad', 'ul', 'abdel', 'abdul']);
const NAME_TAG_RE = /Name|Person/;

export interface PersonMention extends Span {
  id: string;
  tokenStart: number;
  tokenEnd: number;
}

function titleBefore(scan: Scan, a: number): { role: string; strong: boolean } | null {
  const prev = scan.matchAt[a - 1];
  if (a === 0 || prev < 0) return null;
  const m = scan.matches[prev];
  if (m.tokenEnd !== a || /[.!?\n;:]/.test(gap(scan, a - 1, a))) return null;
  const role = hitsOf(m, 'title')[0]?.role;
  // "President X" names one word; "official X" or "spokesman X" may be an adjective before a noun
  return role ? { role, strong: scan.tokens[m.tokenStart].cap } : null;
}

const FEATURES = new Set(['village', 'villages', 'town', 'towns', 'area', 'areas', 'neighborhood', 'neighbourhood', 'neighborhoods', 'neighbourhoods', 'district', 'districts', 'region', 'regions', 'city', 'street', 'roundabout', 'dam', 'hospital', 'school', 'mosque', 'camp', 'farms', 'hill', 'mount', 'mountain', 'square', 'road', 'highway', 'valley', 'station', 'airport', 'base', 'crossing', 'quarter', 'river']);

/** "the villages of Abu Qatour", "Abu Kala dam": a place name, not a person */
function placeContext(scan: Scan, i: number, j: number): boolean {
  const { tokens } = scan;
  if (j < tokens.length && FEATURES.has(tokens[j].norm)) return true;
  // "the villages of Habreh al-Sharqi Rasm Hamideh Abu Qatour": a list of places runs on
  for (let k = Math.max(0, i - 14); k < i; k++) {
    const near = i - k <= 4 || /s$/.test(tokens[k].norm);
    if (near && FEATURES.has(tokens[k].norm) && !/[.!?\n;:]/.test(scan.text.slice(tokens[k].end, tokens[i].start))) return true;
  }
  return false;
}

// surnames whose ending says "person" on its own (Zakharchenko, Plotnitsky, Shevchuk, Petrovich)
const SLAVIC_SURNAME = /^[\p{L}]{3,}(enko|nko|tsky|tskiy|sky|skiy|skyi|ovich|evich|chuk|енко|ский|цкий|вич|чук)$/u;

const SPEECH = new Set(['said', 'says', 'told', 'added', 'stated', 'explained', 'noted', 'stressed', 'affirmed', 'warned', 'declared', 'wrote', 'tweeted', 'pointed']);

/** "Muwaffaq Nyrabia said": two or three unknown capitalised words right before a speech verb */
function speakerAt(scan: Scan, i: number): boolean {
  let j = i;
  while (j < scan.tokens.length && j - i < 3 && plainWord(scan, j) && lexiconTag(scan.tokens[j].norm) === undefined && (j === i || !/[.!?\n;:,()]/.test(gap(scan, j - 1, j)))) j++;
  if (j - i < 2 || j >= scan.tokens.length || /[.!?\n;:]/.test(gap(scan, j - 1, j))) return false;
  if (i > 0 && scan.tokens[i - 1].cap && scan.matchAt[i - 1] < 0 && !/[.!?\n;:,]/.test(gap(scan, i - 1, i))) return false;
  return SPEECH.has(scan.tokens[j].norm);
}

/** a line that is only a name ("Diego Castellanos", a comment's author) or "By Mazen Eyon" */
function bylineAt(scan: Scan, i: number): boolean {
  const { tokens, text } = scan;
  let head = text.slice(lineStart(scan, tokens[i].start), tokens[i].start);
  if (/^\s*by\s+$/i.test(head)) head = '';
  if (head.trim() !== '') return false;
  let j = i;
  while (j < tokens.length && j - i < 4 && plainWord(scan, j) && (j === i || /^[ \t]+$/.test(gap(scan, j - 1, j)))) j++;
  if (j - i < 2 || j - i > 3) return false;
  const lineEnd = text.indexOf('\n', tokens[j - 1].end);
  const tail = text.slice(tokens[j - 1].end, lineEnd < 0 ? Math.min(text.length, tokens[j - 1].end + 80) : lineEnd);
  return /^[\s\-–—,.]*(\d.*)?$/.test(tail);
}

/** one capitalised word whose only dictionary entries are small non-curated places ("Hamza") */
function smallPlaceWord(scan: Scan, i: number): boolean {
  const t = scan.tokens[i];
  const mi = scan.matchAt[i];
  if (!t.cap || t.upper || mi < 0) return false;
  const m = scan.matches[mi];
  if (m.tokenStart !== i || m.tokenEnd !== i + 1) return false;
  const places = hitsOf(m, 'place');
  return places.length === m.entries.length && places.every((h) => { const p = scan.lex.gaz.places[h.i]; return !p.curated && p.kind !== 'country' && p.kind !== 'region' && p.population < 100_000; });
}

function plainWord(scan: Scan, i: number): boolean {
  const t = scan.tokens[i];
  if (!t.cap || t.upper || /\d/.test(t.norm)) return false;
  if (scan.matchAt[i] >= 0) return false;
  const tag = lexiconTag(t.norm);
  if (tag === undefined) return true;
  let name = nameTag.get(tag);
  if (name === undefined) nameTag.set(tag, (name = NAME_TAG_RE.test(tag)));
  return name;
}
/** NAME_TAG_RE per distinct lexicon tag (a few hundred), not per token */
const nameTag = new Map<string, boolean>();

export function resolvePersons(scan: Scan): { persons: PersonFinding[]; mentions: PersonMention[] } {
  const { lex, matches, tokens } = scan;
  const byId = new Map<string, PersonFinding>();
  const mentions: PersonMention[] = [];
  const add = (id: string, name: string, role: string | null, actor: string | null, a: number, b: number, ruleId: string): void => {
    let f = byId.get(id);
    if (!f) {
      f = { id, name, role, actor, mentions: [] };
      byId.set(id, f);
    }
    f.role ??= role;
    f.mentions.push({ start: tokens[a].start, end: tokens[b - 1].end, ruleId });
    mentions.push({ id, start: tokens[a].start, end: tokens[b - 1].end, tokenStart: a, tokenEnd: b, ruleId });
  };
  for (const m of matches) {
    const p = hitsOf(m, 'person')[0];
    if (!p) continue;
    const spec = lex.persons.get(p.id);
    if (spec) add(`person:${spec.id}`, spec.name, spec.role, spec.actor ?? null, m.tokenStart, m.tokenEnd, 'persons-registry');
  }
  const surnames = new Map<string, string>();
  for (const f of byId.values()) surnames.set(f.name.split(/[\s-]+/).pop()?.toLowerCase() ?? '', f.id);
  // every proper tail of a found person's name ("abdel rahman" of "Rami Abdel Rahman") → that person
  const tailIndex = new Map<string, PersonFinding>();
  const indexTails = (f: PersonFinding): void => {
    const parts = phraseKey(f.name).split(' ');
    for (let k = 1; k < parts.length; k++) {
      const tail = parts.slice(k).join(' ');
      if (!tailIndex.has(tail)) tailIndex.set(tail, f);
    }
  };
  byId.forEach(indexTails);
  for (let i = 0; i < tokens.length; i++) {
    if (scan.matchAt[i] >= 0 || !plainWord(scan, i)) continue;
    const title = titleBefore(scan, i);
    const role = title?.role ?? null;
    const first = lex.firstNames.has(tokens[i].norm) || SLAVIC_SURNAME.test(tokens[i].norm);
    const known = surnames.get(tokens[i].norm);
    if (!role && !first && !known && !speakerAt(scan, i) && !bylineAt(scan, i)) continue;
    let j = i + 1;
    while (j < tokens.length && j - i < 5 && !/[.!?\n;:,()"“”]/.test(gap(scan, j - 1, j))) {
      const t = tokens[j];
      if (PARTICLES.has(t.norm) && j + 1 < tokens.length && (plainWord(scan, j + 1) || smallPlaceWord(scan, j + 1))) { j += 2; continue; }
      // "Abu Hamza al-Naimi": after a first name, a word that is also a village's name is a name
      if (!plainWord(scan, j) && !(first && smallPlaceWord(scan, j))) break;
      j++;
    }
    const n = j - i;
    if (!role && !known && n < 2 && !SLAVIC_SURNAME.test(tokens[i].norm)) continue;
    if (n === 1 && title && !title.strong && !known && !speakerAt(scan, i)) continue;
    // "… district in Aleppo Ibrahim Abu Leith told": a speaker is no place
    if (!role && !SPEECH.has(tokens[j]?.norm ?? '') && placeContext(scan, i, j)) { i = j - 1; continue; }
    if (n === 1 && known && !role) {
      const f = byId.get(known);
      if (f) add(f.id, f.name, f.role, f.actor ?? null, i, j, 'persons-surname');
      i = j - 1;
      continue;
    }
    const name = scan.text.slice(tokens[i].start, tokens[j - 1].end);
    const last = tokens[j - 1].norm;
    // "Abdel Rahman" after "Rami Abdel Rahman": the tail of a known name is the same person
    const key = tokens.slice(i, j).map((t) => t.norm).join(' ');
    const tailOf = tailIndex.get(key);
    const id = tailOf?.id ?? (surnames.get(last) && n === 1 ? (surnames.get(last) as string) : `person:${slug(name)}`);
    const existing = byId.get(id);
    add(id, existing?.name ?? name, role, existing?.actor ?? null, i, j, role ? 'persons-title' : 'persons-name');
    if (!existing) indexTails(byId.get(id) as PersonFinding);
    if (!surnames.has(last)) surnames.set(last, id);
    i = j - 1;
  }
  return { persons: [...byId.values()], mentions };
}
