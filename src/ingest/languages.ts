// Languages of a document as shares of its characters: franc-min per paragraph (ISO 639-3; its
// models and method, computed by franc-fast.ts),
// mapped to ISO 639-1. Short paragraphs are skipped, except lines that are mostly Cyrillic or
// Arabic script, where the script alone is a safe call for this corpus (ru / ar).
import { francAll } from './franc-fast.js';
import type { LanguageShare } from '../core/types.js';

const ISO3_TO_1: Record<string, string> = {
  eng: 'en', rus: 'ru', arb: 'ar', ukr: 'uk', fra: 'fr', deu: 'de', spa: 'es', tur: 'tr', pes: 'fa',
  ita: 'it', por: 'pt', heb: 'he', cmn: 'zh', ckb: 'ku', urd: 'ur', hin: 'hi', ell: 'el',
};
// Restricting franc to the languages this kind of corpus carries avoids the classic confusions
// of trigram models on web text (English captions → Scots or Swedish, Russian → Bulgarian).
const ONLY = Object.keys(ISO3_TO_1);
const MIN_PARAGRAPH = 80;
const MAX_SAMPLE = 250;

/** 1 when a code unit above U+024F is a letter (what /\p{L}/u says of it alone), 0 not, 255 unknown */
const LETTER_BEYOND = new Uint8Array(65536).fill(255);
const LETTER_RE = /\p{L}/u;

/** The two shares `scripts` computed last: module state instead of a result object per call. */
let cyrillicShare = 0;
let arabicShare = 0;

/**
 * Shares of Cyrillic and of Arabic letters among all letters, in one char-code loop (regexes were
 * a hot spot, and the two shares used to be two passes). Letters beyond Latin Extended are judged
 * once per code unit through a table. Sets cyrillicShare and arabicShare.
 */
function scripts(s: string): void {
  let letters = 0;
  let cyr = 0;
  let ara = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x0400 && c <= 0x04ff) {
      letters++;
      cyr++;
    } else if (c >= 0x0600 && c <= 0x06ff) {
      letters++;
      ara++;
    } else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) letters++;
    else if (c > 0x24f) {
      let v = LETTER_BEYOND[c]!;
      if (v === 255) LETTER_BEYOND[c] = v = LETTER_RE.test(String.fromCharCode(c)) ? 1 : 0;
      letters += v;
    }
  }
  cyrillicShare = letters === 0 ? 0 : cyr / letters;
  arabicShare = letters === 0 ? 0 : ara / letters;
}

function paragraphLanguage(p: string): string | null {
  scripts(p);
  const cyr = cyrillicShare;
  const ara = arabicShare;
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

const MAX_UNITS = 12;

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
    if (p.length < MIN_PARAGRAPH) scripts(p);
    if (p.length >= MIN_PARAGRAPH || cyrillicShare > 0.6 || arabicShare > 0.6) out.push(p);
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

type Script = 'cyr' | 'ara' | 'lat';

function scriptOf(p: string): Script {
  scripts(p);
  return cyrillicShare > 0.6 ? 'cyr' : arabicShare > 0.6 ? 'ara' : 'lat';
}

/** Evenly spaced picks of at most n indexes out of [0, length). */
function evenly(length: number, n: number): number[] {
  const step = Math.max(1, length / n);
  const out: number[] = [];
  for (let i = 0; i < length; i += step) out.push(Math.floor(i));
  return out;
}

/**
 * Languages of the units of one script. franc is the cost of ingest, so a few evenly spaced
 * units are judged first; when they agree, the rest of the script's units share their language,
 * otherwise up to MAX_UNITS are judged and each other unit takes its nearest judged neighbour's.
 */
function judgeScript(group: string[]): (string | null)[] {
  const first = evenly(group.length, 3);
  const langs = new Map<number, string | null>(first.map((i) => [i, paragraphLanguage(group[i]!)]));
  const found = new Set([...langs.values()].filter((l): l is string => l !== null));
  if (found.size > 1) for (const i of evenly(group.length, MAX_UNITS)) if (!langs.has(i)) langs.set(i, paragraphLanguage(group[i]!));
  const judged = [...langs.keys()].sort((a, b) => a - b);
  return group.map((_, i) => {
    if (langs.has(i)) return langs.get(i)!;
    let best = judged[0]!;
    for (const j of judged) if (Math.abs(j - i) < Math.abs(best - i)) best = j;
    return langs.get(best) ?? null;
  });
}

export function detectLanguages(text: string): LanguageShare[] {
  const chars = new Map<string, number>();
  let total = 0;
  const groups = new Map<Script, string[]>();
  for (const p of units(text)) {
    const script = scriptOf(p);
    const g = groups.get(script);
    if (g) g.push(p);
    else groups.set(script, [p]);
  }
  for (const group of groups.values()) {
    const langs = judgeScript(group);
    group.forEach((p, i) => {
      const lang = langs[i];
      if (!lang) return;
      chars.set(lang, (chars.get(lang) ?? 0) + p.length);
      total += p.length;
    });
  }
  if (total === 0) return [];
  const shares = [...chars.entries()]
    .map(([lang, n]) => ({ lang, share: Math.round((n / total) * 1000) / 1000 }))
    .sort((a, b) => b.share - a.share);
  // rounding may leave the sum a hair off 1: give the difference to the largest share
  const sum = shares.reduce((s, x) => s + x.share, 0);
  shares[0]!.share = Math.round((shares[0]!.share + 1 - sum) * 1000) / 1000;
  return shares;
}
