// The workbench server: the JSON API under /api and the Vite-built single-page app from
// web-dist/, on one port, with no outside request at run time. Tests build it with
// createServer() and call it through fastify.inject.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { StoreError, type Store } from '../../store/types.js';
import { collectOpenApi } from './openapi.js';
import { registerApi } from './routes.js';
import { addSecurityHeaders, isLoopback, requireToken } from './security.js';

export const DEFAULT_WEB_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'web-dist');

/** The single-page app's routes: each answers index.html and the app draws the page. */
export const PAGES = ['/', '/documents/:id', '/map', '/timeline', '/network', '/events/:clusterId', '/claims', '/search'];

export interface ServerOptions {
  store: Store;
  /** required when host is not a loopback address */
  token?: string;
  host?: string;
  /** folder with the built app (index.html, assets/); default web-dist/ at the project root */
  webRoot?: string;
  /** requests per minute per client; false disables (benchmarks) */
  rateLimit?: number | false;
}

export class ServerConfigError extends Error {}

export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token || undefined;
  if (!isLoopback(host) && !token) {
    throw new ServerConfigError(`binding ${host} exposes the corpus beyond this machine: pass --token T (or set FAULTLINE_TOKEN)`);
  }
  const app = Fastify({ logger: false, bodyLimit: 16 * 1024, routerOptions: { maxParamLength: 500 }, return503OnClosing: true });
  addSecurityHeaders(app);
  if (options.rateLimit !== false) await app.register(fastifyRateLimit, { max: options.rateLimit ?? 1200, timeWindow: '1 minute' });
  if (token) requireToken(app, token);

  app.setErrorHandler((err: FastifyError, _req, reply) => {
    if (err.validation || err instanceof StoreError) return reply.code(400).send({ error: 'bad_request', message: err.message });
    if (err.statusCode && err.statusCode < 500) return reply.code(err.statusCode).send({ error: err.code ?? 'error', message: err.message });
    process.stderr.write(`faultline serve: ${err.stack ?? err.message}\n`);
    return reply.code(500).send({ error: 'internal', message: 'internal error (details on the server console)' });
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` }));

  const openapi = collectOpenApi(app);
  const stats = registerApi(app, options.store);
  app.get('/api/openapi.json', async () => openapi());
  app.addHook('onReady', async () => { await stats(); });

  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
  const indexFile = join(webRoot, 'index.html');
  let index: string | null = null;
  const page = async (_req: unknown, reply: import('fastify').FastifyReply) => {
    if (index === null && existsSync(indexFile)) index = readFileSync(indexFile, 'utf8');
    if (index === null) return reply.code(503).type('text/plain').send('The web app is not built: run `npm run build:web`, then restart `faultline serve`.');
    return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(index);
  };
  for (const p of PAGES) app.get(p, page);
  if (existsSync(join(webRoot, 'assets'))) {
    await app.register(fastifyStatic, { root: join(webRoot, 'assets'), prefix: '/assets/', index: false, list: false, dotfiles: 'deny', immutable: true, maxAge: '365d' });
  }
  return app;
}
