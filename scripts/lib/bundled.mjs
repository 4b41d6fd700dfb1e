#!/usr/bin/env node
/**
 * `node scripts/lib/bundled.mjs scripts/<name>.ts [args…]`: runs a TypeScript script as one bundled
 * JavaScript file, rebuilt only when one of its source files has changed.
 *
 * Why: `npm run validate` is the command volunteers and CI run most. Through tsx it spent a good
 * part of its time on things that are not checking: a second Node process, TypeScript transforms
 * of each source file, and zod's message-language modules, which Node loads on `import 'zod'` but
 * a bundler leaves out (nothing uses them). Bundled with esbuild (the compiler tsx itself uses),
 * the same code runs quicker (docs/performance.md).
 *
 * The bundle lives in node_modules/.cache/community-book/ with the list of files it was made from
 * and their sizes and modification times, named after the script and the checkout it comes from (a
 * git worktree may share another checkout's node_modules: without the checkout in the name, each
 * would run whichever one's bundle was made last). Each run compares those (a few dozen `stat` calls); when
 * any has changed, or the list is missing, the bundle is made again first. Packages
 * are bundled too, so a change to node_modules is noticed the same way. The script runs as if it
 * had been started directly: same arguments, same working folder, and `import.meta.url` names the
 * bundle, so a script that starts worker threads on itself still works. V8's compile cache
 * (NODE_COMPILE_CACHE, in the same folder) saves compiling the bundle on each start.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cacheDir = join(root, 'node_modules', '.cache', 'community-book');
/** This checkout, in the bundles' names: several checkouts can share one node_modules. */
const checkout = createHash('sha256').update(root).digest('hex').slice(0, 8);
/** Bump when the way bundles are made changes, so old ones are not reused. */
const FORMAT = 1;

/** The bundle for `entry` (a path to a .ts file), made again if any of its inputs changed. */
export async function bundleFor(entry) {
  const source = resolve(entry);
  const name = `${relative(root, source).replace(/[^a-z0-9]+/gi, '-')}-${checkout}`;
  const out = join(cacheDir, `${name}.mjs`);
  const manifestPath = join(cacheDir, `${name}.inputs.json`);
  if (isFresh(manifestPath, out)) return out;
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [source],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    write: false,
    metafile: true,
    logLevel: 'warning',
    // Packages written as CommonJS call require(); give the bundle one.
    banner: {
      js: "import { createRequire as __bundledRequire } from 'node:module'; const require = __bundledRequire(import.meta.url);",
    },
  });
  const inputs = Object.keys(result.metafile.inputs).map((p) => resolve(root, p));
  inputs.push(fileURLToPath(import.meta.url));
  mkdirSync(cacheDir, { recursive: true });
  // Written beside and renamed into place: two runs making the same bundle never read half a file.
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(tmp, result.outputFiles[0].contents);
  renameSync(tmp, out);
  const manifest = { format: FORMAT, inputs: inputs.map((p) => [p, ...stamp(p)]) };
  writeFileSync(`${manifestPath}.${process.pid}.tmp`, JSON.stringify(manifest));
  renameSync(`${manifestPath}.${process.pid}.tmp`, manifestPath);
  return out;
}

function stamp(path) {
  const s = statSync(path);
  return [s.size, s.mtimeMs];
}

function isFresh(manifestPath, out) {
  try {
    statSync(out);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (manifest.format !== FORMAT) return false;
    for (const [path, size, mtime] of manifest.inputs) {
      const [s, m] = stamp(path);
      if (s !== size || m !== mtime) return false;
    }
    return true;
  } catch {
    return false;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [entry, ...args] = process.argv.slice(2);
  if (!entry || !entry.endsWith('.ts')) {
    process.stderr.write(
      `Usage: node scripts/lib/${basename(fileURLToPath(import.meta.url))} scripts/<name>.ts [arguments…]\n`,
    );
    process.exit(2);
  }
  // V8 keeps the compiled bundle on disk too (a start saves compiling it); through the environment, so
  // worker threads and child processes of the script use it as well.
  process.env.NODE_COMPILE_CACHE ??= join(cacheDir, 'v8');
  module.enableCompileCache?.(process.env.NODE_COMPILE_CACHE);
  const bundle = await bundleFor(entry);
  // The script sees its own arguments, as if it had been run directly.
  process.argv = [process.argv[0], bundle, ...args];
  await import(pathToFileURL(bundle).href);
}
