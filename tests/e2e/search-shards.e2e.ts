/**
 * A book whose search index is in parts (src/lib/search/shards.ts): the same content built again
 * with BOOK_SEARCH_SHARD_SIZE=40, served beside the site under test, must search exactly like it.
 * The parts are what a 50,000-entry book gets; 40 makes several of them from the sample content.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { serveStatic } from '../../scripts/lib/static-server';
import { contentDir } from '../../src/server/content-files';
import { buildBook, removeBuild } from '../helpers/build';

const PART_SIZE = 40;
test.describe.configure({ mode: 'serial' });

let out = '';
let server: Server | undefined;
let parted = '';

test.beforeAll(async () => {
  test.setTimeout(240_000);
  // "Today" as the site under test has it, so both builds mark the same entries as not checked lately.
  out = buildBook(contentDir(), 'parts', {
    env: { BOOK_SEARCH_SHARD_SIZE: String(PART_SIZE), BOOK_TODAY: process.env.BOOK_TODAY ?? '' },
  });
  const served = await serveStatic(out);
  server = served.server;
  parted = `http://127.0.0.1:${served.port}`;
});

test.afterAll(async () => {
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
  removeBuild(out);
});

async function settled(page: Page) {
  await expect(page.locator('#search-results-heading')).toHaveText(/^(No results|(At least )?[\d,]+ results?)$/);
  await expect(page.locator('.search-results')).toHaveAttribute('aria-busy', 'false');
}

/** Every result of a search, in order, pressing "Show more results" until there are no more. */
async function allResults(page: Page, url: string): Promise<{ heading: string; ids: string[] }> {
  await page.goto(url);
  await settled(page);
  const more = page.getByRole('button', { name: 'Show more results' });
  const cdp = await page.context().newCDPSession(page);
  while (await more.isVisible()) {
    const before = await page.locator('.search-card').count();
    // As a phone would between taps: what the page still needs must survive a collection
    // (Pagefind's worker frees a result's details once its result object is collected).
    await cdp.send('HeapProfiler.collectGarbage');
    await page.evaluate(() => new Promise((done) => setTimeout(done, 100)));
    await more.click();
    await expect.poll(() => page.locator('.search-card').count(), { timeout: 30_000 }).toBeGreaterThan(before);
    await settled(page);
  }
  return {
    heading: (await page.locator('#search-results-heading').textContent())!,
    ids: await page.locator('.search-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-entry-id')!)),
  };
}

test('the build writes one Pagefind bundle per part, every entry in exactly one', async () => {
  const parts = readdirSync(out)
    .filter((d) => /^pagefind(-\d+)?$/.test(d))
    .sort();
  expect(parts.length).toBeGreaterThan(2);
  const fragments = parts.map((d) => readdirSync(join(out, d, 'fragment')).length);
  const entries = readdirSync(join(out, 'entries')).filter((d) => existsSync(join(out, 'entries', d, 'index.html')));
  expect(fragments.reduce((a, b) => a + b, 0)).toBe(entries.length);
  for (const n of fragments) expect(n).toBeLessThanOrEqual(PART_SIZE);
  // The build's list of parts is not published.
  expect(existsSync(join(out, 'search-shards.json'))).toBe(false);
});

test('browsing with no words (A to Z) reads on across the parts, in the same order', async ({ page }) => {
  const whole = await allResults(page, '/search/?cost=free');
  const inParts = await allResults(page, `${parted}/search/?cost=free`);
  expect(whole.ids.length).toBeGreaterThan(PART_SIZE);
  expect(inParts.heading).toBe(whole.heading);
  expect(inParts.ids).toEqual(whole.ids);
});

test('a word search finds the same entries, asking every part', async ({ page }) => {
  const asked = new Set<string>();
  page.on('request', (r) => {
    const m = /\/(pagefind(?:-\d+)?)\/pagefind-entry\.json/.exec(r.url());
    if (m && r.url().startsWith(parted)) asked.add(m[1]);
  });
  for (const q of ['walk', 'support group', 'café']) {
    const whole = await allResults(page, `/search/?q=${encodeURIComponent(q)}`);
    const inParts = await allResults(page, `${parted}/search/?q=${encodeURIComponent(q)}`);
    expect(whole.ids.length, q).toBeGreaterThan(0);
    expect(inParts.heading, q).toBe(whole.heading);
    expect([...inParts.ids].sort(), q).toEqual([...whole.ids].sort());
  }
  expect(asked.size).toBe(readdirSync(out).filter((d) => /^pagefind(-\d+)?$/.test(d)).length);
});

test('filters and their counts cover the whole book', async ({ page }) => {
  for (const [day, label] of [
    ['tue', 'Tuesday'],
    ['sat', 'Saturday'],
  ]) {
    const whole = await allResults(page, `/search/?cost=free&day=${day}`);
    const inParts = await allResults(page, `${parted}/search/?cost=free&day=${day}`);
    expect([...inParts.ids].sort(), day).toEqual([...whole.ids].sort());
    // The count beside the value, with nothing ticked, is what ticking it gives: summed over the parts.
    await page.goto(`${parted}/search/?cost=free`);
    await settled(page);
    // The day group is open from the start on a wide screen: a click on its summary would close it.
    const group = page.locator('.search-group', { has: page.locator('summary', { hasText: 'Day of the week' }) });
    if ((await group.getAttribute('open')) === null) await group.locator('summary').click();
    await expect(
      page.locator('.search-option label').filter({ hasText: new RegExp(`^${label} \\(${whole.ids.length}\\)$`) }),
    ).toBeVisible();
  }
});
