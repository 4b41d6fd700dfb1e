/**
 * `npm run check:weight`: what each page type of a built site loads (gzipped HTML, CSS and
 * first-party JavaScript, at load and in all; scripts/lib/page-weight.ts), printed as the table
 * in docs/performance.md, and a failure when a type's JavaScript at load is over its budget (or,
 * for a type not yet down to it, over the limit it is held at) or a page has no type (and so no
 * budget). The heaviest page of each type is then opened in Chromium (scripts/lib/page-load.ts):
 * it fails too when what Chromium loads before any interaction is not the figure at load.
 *
 *   npm run check:weight -- --site DIR     a site already built there
 *   npm run check:weight                   builds tests/fixtures/sample-book first (as the test does)
 *   npm run check:weight -- --no-browser   sizes only
 *
 * Sizes, not timings: the same build gives the same figures on any machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { byType, overBudget, overGoal, untyped, weighSite, weightTable } from '../lib/page-weight';
import { fetchedAtLoad, loadMismatches } from '../lib/page-load';

const args = process.argv.slice(2);
const i = args.indexOf('--site');
let site = i >= 0 ? resolve(args[i + 1] ?? '') : '';
let temp: string | undefined;
if (!site) {
  temp = mkdtempSync(join(tmpdir(), 'page-weight-'));
  site = join(temp, 'site');
  console.log('Building tests/fixtures/sample-book…');
  execFileSync('npm', ['run', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      BOOK_CONTENT: resolve('tests/fixtures/sample-book'),
      BOOK_OUT: site,
      BOOK_TODAY: '2026-11-01',
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  });
}
try {
  const rows = weighSite(site);
  const types = byType(rows);
  console.log(weightTable(types));
  const goals = overGoal(types);
  if (goals.length)
    console.log(`\nNot yet down to the goal (held at a limit):\n${goals.map((g) => `  - ${g}`).join('\n')}`);
  const problems = [
    ...overBudget(types),
    ...untyped(rows).map(
      (p) => `${p}: no page type, so no budget (add it to PAGE_TYPES in scripts/lib/page-weight.ts)`,
    ),
  ];
  if (!args.includes('--no-browser')) {
    const fetched = await fetchedAtLoad(
      site,
      types.map((t) => t.heaviest),
    );
    const mismatches = loadMismatches(rows, fetched);
    console.log(
      mismatches.length
        ? ''
        : `\nIn Chromium, the heaviest page of each type loaded exactly its files at load (${fetched.size} pages).`,
    );
    problems.push(...mismatches);
  }
  if (problems.length) {
    console.error(`\nOver budget, or not what a browser loads:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exitCode = 1;
  }
} finally {
  if (temp) rmSync(temp, { recursive: true, force: true });
}
