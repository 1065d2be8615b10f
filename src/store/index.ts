// One entry to open a store by URL or path: a file path (SQLite) or postgres://… (teams).
import type { Store } from './types.js';
import { SqliteStore } from './sqlite/store.js';

export async function openStore(location: string, options: { readonly?: boolean } = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(location)) {
    throw new Error('PostgreSQL stores are not supported yet: use a file path for --db');
  }
  return new SqliteStore(location, options);
}

export * from './types.js';
export { SqliteStore };
