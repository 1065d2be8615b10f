// Shared by the robustness tests: run the compiled CLI asynchronously (tests serve HTTP from the
// same process, so a blocking spawnSync would deadlock them), read back what the database kept,
// and recognise a stack trace that leaked to the user.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CLI, ROOT } from '../helpers.js';

const FROM_SOURCE = process.env.FAULTLINE_CLI_FROM_SOURCE === '1';
/** node arguments that start the CLI: the compiled launcher, or src/ through tsx when asked */
export const CLI_ARGS = FROM_SOURCE ? ['--import', 'tsx', join(ROOT, 'test', 'robustness', 'cli-source.ts')] : [CLI];

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface CliOptions {
  input?: string | Buffer;
  timeoutMs?: number;
  uid?: number;
  gid?: number;
  env?: NodeJS.ProcessEnv;
}

export function faultline(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CLI_ARGS, ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
      cwd: ROOT,
      uid: options.uid,
      gid: options.gid,
      env: { ...process.env, FAULTLINE_DEBUG: '', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => { stdout += s; });
    child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 45_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - t0 });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** A Node or V8 stack frame ("    at foo (file.js:1:2)") shown to the user is a crash, whatever the exit code. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m.test(text) || /\b(TypeError|RangeError|ReferenceError|SyntaxError): /.test(text);
}

export interface StoredDoc {
  id: string;
  source: string;
  title: string | null;
  text: string;
}

export function storedDocs(db: string): StoredDoc[] {
  if (!existsSync(db)) return [];
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return conn.prepare('SELECT id, source, title, text FROM documents ORDER BY rowid').all() as StoredDoc[];
  } finally {
    conn.close();
  }
}

export function integrityCheck(db: string): string {
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return conn.pragma('integrity_check', { simple: true }) as string;
  } finally {
    conn.close();
  }
}

/** Every rejected input must be named on stderr with a reason after a colon. */
export function namesInput(stderr: string, name: string): boolean {
  return stderr.split('\n').some((line) => line.includes(name) && /:\s*\S/.test(line.slice(line.indexOf(name) + name.length)));
}
