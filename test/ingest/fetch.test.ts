import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, docsOf, rejectionsOf } from './helpers.js';

let server: Server;
let base = '';
const timers = new Set<NodeJS.Timeout>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/article') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><head><title>Local article</title></head><body><p>Reports of shelling in Aleppo could not be verified independently.</p></body></html>');
    } else if (url === '/cp1251') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=windows-1251' });
      res.end(iconv.encode('Новости из Алеппо: обстрел продолжался всю ночь.', 'windows-1251'));
    } else if (url.startsWith('/hop/')) {
      const n = Number(url.slice(5));
      res.writeHead(302, { location: n > 0 ? `/hop/${n - 1}` : '/article' });
      res.end();
    } else if (url === '/loop-a' || url === '/loop-b') {
      res.writeHead(301, { location: url === '/loop-a' ? '/loop-b' : '/loop-a' });
      res.end();
    } else if (url === '/slow') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('start ');
      timers.add(setTimeout(() => res.end('finally'), 5_000));
    } else if (url === '/huge') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('x'.repeat(50_000));
    } else if (url === '/image') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const t of timers) clearTimeout(t);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('URL inputs', () => {
  it('fetches an HTML page and follows redirects within the limit', async () => {
    const docs = docsOf(await collect([`${base}/article`, `${base}/hop/2`]));
    expect(docs.map((d) => [d.source, d.title])).toEqual([
      [`${base}/article`, 'Local article'],
      [`${base}/article`, 'Local article'],
    ]);
  });

  it('decodes the charset the server declares', async () => {
    expect(docsOf(await collect([`${base}/cp1251`]))[0].text).toBe('Новости из Алеппо: обстрел продолжался всю ночь.');
  });

  it('rejects redirect loops, too many redirects, timeouts, oversize bodies, errors and binary types', async () => {
    const events = await collect(
      [`${base}/loop-a`, `${base}/hop/9`, `${base}/slow`, `${base}/huge`, `${base}/missing`, `${base}/image`],
      { fetchMaxRedirects: 3, fetchTimeoutMs: 300, fetchMaxBytes: 10_000 },
    );
    expect(docsOf(events)).toEqual([]);
    expect(rejectionsOf(events).map((r) => [r.input.slice(base.length), r.reason])).toEqual([
      ['/loop-a', expect.stringMatching(/^redirect loop/)],
      ['/hop/9', 'too many redirects (more than 3)'],
      ['/slow', 'timed out after 300 ms'],
      ['/huge', 'response larger than the fetch limit of 10000 bytes'],
      ['/missing', 'HTTP 404 Not Found'],
      ['/image', 'unsupported content type image/png'],
    ]);
  });
});
