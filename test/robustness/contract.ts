// The contract every bad-input case checks: the CLI ends on its own with 0, 1 or 2 (never a
// signal, never a stack trace), names every rejected input with a reason, and keeps every good one.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { faultline, hasStackTrace, namesInput, storedDocs, type CliResult, type StoredDoc } from './harness.js';

export interface Expectation {
  /** the exit code, or the codes allowed when the contract leaves a policy choice open */
  code: 0 | 1 | 2 | (0 | 1 | 2)[];
  /** names (file names, `file#line=N`) that must appear on stderr followed by a reason */
  rejected?: string[];
  /** number of documents the database must hold afterwards */
  kept?: number;
}

export function checkContract(r: CliResult, e: Expectation): void {
  expect(r.signal, `killed by ${r.signal}; stderr: ${r.stderr.slice(0, 400)}`).toBeNull();
  expect(hasStackTrace(r.stderr + r.stdout), `stack trace shown to the user:\n${r.stderr.slice(0, 800)}`).toBe(false);
  const codes: number[] = Array.isArray(e.code) ? e.code : [e.code];
  expect(codes, `exit code ${r.code}; stderr: ${r.stderr.slice(0, 600)}`).toContain(r.code);
  for (const name of e.rejected ?? []) expect(namesInput(r.stderr, name), `stderr names ${name} with a reason:\n${r.stderr.slice(0, 600)}`).toBe(true);
}

/**
 * A case that fails today because of a bug reported to the owner of that code: skipped in
 * `npm test`, run with FAULTLINE_RUN_KNOWN=1 to see whether it is fixed (then make it `it`).
 */
export const itKnown: typeof it.skip = process.env.FAULTLINE_RUN_KNOWN === '1' ? it : it.skip;

let n = 0;

/** Runs `faultline analyze` on inputs into a fresh database and checks the contract. */
export async function analyzeCase(dir: string, inputs: string[], e: Expectation, extra: string[] = []): Promise<{ r: CliResult; docs: StoredDoc[] }> {
  const db = join(dir, `case-${++n}.db`);
  const r = await faultline(['analyze', ...inputs, '--db', db, '--quiet', '--workers', '0', ...extra]);
  checkContract(r, e);
  const docs = storedDocs(db);
  if (e.kept !== undefined) expect(docs.length, `documents kept; stderr: ${r.stderr.slice(0, 400)}`).toBe(e.kept);
  return { r, docs };
}
