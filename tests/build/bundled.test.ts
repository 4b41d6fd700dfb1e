/**
 * scripts/lib/bundled.mjs, which `npm run validate` (and the build's validate step) runs through:
 * a bundle is made once, reused while its sources are unchanged, and made again when any of them
 * changes, so a volunteer never runs stale checks.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

describe('scripts/lib/bundled.mjs', { timeout: 60_000 }, () => {
  let dir: string;
  const main = () => join(dir, 'main.ts');
  const dep = () => join(dir, 'dep.ts');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['scripts/lib/bundled.mjs', main(), ...args], { cwd: ROOT, encoding: 'utf8' });
  // The bundle's own file: its modification time says whether it was made again.
  const bundleTime = async () => {
    const { bundleFor } = await import('../../scripts/lib/bundled.mjs');
    return statSync(await bundleFor(main())).mtimeMs;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bundled-'));
    writeFileSync(dep(), "export const word: string = 'first';\n");
    writeFileSync(
      main(),
      "import { word } from './dep';\nconst n: number = process.argv.length;\nconsole.log(`${word} ${process.argv.slice(2).join(',')} ${n} ${import.meta.url.endsWith('.mjs')}`);\n",
    );
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    // This test's bundles, named after the temporary folder.
    const cache = join(ROOT, 'node_modules', '.cache', 'community-book');
    const mine = dir.replace(/[^a-z0-9]+/gi, '-');
    for (const f of readdirSync(cache)) if (f.includes(mine)) rmSync(join(cache, f), { force: true });
  });

  it('runs a TypeScript script with its own arguments, as if started directly', () => {
    const r = run('--json', 'a b');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // argv is [node, bundle, …args]; import.meta.url names the bundle (worker threads start on it).
    expect(r.stdout.trim()).toBe('first --json,a b 4 true');
  });

  it('reuses the bundle while nothing changed, and makes it again when a source changes', async () => {
    run();
    const made = await bundleTime();
    expect(run().stdout.trim()).toMatch(/^first /);
    expect(await bundleTime()).toBe(made);

    // Same size, new contents: caught by the modification time.
    writeFileSync(dep(), "export const word: string = 'other';\n");
    const later = new Date(Date.now() + 5_000);
    utimesSync(dep(), later, later);
    expect(run().stdout.trim()).toMatch(/^other /);
    expect(await bundleTime()).not.toBe(made);
  });

  it('says how to use it when given no script', () => {
    const r = spawnSync(process.execPath, ['scripts/lib/bundled.mjs'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^Usage: node scripts\/lib\/bundled\.mjs scripts\/<name>\.ts/);
  });

  it('stops with the script’s own exit code and output', () => {
    writeFileSync(main(), "console.error('broken on purpose');\nprocess.exitCode = 3;\n");
    const r = run();
    expect(r.status).toBe(3);
    expect(r.stderr.trim()).toBe('broken on purpose');
  });
});
