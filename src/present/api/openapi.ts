// /api/openapi.json, generated from the route schemas Fastify validates with, collected as the
// routes are registered (no second hand-kept description to drift).
import type { FastifyInstance, RouteOptions } from 'fastify';
import { COMPONENTS } from './schemas.js';

type Schema = Record<string, unknown>;

interface Collected {
  method: string;
  url: string;
  schema: Schema;
}

/** Call before registering routes; returns a function producing the document. */
export function collectOpenApi(app: FastifyInstance): () => Schema {
  const routes: Collected[] = [];
  app.addHook('onRoute', (r: RouteOptions) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    if (!r.url.startsWith('/api/') || !r.schema || !methods.includes('GET')) return;
    routes.push({ method: 'get', url: r.url, schema: r.schema as Schema });
  });
  let doc: Schema | null = null;
  return () => (doc ??= build(routes));
}

function parameters(schema: Schema | undefined, where: 'query' | 'path'): Schema[] {
  const props = (schema?.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema?.required ?? []) as string[]);
  return Object.entries(props).map(([name, s]) => {
    const { description, ...rest } = s;
    return { name, in: where, required: where === 'path' || required.has(name), description: description ?? name, schema: rest };
  });
}

function build(routes: Collected[]): Schema {
  const paths: Record<string, Schema> = {};
  for (const r of routes) {
    const path = r.url.replace(/:([A-Za-z]+)/g, '{$1}');
    paths[path] = {
      ...(paths[path] ?? {}),
      [r.method]: {
        summary: r.schema.summary,
        parameters: [...parameters(r.schema.params as Schema, 'path'), ...parameters(r.schema.querystring as Schema, 'query')],
        responses: {
          200: { description: 'OK', content: { 'application/json': { schema: r.schema.returns ?? { type: 'object' } } } },
          400: { description: 'invalid parameters or search syntax', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          401: { description: 'token required (server bound beyond 127.0.0.1)' },
          404: { description: 'not found' },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Faultline workbench API', version: '0.1.0', description: 'Read-only JSON API over an analysed corpus. Every list is paginated (limit ≤ 500).' },
    components: { schemas: COMPONENTS, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{}, { bearer: [] }],
    paths,
  };
}
