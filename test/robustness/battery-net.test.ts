// Bad-input battery, part 3: URLs that are unreachable, slow, endless or loop on redirects
// (served from this process on 127.0.0.1), symlink loops and files the user cannot read.
// The URL cases share one CLI run (the CLI starts slowly).
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { analyzeCase, checkContract } from './contract.js';
import { faultline, storedDocs } from './harness.js';

const tmp = tempDir('faultline-net-');
const sentence = (place: string): string => `Fighting was reported near ${place} on Sunday, residents and a local monitor said.`;
const article = (place: string): string => `<html><head><title>${place}</title></head><body><article><p>${sentence(place)}</p><p>${sentence(place)} Dozens of families fled north.</p></article></body></html>`;

let server: Server;
let base = '';
const held: ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/good') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article('Kobani'));
    else if (req.url === '/slow') held.push(res); // never answers
    else if (req.url === '/loop') res.writeHead(302, { location: '/loop' }).end();
    else if (req.url === '/ping') res.writeHead(302, { location: '/pong' }).end();
    else if (req.url === '/pong') res.writeHead(302, { location: '/ping' }).end();
    else if (req.url === '/endless') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = 'Endless shelling report. '.repeat(2600);
      const pump = (): void => { while (res.write(chunk)); };
      res.on('drain', pump);
      res.on('error', () => undefined);
      pump();
    } else res.writeHead(404).end('not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of held) res.destroy();
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  tmp.cleanup();
});

describe('bad-input battery: URLs', () => {
  it('keeps a good URL, names unreachable, slow (timeout), endless (size limit) and redirect-looping ones', async () => {
    const { r, docs } = await analyzeCase(tmp.dir,
      [`${base}/good`, 'http://127.0.0.1:1/closed', `${base}/slow`, `${base}/loop`, `${base}/ping`, `${base}/missing`, `${base}/endless`],
      { code: 1, kept: 1, rejected: ['127.0.0.1:1/closed', '/slow', '/loop', '/ping', '/missing', '/endless'] }, ['--timeout', '2', '--max-doc-mb', '1']);
    expect(docs[0]!.text).toContain('Kobani');
    expect(r.stderr).toMatch(/\/slow: .*(time|abort)/i);
    expect(r.stderr).toMatch(/\/loop: .*redirect/i);
    expect(r.ms).toBeLessThan(30_000);
  });
});

describe('bad-input battery: file system', () => {
  it('walks a folder with symlink loops to the end, storing each document once', async () => {
    const dir = join(tmp.dir, 'loops');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'one.txt'), `${sentence('Afrin')}\n`);
    writeFileSync(join(dir, 'sub', 'two.txt'), `${sentence('Azaz')}\n`);
    symlinkSync('.', join(dir, 'self'));
    symlinkSync('..', join(dir, 'sub', 'up'));
    symlinkSync('b.txt', join(dir, 'a.txt'));
    symlinkSync('a.txt', join(dir, 'b.txt'));
    // the folder walk may skip or name the looping links; the looping file given by name must be named
    const { r, docs } = await analyzeCase(tmp.dir, [dir, join(dir, 'a.txt')], { code: 1, kept: 2, rejected: ['a.txt'] });
    expect(r.ms).toBeLessThan(30_000);
    expect(new Set(docs.map((d) => d.id)).size).toBe(2);
  });

  it.skipIf(process.platform === 'win32')('names a file the user cannot read and keeps the readable one', async () => {
    // root reads every file, so as root the CLI runs as "nobody" against the chmod 000 file
    const dir = join(tmp.dir, 'perm');
    mkdirSync(dir);
    chmodSync(tmp.dir, 0o777);
    chmodSync(dir, 0o777);
    writeFileSync(join(dir, 'open.txt'), `${sentence('Tabqa')}\n`);
    writeFileSync(join(dir, 'secret.txt'), `${sentence('Palmyra')}\n`);
    chmodSync(join(dir, 'secret.txt'), 0o000);
    const db = join(dir, 'perm.db');
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = await faultline(['analyze', dir, '--db', db, '--quiet', '--workers', '0'], asNobody);
    checkContract(r, { code: 1, rejected: ['secret.txt'] });
    expect(storedDocs(db).map((d) => d.text).join('\n')).toContain('Tabqa');
  });
});
