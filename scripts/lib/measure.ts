/**
 * Runs a command and measures its wall time and the peak resident memory of its whole process
 * tree (sampled from /proc every 50 ms, so children such as Astro's workers and Pagefind count).
 * Linux only, which is what CI and the benchmark machines run.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface Measured {
  command: string;
  seconds: number;
  peakMiB: number;
  code: number;
  output: string;
}

function processTable(): Map<number, { ppid: number; rssPages: number }> {
  const table = new Map<number, { ppid: number; rssPages: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(name), { ppid: Number(fields[1]), rssPages: Number(fields[21]) });
    } catch {
      // The process ended while we looked.
    }
  }
  return table;
}

/** Resident memory of a process and all its descendants now, in bytes. */
export function treeRssBytes(root: number): number {
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const [pid, p] of table) {
    if (!children.has(p.ppid)) children.set(p.ppid, []);
    children.get(p.ppid)!.push(pid);
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += (table.get(pid)?.rssPages ?? 0) * 4096;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export function measure(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  cwd = process.cwd(),
): Promise<Measured> {
  return new Promise((resolvePromise) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let peak = 0;
    const timer = setInterval(() => {
      if (child.pid) peak = Math.max(peak, treeRssBytes(child.pid));
    }, 50);
    child.on('close', (code) => {
      clearInterval(timer);
      resolvePromise({
        command: [command, ...args].join(' '),
        seconds: (performance.now() - started) / 1000,
        peakMiB: peak / 1024 / 1024,
        code: code ?? 1,
        output: output.slice(-4000),
      });
    });
  });
}

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
