// Literal heads of the technique rules' regexes (heads.ts): every match must begin with one of
// them, or the head-trie scan would miss findings. Checked on hand-picked syntax and on every
// rule of the pack against matches found by the plain regex.
import { describe, expect, it } from 'vitest';
import { literalHeads } from '../../src/analyse/analysers/techniques/heads.js';
import { ruleTechniques, techniquesSection } from '../../src/analyse/analysers/techniques/rules.js';
import { loadPack } from '../../src/packs/loader.js';
import { readSection } from '../../src/packs/sections.js';

describe('literal heads of a regex', () => {
  it('stops at classes, optional and repeated parts, and expands literal alternatives', () => {
    expect(literalHeads('(?:our|my) (?:great )?(?:nation|flag)')).toEqual(['our ', 'my ']);
    expect(literalHeads('slaughter(?:ed|ing)?')).toEqual(['slaughter']);
    expect(literalHeads('neo-?nazis?|hitler(?:\'s)?')).toEqual(['neo', 'hitler']);
    expect(literalHeads('u\\.s\\. forces|#\\p{L}+')).toEqual(['u.s. forces', '#']);
    expect(literalHeads('(?:where) (?:was|were) (?:the|your) x')).toEqual(['where was the x', 'where was your x', 'where were the x', 'where were your x']);
    expect(literalHeads('зверск\\p{L}*|вс[её] ясно')).toEqual(['зверск', 'вс']);
  });

  it('gives none when an alternative has no literal start', () => {
    expect(literalHeads('abc|\\p{L}+')).toBeNull();
    expect(literalHeads('(?:a)?b')).toBeNull();
    expect(literalHeads('[ab]c')).toBeNull();
    expect(literalHeads('(?=x)x')).toBeNull();
  });

  it('every match of every pack rule begins with one of its heads', () => {
    const pack = loadPack('syria');
    const rules = readSection<{ rules: { id: string; patterns: string[] }[] }>(pack, techniquesSection)?.rules ?? [];
    const text = [
      'The worst crisis in history! Our heroic army and my country. Death to tyrants, #FreeSyria, так называемые «повстанцы».',
      'They have NO choice; either we win or we lose. What about the West? The same media who lied. Blood on their hands.',
      'Everyone knows it. Experts say so. The only reason is money. It is what it is. Слава героям! Все знают.',
    ].join('\n');
    for (const r of rules) {
      const source = `(?:${r.patterns.map((p) => `(?:${p})`).join('|')})`;
      const heads = literalHeads(source);
      expect(heads, r.id).not.toBeNull();
      const re = new RegExp(source, 'giu');
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (!m[0].length) {
          re.lastIndex++;
          continue;
        }
        const at = m[0].toLowerCase();
        expect(heads!.some((h) => at.startsWith(h.toLowerCase())), `${r.id}: ${m[0]}`).toBe(true);
      }
    }
  });

  it('finds what one global scan per rule finds, also at letters the trie cannot fold and beside astral letters', () => {
    const pack = loadPack('syria');
    const rules = readSection<{ rules: { id: string; patterns: string[] }[] }>(pack, techniquesSection)?.rules ?? [];
    const pieces = ['ſo-called', 'Khmer rouge', '\u212Ahmer rouge', 'ᲀсе знают', 'naïve', 'blessé', '𝐀', '𝐀so-called', 'the worst crisis ever', 'THE WORST', 'what about', '#Syria', 'x#Syria', 'Слава героям', 'так называемые', '😀', ' ', '\n', '.', 'either', 'or', 'we', 'nazis', 'Nazis!', 'staged', 'it is what it is', 'é'];
    let seed = 11;
    const rnd = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let t = 0; t < 300; t++) {
      let text = '';
      for (let i = 0, n = 3 + rnd(25); i < n; i++) text += pieces[rnd(pieces.length)]! + (rnd(3) ? ' ' : '');
      const expected: string[] = [];
      for (const r of rules) {
        const re = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${r.patterns.map((p) => `(?:${p})`).join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
        for (let m = re.exec(text); m; m = re.exec(text)) {
          if (!m[0].length) {
            re.lastIndex = m.index + 1;
            continue;
          }
          expected.push(`${m.index}-${m.index + m[0].length} techniques-${r.id}`);
        }
      }
      const found = ruleTechniques(text, pack).filter((f) => rules.some((r) => f.ruleId === `techniques-${r.id}`)).map((f) => `${f.start}-${f.end} ${f.ruleId}`);
      expect(found, text).toEqual(expected);
    }
  });
});
