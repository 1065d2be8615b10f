// Flags shared by several commands, parsed and checked in one place.
import { existsSync } from 'node:fs';
import { UsageError } from './errors.js';

export const DEFAULT_DB = './faultline.db';

export function dbLocation(db: string | undefined): string {
  return db ?? process.env.FAULTLINE_DB ?? DEFAULT_DB;
}

/** For read commands: the database must exist, or the user is told how to make one. */
export function existingDb(db: string | undefined): string {
  const location = dbLocation(db);
  if (!/^postgres(ql)?:\/\//.test(location) && !existsSync(location)) {
    throw new UsageError(`no database at ${location}. Run \`faultline analyze <inputs> --db ${location}\` first, or pass --db FILE.`);
  }
  return location;
}

export function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} must be a whole number, got "${value}"`);
    return n;
  };
}
