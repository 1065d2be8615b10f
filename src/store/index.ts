// One entry to open a store by URL or path: a file path (SQLite) or postgres://… (teams).
import type { Store } from './types.js';
import { SqliteStore } from './sqlite/store.js';

export async function openStore(location: string, options: { readonly?: boolean } = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(location)) {
    // loaded on demand so SQLite users never load the PostgreSQL driver
    const { PostgresStore } = await import('./postgres/store.js');
    return PostgresStore.open(location, options);
  }
  return new SqliteStore(location, options);
}

export * from './types.js';
export { SqliteStore };
export { RowOrderSpill, SortSpill, type RowAssignment, type SpillRow } from './sqlite/spill.js';
