/**
 * `npm run check:weight`: what each page type of a built site loads (gzipped HTML, CSS and
 * first-party JavaScript; scripts/lib/page-weight.ts), printed as the table in
 * docs/performance.md, and a failure when a type is over its JavaScript budget (or, for a type not
 * yet down to it, over the limit it is held at) or a page has no type (and so no budget).
 *
 *   npm run check:weight -- --site DIR     a site already built there
 *   npm run check:weight                   builds tests/fixtures/sample-book first (as the test does)
 *
 * Sizes, not timings: the same build gives the same figures on any machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { byType, overBudget, overGoal, untyped, weighSite, weightTable } from '../lib/page-weight';

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
  if (problems.length) {
    console.error(`\nOver budget:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exitCode = 1;
  }
} finally {
  if (temp) rmSync(temp, { recursive: true, force: true });
}
