/**
 * The small framework-free scripts of the pages that show facts (src/components/enhance): the
 * header's list count, "Add to my list" and next dates, with and without JavaScript, and that
 * those pages load no React. Their weight is checked on the built files (tests/build/page-weight).
 */
import type { Page } from '@playwright/test';
import { test, expect, axe, stylesLoaded } from './fixtures';
import { book, entries } from './book';
import { isSensitive } from '../../src/lib/book/book';
import { MAX_LIST } from '../../src/lib/list/codec';

const running = entries.filter((e) => e.data.status === 'active').sort((a, b) => a.id.localeCompare(b.id));
const plain = running.find((e) => !isSensitive(book, e.data.categories))!;
const sensitive = running.find((e) => isSensitive(book, e.data.categories))!;

/** What the page ran: scripts fetched, and whether React's renderer is among them. */
async function scriptsOf(page: Page, path: string): Promise<string[]> {
  const urls: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') urls.push(new URL(r.url()).pathname);
  });
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  return urls;
}

test('pages that show facts load no React and no island', async ({ page }) => {
  for (const path of [
    '/',
    '/a-z/',
    `/entries/${plain.id}/`,
    '/categories/',
    `/neighbourhoods/${book.neighbourhoods[0].id}/`,
  ]) {
    const scripts = await scriptsOf(page, path);
    expect(scripts.length, path).toBeGreaterThan(0);
    // React's renderer (client.*.js), React and react-dom, and the JSX runtime.
    expect(
      scripts.filter((s) => /\/(client|react|react-dom|jsx-runtime)\.[\w-]+\.js$/.test(s)),
      path,
    ).toEqual([]);
    await expect(page.locator('astro-island'), path).toHaveCount(0);
  }
});

test('the header count follows the list on the page and in another tab, and reads "My list (n)"', async ({
  page,
  context,
}) => {
  await page.goto(`/entries/${plain.id}/`);
  const link = page.getByRole('link', { name: /^My list/ });
  await expect(link).toHaveAccessibleName('My list');
  await expect(page.locator('[data-list-count]')).toHaveCount(0);

  const other = await context.newPage();
  await other.goto('/a-z/');
  await expect(other.getByRole('link', { name: /^My list/ })).toHaveAccessibleName('My list');

  // Keyboard: the button keeps focus as its words change.
  const add = page.getByRole('button', { name: `Add to my list: ${plain.data.name}` });
  await add.focus();
  await page.keyboard.press('Enter');
  const remove = page.getByRole('button', { name: `Remove from my list: ${plain.data.name}` });
  await expect(remove).toBeFocused();
  await expect(link).toHaveAccessibleName('My list (1)');
  await expect(page.locator('[data-list-count]')).toHaveText('1');
  await expect(page.getByRole('status').filter({ hasText: 'In your list' })).toContainText('View my list (1)');
  // The other tab hears of it (the storage event).
  await expect(other.getByRole('link', { name: /^My list/ })).toHaveAccessibleName('My list (1)');
  expect(await axe(page)).toEqual([]);

  await page.keyboard.press('Enter');
  await expect(add).toBeFocused();
  await expect(link).toHaveAccessibleName('My list');
  await expect(page.getByRole('status').filter({ hasText: 'In your list' })).toHaveCount(0);
  await expect(other.getByRole('link', { name: /^My list/ })).toHaveAccessibleName('My list');
});

test('a full list says so and adds nothing', async ({ page }) => {
  const others = Array.from({ length: MAX_LIST }, (_, i) => `full-list-${i}`);
  await page.addInitScript((ids) => localStorage.setItem('community-book:list', JSON.stringify(ids)), others);
  await page.goto(`/entries/${plain.id}/`);
  await expect(page.getByRole('link', { name: /^My list/ })).toHaveAccessibleName(`My list (${MAX_LIST})`);
  await page.getByRole('button', { name: `Add to my list: ${plain.data.name}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your list is full' })).toHaveText(
    `Your list is full (${MAX_LIST} groups). Remove one from your list first.`,
  );
  await expect(page.getByRole('button', { name: `Add to my list: ${plain.data.name}` })).toBeVisible();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('community-book:list') ?? '[]'));
  expect(stored).toEqual(others);
});

test('a sensitive group says the list is seen by anyone using the device, before and after the script runs', async ({
  page,
}) => {
  await page.goto(`/entries/${sensitive.id}/`);
  const hint = page.locator('add-to-list .add-to-list__hint');
  await expect(hint).toHaveCount(1);
  await expect(hint).toHaveText('Your list is kept on this device: anyone who uses it can see it.');
  await expect(page.getByRole('button', { name: `Add to my list: ${sensitive.data.name}` })).toBeVisible();
});

test('without JavaScript: no "Add to my list", no empty room for it, no Menu button; the navigation and the rules show', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await page.goto(`/entries/${sensitive.id}/`);
  await expect(page.getByRole('button', { name: /my list/ })).toHaveCount(0);
  await expect(page.locator('add-to-list')).toBeHidden();
  await expect(page.locator('add-to-list .add-to-list__hint')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'My list', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'When' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Next dates' })).toHaveCount(0);
  await context.close();
});

test('on a phone the Menu button is there before the scripts run, so the header does not grow', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  // Hold every page's small scripts back (the Menu button's among them, in the one `site` file):
  // the button must already be in place.
  let release: () => void = () => {};
  const held = new Promise<void>((ok) => (release = ok));
  await page.route(/\/_astro\/site\.[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  // Not 'domcontentloaded': that waits for the module scripts, one of which is held.
  await page.goto('/', { waitUntil: 'commit' });
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(menu).toBeVisible();
  // Measured styled, as the browser first paints it (the stylesheets may still be arriving at 'commit').
  await stylesLoaded(page);
  const before = (await page.locator('.site-header').boundingBox())!.height;
  release();
  await page.waitForLoadState('networkidle');
  expect((await page.locator('.site-header').boundingBox())!.height).toBe(before);
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' })).toBeVisible();
});
