// Token normalisation shared by every dictionary lookup: the dictionary side and the text side
// go through the same function, so "Deir ez-Zor", "DEIR EZ-ZOR" and "Deir ez‑Zor" meet. Hand
// written because the job is tiny and must be fast: diacritics folded (Ḩamāh → hamah), case
// folded, apostrophes and hyphens split tokens, and Cyrillic tokens reduced to a crude stem so
// that Russian case endings (Сирия / Сирии / Сирию) meet one dictionary entry.

export interface Token {
  start: number;
  end: number;
  /** normalised form used as the trie key */
  norm: string;
  /** first character is an upper-case letter (or the script has no case, e.g. Arabic) */
  cap: boolean;
  /** every letter is upper case and the token has ≥ 2 letters (acronyms: IS, SDF) */
  upper: boolean;
}

const COMBINING_RE = /[\u0300-\u036f]/g;
const CYRILLIC_RE = /[\u0400-\u04ff]/;
const UPPER_START_RE = /^\p{Lu}/u;
const HAS_CASE_RE = /^[\p{Ll}\p{Lu}]/u;
const UPPER_ALL_RE = /^[\p{Lu}\p{N}]+$/u;

// Russian noun/adjective endings, longest first; the stem keeps at least 3 letters.
const RU_ENDINGS = ['ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ами', 'ями', 'ой', 'ей', 'ом', 'ем', 'ым', 'им', 'ою', 'ею', 'ам', 'ям', 'ах', 'ях', 'ию', 'ия', 'ии', 'ие', 'ий', 'ый', 'ая', 'яя', 'ое', 'ее', 'ые', 'ую', 'а', 'я', 'ы', 'и', 'е', 'у', 'ю', 'о', 'ь', 'й'];

// endings grouped by last letter, longest first, so a word is compared with a few endings only
const RU_BY_LAST = new Map<string, string[]>();
for (const e of RU_ENDINGS) RU_BY_LAST.set(e[e.length - 1], [...(RU_BY_LAST.get(e[e.length - 1]) ?? []), e]);

function stripOnce(w: string): string {
  const list = RU_BY_LAST.get(w[w.length - 1]);
  if (list) for (const e of list) if (w.length - e.length >= 3 && w.endsWith(e)) return w.slice(0, -e.length);
  return w;
}

/** strip up to two endings, so "Хмеймиму" and "Хмеймим" (whose "-им" looks like an ending) meet */
function stemRussian(w: string): string {
  return stripOnce(stripOnce(w));
}

const foldCache = new Map<string, string>();

/** Normalise one word (no separators inside). */
const ASCII_RE = /^[\x00-\x7f]*$/;

export function normWord(w: string): string {
  const hit = foldCache.get(w);
  if (hit !== undefined) return hit;
  let n: string;
  if (ASCII_RE.test(w)) n = w.toLowerCase();
  else if (CYRILLIC_RE.test(w)) {
    // no NFKD here: it would turn й into и + breve and lose a letter
    n = stemRussian(w.toLowerCase().replace(/ё/g, 'е'));
  } else n = w.normalize('NFKD').replace(COMBINING_RE, '').toLowerCase().replace(/ı/g, 'i');
  if (foldCache.size < 200_000) foldCache.set(w, n);
  return n;
}

const WORD_CHAR_RE = /[\p{L}\p{N}\p{M}]/u;

function isWordChar(text: string, i: number, c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  // fast answers for the scripts the corpora use: Latin-1/Extended letters, Cyrillic, Arabic letters
  // and marks, general punctuation (dashes, quotes)
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (c >= 0x400 && c <= 0x481) return true;
  if (c >= 0x621 && c <= 0x65f) return true;
  if (c >= 0x2000 && c <= 0x206f) return false;
  if (c >= 0xd800 && c <= 0xdbff) return WORD_CHAR_RE.test(text.slice(i, i + 2));
  return WORD_CHAR_RE.test(text[i]);
}

/** Split text into word tokens with offsets: one pass over the characters, ASCII fast path. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (!isWordChar(text, i, c)) {
      i++;
      continue;
    }
    const start = i;
    let ascii = true;
    let lower = false;
    let capsIn = false;
    while (i < n) {
      c = text.charCodeAt(i);
      if (!isWordChar(text, i, c)) break;
      if (c >= 128) ascii = false;
      else if (c >= 97) lower = true;
      else if (c >= 65 && c <= 90) capsIn = true;
      i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    }
    const w = text.slice(start, i);
    const c0 = w.charCodeAt(0);
    let cap: boolean;
    let upper: boolean;
    let norm: string;
    if (ascii) {
      const isUpper = c0 >= 65 && c0 <= 90;
      cap = isUpper || (c0 >= 48 && c0 <= 57);
      upper = isUpper && !lower && w.length >= 2;
      // ASCII folding is a plain toLowerCase: cheaper than hashing the word into the fold cache
      norm = capsIn ? w.toLowerCase() : w;
    } else {
      const hasCase = HAS_CASE_RE.test(w);
      cap = !hasCase || UPPER_START_RE.test(w);
      upper = hasCase && w.length >= 2 && UPPER_ALL_RE.test(w) && /\p{L}/u.test(w);
      norm = normWord(w);
    }
    out.push({ start, end: i, norm, cap, upper });
  }
  return out;
}

let lastText: string | null = null;
let lastTokens: Token[] = [];

/**
 * Tokens of a document, cached for the most recent text: the entity scan and the framing
 * analysers (labels, stance, techniques) read the same document, and tokenising it once is
 * enough. Callers must not modify the tokens.
 */
export function documentTokens(text: string): Token[] {
  if (text !== lastText) {
    lastTokens = tokenize(text);
    lastText = text;
  }
  return lastTokens;
}

/** Normalised key of a whole phrase: its tokens' norms joined by a space. */
export function phraseKey(phrase: string): string {
  return tokenize(phrase).map((t) => t.norm).join(' ');
}
