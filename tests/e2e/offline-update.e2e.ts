/**
 * A deploy reaches people who have the site open: two builds of one book, served in turn at one
 * address, in one persistent Chromium profile (as a phone keeps its service worker and caches).
 * Build B renames one entry and removes another (a domestic-abuse helpline): after B is deployed,
 * the next page opened searches B's index only, the removed entry is in no cache (offline it gives
 * the offline page), and a tab left open from A says a newer version is ready and reloads on a tap.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, renameSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, test, expect, type BrowserContext, type Page } from '@playwright/test';
import { chromiumLaunch } from '../../scripts/lib/chromium';
import { serveStatic } from '../../scripts/lib/static-server';
import { pagefindTitles } from './pagefind';

const OLD_NAME = 'Oakmere Quiet Swim';
const NEW_NAME = 'Oakmere Lantern Swim';
const REMOVED = '/entries/safe-at-home-helpline/';
const REMOVED_NAME = 'Safe at Home Helpline';

const builds = resolve('.test-builds/sw-update');
const live = join(builds, 'live');
let server: Server;
let origin: string;

function build(content: string, out: string) {
  execFileSync('npm', ['run', 'build'], {
    env: { ...process.env, BOOK_CONTENT: content, BOOK_OUT: out, BOOK_TODAY: '2026-11-01' },
    stdio: 'ignore',
  });
}

/** Points the one address at build `name` ("a" or "b"), as a deploy swaps the site. */
function deploy(name: 'a' | 'b') {
  const next = join(builds, 'live-next');
  rmSync(next, { force: true });
  symlinkSync(join(builds, name), next);
  renameSync(next, live);
}

test.describe.configure({ mode: 'serial', timeout: 240_000 });

test.beforeAll(async () => {
  rmSync(builds, { recursive: true, force: true });
  const book = mkdtempSync(join(tmpdir(), 'community-book-deploy-'));
  cpSync(resolve('tests/fixtures/fork-book'), book, { recursive: true });
  build(book, join(builds, 'a'));
  const file = join(book, 'entries', 'oakmere-swim-club.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace(`name: ${OLD_NAME}`, `name: ${NEW_NAME}`));
  rmSync(join(book, 'entries', 'safe-at-home-helpline.md'));
  build(book, join(builds, 'b'));
  rmSync(book, { recursive: true, force: true });
  deploy('a');
  const started = await serveStatic(live);
  server = started.server;
  origin = `http://127.0.0.1:${started.port}`;
});

test.afterAll(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** Waits until a service worker controls the page. */
async function controlled(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

/** Result titles of a Pagefind search run in the page, as the search page runs it. */
const titles = (page: Page, term: string) => pagefindTitles(page, term);

/** Every URL in every cache of the site. */
async function cachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const out: string[] = [];
    for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) out.push(r.url);
    return out;
  });
}

const version = (dir: 'a' | 'b') =>
  /const VERSION = "([0-9a-f]{16})"/.exec(readFileSync(join(builds, dir, 'sw.js'), 'utf8'))![1];

test('a deploy is picked up on the next page, with one index, and removed entries leave every cache', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'community-book-profile-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, { ...chromiumLaunch, serviceWorkers: 'allow' });
    await context.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => route.abort('blockedbyclient'),
    );
    expect(version('a')).not.toBe(version('b'));

    // Build A: a first visit, the helpline's page opened (so it is saved for offline use) and a search.
    const open = await context.newPage();
    await open.goto(`${origin}/`);
    await controlled(open);
    await open.goto(`${origin}${REMOVED}`);
    await expect(open.locator('h1')).toHaveText(REMOVED_NAME);
    await open.goto(`${origin}/search/`);
    expect(await titles(open, 'Oakmere swim')).toContain(OLD_NAME);
    expect((await cachedUrls(open)).some((u) => u.endsWith(REMOVED))).toBe(true);

    // Build B is deployed while that tab stays open. The user opens the site in another tab.
    deploy('b');
    const next = await context.newPage();
    await next.goto(`${origin}/`);
    // The new build takes over without waiting for the open tab to close…
    await expect
      .poll(() => next.evaluate(() => caches.keys()), { timeout: 30_000 })
      .toEqual([`community-book-${version('b')}`]);
    // …and the tab left open says so, with a reload one tap away.
    const reload = open.getByRole('button', { name: 'Reload to use it' });
    await expect(open.getByText('A newer version of this site is ready.')).toBeVisible();
    await expect(reload).toBeVisible();

    // The next page opened searches build B's index only: the new name, never the old one.
    await next.goto(`${origin}/search/`);
    const found = await titles(next, 'Oakmere swim');
    expect(found).toContain(NEW_NAME);
    expect(found).not.toContain(OLD_NAME);
    expect(await titles(next, 'helpline')).not.toContain(REMOVED_NAME);

    // The removed entry is in no cache; online it is the server's 404, offline the offline page.
    const urls = await cachedUrls(next);
    expect(urls.filter((u) => u.includes('safe-at-home'))).toEqual([]);
    expect(urls.length).toBeGreaterThan(10);
    const gone = await next.goto(`${origin}${REMOVED}`);
    expect(gone?.status()).toBe(404);
    await context.setOffline(true);
    await next.goto(`${origin}${REMOVED}`);
    await expect(next.getByRole('heading', { level: 1, name: 'You are offline' })).toBeVisible();
    // A page saved under build A was fetched again into B's cache: offline it shows B's words.
    await next.goto(`${origin}/search/`);
    expect(await titles(next, 'Oakmere swim')).toContain(NEW_NAME);
    await context.setOffline(false);

    // The tab left open: one tap, and it runs build B.
    await reload.click();
    await open.waitForLoadState();
    await expect(open.getByText('A newer version of this site is ready.')).toBeHidden();
    const reloaded = await titles(open, 'Oakmere swim');
    expect(reloaded).toContain(NEW_NAME);
    expect(reloaded).not.toContain(OLD_NAME);
  } finally {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
