// The prefiltered scanners (number words, trigger words) must return exactly what their plain
// global regexes return: checked on seeded random text mixing list words in any case, digits,
// Cyrillic, white space of all kinds and characters the prefilter cannot judge.
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/packs/loader.js';
import { claimsLexicon } from '../../src/analyse/analysers/claims/section.js';
import { eventsLexicon } from '../../src/analyse/analysers/events/section.js';

const pack = loadPack('syria');
const claims = claimsLexicon(pack);
const events = eventsLexicon(pack);

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const EXTRA = ['a', 'an', 'the', 'and', 'of', '12', '3,400', '1.5', '14th', 'T-90', '2017', 'Ок', 'ёж', 'ſ', 'K', 'İ', '😀', 'عشرة', '_', '-', '.', ',', '’', "'", '\u00a0', '\t', '\n', 'x'];
const SEPARATORS = [' ', ' ', ' ', '', '-', '\u00a0', '\n', ', ', '. ', '_'];

function randomText(words: string[], r: () => number): string {
  let s = '';
  for (let i = 0; i < 40; i++) {
    const pool = r() < 0.5 ? words : EXTRA;
    let w = pool[Math.floor(r() * pool.length)] ?? '';
    const c = r();
    if (c < 0.2) w = w.toUpperCase();
    else if (c < 0.35) w = w.charAt(0).toUpperCase() + w.slice(1);
    else if (c < 0.45) w = w.slice(0, Math.max(1, Math.floor(r() * w.length)));
    s += w.replace(/\*/g, r() < 0.5 ? 'ing' : '') + (SEPARATORS[Math.floor(r() * SEPARATORS.length)] ?? ' ');
  }
  return s;
}

const plain = (re: RegExp, s: string): [number, string][] => {
  const out: [number, string][] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push([m.index, m[0]]);
  return out;
};

describe('prefiltered scanners', () => {
  it('find the same numbers as the number regex', () => {
    const n = claims.numbers;
    const words = [...n.units.keys(), ...n.scales.keys(), ...n.ordinals.keys(), ...n.vague.keys()];
    const r = rng(7);
    for (let i = 0; i < 1500; i++) {
      const s = randomText(words, r);
      expect(n.scan(s).map((m) => [m.index, m[0]])).toEqual(plain(n.re, s));
    }
  });
  it('find the same trigger words as the trigger regex', () => {
    expect(events).not.toBeNull();
    if (!events) return;
    const words = events.triggers.flatMap((t) => t.words);
    const r = rng(11);
    for (let i = 0; i < 1500; i++) {
      const s = randomText(words, r);
      expect(events.scanTriggers(s).map((m) => [m.index, m[0]])).toEqual(plain(events.triggerRe, s));
    }
  });
});
