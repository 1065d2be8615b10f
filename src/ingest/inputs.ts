// Expands command-line inputs into files, URLs and standard input: directories are walked
// recursively in name order (symlinked directories followed once, so loops end), globs go
// through tinyglobby, and anything missing or unreadable becomes a per-input rejection.
import { opendir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

export type Expanded =
  | { kind: 'file'; path: string; fromDirectory: boolean }
  | { kind: 'url'; url: string }
  | { kind: 'stdin' }
  | { kind: 'rejected'; input: string; reason: string };

export const SUPPORTED = ['.txt', '.md', '.markdown', '.html', '.htm', '.csv', '.jsonl', '.warc', '.warc.gz'];

export function extensionOf(path: string): string {
  const lower = path.toLowerCase();
  if (lower.endsWith('.warc.gz')) return '.warc.gz';
  const dot = lower.lastIndexOf('.');
  return dot > lower.lastIndexOf('/') ? lower.slice(dot) : '';
}

function errorReason(err: unknown): string {
  const code = (err as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied (unreadable)';
  if (code === 'ELOOP') return 'symbolic link loop';
  return (err as Error).message;
}

async function* walk(dir: string, visited: Set<string>): AsyncGenerator<Expanded> {
  let names: Array<{ name: string; dir: boolean; link: boolean }>;
  try {
    const handle = await opendir(dir);
    names = [];
    for await (const d of handle) names.push({ name: d.name, dir: d.isDirectory(), link: d.isSymbolicLink() });
  } catch (err) {
    yield { kind: 'rejected', input: dir, reason: `cannot read directory: ${errorReason(err)}` };
    return;
  }
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of names) {
    const path = join(dir, entry.name);
    let isDir = entry.dir;
    if (entry.link) {
      try {
        isDir = (await stat(path)).isDirectory();
      } catch (err) {
        yield { kind: 'rejected', input: path, reason: `broken link: ${errorReason(err)}` };
        continue;
      }
    }
    if (isDir) {
      let real: string;
      try {
        real = await realpath(path);
      } catch (err) {
        yield { kind: 'rejected', input: path, reason: errorReason(err) };
        continue;
      }
      if (visited.has(real)) continue; // symlink loop or a directory seen through another link
      visited.add(real);
      yield* walk(path, visited);
    } else if (SUPPORTED.includes(extensionOf(entry.name))) {
      yield { kind: 'file', path, fromDirectory: true };
    }
  }
}

export async function* expandInputs(inputs: string[]): AsyncGenerator<Expanded> {
  for (const input of inputs) {
    if (input === '-') {
      yield { kind: 'stdin' };
      continue;
    }
    if (/^https?:\/\//i.test(input)) {
      yield { kind: 'url', url: input };
      continue;
    }
    let info;
    try {
      info = await stat(input);
    } catch (err) {
      if (isDynamicPattern(input)) {
        const matches = (await glob([input], { onlyFiles: true, expandDirectories: false })).sort();
        if (!matches.length) yield { kind: 'rejected', input, reason: 'no files match this pattern' };
        const seen = new Set<string>();
        for (const path of matches) {
          // a symlinked directory can show the same file under two names
          const real = await realpath(path).catch(() => path);
          if (seen.has(real)) continue;
          seen.add(real);
          yield { kind: 'file', path, fromDirectory: false };
        }
      } else {
        yield { kind: 'rejected', input, reason: errorReason(err) };
      }
      continue;
    }
    if (info.isDirectory()) yield* walk(input, new Set([await realpath(input)]));
    else yield { kind: 'file', path: input, fromDirectory: false };
  }
}
