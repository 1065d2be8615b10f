// Actor resolution: registry aliases (with renamings and nationality × force-noun phrases),
// countries and capitals used as agents (metonyms from the place resolver), bare group words
// resolved to the actor last named with a fitting affiliation ("the rebels", "the army",
// "militants"), and epithets recorded as labels on the actor they refer to (the actor written
// next to them, else the nearest fitting actor in the sentence or the one before, else the
// epithet's default) — never as separate actors.
import type { ActorFinding, ActorLabel, Span } from '../../../core/types.js';
import { slug } from '../../../core/ids.js';
import type { Metonym } from './resolve-places.js';
import { gap, hitsOf, type Scan } from './scan.js';

export interface ActorMention extends Span {
  id: string;
  tokenStart: number;
  tokenEnd: number;
  sent: number;
}

export interface ActorResult {
  actors: ActorFinding[];
  mentions: ActorMention[];
}

const WINDOW_SENTENCES = 2;
const LINKS_FIRST = new Set(['of', 'affiliated', 'linked', 'belonging', 'loyal', 'from']);
const LINKS = new Set(['of', 'the', 'so', 'called', 'affiliated', 'with', 'linked', 'to', 'belonging', 'loyal', 'from']);

/** "THIS IS NOT SYRIA": a short acronym inside an all-capitals run is an ordinary word */
function shoutedAcronym(scan: Scan, a: number, b: number): boolean {
  const t = scan.tokens;
  if (b - a !== 1 || !t[a].upper || t[a].end - t[a].start > 3) return false;
  const loud = (i: number): boolean => i >= 0 && i < t.length && t[i].upper && scan.matchAt[i] < 0 && t[i].end - t[i].start >= 2;
  return loud(a - 1) || loud(b);
}

export function resolveActors(scan: Scan, metonyms: Metonym[]): ActorResult {
  const { lex, matches, sentOf, tokens } = scan;
  const explicit: ActorMention[] = [];
  const extra = new Map<string, { name: string; affiliation: string }>();
  const mention = (id: string, a: number, b: number, ruleId: string): ActorMention =>
    ({ id, start: tokens[a].start, end: tokens[b - 1].end, tokenStart: a, tokenEnd: b, sent: sentOf[a], ruleId });

  for (const m of matches) {
    const ids = hitsOf(m, 'actor');
    if (ids.length && !shoutedAcronym(scan, m.tokenStart, m.tokenEnd)) explicit.push(mention(ids[0].id, m.tokenStart, m.tokenEnd, 'actors-registry'));
  }
  const natByCountry = new Map(lex.nationalities.map((n) => [n.country, n]));
  const countryName = lex.countryNames;
  for (const t of metonyms) {
    let id = natByCountry.get(t.country)?.government;
    if (!id) {
      id = `government-${t.country.toLowerCase()}`;
      extra.set(id, { name: `Government of ${countryName.get(t.country) ?? t.country}`, affiliation: 'other' });
    }
    explicit.push(mention(id, t.tokenStart, t.tokenEnd, 'actors-metonymy'));
  }
  explicit.sort((x, y) => x.start - y.start);

  const affiliationOf = (id: string): string => lex.actors.get(id)?.affiliation ?? extra.get(id)?.affiliation ?? 'other';
  const military = new Set(lex.nationalities.map((n) => n.military));
  const government = new Set(lex.nationalities.map((n) => n.government));
  // NGOs, media and political bodies are never what "the rebels" or "terrorists" refer to
  const fits = (id: string, near: string[]): boolean => near.includes(id) || !lex.actors.get(id)?.kind &&
    near.some((n) => (n === 'military' ? military.has(id) : n === 'government' ? government.has(id) || id.startsWith('government-') : affiliationOf(id) === n || id === n));
  // named actors in `near` may be far back ("the Coalition" paragraphs after "the Syrian Coalition")
  const namedBefore = (tokenStart: number, near: string[]): ActorMention | undefined => {
    for (let k = firstAfter(tokenStart) - 1; k >= 0; k--) if (near.includes(explicit[k].id)) return explicit[k];
    return undefined;
  };
  // explicit mentions are sorted by position: walk back from the word, then (for epithets) forward
  const firstAfter = (token: number): number => {
    let lo = 0;
    let hi = explicit.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (explicit[mid].tokenStart < token) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const nearest = (tokenStart: number, tokenEnd: number, near: string[], after: boolean): ActorMention | undefined => {
    const sent = sentOf[tokenStart];
    const from = firstAfter(tokenStart);
    for (let k = from - 1; k >= 0; k--) {
      const x = explicit[k];
      if (sent - x.sent > WINDOW_SENTENCES - 1) break;
      if (x.tokenEnd <= tokenStart && fits(x.id, near)) return x;
    }
    if (!after) return undefined;
    for (let k = firstAfter(tokenEnd); k < explicit.length && explicit[k].sent === sent; k++) if (fits(explicit[k].id, near)) return explicit[k];
    return undefined;
  };

  const all: ActorMention[] = [...explicit];
  // a headline's "18 jihadists killed" names its group only later: look one sentence ahead
  const following = (tokenEnd: number, near: string[]): ActorMention | undefined => {
    const sent = sentOf[Math.min(tokenEnd, tokens.length - 1)];
    for (let k = firstAfter(tokenEnd); k < explicit.length && explicit[k].sent - sent <= 1; k++) if (fits(explicit[k].id, near)) return explicit[k];
    return undefined;
  };
  const adjacentBefore = (a: number): ActorMention | undefined => {
    if (a === 0 || /[.,;:!?\n(]/.test(gap(scan, a - 1, a))) return undefined;
    const x = explicitEnd.get(a);
    if (x) return x;
    // "the Erdogan regime": the person's own actor
    const mi = scan.matchAt[a - 1];
    const person = mi >= 0 ? hitsOf(matches[mi], 'person')[0] : undefined;
    const actor = person ? lex.persons.get(person.id)?.actor : undefined;
    return actor ? mention(actor, matches[mi].tokenStart, a, 'actors-person') : undefined;
  };
  const adjacentAfter = (b: number): ActorMention | undefined => {
    let j = b;
    if (j < tokens.length && /[.,;:!?\n(]/.test(gap(scan, j - 1, j))) return undefined;
    if (explicitAt.has(j)) return explicitAt.get(j); // "the terrorist Ahrar al-Sham"
    if (tokens[j] && !LINKS_FIRST.has(tokens[j].norm)) return undefined;
    while (j < tokens.length && j - b < 5 && LINKS.has(tokens[j].norm)) j++;
    return explicitAt.get(j);
  };
  // "the government of President Bashar Assad": the named person's own actor
  const ofPerson = (b: number): string | undefined => {
    let j = b;
    if (tokens[j]?.norm !== 'of' || /[.!?\n;:,]/.test(gap(scan, j - 1, j))) return undefined;
    j++;
    let mi = j < tokens.length ? scan.matchAt[j] : -1;
    if (mi >= 0 && hitsOf(matches[mi], 'title').length && !hitsOf(matches[mi], 'person').length) {
      j = matches[mi].tokenEnd;
      mi = j < tokens.length ? scan.matchAt[j] : -1;
    }
    const person = mi >= 0 ? hitsOf(matches[mi], 'person')[0] : undefined;
    return (person ? lex.persons.get(person.id)?.actor : undefined) ?? undefined;
  };
  const labels: (ActorLabel & { id: string })[] = [];
  const explicitAt = new Map(explicit.map((x) => [x.tokenStart, x]));
  const explicitEnd = new Map(explicit.map((x) => [x.tokenEnd, x]));
  for (const m of matches) {
    const ids = hitsOf(m, 'actor');
    for (const e of hitsOf(m, 'epithet')) {
      const spec = lex.epithets[e.e];
      let target: string | null = ids[0]?.id ?? null;
      let standalone = !target;
      if (!target) {
        // "Nusra terrorists", "terrorists of the so-called Jaish al-Islam", "terrorists affiliated with Jabhat al-Nusra"
        const before = adjacentBefore(m.tokenStart);
        if (before) { target = before.id; standalone = false; }
        const after = target ? undefined : adjacentAfter(m.tokenEnd);
        if (after) {
          target = after.id;
          // "the terrorist Ahrar al-Sham", "террористы ИГИЛ": one mention, the epithet is its label
          if (after.tokenStart === m.tokenEnd) standalone = false;
        }
      }
      target ??= (spec.fixed ? spec.default : null) ?? nearest(m.tokenStart, m.tokenEnd, spec.targets, true)?.id ?? spec.default;
      if (!target) continue;
      labels.push({ id: target, start: m.start, end: m.end, label: spec.label, camp: spec.camp, ruleId: 'actors-epithet' });
      if (standalone && !hitsOf(m, 'group').length) all.push(mention(target, m.tokenStart, m.tokenEnd, 'actors-epithet'));
    }
    if (ids.length) continue;
    for (const g of hitsOf(m, 'group')) {
      const spec = lex.groups[g.g];
      if (adjacentBefore(m.tokenStart)) break; // "IS jihadists", "Daesh fighters": one mention
      const id = ofPerson(m.tokenEnd) ?? nearest(m.tokenStart, m.tokenEnd, spec.near, false)?.id ?? namedBefore(m.tokenStart, spec.near)?.id ?? following(m.tokenEnd, spec.near)?.id ?? spec.default;
      all.push(mention(id, m.tokenStart, m.tokenEnd, 'actors-group-word'));
      break;
    }
  }

  const byId = new Map<string, ActorFinding>();
  const finding = (id: string): ActorFinding => {
    let f = byId.get(id);
    if (!f) {
      const spec = lex.actors.get(id);
      const x = extra.get(id);
      f = { id: spec ? id : x ? id : slug(id), name: spec?.name ?? x?.name ?? id, affiliation: affiliationOf(id), mentions: [], labels: [] };
      byId.set(id, f);
    }
    return f;
  };
  const seen = new Set<string>();
  for (const x of all) {
    const key = `${x.start}:${x.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    finding(x.id).mentions.push({ start: x.start, end: x.end, ruleId: x.ruleId });
  }
  for (const l of labels) {
    const { id, ...label } = l;
    finding(id).labels.push(label);
  }
  return { actors: [...byId.values()], mentions: all };
}
