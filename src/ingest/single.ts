// One buffer → one document: plain text, Markdown and HTML (files, URLs, standard input, WARC
// payloads). Decoding, binary refusal and the size limit are applied here, once per input.
import type { IngestEvent, IngestOptions } from './types.js';
import { decodeBytes, headerCharset, htmlDeclaredCharset } from './decode.js';
import { buildDocument } from './document.js';
import { extractHtml } from './html.js';

export type Flavour = 'html' | 'text' | 'markdown' | 'auto';

const HTML_SNIFF = /^\s*(?:<!doctype html|<html|<head|<body|<meta|<title|<div|<p[\s>]|<article|<!--)/i;

export function looksLikeHtml(text: string): boolean {
  return HTML_SNIFF.test(text.slice(0, 1024));
}

export function sizeReason(input: string, bytes: number, options: IngestOptions): string | null {
  if (bytes <= options.maxDocumentBytes) return null;
  const mb = (n: number): string => (n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 3 : 1);
  return `${input} is ${mb(bytes)} MB, over the maximum document size of ${mb(options.maxDocumentBytes)} MB (--max-doc-mb)`;
}

export interface SingleInput {
  /** name used in rejections */
  input: string;
  /** document source field */
  source: string;
  bytes: Uint8Array;
  flavour: Flavour;
  contentType?: string | null;
}

export function singleDocument(s: SingleInput, options: IngestOptions): IngestEvent {
  const tooBig = sizeReason(s.input, s.bytes.length, options);
  if (tooBig) return { kind: 'rejected', input: s.input, reason: tooBig };
  const declared = headerCharset(s.contentType) ?? (s.flavour !== 'text' && s.flavour !== 'markdown' ? htmlDeclaredCharset(s.bytes) : null);
  const decoded = decodeBytes(s.bytes, declared);
  if (!decoded.ok) return { kind: 'rejected', input: s.input, reason: decoded.reason };
  const html = s.flavour === 'html' || (s.flavour === 'auto' && looksLikeHtml(decoded.text));
  let built;
  try {
    if (html) {
      const page = extractHtml(decoded.text);
      built = buildDocument({
        source: s.source, text: page.text, title: page.title, date: page.date, outlet: page.siteName,
        segments: page.segments, normalised: true, guessTitle: true, maxBytes: options.maxDocumentBytes, deferLanguages: options.deferLanguages,
        meta: page.warning ? { ingestWarning: page.warning } : undefined,
      });
    } else {
      built = buildDocument({ source: s.source, text: decoded.text, guessTitle: true, maxBytes: options.maxDocumentBytes, deferLanguages: options.deferLanguages });
    }
  } catch (err) {
    return { kind: 'rejected', input: s.input, reason: `could not extract text: ${(err as Error).message}` };
  }
  if (typeof built === 'string') return { kind: 'rejected', input: s.input, reason: built };
  return { kind: 'document', doc: built };
}
