// franc's cleaning of a value, in code units: one pass instead of two regex replacements, a trim
// and a lower-casing per call (the trigram counting of franc-fast.ts reads the result straight
// from the buffer). Split from franc-fast.ts to keep each file to one job.

/** franc-fast's longest value (franc-min's MAX_LENGTH) */
export const MAX_LENGTH = 2048;

// The cleaned value in code units: franc's `replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ')
// .trim().toLowerCase()`, padded with a space each side, made in one pass without strings: every
// run of ASCII punctuation, digits and white space becomes one space, none at the ends, and each
// unit is lower-cased through a table. A unit whose lower case is not one unit, or depends on its
// neighbours (Σ, surrogates), sends the value down franc's string path instead.
export const CLEAN = new Uint16Array(MAX_LENGTH + 2);
/** per code unit: its lower case, -1 not yet known, -2 not lower-cased unit by unit */
const LOWER_UNIT = new Int32Array(65536).fill(-1);

function lowerUnit(c: number): number {
  let l = LOWER_UNIT[c]!;
  if (l === -1) {
    const lower = String.fromCharCode(c).toLowerCase();
    l = (c >= 0xd800 && c <= 0xdfff) || c === 0x3a3 || lower.length !== 1 ? -2 : lower.charCodeAt(0);
    LOWER_UNIT[c] = l;
  }
  return l;
}

/** JavaScript's \s and what trim() removes (WhiteSpace and LineTerminator) */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/** Fills CLEAN with the padded cleaned value; its length, or -1 when a unit needs the string path. */
export function cleanUnits(value: string): number {
  let n = 0;
  CLEAN[n++] = 0x20;
  let started = false;
  let gap = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c >= 0x21 && c <= 0x40) || isSpace(c)) {
      gap = started;
      continue;
    }
    const l = lowerUnit(c);
    if (l < 0) return -1;
    if (gap) CLEAN[n++] = 0x20;
    gap = false;
    started = true;
    CLEAN[n++] = l;
  }
  CLEAN[n++] = 0x20;
  return n;
}
