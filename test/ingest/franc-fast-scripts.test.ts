// franc-fast's script count (a per-code-unit table) and its per-script trigram tables must give
// franc-min's francAll exactly, also on text with emoji, astral letters and lone surrogates
// (which take the regex path) and on long mixed-script texts.
import { francAll as reference } from 'franc-min';
import { describe, expect, it } from 'vitest';
import { francAll } from '../../src/ingest/franc-fast.js';

const ONLY = ['eng', 'rus', 'arb', 'ukr', 'fra', 'deu', 'spa', 'tur', 'pes', 'ita', 'por', 'heb', 'cmn', 'ckb', 'urd', 'hin', 'ell'];
const PIECES = ['ΟΔΥΣΣΕΥΣ ΣΑΣ Σ.', 'İSTANBUL ǅ ß ẞ', '\t\u00a0\u2028\ufeff', 'the army shelled', 'Алеппо и Идлиб', 'قصفت القوات', 'ελληνικά νέα', '政府军周二', 'かな', 'İdlib Ḩamāh', '😀🔥', '𝐀𝐁𝐂 letters', '\ud800', '\udc00', '12:30', ' — ', '«»', 'Straße', 'ÆØÅ', 'ﬁ ligature', 'Ａｌｅｐｐｏ'];

function randomText(seed: number): string {
  let s = seed;
  const rnd = (n: number): number => {
    s = (s * 16807) % 2147483647;
    return s % n;
  };
  let out = '';
  const n = 2 + rnd(40);
  for (let i = 0; i < n; i++) out += `${PIECES[rnd(PIECES.length)]!} `;
  return out;
}

describe('franc-fast scripts and tables', () => {
  it('equals francAll on random mixed-script texts, with and without a language list', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const x = randomText(seed);
      expect(francAll(x, { only: ONLY, minLength: 10 }), x).toEqual(reference(x, { only: ONLY, minLength: 10 }));
      expect(francAll(x), x).toEqual(reference(x));
    }
  });
});
