// franc-fast's script count (a per-code-unit table) and its per-script trigram tables must give
// franc-min's francAll exactly, also on text with emoji, astral letters and lone surrogates
// (which take the regex path) and on long mixed-script texts.
import { francAll as reference } from 'franc-min';
import { describe, expect, it } from 'vitest';
import { francAll } from '../../src/ingest/franc-fast.js';
import { randomText } from '../helpers.js';

const ONLY = ['eng', 'rus', 'arb', 'ukr', 'fra', 'deu', 'spa', 'tur', 'pes', 'ita', 'por', 'heb', 'cmn', 'ckb', 'urd', 'hin', 'ell'];
const PIECES = ['ΟΔΥΣΣΕΥΣ ΣΑΣ Σ.', 'İSTANBUL ǅ ß ẞ', '\t\u00a0\u2028\ufeff', 'the army shelled', 'Алеппо и Идлиб', 'قصفت القوات', 'ελληνικά νέα', '政府军周二', 'かな', 'İdlib Ḩamāh', '😀🔥', '𝐀𝐁𝐂 letters', '\ud800', '\udc00', '12:30', ' — ', '«»', 'Straße', 'ÆØÅ', 'ﬁ ligature', 'Ａｌｅｐｐｏ'];

const textOf = (seed: number): string => randomText(seed, PIECES, 2, 40);

describe('franc-fast scripts and tables', () => {
  it('equals francAll on random mixed-script texts, with and without a language list', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const x = textOf(seed);
      expect(francAll(x, { only: ONLY, minLength: 10 }), x).toEqual(reference(x, { only: ONLY, minLength: 10 }));
      expect(francAll(x), x).toEqual(reference(x));
    }
  });
});
