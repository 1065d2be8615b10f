// Runs a child process under /usr/bin/time so the benchmark reports the child's own peak RSS
// (worker threads share their process's RSS, so this is the whole analyze run) and wall time.
// Falls back to plain timing, with no RSS figure, where /usr/bin/time is missing.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ChildResult {
  code: number;
  stdout: string;
  stderr: string;
  wallMs: number;
  peakRssMb: number | null;
  /** [seconds since start, RSS MB] sampled every `sampleMs` (Linux /proc), to show memory stays flat */
  rssSeries: [number, number][];
}

/** RSS of the process tree under pid (the node child of /usr/bin/time, with its worker threads). */
function treeRssMb(pid: number): number | null {
  try {
    let total = 0;
    const visit = (p: number): void => {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const kids = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim();
      for (const k of kids ? kids.split(/\s+/) : []) visit(Number(k));
    };
    visit(pid);
    return total / 1024;
  } catch {
    return null;
  }
}

const TIME = '/usr/bin/time';

export interface ChildOptions {
  cwd: string;
  /** copy the child's stderr to ours as it comes (it is still kept, the tail, in the result) */
  passStderr?: boolean;
  sampleMs?: number;
  onSample?: (seconds: number, rssMb: number) => void;
  /** every complete line the child writes to stderr */
  onStderrLine?: (line: string) => void;
}

export function runChild(args: string[], options: ChildOptions): Promise<ChildResult> {
  const timeFile = join(tmpdir(), `faultline-bench-time-${process.pid}-${Date.now()}`);
  const useTime = existsSync(TIME);
  const [cmd, argv] = useTime ? [TIME, ['-f', '%M', '-o', timeFile, ...args]] : [args[0]!, args.slice(1)];
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let partial = '';
    child.stdout?.setEncoding('utf8').on('data', (c: string) => { stdout += c; });
    child.stderr?.setEncoding('utf8').on('data', (c: string) => {
      if (options.passStderr) process.stderr.write(c);
      stderr = (stderr + c).slice(-20000);
      if (!options.onStderrLine) return;
      const lines = (partial + c).split('\n');
      partial = lines.pop() ?? '';
      for (const l of lines) options.onStderrLine(l);
    });
    const rssSeries: [number, number][] = [];
    const sampler = options.sampleMs && child.pid !== undefined
      ? setInterval(() => {
        const mb = treeRssMb(child.pid!);
        if (mb === null) return;
        const at = Math.round((performance.now() - t0) / 1000);
        rssSeries.push([at, Math.round(mb)]);
        options.onSample?.(at, Math.round(mb));
      }, options.sampleMs)
      : null;
    child.on('error', reject);
    child.on('close', (code) => {
      if (sampler) clearInterval(sampler);
      const wallMs = performance.now() - t0;
      let peakRssMb: number | null = null;
      if (useTime && existsSync(timeFile)) {
        const kb = Number(readFileSync(timeFile, 'utf8').trim().split(/\s+/).pop());
        if (Number.isFinite(kb)) peakRssMb = kb / 1024;
        rmSync(timeFile, { force: true });
      }
      resolve({ code: code ?? 1, stdout, stderr, wallMs, peakRssMb, rssSeries });
    });
  });
}

/** The last line of stdout that parses as a JSON object. */
export function lastJson<T>(stdout: string): T | null {
  const lines = stdout.trim().split('\n').reverse();
  for (const l of lines) {
    if (!l.startsWith('{')) continue;
    try {
      return JSON.parse(l) as T;
    } catch {
      // keep looking
    }
  }
  return null;
}
