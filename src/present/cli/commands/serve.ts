// `faultline serve`: the web workbench and its JSON API on one port. Loopback by default;
// any other host needs a token, and then every request without it gets 401.
import type { Command } from 'commander';
import { createServer, ServerConfigError } from '../../api/server.js';
import { openStore } from '../../../store/index.js';
import { UsageError } from '../errors.js';
import { existingDb, positiveInt } from '../options.js';

export interface ServeOptions {
  db?: string;
  host?: string;
  port?: number;
  token?: string;
}

/** Serves until the process is interrupted (Ctrl-C), then closes the server and the store. */
export async function serve(options: ServeOptions): Promise<void> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 4173;
  const token = options.token ?? process.env.FAULTLINE_TOKEN ?? undefined;
  // opened read-write so pending migrations (indexes) apply; the server itself only reads
  const store = await openStore(existingDb(options.db));
  let app;
  try {
    app = await createServer({ store, host, token });
    await app.listen({ host, port });
  } catch (err) {
    await store.close();
    if (err instanceof ServerConfigError) throw new UsageError(err.message);
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(`port ${port} is in use: pass --port P`);
    throw err;
  }
  const shown = host.includes(':') ? `[${host}]` : host;
  process.stdout.write(`Faultline workbench: http://${shown}:${port}/${token ? `?token=${encodeURIComponent(token)}` : ''}\n` +
    `  API: http://${shown}:${port}/api/openapi.json   (Ctrl-C to stop)\n`);
  await new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void app.close().then(() => store.close()).then(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('open the web workbench and its JSON API (http://127.0.0.1:4173 by default)')
    .option('--db <file>', 'database file (default ./faultline.db)')
    .option('--host <host>', 'address to bind; anything but 127.0.0.1/localhost requires --token', '127.0.0.1')
    .option('--port <port>', 'port to listen on', positiveInt('--port'), 4173)
    .option('--token <token>', 'require this token on every request (default: $FAULTLINE_TOKEN)')
    .action(async (flags: { db?: string; host: string; port: number; token?: string }) => {
      await serve({ db: flags.db, host: flags.host, port: flags.port, token: flags.token });
    });
}
