// Security for a server whose data is hostile by nature: strict headers on every response, and a
// bearer token that is mandatory whenever the server listens beyond the loopback interface.
// Hand-written (a few lines) rather than @fastify/helmet/@fastify/cookie, which are not installed:
// we need exactly one policy and one cookie.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
  "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'",
].join('; ');

export const TOKEN_COOKIE = 'faultline_token';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || /^127\./.test(host);
}

export function addSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('Content-Security-Policy', CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
    return payload;
  });
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) {
      try { return decodeURIComponent(part.slice(i + 1).trim()); } catch { return null; }
    }
  }
  return null;
}

/** Requires the token on every request: `Authorization: Bearer`, the cookie, or `?token=` (which sets the cookie). */
export function requireToken(app: FastifyInstance, token: string): void {
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ') && same(auth.slice(7).trim(), token)) return;
    if (same(cookieValue(req.headers.cookie, TOKEN_COOKIE) ?? '', token)) return;
    const query = req.query as Record<string, unknown> | undefined;
    const fromQuery = typeof query?.token === 'string' ? query.token : null;
    if (fromQuery !== null && same(fromQuery, token)) {
      reply.header('Set-Cookie', `${TOKEN_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`);
      return;
    }
    await reply.code(401).header('WWW-Authenticate', 'Bearer').send({ error: 'unauthorized', message: 'this server requires its token: open the URL with ?token=… or send Authorization: Bearer …' });
  });
}
