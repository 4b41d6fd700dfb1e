/**
 * `npm run build`: the whole site, from the content to a folder ready for any static host.
 *
 *   1. `npm run validate` and `astro build` at the same time. The validator takes a second or
 *      two; Astro spends its first seconds loading the content, so the check costs no waiting.
 *      Astro's output is held back until the validator has passed: when it finds a problem, the
 *      build stops there and prints only the validator's messages (file, line, field, fix).
 *   2. Pagefind indexes the entry pages (src/lib/search/shards.ts): one index, or for a very big
 *      book several parts built one after another, so its memory stays bounded.
 *   3. The service worker (scripts/build/service-worker.ts), which needs the list of built files.
 *
 * The site folder is `dist/`, or BOOK_OUT; the content is `content/`, or BOOK_CONTENT.
 * `astro build` gets a V8 heap limit sized to the book (`astroHeapMiB`), unless NODE_OPTIONS
 * already sets one: without it V8 lets garbage grow towards its default limit before collecting,
 * which is where most of a big build's memory went (docs/performance.md).
 * BOOK_BUILD_TIMINGS=<file> writes each step's start, end and peak memory there (the benchmark).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SHARD_MANIFEST, shardFolder, type ShardManifest } from '../../src/lib/search/shards';
import { treeRssBytes } from '../lib/measure';
import { countEntryFiles } from '../../src/server/content-paths';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

/**
 * The heap limit for `astro build`: 1 GB plus 32 KB an entry, and never under 2 GB. The live heap
 * stays well under it; a tighter limit costs time collecting, a looser one memory (the
 * measurements are in docs/performance.md).
 */
export function astroHeapMiB(entries: number): number {
  return Math.max(2048, Math.ceil(1024 + entries * (32 / 1024)));
}

/** NODE_OPTIONS with a heap limit added, unless it has one already. */
export function withHeapLimit(nodeOptions: string | undefined, mib: number): string {
  const current = nodeOptions?.trim() ?? '';
  if (/--max-old-space-size[=\s]/.test(current)) return current;
  return `${current} --max-old-space-size=${mib}`.trim();
}

interface Step {
  name: string;
  start: number;
  end: number;
  peakMiB: number;
}

/** Running steps' process groups, stopped with the build on Ctrl-C (they are not in the terminal's group). */
const running = new Set<number>();
function stopStepsOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      for (const pid of running) {
        try {
          process.kill(-pid, 'SIGTERM');
        } catch {
          // Already gone.
        }
      }
      process.exit(130);
    });
  }
}

const t0 = performance.now();
const steps: Step[] = [];
const timingsFile = process.env.BOOK_BUILD_TIMINGS;
const now = () => (performance.now() - t0) / 1000;

/**
 * Starts a step's process. Its output goes straight through, or is held back (`hold`) until
 * `release()`. `done` resolves with the exit code once the process has closed.
 */
function start(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env, hold = false) {
  const step: Step = { name, start: now(), end: 0, peakMiB: 0 };
  steps.push(step);
  // Its own process group, so a stop takes any processes it started with it.
  const child: ChildProcess = spawn(cmd, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  if (child.pid) running.add(child.pid);
  let held: [NodeJS.WriteStream, Buffer][] | null = hold ? [] : null;
  const pipe = (from: NodeJS.ReadableStream | null, to: NodeJS.WriteStream) =>
    from?.on('data', (d: Buffer) => (held ? held.push([to, d]) : to.write(d)));
  pipe(child.stdout, process.stdout);
  pipe(child.stderr, process.stderr);
  const sampler = timingsFile
    ? setInterval(() => {
        if (child.pid) step.peakMiB = Math.max(step.peakMiB, treeRssBytes(child.pid) / 1024 / 1024);
      }, 50)
    : undefined;
  const done = new Promise<number>((ok) =>
    child.on('close', (code, signal) => {
      if (child.pid) running.delete(child.pid);
      if (sampler) clearInterval(sampler);
      step.end = now();
      ok(code ?? (signal ? 1 : 0));
    }),
  );
  return {
    done,
    release() {
      for (const [to, d] of held ?? []) to.write(d);
      held = null;
    },
    stop() {
      held = null;
      try {
        if (child.pid) process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    },
  };
}

/**
 * A folder holding just `ids`' entry pages, as hard links into the site (no copying), so that
 * Pagefind, run on it, indexes one part with the same URLs as the site's.
 */
function linkPart(out: string, ids: readonly string[], dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  for (const id of ids) {
    const from = join(out, 'entries', id, 'index.html');
    const to = join(dir, 'entries', id);
    mkdirSync(to, { recursive: true });
    try {
      linkSync(from, join(to, 'index.html'));
    } catch {
      copyFileSync(from, join(to, 'index.html'));
    }
  }
}

async function main(): Promise<number> {
  const out = resolve(root, process.env.BOOK_OUT ?? 'dist');
  const contentDir = resolve(root, process.env.BOOK_CONTENT ?? 'content');
  const entries = countEntryFiles(contentDir);

  // 1. Validate while Astro builds.
  const validate = start('validate', process.execPath, [
    'scripts/lib/bundled.mjs',
    'scripts/content/validate.ts',
    '--quiet',
  ]);
  const astroEnv = { ...process.env, NODE_OPTIONS: withHeapLimit(process.env.NODE_OPTIONS, astroHeapMiB(entries)) };
  const astro = start('astro', bin('astro'), ['build'], astroEnv, true);
  const validated = await validate.done;
  if (validated !== 0) {
    astro.stop();
    await astro.done;
    process.stderr.write(
      '\nThe build stopped: fix the problems above (each names its file, line and field), then run `npm run build` again.\n',
    );
    return validated;
  }
  astro.release();
  const built = await astro.done;
  if (built !== 0) return built;

  // 2. The search index, in one or more parts.
  const manifestPath = join(out, SHARD_MANIFEST);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ShardManifest;
  rmSync(manifestPath);
  if (manifest.shards.flat().length === 0) {
    // A new place's book with no entries yet (npm run new-place): Pagefind refuses to make an
    // empty index, so it indexes one placeholder page, kept outside the site, that no everyday
    // search can match; the search page then answers "No results" and works offline as usual.
    const empty = join(dirname(out), `.${basename(out)}.empty-index`);
    mkdirSync(empty, { recursive: true });
    writeFileSync(
      join(empty, 'index.html'),
      '<!doctype html><html lang="en-GB"><body><article data-pagefind-body><h1 data-pagefind-meta="title">communitybookplaceholder</h1></article></body></html>',
    );
    const args = ['--site', empty, '--output-path', join(out, shardFolder(0)), '--silent'];
    const code = await start('pagefind', bin('pagefind'), args).done;
    rmSync(empty, { recursive: true, force: true });
    if (code !== 0) return code;
  } else if (manifest.shards.length <= 1) {
    const code = await start('pagefind', bin('pagefind'), ['--site', out, '--glob', 'entries/**/*.html', '--silent'])
      .done;
    if (code !== 0) return code;
  } else {
    // Each part's folder of links is made while Pagefind indexes the part before, and removed
    // while it indexes the next (making and removing thousands of them takes seconds).
    const partDir = (k: number) => join(out, `.search-part-${k + 1}`);
    const removals: Promise<void>[] = [];
    linkPart(out, manifest.shards[0], partDir(0));
    for (let k = 0; k < manifest.shards.length; k++) {
      const args = [
        '--site',
        partDir(k),
        '--glob',
        'entries/**/*.html',
        '--output-path',
        join(out, shardFolder(k)),
        '--silent',
      ];
      const run = start(`pagefind ${k + 1}/${manifest.shards.length}`, bin('pagefind'), args);
      if (k + 1 < manifest.shards.length) linkPart(out, manifest.shards[k + 1], partDir(k + 1));
      const code = await run.done;
      removals.push(rm(partDir(k), { recursive: true, force: true }));
      if (code !== 0) {
        await Promise.all(removals);
        for (let j = k + 1; j < manifest.shards.length; j++) rmSync(partDir(j), { recursive: true, force: true });
        return code;
      }
    }
    await Promise.all(removals);
    console.log(
      `Search index: ${manifest.shards.length} parts of about ${manifest.shards[0].length.toLocaleString('en-GB')} entries.`,
    );
  }

  // 3. The service worker.
  return start('serviceWorker', bin('tsx'), ['scripts/build/service-worker.ts', out]).done;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  stopStepsOnSignals();
  const code = await main();
  if (timingsFile) writeFileSync(timingsFile, JSON.stringify({ seconds: now(), steps }, null, 2));
  process.exit(code);
}
