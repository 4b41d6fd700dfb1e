/**
 * The files the build writes itself rather than as pages (page routes cost Astro's one rendering
 * thread about a millisecond each, whatever they hold, and the book-wide files several seconds
 * at 10,000 entries):
 *  - each entry's calendar and HSDS service document (src/lib/exports/entry-files.ts);
 *  - the book-wide data files: the map's venues, the list data, the neighbourhood calendars, the
 *    CSV, GeoJSON and HSDS lists (src/lib/exports/book-files.ts).
 *
 * The pass runs in a child process (scripts/build/write-data-files.ts) started when `astro build`
 * starts, so it uses the second core while this process renders pages, at a lower priority so that
 * it takes what the build leaves. It writes into a staging folder beside the site folder (Astro
 * empties the site folder as it starts), which is moved in when the pages are done. The child
 * reads the entries the way the content collection does (js-yaml, then the same entry schema) and
 * makes the same book as the pages see (src/lib/book/book.ts); a unit test holds the two to the
 * same bytes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { makeBook, type Entry } from '../lib/book/book';
import {
  contentDir,
  countEntryFiles,
  eachEntryFile,
  loadCategories,
  loadContext,
  loadNeighbourhoods,
  loadSite,
} from './content-files';
import { bookDataFiles } from '../lib/exports/book-files';
import { exportContext } from '../lib/exports/context';
import { entryExportFiles, type OutputFile } from '../lib/exports/entry-files';

/** How far below the build the export process runs (nice value): it takes the CPU Astro leaves. */
const EXPORT_PRIORITY = 10;

/**
 * The export process's V8 heap limit, in MiB: 256 MiB plus 10 KiB an entry, never under 512 MiB
 * (745 MiB at 50,000 entries). It holds every entry for the book-wide files; without a limit of
 * its own it inherited the build's (2.5 GB at 50,000) and V8 let garbage pile up towards it, which
 * took the build's peak at 50,000 entries to 4,025 MiB. With 640 MiB it wrote a 50,000-entry book's
 * files in a 988 MiB process; the limit here leaves room above that.
 */
export function exportHeapMiB(entries: number): number {
  return Math.max(512, Math.ceil(256 + entries * (10 / 1024)));
}

/**
 * Writes the per-entry and book-wide files into `outDir`; returns how many it wrote. Throws,
 * naming them, when any entry does not pass the schema (after writing the others' own files; the
 * book-wide files are not written then, since they would leave those entries out).
 */
export function writeEntryExports(outDir: string, dir = contentDir()): number {
  const invalid: string[] = [];
  const entries: Entry[] = [];
  function* valid(): Generator<Entry> {
    for (const e of eachEntryFile(dir, loadContext(dir))) {
      if (e.invalid) invalid.push(e.id);
      else {
        entries.push(e);
        yield e;
      }
    }
  }
  // The book's order of categories and neighbourhoods (makeBook), the entries to come.
  const parts = { site: loadSite(dir), categories: loadCategories(dir), neighbourhoods: loadNeighbourhoods(dir) };
  const ctx = exportContext(makeBook({ ...parts, entries: [] }));
  const made = new Set<string>();
  let count = 0;
  const write = (file: OutputFile) => {
    const path = join(outDir, file.path);
    const folder = dirname(path);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(path, file.body);
    count++;
  };
  for (const file of entryExportFiles(valid(), ctx)) write(file);
  if (invalid.length) {
    throw new Error(
      `These entries do not pass the schema, so their calendars and open data cannot be written: ${invalid.join(', ')}. Run npm run validate to see why.`,
    );
  }
  for (const file of bookDataFiles(makeBook({ ...parts, entries }))) write(file);
  return count;
}

/**
 * Moves everything under `from` into `to`, which may already hold other files (Astro writes
 * map/index.html and open-data/index.html beside the files made here). A path written by both is an error, never a
 * silent overwrite.
 */
export function mergeMove(from: string, to: string): void {
  if (!existsSync(to)) {
    mkdirSync(dirname(to), { recursive: true });
    renameSync(from, to);
    return;
  }
  for (const name of readdirSync(from)) {
    const a = join(from, name);
    const b = join(to, name);
    if (!existsSync(b)) renameSync(a, b);
    else if (statSync(a).isDirectory() && statSync(b).isDirectory()) mergeMove(a, b);
    else throw new Error(`${b} would be written twice: by a page route and by the entry exports.`);
  }
  rmSync(from, { recursive: true, force: true });
}

export default function entryExports(): AstroIntegration {
  let root = '';
  let outDir = '';
  let staging = '';
  let child: ChildProcess | undefined;
  let finished: Promise<{ code: number | null; output: string }> | undefined;
  const stop = () => child?.kill();
  return {
    name: 'community-book:entry-exports',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        // Tells the dev-only routes in src/pages (calendar/[id].ics.ts, openreferral/services/[id].json.ts)
        // that a build writes these files itself. (Not import.meta.env.PROD: a build run with
        // NODE_ENV=test, as the tests do, is not PROD, and the files would be written twice.)
        updateConfig({
          vite: { define: { 'import.meta.env.BOOK_ENTRY_EXPORTS_BY_BUILD': JSON.stringify(command === 'build') } },
        });
      },
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        outDir = fileURLToPath(config.outDir);
        staging = join(dirname(outDir), `.${basename(outDir)}.entry-exports`);
      },
      'astro:build:start': () => {
        rmSync(staging, { recursive: true, force: true });
        // The child runs on the Node running this build, as one bundled file (scripts/lib/bundled.mjs),
        // with a heap limit of its own (a command-line flag wins over the build's NODE_OPTIONS).
        const heap = `--max-old-space-size=${exportHeapMiB(countEntryFiles(contentDir()))}`;
        const proc = spawn(
          process.execPath,
          [heap, join(root, 'scripts', 'lib', 'bundled.mjs'), join(root, 'scripts', 'build', 'write-data-files.ts'), staging],
          {
            cwd: root,
            env: { ...process.env, BOOK_CONTENT: contentDir() },
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        child = proc;
        try {
          if (proc.pid) setPriority(proc.pid, EXPORT_PRIORITY);
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
