import { describe, expect, it } from 'vitest';
import { normWord, phraseKey, tokenize } from '../../src/match/normalise.js';
import { TokenTrie } from '../../src/match/trie.js';

describe('normalisation', () => {
  it('folds diacritics, case and Russian case endings', () => {
    expect(normWord('Ḩamāh')).toBe('hamah');
    expect(normWord('Сирии')).toBe(normWord('Сирия'));
    expect(normWord('Москве')).toBe(normWord('Москва'));
    expect(phraseKey('Deir ez-Zor')).toBe('deir ez zor');
    expect(phraseKey("Hay'at Tahrir al-Sham")).toBe('hay at tahrir al sham');
  });
  it('tokenizes with exact offsets and case flags', () => {
    const text = 'ISIS hit Raqqa’s east; Ar-Raqqah.';
    const toks = tokenize(text);
    expect(toks.map((t) => text.slice(t.start, t.end))).toEqual(['ISIS', 'hit', 'Raqqa', 's', 'east', 'Ar', 'Raqqah']);
    expect(toks[0].upper).toBe(true);
    expect(toks[1].cap).toBe(false);
  });
});

describe('TokenTrie', () => {
  const trie = new TokenTrie<string>(true);
  trie.add('Aleppo', 'aleppo', 'cap');
  trie.add('Aleppo countryside', 'aleppo-region', 'first');
  trie.add('IS', 'isis', 'exact');
  trie.add('U.S.', 'us', 'exact');
  trie.add('the rebels', 'rebels', 'any');
  const scan = (t: string): string[] => trie.scan(t).map((m) => `${t.slice(m.start, m.end)}=${m.entries.map((e) => e.value).join('+')}`);

  it('takes the longest phrase, left to right, in one pass', () => {
    expect(scan('Shelling in the Aleppo countryside and Aleppo.')).toEqual(['Aleppo countryside=aleppo-region', 'Aleppo=aleppo']);
  });
  it('applies case rules: acronyms exact, names capitalised', () => {
    expect(scan('IS fighters, this is aleppo')).toEqual(['IS=isis']);
    expect(scan('The Rebels said')).toEqual(['The Rebels=rebels']);
  });
  it('keeps the dots of abbreviations inside a phrase but stops at sentence ends', () => {
    expect(scan('The U.S. and IS.')).toEqual(['U.S=us', 'IS=isis']);
  });
  it('reads apostrophe-less possessives in stripped text', () => {
    expect(scan('Aleppos Old City')).toEqual(['Aleppos=aleppo']);
  });
});

describe('robustness', () => {
  it('handles empty, symbol-only and mixed-script input without errors', async () => {
    const { analyse } = await import('./helpers.js');
    for (const t of ['', '...', '🙂🙂 #Syria', 'قصف على حلب و دمشق', 'x'.repeat(5000), 'A.B.C.D. U.S.-Russia-Turkey—Iran']) {
      const doc = analyse(t);
      for (const f of [...doc.places, ...doc.actors, ...doc.persons, ...doc.sourcesCited]) {
        for (const m of f.mentions) expect(m.end).toBeLessThanOrEqual(doc.text.length);
      }
    }
    expect(analyse('قصف على حلب').places.map((p) => p.name)).toEqual(['Aleppo']);
  });
});
