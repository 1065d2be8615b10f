// The API server for the load test, in its own process so the load generator does not share its
// event loop: opens the database, serves on 127.0.0.1 (rate limit off: one load client would
// otherwise be throttled), prints its URL as one line, and stops on SIGTERM.
import { createServer } from '../src/present/api/server.js';
import { openStore } from '../src/store/index.js';

const db = process.argv[2];
if (!db) {
  process.stderr.write('usage: serve-child.ts DB\n');
  process.exit(2);
}
const store = await openStore(db);
const app = await createServer({ store, rateLimit: false });
await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`http://127.0.0.1:${(app.server.address() as { port: number }).port}\n`);
process.on('SIGTERM', () => {
  void app.close().then(() => store.close()).then(() => process.exit(0));
});
