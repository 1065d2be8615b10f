// The fast paths of the technique rules (one union scan plus sticky regexes, the hand-written
// exclamation scan, hashed trigram repetition) must find exactly what the plain versions found:
// each is compared here with a reference written the plain way, on our fixtures and on
// seeded random texts built to hit the edge cases (runs of "!", blank lines, quotes, Cyrillic).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentTokens } from '../../src/match/normalise.js';
import { STOP, ruleTechniques, techniquesSection } from '../../src/analyse/analysers/techniques/rules.js';
import type { TechniqueFinding } from '../../src/core/types.js';
import { loadPack } from '../../src/packs/loader.js';
import { readSection } from '../../src/packs/sections.js';
import { FIXTURES, fixture } from './helpers.js';

const pack = loadPack('syria');
const specs = readSection<{ rules: { id: string; technique: string; confidence: number; patterns: string[] }[] }>(pack, techniquesSection)?.rules ?? [];
const WORD = /[\p{L}\p{N}_]/u;

function referenceRegexFindings(text: string): string[] {
  const out: string[] = [];
  for (const r of specs) {
    const re = new RegExp(`(?:${r.patterns.map((p) => `(?:${p})`).join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (!m[0].length || (m.index > 0 && WORD.test(text[m.index - 1]))) {
        re.lastIndex = m.index + 1;
        continue;
      }
      out.push(`${m.index}-${m.index + m[0].length} techniques-${r.id}`);
    }
  }
  return out;
}

function referenceSlogans(text: string): string[] {
  const out: string[] = [];
  const re = /(?:^|(?<=[.!?…\n]\s*))([^.!?…\n]{2,60}!+)/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const body = m[1];
    const lead = body.length - body.trimStart().length;
    if (body.trim().split(/\s+/).length > 8) continue;
    out.push(`${m.index + lead}-${m.index + m[0].length} techniques-slogan-exclamation`);
  }
  return out;
}

function referenceRepetitions(text: string): string[] {
  const toks = documentTokens(text);
  const seen = new Map<string, number[]>();
  for (let i = 0; i + 2 < toks.length; i++) {
    const content = (k: number): number => (STOP.has(toks[k].norm) ? 0 : 1);
    if (!content(i) || content(i + 1) + content(i + 2) < 1) continue;
    if (toks[i].cap && toks[i + 1].cap && toks[i + 2].cap) continue;
    if (toks[i + 2].start - toks[i].end > 20) continue;
    const key = `${toks[i].norm} ${toks[i + 1].norm} ${toks[i + 2].norm}`;
    seen.set(key, [...(seen.get(key) ?? []), i]);
  }
  const out: string[] = [];
  for (const at of seen.values()) if (at.length >= 3) for (const i of at.slice(1, 11)) out.push(`${toks[i].start}-${toks[i + 2].end} techniques-repetition`);
  return out;
}

const lines = (found: TechniqueFinding[], prefix: (id: string) => boolean): string[] =>
  found.filter((f) => prefix(f.ruleId ?? '')).map((f) => `${f.start}-${f.end} ${f.ruleId}`);

function randomTexts(count: number): string[] {
  const pieces = ['the', 'regime', 'Terrorists', 'so-called', 'our heroic army', 'either we win or', 'what about', 'never again', '!', '!!', '.', '?', '…', '\n', '\n\n', ' ', '  ', '"', '«', 'Down with tyrants', 'they have no choice', 'Слава героям', 'так называемые', 'все знают', 'slaughtered', 'x', 'Assad', '😀', 'the worst crisis in history', 'bloody', '_', 'blood on their hands'];
  let seed = 7;
  const rnd = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed % n;
  };
  const out: string[] = [];
  for (let t = 0; t < count; t++) {
    let s = '';
    const n = 5 + rnd(60);
    for (let i = 0; i < n; i++) s += `${pieces[rnd(pieces.length)]}${rnd(3) ? ' ' : ''}`;
    out.push(s);
  }
  return out;
}

const texts = [...readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).map(fixture), ...randomTexts(400)];

describe('technique rule fast paths', () => {
  it('the union scan finds what one global scan per rule found', () => {
    for (const text of texts) expect(lines(ruleTechniques(text, pack), (id) => !/slogan-exclamation|repetition/.test(id))).toEqual(referenceRegexFindings(text));
  });

  it('the exclamation scan finds what the lookbehind regex found', () => {
    for (const text of texts) expect(lines(ruleTechniques(text, pack), (id) => id === 'techniques-slogan-exclamation')).toEqual(referenceSlogans(text));
  });

  it('hashed trigram repetition finds what string-keyed grouping found', () => {
    const repeated = 'The barrel bombs fell again. Barrel bombs fell on Idlib. Then barrel bombs fell on Hama, and barrel bombs fell once more.';
    for (const text of [repeated, ...texts]) {
      expect(lines(ruleTechniques(text, pack), (id) => id === 'techniques-repetition')).toEqual(referenceRepetitions(text));
    }
    expect(referenceRepetitions(repeated).length).toBeGreaterThan(0);
  });
});
