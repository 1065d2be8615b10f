// Bytes → string. Order: BOM, declared charset (HTML meta / HTTP header), strict UTF-8, then
// chardet's guess decoded with iconv-lite. Cyrillic single-byte guesses are checked by
// letter case (KOI8-R read as windows-1251 comes out mostly upper case and vice versa), where
// chardet alone often hesitates on short texts. Binary and undecodable inputs are refused
// with a reason rather than turned into mojibake.
import chardet from 'chardet';
import iconv from 'iconv-lite';

export type Decoded = { ok: true; text: string; charset: string } | { ok: false; reason: string };

const MAGIC: Array<[string, number[]]> = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP archive (or docx/xlsx)', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip-compressed data', [0x1f, 0x8b]],
  ['WebP/RIFF data', [0x52, 0x49, 0x46, 0x46]],
  ['7-zip archive', [0x37, 0x7a, 0xbc, 0xaf]],
];

/** A reason when the bytes are binary (magic number or NUL bytes), else null. */
export function binaryReason(buf: Uint8Array): string | null {
  for (const [name, sig] of MAGIC) {
    if (buf.length >= sig.length && sig.every((b, i) => buf[i] === b)) return `binary input (${name}), not text`;
  }
  if (bomCharset(buf)?.startsWith('utf-16')) return null;
  const head = buf.subarray(0, 8192);
  if (head.includes(0)) return 'binary input (contains NUL bytes), not text';
  return null;
}

function bomCharset(buf: Uint8Array): string | null {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8';
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  return null;
}

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;

/** charset declared in an HTML head (<meta charset> or http-equiv content-type). */
export function htmlDeclaredCharset(buf: Uint8Array): string | null {
  const head = Buffer.from(buf.subarray(0, 4096)).toString('latin1');
  return META_CHARSET.exec(head)?.[1]?.toLowerCase() ?? null;
}

/** charset parameter of a Content-Type header. */
export function headerCharset(contentType: string | null | undefined): string | null {
  const m = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '');
  return m ? m[1].toLowerCase() : null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(buf: Uint8Array): boolean {
  try {
    utf8.decode(buf);
    return true;
  } catch {
    return false;
  }
}

function caseScore(s: string): number {
  const lower = s.match(/[а-яё]/g)?.length ?? 0;
  const upper = s.match(/[А-ЯЁ]/g)?.length ?? 0;
  return lower + upper === 0 ? 0 : lower / (lower + upper);
}

const CYRILLIC_SINGLE_BYTE = new Set(['windows-1251', 'koi8-r', 'iso-8859-5', 'ibm866', 'koi8-u', 'x-mac-cyrillic']);

function guessCharset(buf: Uint8Array): string | null {
  const sample = buf.subarray(0, 65536);
  const matches = chardet.analyse(sample);
  const top = matches[0]?.name?.toLowerCase();
  if (!top) return null;
  const cyr = matches.some((m, i) => i < 4 && CYRILLIC_SINGLE_BYTE.has(m.name.toLowerCase()));
  if (cyr) {
    const w = caseScore(iconv.decode(Buffer.from(sample), 'windows-1251'));
    const k = caseScore(iconv.decode(Buffer.from(sample), 'koi8-r'));
    if (Math.max(w, k) > 0.5) return w >= k ? 'windows-1251' : 'koi8-r';
  }
  // ISO-8859-1 is read as windows-1252 (its superset for printable text), as browsers do
  if (top === 'iso-8859-1') return 'windows-1252';
  return top;
}

function cleanCharset(name: string): string | null {
  const n = name.toLowerCase().replace(/^x-/, '');
  const alias = n === 'utf8' ? 'utf-8' : n === 'cp1251' ? 'windows-1251' : n;
  return iconv.encodingExists(alias) ? alias : null;
}

/** Decode bytes to text, honouring BOM, then a declared charset, then detection. */
export function decodeBytes(buf: Uint8Array, declared: string | null = null): Decoded {
  const binary = binaryReason(buf);
  if (binary) return { ok: false, reason: binary };
  if (buf.length === 0) return { ok: false, reason: 'empty input' };
  let charset = bomCharset(buf);
  if (!charset && declared) charset = cleanCharset(declared);
  // a declared UTF-8 that is not valid UTF-8 is a common lie: fall through to detection
  if (charset === 'utf-8' && !bomCharset(buf) && !isUtf8(buf)) charset = null;
  if (!charset && isUtf8(buf)) charset = 'utf-8';
  if (!charset) {
    const guess = guessCharset(buf);
    charset = guess ? cleanCharset(guess) : null;
  }
  if (!charset) return { ok: false, reason: 'could not determine the character encoding' };
  const text = iconv.decode(Buffer.from(buf), charset);
  const bad = text.match(/\uFFFD/g)?.length ?? 0;
  if (bad > 16 && bad > text.length * 0.01) {
    return { ok: false, reason: `could not decode as ${charset} (${bad} invalid byte sequences)` };
  }
  const control = text.match(/[\u0001-\u0008\u000E-\u001F]/g)?.length ?? 0;
  if (control > text.length * 0.05) return { ok: false, reason: 'binary input (control characters), not text' };
  return { ok: true, text, charset };
}
