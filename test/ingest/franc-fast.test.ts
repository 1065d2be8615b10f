// franc-fast must give exactly franc-min's francAll: same languages, same order, same scores.
import { francAll as reference } from 'franc-min';
import { describe, expect, it } from 'vitest';
import { francAll } from '../../src/ingest/franc-fast.js';

const ONLY = ['eng', 'rus', 'arb', 'ukr', 'fra', 'deu', 'spa', 'tur', 'pes', 'ita', 'por', 'heb', 'cmn', 'ckb', 'urd', 'hin', 'ell'];

const samples = [
  '', 'short', '1234567890 12345', '!!! ??? ... --- ***',
  'Government forces shelled the eastern districts of the city on Tuesday, residents said, and at least twelve people were killed.',
  'The ceasefire, brokered by Russia and Turkey, largely held overnight; monitors reported sporadic violations near the front lines.',
  'Правительственные войска обстреляли восточные районы города во вторник, сообщили жители. Погибли не менее двенадцати человек.',
  'Сирийская армия освободила город от боевиков, заявили в Министерстве обороны России.',
  'قصفت القوات الحكومية الأحياء الشرقية من المدينة يوم الثلاثاء، وقال السكان إن اثني عشر شخصا على الأقل قتلوا.',
  'Les forces gouvernementales ont bombardé les quartiers est de la ville mardi, selon des habitants.',
  'Die Regierungstruppen beschossen am Dienstag die östlichen Stadtteile, sagten Bewohner.',
  'Las fuerzas del gobierno bombardearon los barrios del este de la ciudad el martes, dijeron los residentes.',
  'Hükümet güçleri salı günü şehrin doğu mahallelerini bombaladı, dedi sakinler.',
  '政府军周二炮击了该市东部地区，居民说至少有十二人死亡。',
  'Mixed text: the regime / режим / النظام — said "12 killed" (SOHR), 2016-12-13. İdlib, Ḩamāh, Dayr az Zawr.',
  'a'.repeat(3000), 'ab '.repeat(900), 'Aleppo Aleppo Aleppo Aleppo Aleppo Aleppo',
];

describe('franc-fast', () => {
  it('equals francAll of franc-min, with and without a language list', () => {
    for (const s of samples) {
      for (let cut = 5; cut <= s.length + 5; cut += 37) {
        const x = s.slice(0, cut);
        expect(francAll(x, { only: ONLY, minLength: 10 })).toEqual(reference(x, { only: ONLY, minLength: 10 }));
        expect(francAll(x)).toEqual(reference(x));
      }
    }
  });
});
