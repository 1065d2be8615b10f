import { createHash } from 'node:crypto';

/** Stable document id: the same normalised content always gets the same id. */
export function contentId(text: string, title: string | null = null): string {
  return createHash('sha256').update(title ?? '').update('\u0000').update(text).digest('hex').slice(0, 16);
}

/** kebab-case slug for ids built from names. */
export function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9\u0400-\u04ff]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
