// Languages of a document as shares of its characters: franc-min per paragraph (ISO 639-3),
// mapped to ISO 639-1. Short paragraphs are skipped, except lines that are mostly Cyrillic or
// Arabic script, where the script alone is a safe call for this corpus (ru / ar).
import { francAll } from 'franc-min';
import type { LanguageShare } from '../core/types.js';

const ISO3_TO_1: Record<string, string> = {
  eng: 'en', rus: 'ru', arb: 'ar', ukr: 'uk', fra: 'fr', deu: 'de', spa: 'es', tur: 'tr', pes: 'fa',
  ita: 'it', por: 'pt', heb: 'he', cmn: 'zh', ckb: 'ku', urd: 'ur', hin: 'hi', ell: 'el',
};
// Restricting franc to the languages this kind of corpus carries avoids the classic confusions
// of trigram models on web text (English captions → Scots or Swedish, Russian → Bulgarian).
const ONLY = Object.keys(ISO3_TO_1);
const MIN_PARAGRAPH = 80;
const MAX_SAMPLE = 400;
const CYRILLIC = /[\u0400-\u04FF]/g;
const ARABIC = /[\u0600-\u06FF]/g;
const LETTER = /\p{L}/gu;

function scriptShare(s: string, re: RegExp): number {
  const letters = s.match(LETTER)?.length ?? 0;
  if (letters === 0) return 0;
  return (s.match(re)?.length ?? 0) / letters;
}

function paragraphLanguage(p: string): string | null {
  const cyr = scriptShare(p, CYRILLIC);
  const ara = scriptShare(p, ARABIC);
  if (p.length < MIN_PARAGRAPH) {
    if (cyr > 0.6) return 'ru';
    if (ara > 0.6) return 'ar';
    if (p.length < 20) return null;
  }
  const ranked = francAll(p.slice(0, MAX_SAMPLE), { only: ONLY, minLength: 10 });
  // on short Latin-script text trigram scores are close; English, by far the most common
  // language of this corpus, wins when it is nearly as likely as the top guess
  const eng = ranked.find(([l]) => l === 'eng')?.[1] ?? 0;
  const code = p.length < 200 && eng >= 0.85 ? 'eng' : (ranked[0]?.[0] ?? 'und');
  if (code === 'und') return cyr > 0.6 ? 'ru' : ara > 0.6 ? 'ar' : null;
  return ISO3_TO_1[code] ?? null;
}

const MAX_UNITS = 40;

/**
 * Lines long enough to judge. Short lines (names, captions) are pooled, and the pools are used
 * only when the text has no long line at all: a pool of names reads as any language.
 */
function units(text: string): string[] {
  const out: string[] = [];
  const pools: string[] = [];
  let pool = '';
  for (const line of text.split('\n')) {
    const p = line.trim();
    if (!p) continue;
    if (p.length >= MIN_PARAGRAPH || scriptShare(p, CYRILLIC) > 0.6 || scriptShare(p, ARABIC) > 0.6) out.push(p);
    else {
      pool = pool ? `${pool} ${p}` : p;
      if (pool.length >= MIN_PARAGRAPH) {
        pools.push(pool);
        pool = '';
      }
    }
  }
  if (pool.length >= 20) pools.push(pool);
  return out.length ? out : pools;
}

export function detectLanguages(text: string): LanguageShare[] {
  const chars = new Map<string, number>();
  let total = 0;
  const all = units(text);
  // long documents: an even sample of units estimates the shares as well, at bounded cost
  const step = Math.max(1, all.length / MAX_UNITS);
  for (let i = 0; i < all.length; i += step) {
    const p = all[Math.floor(i)];
    const lang = paragraphLanguage(p);
    if (!lang) continue;
    chars.set(lang, (chars.get(lang) ?? 0) + p.length);
    total += p.length;
  }
  if (total === 0) return [];
  const shares = [...chars.entries()]
    .map(([lang, n]) => ({ lang, share: Math.round((n / total) * 1000) / 1000 }))
    .sort((a, b) => b.share - a.share);
  // rounding may leave the sum a hair off 1: give the difference to the largest share
  const sum = shares.reduce((s, x) => s + x.share, 0);
  shares[0].share = Math.round((shares[0].share + 1 - sum) * 1000) / 1000;
  return shares;
}
