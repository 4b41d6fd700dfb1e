/**
 * Offline after one visit: the service worker keeps the shell, the search index, the list and
 * every page visited. Needs the built `sw.js` (scripts/build/service-worker.ts runs after Pagefind).
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { pagefindTitles } from './pagefind';

test.use({ serviceWorkers: 'allow' });

/** Waits until the service worker is active and controls the page (one reload on first visit). */
async function controlled(page: Page) {
  expect(
    (await page.request.get('/sw.js')).ok(),
    '/sw.js is built (scripts/build/service-worker.ts runs after Pagefind)',
  ).toBe(true);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
  expect(
    await page.evaluate(() => !!navigator.serviceWorker.controller),
    'the page is controlled by the service worker',
  ).toBe(true);
}

/** Runs a Pagefind search in the page, as the search page does, and returns the first result titles. */
const pagefindSearch = (page: Page, term: string) => pagefindTitles(page, term, 5);

test('after one visit, search, the list and visited pages work with no connection', async ({
  page,
  context,
  external,
}) => {
  await page.goto('/');
  await controlled(page);
  await page.goto('/a-z/');
  const links = page.locator('main li a[href^="/entries/"]');
  const href = (await links.first().getAttribute('href'))!;
  const unvisited = (await links.last().getAttribute('href'))!;
  expect(unvisited).not.toBe(href);
  await page.goto(href);
  const name = (await page.locator('h1').textContent())!.trim();
  // Adding fetches the entry's list-data shard in the background (the service worker keeps it):
  // wait for it, as signal lasting a moment after the tap would.
  const warmed = page.waitForResponse((r) => /\/list-data\/\d+-\d+\.json$/.test(new URL(r.url()).pathname) && r.ok());
  await page.getByRole('button', { name: `Add to my list: ${name}` }).click();
  await expect(page.getByRole('link', { name: /^My list\s*\(1\)$/ })).toBeVisible();
  await warmed;
  const word = name.split(/\s+/).find((w) => w.length > 3)!;

  await context.setOffline(true);
  await expect(page.getByText('You are offline.')).toBeVisible();

  // A visited entry page opens, from the service worker's cache.
  const again = await page.goto(href);
  expect(again?.fromServiceWorker()).toBe(true);
  await expect(page.locator('h1')).toHaveText(name);
  await expect(page.getByText('You are offline.')).toBeVisible();

  // Search: the shell page and the whole index are saved.
  const search = await page.goto('/search/?q=' + encodeURIComponent(word));
  expect(search?.fromServiceWorker()).toBe(true);
  await expect(page.locator('h1')).toHaveText('Search');
  expect(await pagefindSearch(page, word)).toContain(name);
  // …and through the search page itself.
  await page.goto('/search/?q=' + encodeURIComponent(name));
  await expect(page.locator('main').getByRole('link', { name, exact: true }).first()).toBeVisible();

  // My list, with the details fetched when the entry was added.
  await page.goto('/list/');
  await expect(page.locator('.my-list__items > li h2')).toHaveText([name]);
  await expect(page.locator('.my-list__items').getByRole('link', { name })).toBeVisible();

  // A page never opened gives the offline page, not the browser's error.
  await page.goto(unvisited);
  await expect(page.getByRole('heading', { level: 1, name: 'You are offline' })).toBeVisible();

  await context.setOffline(false);
  await page.goto(unvisited);
  await expect(page.getByRole('heading', { level: 1, name: 'You are offline' })).toHaveCount(0);
  await expect(page.getByText('You are offline.')).toBeHidden();

  // Only this site's own files are cached (never map tiles or anything cross-origin), and no cookies.
  const cached = await page.evaluate(async () => {
    const out: string[] = [];
    for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) out.push(r.url);
    return out;
  });
  expect(cached.length).toBeGreaterThan(10);
  expect(cached.filter((u) => new URL(u).origin !== new URL(page.url()).origin)).toEqual([]);
  expect(await context.cookies()).toEqual([]);
  expect(external).toEqual([]);
});

test('the service worker is versioned: one cache, named after the build', async ({ page, request }) => {
  const sw = await (await request.get('/sw.js')).text();
  const version = /const VERSION = "([0-9a-f]{16})"/.exec(sw)?.[1];
  expect(version, 'sw.js carries a build version').toBeTruthy();
  await page.goto('/');
  await controlled(page);
  expect(await page.evaluate(() => caches.keys())).toEqual([`community-book-${version}`]);
});
