/**
 * Test helper (not a test file): builds a content folder into a temporary site with the real
 * `npm run build` (validate, astro build, Pagefind, service worker), as CI and a volunteer would.
 * Used by build-output.test.ts, which builds each book once in its `beforeAll`.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

/** The "today" every test build uses, so stale markers (and so the bytes) never change. */
export const BUILD_TODAY = '2026-11-01';

/** A new empty folder under the system temp folder. */
export function tempFolder(label: string): string {
  return mkdtempSync(join(tmpdir(), `community-book-${label}-`));
}

/**
 * A new empty folder for a build's output, under the project's `.test-builds/` (git-ignored).
 * Astro keeps a build's prerender chunks beside its output only when the output is inside the
 * folder the build runs in; for one elsewhere (the system temp folder) it uses the shared
 * `.astro/.prerender`, and two builds at once (the browser tests run two) then empty it under each
 * other.
 */
export function buildFolder(label: string): string {
  const root = join(repoRoot, '.test-builds', 'tmp');
  mkdirSync(root, { recursive: true });
  return mkdtempSync(join(root, `${label}-`));
}

/**
 * A content folder made of tests/fixtures/book (settings, categories, neighbourhoods), the entry
 * files in `entryDirs`, and `files` (id → file text).
 */
export function fixtureBook(entryDirs: string[], files: Record<string, string> = {}): string {
  const dir = tempFolder('book');
  cpSync(join(repoRoot, 'tests/fixtures/book'), dir, { recursive: true });
  mkdirSync(join(dir, 'entries'), { recursive: true });
  for (const d of entryDirs) {
    for (const f of readdirSync(d)) if (f.endsWith('.md')) cpSync(join(d, f), join(dir, 'entries', f));
  }
  for (const [id, text] of Object.entries(files)) writeFileSync(join(dir, 'entries', `${id}.md`), text);
  return dir;
}

/** The cache folder astro.config.mjs gives a BOOK_OUT build (kept in step with it by hand). */
function cacheDirOf(outDir: string): string {
  return join(repoRoot, 'node_modules', `.astro-${outDir.replace(/[^a-z0-9]+/gi, '-')}`);
}

/**
 * What two Astro builds started together in one checkout can do to each other (the browser tests
 * run two at once): one empties the other's `.prerender` folder, or renames the shared
 * `.astro/content-assets.mjs` from under it. The build is run again.
 */
const PARALLEL_CLASH = /Cannot find module .*\.prerender|rename '[^']*\.astro[\\/]content-assets\.mjs\.tmp'/;

/**
 * Builds `contentDir` into a new folder (`buildFolder`) and returns its path. Throws with the end of the
 * build's output when the build fails. Retries twice on the known transient failures of parallel
 * `astro build`s on one checkout (`PARALLEL_CLASH`).
 * `astroOnly` runs `astro build` alone, skipping the validator (and Pagefind): how a careless fork
 * or a hand-run build would see entries that `npm run validate` rejects. `env` adds to (or
 * overrides) the build's environment.
 */
export function buildBook(
  contentDir: string,
  label: string,
  { astroOnly = false, env: extra = {} as Record<string, string> } = {},
): string {
  const outDir = buildFolder(label);
  const env = {
    ...process.env,
    BOOK_CONTENT: resolve(contentDir),
    BOOK_OUT: outDir,
    BOOK_TODAY: BUILD_TODAY,
    ASTRO_TELEMETRY_DISABLED: '1',
    ...extra,
  };
  const [cmd, args] = astroOnly ? ['npx', ['astro', 'build']] : ['npm', ['run', 'build']];
  for (let attempt = 1; ; attempt++) {
    try {
      execFileSync(cmd, args, { cwd: repoRoot, env, stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 });
      return outDir;
    } catch (err) {
      const e = err as { stdout?: Buffer; stderr?: Buffer; message: string };
      const log = `${e.stdout?.toString() ?? ''}\n${e.stderr?.toString() ?? ''}`;
      if (attempt < 3 && PARALLEL_CLASH.test(log)) {
        rmSync(outDir, { recursive: true, force: true });
        mkdirSync(outDir);
        continue;
      }
      throw new Error(`npm run build of ${contentDir} failed:\n${log.slice(-4000)}`);
    }
  }
}

/** Removes a built site and the cache its build left in node_modules. */
export function removeBuild(outDir: string | undefined): void {
  if (!outDir) return;
  rmSync(outDir, { recursive: true, force: true });
  rmSync(cacheDirOf(outDir), { recursive: true, force: true });
}
