// Place resolution, after the best geoparsers (CLIFF-CLAVIN, Mordecai): a name's candidates are
// scored by the countries the document is about (the pack's focus countries plus every country
// the document names or places unambiguously), colocation with places already found (same
// first-level region), curation and population. Names inside organisation names or person names
// are dropped, small foreign places need country context, and a country or capital used as an
// agent ("Moscow vetoed", "Damascus says", "brokered by Washington") is handed to the actor
// resolver instead of becoming a place. Direction words and "countryside/outskirts of" attach
// to their place ("eastern Aleppo", "northwest Syria").
import type { PlaceFinding, Span } from '../../../core/types.js';
import { BARE_MIN_POPULATION, fuzzyPlaces } from './fuzzy-places.js';
import { gap, hasHit, hitsOf, type Scan } from './scan.js';
import type { Lexicon } from './lexicon.js';

export interface Metonym extends Span {
  country: string;
  tokenStart: number;
  tokenEnd: number;
}

const ORG_AFTER = new Set(['police', 'command', 'provincial', 'governor', 'post', 'times', 'agency', 'council', 'university', 'center', 'centre', 'front', 'brigade', 'brigades', 'battalion', 'battalions', 'division', 'movement', 'committee', 'network', 'corps', 'legion', 'group', 'club', 'media', 'operations', 'military', 'revolutionary', 'military council', 'tribune', 'herald', 'journal', 'airlines', 'airways', 'bank', 'fc', 'observatory', 'declaration', 'process', 'talks', 'conference', 'format', 'agreement', 'accord', 'memorandum', 'communique', 'summit']);
const ORG_BEFORE = new Set(['operation', 'jaish', 'jaysh', 'liwa', 'fatah', 'fateh', 'ahrar', 'jabhat', 'harakat', 'katibat', 'faylaq', 'ansar', 'jund', 'tajammu', 'alwiya', 'saraya', 'kataib', 'hayat', 'hay', 'university', 'bank', 'of']);
const DIRECTIONS = new Set(['eastern', 'western', 'northern', 'southern', 'central', 'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'northeastern', 'northwestern', 'southeastern', 'southwestern', 'rural', 'greater', 'downtown', 'восточн', 'западн', 'северн', 'южн']);
const OF_LEADS = [['outskirts', 'of'], ['countryside', 'of'], ['suburbs', 'of'], ['outskirts', 'of', 'the', 'city', 'of'], ['city', 'of'], ['town', 'of'], ['village', 'of'], ['province', 'of'], ['governorate', 'of'], ['countryside'], ['north', 'of'], ['south', 'of'], ['east', 'of'], ['west', 'of']];
const TRAILERS = new Set(['countryside', 'province', 'governorate', 'outskirts', 'suburbs', 'city', 'provinces']);
const AGENT_SKIP = new Set(['also', 'has', 'have', 'had', 'repeatedly', 'previously', 'already', 'reportedly', 'officially', 'on', 'and', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'again', 'now', 'then', 'too', 'further', 'strongly', 'firmly', 'not', 'never', 'always', 'has', 'would', 'will', 'could', 'is', 'was', 'are', 'were', 'been', 'be', 'which', 'who', 'itself', 'later', 'eventually', 'quickly', 'swiftly']);
// "prompting Ankara to launch", "urged Moscow to", "accuses Riyadh of funding": the state acts
const CAUSE_BEFORE = new Set(['prompting', 'prompted', 'forcing', 'forced', 'pushing', 'pushed', 'pressing', 'pressed', 'urging', 'urged', 'urges', 'asking', 'asked', 'asks', 'allowing', 'allowed', 'leading', 'led', 'encouraging', 'encouraged', 'persuading', 'persuaded', 'calling', 'called', 'calls', 'inviting', 'invited', 'warning', 'warned']);
const AGREED = new Set(['agreed', 'reached', 'signed', 'brokered', 'deal', 'agreement', 'accord', 'talks', 'negotiated', 'mechanism']);
const ACCUSE_BEFORE = new Set(['accuses', 'accused', 'accusing', 'accuse', 'blames', 'blamed', 'blaming', 'blame', 'condemned', 'condemns', 'criticised', 'criticized', 'criticises', 'criticizes']);
const BY_BEFORE = new Set(['by', 'between']);
const LOCATIVE = new Set(['in', 'inside', 'into', 'across', 'throughout', 'from', 'to', 'at', 'near', 'of', 'within', 'around', 'toward', 'towards', 'over', 'through', 'outside', 'entire', 'northern', 'southern', 'eastern', 'western', 'central', 'north', 'south', 'east', 'west', 'northwest', 'northeast', 'southwest', 'southeast', 'northwestern', 'northeastern', 'southwestern', 'southeastern', 'в', 'из', 'на']);
const PROVINCE_WORDS = new Set(['province', 'governorate', 'countryside', 'provinces']);

export interface PlaceResult {
  places: PlaceFinding[];
  metonyms: Metonym[];
}

const stem = (s: string): string => s.normalize('NFKD').replace(/[^A-Za-z]/g, '').toLowerCase().replace(/^(al|as|ar|ad|an|at)(?=[a-z]{4})/, '').slice(0, 4);
const sameStem = (a: string, b: string): boolean => stem(a) === stem(b);

function score(lex: Lexicon, i: number, docCountries: Set<string>, admins: Set<string>): number {
  const p = lex.gaz.places[i];
  let s = Math.log10(p.population + 10) / 2;
  if (p.curated) s += 3;
  if (p.country && docCountries.has(p.country)) s += 4;
  if (p.focus) s += 2;
  if (p.country && p.admin1 && admins.has(lex.adminKeys[i])) s += 2;
  if (p.country && p.region && admins.has(lex.regionKeys[i])) s += 2;
  if (p.kind === 'country') s += 5;
  return s;
}

const AGENT_COMPOUND = new Set(['led', 'backed', 'proposed', 'brokered', 'sponsored', 'supported', 'funded', 'armed', 'trained', 'imposed', 'drafted']);

function isAgent(scan: Scan, tokEnd: number, tokStart: number, isCapitalOrCountry: boolean): boolean {
  if (!isCapitalOrCountry) return false;
  const { tokens, lex } = scan;
  // "Russia-proposed ceasefire", "US-led coalition", "Turkish-backed": the state acts
  if (tokEnd < tokens.length && /^[-‐–]$/.test(gap(scan, tokEnd - 1, tokEnd)) && AGENT_COMPOUND.has(tokens[tokEnd].norm)) return true;
  const prev = tokens[tokStart - 1]?.norm === 'the' ? tokens[tokStart - 2] : tokens[tokStart - 1];
  if (prev && BY_BEFORE.has(prev.norm) && !/[.!?\n]/.test(gap(scan, tokStart - 1, tokStart))) return true;
  // "anti-Damascus propaganda", "pro-Ankara factions", "troops loyal to Damascus"
  if (prev && (prev.norm === 'anti' || prev.norm === 'pro') && /^[-‐–]$/.test(gap(scan, tokStart - 1, tokStart))) return true;
  if (prev?.norm === 'to' && tokens[tokStart - 2]?.norm === 'loyal') return true;
  // "established by Turkey Russia and Iran", "a deal agreed between Russia Iran and Turkey"
  const head = listHead(scan, tokStart);
  if (head < tokStart && head > 0) {
    const lead = tokens[head - 1].norm;
    if (lead === 'by' || (lead === 'between' && head > 1 && AGREED.has(tokens[head - 2].norm))) return true;
  }
  if (causedAgent(scan, tokStart, tokEnd)) return true;
  if (prev && LOCATIVE.has(prev.norm) && !/[.!?\n]/.test(gap(scan, tokStart - 1, tokStart))) return false;
  for (let j = tokEnd, n = 0; j < tokens.length && n < 5; j++, n++) {
    if (/[.!?\n;:]/.test(gap(scan, j - 1, j))) return false;
    const w = tokens[j].norm;
    if (w === 's' && /['’]$/.test(gap(scan, j - 1, j))) return false;
    if (lex.agentVerbs.has(w)) return true;
    // "Moscow and Damascus say": skip the coordinated country or capital
    const mi = scan.matchAt[j];
    if (mi >= 0 && hasHit(scan.matches[mi], 'place')) { j = scan.matches[mi].tokenEnd - 1; continue; }
    if (w === 'and' && !(j + 1 < tokens.length && scan.matchAt[j + 1] >= 0 && hasHit(scan.matches[scan.matchAt[j + 1]], 'place'))) return false;
    if (!AGENT_SKIP.has(w)) return false;
  }
  return false;
}

/** the head of a coordinated list of places ending at `tokStart` ("Saudi Arabia Turkey and Qatar") */
function listHead(scan: Scan, tokStart: number): number {
  let a = tokStart;
  while (a > 0 && !/[.!?\n;:]/.test(gap(scan, a - 1, a))) {
    const w = scan.tokens[a - 1].norm;
    const mi = scan.matchAt[a - 1];
    if (mi >= 0 && hasHit(scan.matches[mi], 'place')) { a = scan.matches[mi].tokenStart; continue; }
    if (w === 'and' || w === 'or') { a--; continue; }
    break;
  }
  return a;
}

function causedAgent(scan: Scan, tokStart: number, tokEnd: number): boolean {
  const { tokens } = scan;
  const head = listHead(scan, tokStart);
  const before = tokens[head - 1];
  if (!before || /[.!?\n;:]/.test(gap(scan, head - 1, head))) return false;
  const calling = before.norm === 'on' && (tokens[head - 2]?.norm === 'called' || tokens[head - 2]?.norm === 'calling' || tokens[head - 2]?.norm === 'calls');
  const verb = calling ? tokens[head - 2].norm : before.norm;
  // "accuses Saudi Arabia Turkey and Qatar of funding", "blamed Ankara for"
  if (ACCUSE_BEFORE.has(verb)) {
    let j = tokEnd;
    while (j < tokens.length && (scan.matchAt[j] >= 0 && hasHit(scan.matches[scan.matchAt[j]], 'place') || tokens[j].norm === 'and' || tokens[j].norm === 'or')) j = scan.matchAt[j] >= 0 ? scan.matches[scan.matchAt[j]].tokenEnd : j + 1;
    return j < tokens.length && (tokens[j].norm === 'of' || tokens[j].norm === 'for') && !/[.!?\n;:]/.test(gap(scan, j - 1, j));
  }
  // "prompting Ankara to launch", "urged Moscow to": a subject of the infinitive
  if (CAUSE_BEFORE.has(verb)) return tokEnd < tokens.length && tokens[tokEnd].norm === 'to' && tokEnd + 1 < tokens.length && scan.matchAt[tokEnd + 1] < 0 && /^[a-z]+$/.test(tokens[tokEnd + 1].norm) && !/[.!?\n;:,]/.test(gap(scan, tokEnd - 1, tokEnd));
  return false;
}

function qualify(scan: Scan, a: number, b: number): [number, number] {
  const { tokens } = scan;
  let s = a;
  let e = b;
  if (s > 0 && DIRECTIONS.has(tokens[s - 1].norm) && !/[.!?\n,;:]/.test(gap(scan, s - 1, s))) s--;
  for (const lead of OF_LEADS) {
    const k = lead.length;
    if (s - k < 0) continue;
    let i = 0;
    while (i < k && tokens[s - k + i].norm === lead[i]) i++;
    if (i === k) { s -= k; break; }
  }
  if (e < tokens.length && TRAILERS.has(tokens[e].norm) && !/[.!?\n]/.test(gap(scan, e - 1, e))) e++;
  return [s, e];
}

export function resolvePlaces(scan: Scan): PlaceResult {
  const { matches, tokens, lex } = scan;
  const places = lex.gaz.places;
  const capitals = lex.capitals;
  const cands: { tokenStart: number; tokenEnd: number; cs: number[]; fuzzy: boolean }[] = [];
  for (let mi = 0; mi < matches.length; mi++) {
    const m = matches[mi];
    if (!hasHit(m, 'place') || hasHit(m, 'actor', 'person', 'outlet', 'group')) continue;
    const next = tokens[m.tokenEnd];
    const prev = tokens[m.tokenStart - 1];
    if (next && next.cap && ORG_AFTER.has(next.norm) && !/[.!?\n,]/.test(gap(scan, m.tokenEnd - 1, m.tokenEnd))) continue;
    if (prev && prev.cap && ORG_BEFORE.has(prev.norm) && !/[.!?\n,]/.test(gap(scan, m.tokenStart - 1, m.tokenStart))) continue;
    if (prev && prev.cap && lex.firstNames.has(prev.norm) && scan.matchAt[m.tokenStart - 1] < 0 && m.tokenEnd - m.tokenStart === 1 && !places[hitsOf(m, 'place')[0].i].curated) continue;
    const hits = hitsOf(m, 'place');
    cands.push({ tokenStart: m.tokenStart, tokenEnd: m.tokenEnd, cs: hits.length === 1 ? [hits[0].i] : [...new Set(hits.map((h) => h.i))], fuzzy: false });
  }
  // a respelled name is trusted inside a first-level region the document already names, or when
  // it names a big town ("Deir Ezour", "Dayr az Zawr")
  const docRegions = new Set<string>();
  for (const c of cands) for (const i of c.cs) docRegions.add(lex.regionKeys[i]);
  // …and a big town only in a country the document names ("Maksar" is no respelling of Iraq's Umm Qasr)
  const namedCountries = new Set(cands.flatMap((c) => (c.cs.every((i) => places[i].country === places[c.cs[0]].country) ? [places[c.cs[0]].country] : [])));
  for (const f of fuzzyPlaces(scan, lex.skeletons)) {
    const inRegion = f.candidates.filter((i) => docRegions.has(lex.regionKeys[i]));
    const big = f.long && f.candidates.some((i) => places[i].population >= BARE_MIN_POPULATION && namedCountries.has(places[i].country));
    const cs = inRegion.length && !f.bare ? inRegion : big ? f.candidates : [];
    if (cs.length) cands.push({ ...f, cs, fuzzy: true });
  }
  cands.sort((a, b) => a.tokenStart - b.tokenStart);
  const docCountries = new Set<string>(lex.focusCountries);
  const admins = new Set<string>();
  for (const c of cands) {
    if (c.cs.length !== 1 || c.fuzzy) continue;
    const p = places[c.cs[0]];
    if (p.country && (p.kind === 'country' || p.curated || p.population >= 100_000)) docCountries.add(p.country);
    if (p.admin1 && p.country) admins.add(`${p.country}.${p.admin1}`);
    if (p.region && p.country && p.kind !== 'region') admins.add(`${p.country}|${p.region}`);
  }
  const anchors = cands.filter((c) => c.cs.length === 1 && !c.fuzzy && places[c.cs[0]].region && places[c.cs[0]].kind !== 'country');
  // anchors are sorted by position and a sentence is a run of tokens: look at the two neighbours of
  // `tok` only (a scan of every anchor per ambiguous name was quadratic on long documents)
  const nearestRegion = (tok: number): string | null => {
    let lo = 0;
    let hi = anchors.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (anchors[mid].tokenStart < tok) lo = mid + 1;
      else hi = mid;
    }
    const sent = scan.sentOf[tok];
    const left = lo > 0 && scan.sentOf[anchors[lo - 1].tokenStart] === sent ? anchors[lo - 1] : undefined;
    const right = lo < anchors.length && scan.sentOf[anchors[lo].tokenStart] === sent ? anchors[lo] : undefined;
    // on a tie the earlier anchor wins, as in a left-to-right scan
    const a = left && (!right || tok - left.tokenStart <= right.tokenStart - tok) ? left : right;
    return a ? places[a.cs[0]].region : null;
  };
  const byId = new Map<string, PlaceFinding>();
  const metonyms: Metonym[] = [];
  const regionIndex = lex.gaz.regions;
  for (const c of cands) {
    const m = { tokenStart: c.tokenStart, tokenEnd: c.tokenEnd, start: tokens[c.tokenStart].start, end: tokens[c.tokenEnd - 1].end };
    let best = -1;
    let bestScore = -Infinity;
    // "Midan in Damascus" / "Midan in Aleppo": the region of the nearest unambiguous place in the sentence
    const near = c.cs.length > 1 ? nearestRegion(c.tokenStart) : null;
    for (const i of c.cs) {
      const s = score(lex, i, docCountries, admins) + (near !== null && places[i].region === near ? 1.5 : 0);
      if (s > bestScore) { bestScore = s; best = i; }
    }
    let p = places[best];
    const supported = p.curated || p.focus || (p.country !== null && docCountries.has(p.country)) || p.population >= 1_000_000 || p.capital;
    if (!supported) continue;
    if (isAgent(scan, m.tokenEnd, m.tokenStart, p.kind === 'country' || capitals.has(best))) {
      if (p.country) metonyms.push({ start: m.start, end: m.end, country: p.country, tokenStart: m.tokenStart, tokenEnd: m.tokenEnd, ruleId: 'places-metonymy' });
      continue;
    }
    if (p.admin1 && p.country) admins.add(`${p.country}.${p.admin1}`);
    if (p.region && p.country && p.kind !== 'region') admins.add(`${p.country}|${p.region}`);
    const [qs, qe] = qualify(scan, m.tokenStart, m.tokenEnd);
    // "province of Idlib", "Aleppo countryside": the first-level region, not the city
    let provincial = false;
    for (let k = qs; k < qe && !provincial; k++) provincial = PROVINCE_WORDS.has(tokens[k].norm);
    // only for the place that gives the region its name ("Idlib province", not "countryside of Azaz")
    const regionPlace = provincial && p.kind !== 'region' && p.region && sameStem(p.name, p.region) ? regionIndex.get(`${p.country}|${p.region}`) : undefined;
    if (regionPlace !== undefined) p = places[regionPlace];
    const span: Span = { start: tokens[qs].start, end: tokens[qe - 1].end, ruleId: c.fuzzy ? 'places-transliteration' : qs !== m.tokenStart || qe !== m.tokenEnd ? 'places-qualified' : p.curated ? 'places-curated' : 'places-gazetteer' };
    let f = byId.get(p.id);
    if (!f) {
      f = { id: p.id, name: p.name, country: p.country, kind: p.kind, lat: p.lat, lon: p.lon, region: p.region, population: p.population > 0 && p.kind !== 'country' && p.kind !== 'region' ? p.population : null, mentions: [] };
      byId.set(p.id, f);
    }
    f.mentions.push(span);
  }
  return { places: [...byId.values()], metonyms };
}
