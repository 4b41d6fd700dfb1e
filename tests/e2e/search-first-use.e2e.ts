/**
 * The search page loads its island on first use (src/client/interaction.ts): opened and only
 * looked at, it loads no React; what a person does while the island loads is kept. The island's
 * code is held back in these tests (a route that waits) so that "before it loaded" is certain,
 * not a race. Expected entries come from the fixture book, never hard-coded.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import type { Page, Route } from '@playwright/test';
import { test, expect } from './fixtures';
import { resultIds, settled } from './search-page';
import { contentDir } from '../../src/server/content-files';

const dir = contentDir();
const entryNames = readdirSync(join(dir, 'entries'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => {
    const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, 'entries', f), 'utf8'))![1];
    return { id: f.replace(/\.md$/, ''), ...(yaml.load(front) as { name: string; status: string }) };
  });
// A running group whose name is one word no other entry's name has: typed, it finds that group.
const target = entryNames.find((e) => {
  const first = e.name.split(/\s+/)[0];
  return e.status === 'active' && first.length > 4 && entryNames.filter((o) => o.name.includes(first)).length === 1;
})!;
const word = target.name.split(/\s+/)[0];

/** The island's two files, as the page names them. */
async function islandFiles(page: Page): Promise<string[]> {
  const island = page.locator('astro-island').first();
  return [(await island.getAttribute('component-url'))!, (await island.getAttribute('renderer-url'))!];
}

/** Holds the island's component file until `release` is called; records whether it was asked for. */
async function holdIsland(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const asked = { yes: false };
  await page.route(/\/_astro\/Search\.[\w-]+\.js$/, async (route: Route) => {
    asked.yes = true;
    await released;
    await route.continue();
  });
  return { release, asked };
}

test('opened and only looked at, the search page loads no React; first use loads it', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto('/search/');
  // The field and the filters are on the page as the server drew them.
  const box = page.getByRole('combobox', { name: 'Search for a group or a need' });
  await expect(box).toBeVisible();
  await expect(page.getByRole('checkbox').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  const [component, renderer] = await islandFiles(page);
  expect(requested).not.toContain(component);
  expect(requested).not.toContain(renderer);
  // Pagefind starts as the page opens (src/components/islands/search/warm.ts), without React.
  expect(requested).toContain('/pagefind/pagefind.js');

  await box.focus();
  await expect.poll(() => requested.includes(component) && requested.includes(renderer)).toBe(true);
  await box.pressSequentially(word, { delay: 20 });
  await settled(page);
  expect(await resultIds(page)).toContain(target.id);
});

test('letters typed before the island has loaded are kept, and searched', async ({ page }) => {
  const { release, asked } = await holdIsland(page);
  await page.goto('/search/');
  const box = page.getByRole('combobox', { name: 'Search for a group or a need' });
  await box.click();
  await box.pressSequentially(word);
  expect(asked.yes).toBe(true);
  await expect(box).toHaveValue(word);
  release();
  await settled(page);
  await expect(box).toHaveValue(word);
  await expect(box).toBeFocused();
  expect(await resultIds(page)).toContain(target.id);
  expect(new URL(page.url()).searchParams.get('q')).toBe(word);
  // Typing goes on as usual once it has loaded.
  await box.press('ControlOrMeta+a');
  await box.pressSequentially('zzzzqqqq');
  await settled(page);
  await expect(page.locator('#search-results-heading')).toHaveText('No results');
});

test('a box ticked before the island has loaded shows ticked, and filters once it has', async ({ page }) => {
  const { release } = await holdIsland(page);
  await page.goto('/search/');
  const box = page.locator('.search-option input[type="checkbox"][name="day"]').first();
  const value = (await box.getAttribute('value'))!;
  await box.check();
  await expect(box).toBeChecked();
  release();
  await expect(page).toHaveURL(new RegExp(`[?&]day=${value}(&|$)`));
  await settled(page);
  await expect(box).toBeChecked();
  expect((await resultIds(page)).length).toBeGreaterThan(0);
  // And unticks as usual afterwards.
  await box.uncheck();
  await expect(page).toHaveURL(/\/search\/$/);
});

test('Enter pressed before the island has loaded searches once it has', async ({ page }) => {
  const { release } = await holdIsland(page);
  await page.goto('/search/');
  const box = page.getByRole('combobox', { name: 'Search for a group or a need' });
  await box.click();
  await box.pressSequentially(word);
  await box.press('Enter');
  // Held, not sent: the page did not reload.
  await expect(page).toHaveURL(/\/search\/$/);
  release();
  await settled(page);
  expect(await resultIds(page)).toContain(target.id);
  // Enter moves focus to the results heading, as it does once loaded.
  await expect(page.locator('#search-results-heading')).toBeFocused();
});

test('a search in the address loads the island at once, with no interaction', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent(word)}`);
  await settled(page);
  expect(await resultIds(page)).toContain(target.id);
  await expect(page.getByRole('combobox', { name: 'Search for a group or a need' })).toHaveValue(word);
});

test('if the island cannot load, Enter still sends the words as the browser would', async ({ page }) => {
  await page.route(/\/_astro\/Search\.[\w-]+\.js$/, (route) => route.abort());
  await page.goto('/search/');
  const box = page.getByRole('combobox', { name: 'Search for a group or a need' });
  await box.click();
  await box.pressSequentially(word);
  await box.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/search/\\?q=${word}$`));
});
