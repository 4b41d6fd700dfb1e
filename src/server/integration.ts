/**
 * The Astro integration that publishes the data files (src/server/data-files.ts): everything the
 * site publishes that is not a page.
 *
 * - `astro build`: a second process (scripts/build/write-data-files.ts) writes them while Astro
 *   renders the pages, on the other core and at a lower priority, so that it takes what the
 *   build leaves (as page routes they cost Astro's one rendering thread seconds at 10,000
 *   entries). It writes into a staging folder beside the site folder, because Astro empties the
 *   site folder as it starts; the files are moved in when the pages are done.
 * - `astro dev`: the dev server answers their addresses from memory, so the map, the list and the
 *   open data work in development too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { setPriority } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentDir, countEntryFiles } from './content-paths';
import { dataFileType, devDataFiles, mergeMove } from './data-files';
import { withoutBase } from '../lib/site/paths';

/** How far below the build the data-files process runs (nice value): it takes the CPU Astro leaves. */
const PRIORITY = 10;

/**
 * The data-files process's V8 heap limit, in MiB: 256 MiB plus 10 KiB an entry, never under
 * 512 MiB. It holds every entry for the book-wide files; without a limit of its own it inherits
 * the build's, and V8 then lets garbage pile up towards it (docs/performance.md).
 */
export function dataFilesHeapMiB(entries: number): number {
  return Math.max(512, Math.ceil(256 + entries * (10 / 1024)));
}

export default function dataFilesIntegration(): AstroIntegration {
  let root = '';
  let outDir = '';
  let staging = '';
  let base = '/';
  let child: ChildProcess | undefined;
  let finished: Promise<{ code: number | null; output: string }> | undefined;
  const stop = () => child?.kill();
  return {
    name: 'community-book:data-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        outDir = fileURLToPath(config.outDir);
        base = config.base;
        staging = join(dirname(outDir), `.${basename(outDir)}.data-files`);
      },
      'astro:server:setup': ({ server }) => {
        const files = devDataFiles();
        server.middlewares.use((req, res, next) => {
          // Under a project address's path (src/lib/site/paths.ts), the files are at their site paths below it.
          const file = req.url ? files.file(withoutBase(base, req.url)) : undefined;
          if (!file) return next();
          res.setHeader('Content-Type', dataFileType(file.path));
          res.end(file.body);
        });
      },
      'astro:build:start': () => {
        rmSync(staging, { recursive: true, force: true });
        // The child runs on the Node running this build, as one bundled file (scripts/lib/bundled.mjs),
        // with a heap limit of its own (a command-line flag wins over the build's NODE_OPTIONS).
        const heap = `--max-old-space-size=${dataFilesHeapMiB(countEntryFiles(contentDir()))}`;
        const script = join(root, 'scripts', 'build', 'write-data-files.ts');
        const proc = spawn(process.execPath, [heap, join(root, 'scripts', 'lib', 'bundled.mjs'), script, staging], {
          cwd: root,
          env: { ...process.env, BOOK_CONTENT: contentDir() },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        child = proc;
        try {
          if (proc.pid) setPriority(proc.pid, PRIORITY);
        } catch {
          // Not allowed here: it runs at the build's priority.
        }
        let output = '';
        proc.stdout!.on('data', (b: Buffer) => (output += b));
        proc.stderr!.on('data', (b: Buffer) => (output += b));
        finished = new Promise((done) => {
          proc.once('error', (err) => done({ code: -1, output: `${output}${err.message}` }));
          proc.once('close', (code) => done({ code, output }));
        });
        // If the build fails before it is done, don't leave the child running.
        process.once('exit', stop);
      },
      'astro:build:done': async ({ logger }) => {
        const started = performance.now();
        const result = await finished!;
        process.off('exit', stop);
        if (result.code !== 0) {
          rmSync(staging, { recursive: true, force: true });
          throw new Error(`Writing the calendars and open-data documents failed:\n${result.output.trim()}`);
        }
        for (const name of readdirSync(staging)) mergeMove(join(staging, name), join(outDir, name));
        rmSync(staging, { recursive: true, force: true });
        logger.info(`${result.output.trim()} (waited and moved in ${Math.round(performance.now() - started)} ms)`);
      },
    },
  };
}
