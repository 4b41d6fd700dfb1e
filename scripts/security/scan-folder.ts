/**
 * Walks a built site and scans each file the scan reads (scripts/security/scan.ts). Shared by
 * `scripts/security/scan-build.ts` and the build-output tests.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCANNED_EXTENSIONS, inlineScriptsOf, scanFile, type Finding } from './scan';

/** Every file under `dir`, as paths relative to it with `/` separators, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The project's own `is:inline` scripts: every one in the .astro files under `srcDir`. */
export function ownInlineScripts(srcDir: string, read: (path: string) => string): Set<string> {
  const own = new Set<string>();
  for (const f of listFiles(srcDir))
    if (f.endsWith('.astro')) for (const s of inlineScriptsOf(read(join(srcDir, f)))) own.add(s);
  return own;
}

/**
 * Scans every page, feed and data file of the site in `dir`; findings name files relative to it.
 * `srcDir` (the project's src/) supplies the project's own inline scripts.
 */
export function scanBuild(
  dir: string,
  read: (path: string) => string,
  srcDir = fileURLToPath(new URL('../../src', import.meta.url)),
): { files: number; findings: Finding[] } {
  const files = listFiles(dir).filter((f) =>
    (SCANNED_EXTENSIONS as readonly string[]).some((ext) => f.toLowerCase().endsWith(ext)),
  );
  const ownScripts = ownInlineScripts(srcDir, read);
  const base = builtBase(dir, read);
  const findings: Finding[] = [];
  for (const f of files) findings.push(...scanFile(f, read(join(dir, f)), { ownScripts, base }));
  return { files: files.length, findings };
}

/** The built book's base path, from its manifest's scope (`/bolton-book/` at a project address), else `/`. */
function builtBase(dir: string, read: (path: string) => string): string {
  try {
    const scope = (JSON.parse(read(join(dir, 'manifest.webmanifest'))) as { scope?: unknown }).scope;
    return typeof scope === 'string' && /^\/([A-Za-z0-9._~-]+\/)*$/.test(scope) ? scope : '/';
  } catch {
    return '/';
  }
}
