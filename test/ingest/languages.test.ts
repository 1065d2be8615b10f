import { describe, expect, it } from 'vitest';
import { detectLanguages } from '../../src/ingest/languages.js';

describe('languages', () => {
  it('gives shares by characters that sum to 1', () => {
    const en = 'The ministry said the convoy had reached the city after a delay of two weeks at the crossing.';
    const ru = 'Министерство сообщило, что колонна прибыла в город после двухнедельной задержки на переходе.';
    const shares = detectLanguages(`${en}\n\n${en}\n\n${ru}`);
    expect(shares.map((s) => s.lang)).toEqual(['en', 'ru']);
    expect(shares.reduce((a, s) => a + s.share, 0)).toBeCloseTo(1, 6);
    expect(shares[0].share).toBeCloseTo((2 * en.length) / (2 * en.length + ru.length), 2);
  });

  it('calls short Cyrillic and Arabic lines by script and skips short Latin names', () => {
    expect(detectLanguages('Пламень За Свободу')).toEqual([{ lang: 'ru', share: 1 }]);
    expect(detectLanguages('قصف على حلب')).toEqual([{ lang: 'ar', share: 1 }]);
    const withNames = 'Diego Castellanos\n\nThe humanitarian pauses are a public relations ploy, military operations are hard to sustain.\n\nKim Jong';
    expect(detectLanguages(withNames)).toEqual([{ lang: 'en', share: 1 }]);
  });

  it('judges a short text as a whole and returns nothing for no text', () => {
    expect(detectLanguages('Shelling hit Douma on Monday, killing 12 civilians, activists said.')).toEqual([{ lang: 'en', share: 1 }]);
    expect(detectLanguages('   ')).toEqual([]);
  });
});
