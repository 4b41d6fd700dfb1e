import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumLaunch } from './scripts/lib/chromium';

/**
 * Browser tests (`tests/e2e/*.e2e.ts`) in Debian's Chromium (never a downloaded browser), against
 * the sample book the tests keep (tests/fixtures/sample-book), never against content/: a fork
 * replaces content/ and its tests must still pass. The web server builds that book (the real
 * `npm run build`) and serves it with `astro preview`. Map tiles are blocked in every test.
 */
process.env.BOOK_CONTENT = resolve('tests/fixtures/sample-book');
process.env.BOOK_OUT = resolve('.test-builds/e2e');
const PORT = Number(process.env.PORT ?? 4329);

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: chromiumLaunch,
    trace: 'off',
  },
  webServer: {
    command: `npm run build && npx astro preview --port ${PORT} --host 127.0.0.1 --ignore-lock`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    // The build comes first: a minute on a slow machine.
    timeout: 240_000,
    stdout: 'ignore',
  },
});
