// Crash safety: a run killed with SIGKILL mid-way keeps every document it committed, exactly
// once, in a database that passes PRAGMA integrity_check (and the FTS index check); the rerun
// completes the rest and duplicates nothing. Through the real `faultline analyze` on a CSV of
// 2,000 rows, killed once more than 300 are committed.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.js';
import { checkContract } from './contract.js';
import { CLI_ARGS, faultline, integrityCheck } from './harness.js';

const tmp = tempDir('faultline-crash-');
afterAll(() => tmp.cleanup());

function count(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try { return (conn.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n; } finally { conn.close(); }
  } catch {
    return 0; // not created or not migrated yet
  }
}

function ids(db: string): string[] {
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try { return (conn.prepare('SELECT id FROM documents').all() as { id: string }[]).map((r) => r.id); } finally { conn.close(); }
}

/** Polls the database until it holds more than `n` documents, then SIGKILLs the child; returns the ids seen just before. */
async function killAfter(child: ChildProcess, db: string, n: number): Promise<string[]> {
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  const deadline = Date.now() + 60_000;
  while (count(db) <= n) {
    if (child.exitCode !== null) throw new Error(`the run ended (exit ${child.exitCode}) before ${n} documents were committed`);
    if (Date.now() > deadline) throw new Error(`fewer than ${n} documents committed after 60 s`);
    await new Promise((r) => setTimeout(r, 25));
  }
  const seen = ids(db);
  child.kill('SIGKILL');
  await exited;
  return seen;
}

function checkAfterKill(db: string, committed: string[]): void {
  expect(integrityCheck(db)).toBe('ok');
  const conn = new Database(db);
  try {
    conn.prepare("INSERT INTO documents_fts(documents_fts) VALUES('integrity-check')").run();
    const rows = conn.prepare('SELECT id, count(*) AS n FROM documents GROUP BY id').all() as { id: string; n: number }[];
    const stored = new Map(rows.map((r) => [r.id, r.n]));
    for (const id of committed) expect(stored.get(id), `document ${id} committed before the kill`).toBe(1);
    const orphans = conn.prepare('SELECT count(*) AS n FROM segments WHERE doc NOT IN (SELECT rowid FROM documents)').get() as { n: number };
    expect(orphans.n).toBe(0);
  } finally {
    conn.close();
  }
}

function duplicates(db: string, column: string): number {
  const conn = new Database(db, { readonly: true });
  try {
    return (conn.prepare(`SELECT count(*) AS n FROM (SELECT ${column} FROM documents GROUP BY ${column} HAVING count(*) > 1)`).get() as { n: number }).n;
  } finally { conn.close(); }
}

describe('crash safety', () => {
  it('analyze: SIGKILL mid-run, restart, integrity ok, every committed row once, the rest completed', async () => {
    const db = join(tmp.dir, 'cli.db');
    const csv = join(tmp.dir, 'rows.csv');
    const N = 2000;
    const rows = Array.from({ length: N }, (_, i) => `r${i},Report ${i},"Report ${i}. At least ${(i % 40) + 2} civilians were killed when shells hit a market in Idlib on Monday, a monitor said. ${i % 7} buildings collapsed."`);
    writeFileSync(csv, `id,title,text\n${rows.join('\n')}\n`);
    const child = spawn(process.execPath, [...CLI_ARGS, 'analyze', csv, '--db', db, '--quiet'], { cwd: ROOT, stdio: 'ignore' });
    const committed = await killAfter(child, db, 300);
    expect(committed.length).toBeLessThan(N);
    checkAfterKill(db, committed);
    const r = await faultline(['analyze', csv, '--db', db, '--quiet', '--json'], { timeoutMs: 120_000 });
    checkContract(r, { code: 0 });
    const summary = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { added: number; skipped: number };
    expect(summary.skipped).toBeGreaterThanOrEqual(committed.length);
    expect(summary.added + summary.skipped).toBe(N);
    checkAfterKill(db, committed);
    expect(count(db)).toBe(N);
    expect(duplicates(db, 'external_id')).toBe(0);
  });
});
