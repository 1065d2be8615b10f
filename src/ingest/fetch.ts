// http(s) inputs: Node's fetch with redirects followed by hand (to count them, refuse loops
// and non-http targets), one timeout over the whole exchange, and a byte cap while streaming
// the body, so a slow or endless server cannot hang or exhaust the run.
import type { IngestEvent, IngestOptions } from './types.js';
import { singleDocument, type Flavour } from './single.js';

type Fetched = { ok: true; url: string; bytes: Uint8Array; contentType: string | null } | { ok: false; reason: string };

async function readCapped(res: Response, max: number): Promise<Uint8Array | null> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > max) return null;
  if (!res.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.length;
    if (total > max) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function fetchUrl(start: string, options: IngestOptions): Promise<Fetched> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.fetchTimeoutMs);
  const seen = new Set<string>();
  let url = start;
  try {
    for (let hops = 0; ; hops++) {
      seen.add(url);
      const res = await fetch(url, { redirect: 'manual', signal: controller.signal, headers: { 'user-agent': 'faultline-ingest' } });
      if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
        await res.body?.cancel();
        const next = new URL(res.headers.get('location') as string, url).toString();
        if (!/^https?:/i.test(next)) return { ok: false, reason: `redirect to unsupported URL ${next}` };
        if (seen.has(next)) return { ok: false, reason: `redirect loop (${url} → ${next})` };
        if (hops + 1 > options.fetchMaxRedirects) return { ok: false, reason: `too many redirects (more than ${options.fetchMaxRedirects})` };
        url = next;
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        return { ok: false, reason: `HTTP ${res.status} ${res.statusText}`.trim() };
      }
      const bytes = await readCapped(res, options.fetchMaxBytes);
      if (!bytes) {
        controller.abort();
        return { ok: false, reason: `response larger than the fetch limit of ${options.fetchMaxBytes} bytes` };
      }
      return { ok: true, url, bytes, contentType: res.headers.get('content-type') };
    }
  } catch (err) {
    if (controller.signal.aborted) return { ok: false, reason: `timed out after ${options.fetchTimeoutMs} ms` };
    const cause = (err as { cause?: { message?: string } }).cause?.message;
    return { ok: false, reason: `fetch failed: ${cause ?? (err as Error).message}` };
  } finally {
    clearTimeout(timer);
  }
}

export async function* ingestUrl(url: string, options: IngestOptions): AsyncGenerator<IngestEvent> {
  const got = await fetchUrl(url, options);
  if (!got.ok) {
    yield { kind: 'rejected', input: url, reason: got.reason };
    return;
  }
  const type = (got.contentType ?? '').toLowerCase();
  if (type && !/text\/|html|xml|json/.test(type)) {
    yield { kind: 'rejected', input: url, reason: `unsupported content type ${type}` };
    return;
  }
  const flavour: Flavour = type.includes('html') ? 'html' : type.startsWith('text/plain') ? 'text' : 'auto';
  yield singleDocument({ input: url, source: got.url, bytes: got.bytes, flavour, contentType: got.contentType }, options);
}
