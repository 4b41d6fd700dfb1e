/**
 * Search as a key worker meets it, on the built site in Chromium. Expected entries are read
 * from the content the site was built from (BOOK_CONTENT or content/), never hard-coded.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import type { Page } from '@playwright/test';
import { test, expect, axe } from './fixtures';
import { resultIds, settled } from './search-page';
import { contentDir, loadCategories, loadContext, loadSite, neighbourhoodIds } from '../../src/server/content-files';
import { makeEntrySchema, DAY_LABELS, type EntryData } from '../../src/schema';
import { emptyState } from '../../src/lib/filters/state';
import { entryFacets, matchesFacets } from '../../src/lib/filters/facets';
import { londonDate } from '../../src/lib/calendar/london';

const dir = contentDir();
const schema = makeEntrySchema(loadContext(dir));
const categories = loadCategories(dir);
const hoods = neighbourhoodIds(dir);
const entries = readdirSync(join(dir, 'entries'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => {
    const text = readFileSync(join(dir, 'entries', f), 'utf8');
    const [, front, body] = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text)!;
    return { id: f.replace(/\.md$/, ''), data: schema.parse(yaml.load(front)) as EntryData, body };
  });
const byId = new Map(entries.map((e) => [e.id, e]));
const parentOf = (c: string) => categories.find((k) => k.id === c)?.parent;
const costBands = loadSite(dir).cost_bands;
const facetsOf = (d: EntryData) => entryFacets(d, { parentOf, neighbourhoods: hoods, costBands });

/** The count shown beside a filter value: "Tuesday (12)" → 12. */
async function countBeside(page: Page, label: string): Promise<number> {
  const text = await page
    .locator('.search-option label')
    .filter({ hasText: new RegExp(`^${label} \\(\\d+\\)$`) })
    .innerText();
  return Number(/\((\d+)\)$/.exec(text)![1]);
}

/** Opens a filter group (a <details> disclosure) by its summary, unless it is open already. */
async function openGroup(page: Page, name: string) {
  const group = page.locator('.search-group', { has: page.locator('summary', { hasText: name }) });
  if ((await group.getAttribute('open')) === null) await group.locator('summary').click();
  await expect(group).toHaveAttribute('open', '');
}

test('typing a name finds that entry, and the count is announced', async ({ page }) => {
  // A running entry whose name is unique in the book.
  const target = entries.find(
    (e) => e.data.status === 'active' && entries.filter((o) => o.data.name === e.data.name).length === 1,
  )!;
  await page.goto('/search/');
  const field = page.getByLabel('Search for a group or a need');
  // A phone shows its search keyboard for it (type="text": role="combobox" is allowed only there).
  await expect(field).toHaveAttribute('inputmode', 'search');
  await field.pressSequentially(target.data.name, { delay: 20 });
  await settled(page);
  await expect(page.locator('.search-card__name a').first()).toHaveText(target.data.name);
  expect(new URL(page.url()).searchParams.get('q')).toBe(target.data.name);
  // The live region says the count once the results settle.
  const heading = (await page.locator('#search-results-heading').textContent())!;
  await expect(page.locator('[aria-live="polite"]')).toHaveText(heading);
});

test('two filters together: every result matches both, and the count is right', async ({ page }) => {
  // The neighbourhood and day with the most entries together, so the test has something to check.
  let best = { hood: '', day: '', n: 0 };
  for (const hood of hoods) {
    for (const day of Object.keys(DAY_LABELS)) {
      const state = emptyState();
      state.facets.neighbourhood = [hood];
      state.facets.day = [day];
      const n = entries.filter((e) => matchesFacets(facetsOf(e.data), state)).length;
      if (n > best.n) best = { hood, day, n };
    }
  }
  expect(best.n).toBeGreaterThan(0);
  const hoodName = (
    yaml.load(readFileSync(join(dir, 'neighbourhoods', `${best.hood}.yaml`), 'utf8')) as { name: string }
  ).name;

  await page.goto('/search/');
  await settled(page).catch(() => undefined);
  await openGroup(page, 'Neighbourhood');
  await page.getByRole('checkbox', { name: new RegExp(`^${hoodName} \\(\\d+\\)$`) }).check();
  await openGroup(page, 'Day of the week');
  await page
    .getByRole('checkbox', { name: new RegExp(`^${DAY_LABELS[best.day as keyof typeof DAY_LABELS]} \\(\\d+\\)$`) })
    .check();
  await settled(page);
  await expect(page).toHaveURL(`/search/?neighbourhood=${best.hood}&day=${best.day}`);
  await expect(page.locator('#search-results-heading')).toHaveText(`${best.n} result${best.n === 1 ? '' : 's'}`);

  const ids = await resultIds(page);
  expect(ids.length).toBe(Math.min(best.n, 20));
  for (const id of ids) {
    const f = facetsOf(byId.get(id)!.data);
    expect(f.neighbourhood, id).toContain(best.hood);
    expect(f.day, id).toContain(best.day);
  }
  // And on the entry page itself: the area and a session on that day are there.
  await page.goto(`/entries/${ids[0]}/`);
  const main = await page.locator('main').innerText();
  expect(main).toMatch(new RegExp(`Area: .*(${hoodName}|All of)`));
  expect(main).toContain(DAY_LABELS[best.day as keyof typeof DAY_LABELS]);
});

test('the count beside a value is what ticking it would give', async ({ page }) => {
  await page.goto('/search/?cost=free');
  await settled(page);
  const before = await countBeside(page, 'Tuesday');
  await page.getByRole('checkbox', { name: /^Tuesday \(\d+\)$/ }).check();
  await settled(page);
  await expect(page.locator('#search-results-heading')).toHaveText(
    before === 0 ? 'No results' : `${before} result${before === 1 ? '' : 's'}`,
  );
  // Values of one filter are OR: the Wednesday count now adds to the results, it does not narrow them.
  const wedCount = await countBeside(page, 'Wednesday');
  const state = emptyState();
  state.facets.cost = ['free'];
  state.facets.day = ['wed'];
  expect(wedCount).toBe(entries.filter((e) => matchesFacets(facetsOf(e.data), state)).length);
});

test('reload, Back and Forward restore the same search', async ({ page }) => {
  await page.goto('/search/?q=walk');
  await settled(page);
  const first = await resultIds(page);
  expect(first.length).toBeGreaterThan(0);
  await openGroup(page, 'Time of day');
  await page.getByRole('checkbox', { name: /^Morning/ }).check();
  await settled(page);
  await expect(page).toHaveURL('/search/?q=walk&time=morning');
  const filtered = await resultIds(page);

  await page.reload();
  await settled(page);
  await expect(page.getByLabel('Search for a group or a need')).toHaveValue('walk');
  await expect(page.getByRole('checkbox', { name: /^Morning/ })).toBeChecked();
  expect(await resultIds(page)).toEqual(filtered);

  await page.goBack();
  await expect(page).toHaveURL('/search/?q=walk');
  await settled(page);
  await expect(page.getByRole('checkbox', { name: /^Morning/ })).not.toBeChecked();
  expect(await resultIds(page)).toEqual(first);

  await page.goForward();
  await expect(page).toHaveURL('/search/?q=walk&time=morning');
  await settled(page);
  expect(await resultIds(page)).toEqual(filtered);
});

test('an everyday word (a category synonym) finds the groups in that category', async ({ page }) => {
  // A one-word synonym that no entry's own text uses, so only the synonym can find them.
  const text = (e: (typeof entries)[number]) =>
    `${e.data.name} ${e.data.summary} ${e.data.organisation ?? ''} ${e.body}`.toLowerCase();
  const inCat = (e: (typeof entries)[number], cat: string) =>
    e.data.categories.some((c) => c === cat || parentOf(c) === cat);
  let pick: { word: string; cats: string[] } | undefined;
  for (const c of categories) {
    for (const word of c.synonyms) {
      if (!/^[a-z]{4,}$/.test(word)) continue;
      const cats = categories.filter((k) => k.synonyms.includes(word)).map((k) => k.id);
      const members = entries.filter((e) => cats.some((cat) => inCat(e, cat)));
      if (members.length > 0 && !entries.some((e) => new RegExp(`\\b${word}`).test(text(e)))) {
        pick = { word, cats };
        break;
      }
    }
    if (pick) break;
  }
  expect(pick, 'a synonym used by no entry text').toBeTruthy();
  await page.goto(`/search/?q=${pick!.word}`);
  await settled(page);
  const ids = await resultIds(page);
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids)
    expect(
      pick!.cats.some((cat) => inCat(byId.get(id)!, cat)),
      `${id} is in ${pick!.cats}`,
    ).toBe(true);
});

test('keyboard only: from the home page to a result', async ({ page }) => {
  const target = entries.find((e) => e.data.status === 'active')!;
  const word = target.data.name.split(/\s+/).find((w) => /^[A-Za-z]{5,}$/.test(w)) ?? target.data.name;
  await page.goto('/');
  for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.id === 'home-q')); i++)
    await page.keyboard.press('Tab');
  await expect(page.locator('#home-q')).toBeFocused();
  await page.keyboard.type(word);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=/);
  await settled(page);
  let onResult = false;
  for (let i = 0; i < 80 && !onResult; i++) {
    await page.keyboard.press('Tab');
    onResult = await page.evaluate(() => !!document.activeElement?.closest('.search-card__name'));
  }
  expect(onResult, 'Tab reaches a result').toBe(true);
  const name = await page.evaluate(() => document.activeElement!.textContent);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/entries\/[a-z0-9-]+\/$/);
  await expect(page.locator('h1')).toHaveText(name!);
});

test('stale and closed entries come after fresh running ones', async ({ page }) => {
  // A category holding a closed or stale entry and a fresh running one.
  const stale = (d: EntryData) => {
    const t = londonDate(new Date());
    const [y, m, dd] = d.last_verified.split('-').map(Number);
    const [ty, tm, td] = t.split('-').map(Number);
    return (ty - y) * 12 + (tm - m) - (td < dd ? 1 : 0) >= 12;
  };
  const lower = (d: EntryData) => d.status !== 'active' || stale(d);
  const cat = categories.find((c) => {
    const members = entries.filter((e) => facetsOf(e.data).category.includes(c.id));
    return members.length <= 20 && members.some((e) => lower(e.data)) && members.some((e) => !lower(e.data));
  });
  expect(cat, 'the sample book has a category mixing fresh entries with stale or closed ones').toBeDefined();
  await page.goto(`/search/?category=${cat!.id}`);
  await settled(page);
  const cards = await page.locator('.search-card').evaluateAll((cs) =>
    cs.map((c) => ({
      id: c.getAttribute('data-entry-id')!,
      status: c.getAttribute('data-status'),
      stale: c.getAttribute('data-stale'),
    })),
  );
  const rank = (c: (typeof cards)[number]) =>
    c.status === 'closed' ? 2 : c.status === 'temporarily-closed' || c.stale === 'yes' ? 1 : 0;
  const ranks = cards.map(rank);
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  expect(ranks).toContain(0);
  expect(ranks.some((r) => r > 0)).toBe(true);
  for (const c of cards) expect(rank(c) > 0, c.id).toBe(lower(byId.get(c.id)!.data));
  // Marked on the card.
  const marked = page.locator(
    '.search-card[data-stale="yes"] .tag, .search-card[data-status="closed"] .tag, .search-card[data-status="temporarily-closed"] .tag',
  );
  await expect(marked.first()).toBeVisible();
});

test('no results: says so, offers to drop each filter, links to browsing', async ({ page }) => {
  await page.goto('/search/?q=zzzzqqqq&day=sun&time=evening&free=1&language=pl');
  // An old link's free=1 reads as the cost band "Free".
  await settled(page);
  await expect(page.locator('#search-results-heading')).toHaveText('No results');
  await expect(page.getByText('No groups match your search.')).toBeVisible();
  const buttons = page.locator('.search-none__list button');
  await expect(buttons).toHaveCount(5);
  await expect(page.getByRole('link', { name: 'by neighbourhood' })).toHaveAttribute('href', '/neighbourhoods/');
  await expect(page.getByRole('link', { name: 'from A to Z' })).toHaveAttribute('href', '/a-z/');
  await page.getByRole('button', { name: /^Remove Words/ }).click();
  await expect(page).toHaveURL('/search/?day=sun&time=evening&language=pl&cost=free');
  await expect(page.getByLabel('Search for a group or a need')).toHaveValue('');
});

for (const width of [320, 1280]) {
  test(`axe: clean at ${width}px with every filter group open and results showing`, async ({ page }) => {
    test.slow(); // axe over a page with a few hundred checkboxes
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/search/?q=lunch&cost=up-to-5');
    await settled(page);
    expect(await page.locator('.search-card').count()).toBeGreaterThan(0);
    const toggle = page.getByRole('button', { name: /^Filters/ });
    if (width < 600) {
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    } else {
      await expect(toggle).toBeHidden();
    }
    const groups = page.locator('.search-group');
    for (let i = 0; i < (await groups.count()); i++) {
      if ((await groups.nth(i).getAttribute('open')) === null) await groups.nth(i).locator('summary').click();
    }
    await expect(page.locator('.search-group[open]')).toHaveCount(await page.locator('.search-group').count());
    expect(await axe(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });
}

test('axe: clean with no results', async ({ page }) => {
  test.slow();
  await page.goto('/search/?q=zzzzqqqq&day=mon');
  await settled(page);
  await expect(page.getByText('No groups match your search.')).toBeVisible();
  expect(await axe(page)).toEqual([]);
});

test('without JavaScript the page says search needs it and links to browsing', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(new URL('/search/?q=walk', test.info().project.use.baseURL).href);
  // Read the markup: it holds whether the parser took <noscript> as text or as elements.
  const message = await page.locator('main noscript').evaluate((n) => n.innerHTML);
  expect(message).toContain('Search needs JavaScript');
  for (const href of ['/neighbourhoods/', '/categories/', '/a-z/']) expect(message).toContain(`href="${href}"`);
  // The field is drawn in the page, and hidden where scripts do not run.
  await expect(page.locator('#search-q')).toHaveCount(1);
  await expect(page.getByRole('combobox', { name: 'Search for a group or a need' })).toHaveCount(0);
  await context.close();
});

test('only entry pages are in the index', async ({ page }) => {
  const res = await page.request.get('/pagefind/pagefind-entry.json');
  const index = (await res.json()) as { languages: Record<string, { page_count: number }> };
  const pages = Object.values(index.languages).reduce((n, l) => n + l.page_count, 0);
  expect(pages).toBe(entries.length);
  // A word from the list pages' own headings finds nothing but entries.
  await page.goto('/search/?q=neighbourhoods');
  await settled(page);
  const urls = await page.locator('.search-card__name a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const url of urls) expect(url).toMatch(/^\/entries\/[a-z0-9-]+\/$/);
});

test('results whose details cannot load are counted and said, not silently left out', async ({ page }) => {
  // A neighbourhood with several entries; its results' details (Pagefind fragments) fail to load,
  // as they would offline for results never seen before.
  const hood = hoods.find((h) => entries.filter((e) => e.data.neighbourhoods?.includes(h)).length >= 3)!;
  let refused = 0;
  await page.route('**/pagefind/fragment/**', (route) => {
    refused++;
    return route.abort('internetdisconnected');
  });
  await page.goto(`/search/?neighbourhood=${hood}`);
  await settled(page);
  const heading = (await page.locator('#search-results-heading').textContent())!;
  const n = Number(/([\d,]+) results?/.exec(heading)![1].replace(',', ''));
  expect(n).toBeGreaterThanOrEqual(3);
  expect(refused).toBeGreaterThan(0);
  await expect(page.locator('.search-card')).toHaveCount(0);
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /results? could not be loaded, perhaps because there is no connection/ }),
  ).toBeVisible();
  await expect(page.getByText('Search is not working')).toHaveCount(0);

  // Back online, the same search shows them.
  await page.unroute('**/pagefind/fragment/**');
  await page.reload();
  await settled(page);
  await expect(page.locator('.search-card').first()).toBeVisible();
  await expect(page.getByText(/could not be loaded/)).toHaveCount(0);
});

test('words every entry page shows (labels, link text) are not in the index', async ({ page }) => {
  // Everything an entry says in its own words: every string in its fields, its body, and the
  // names and synonyms of the categories and places it is indexed under.
  const strings = (v: unknown): string[] =>
    typeof v === 'string'
      ? [v]
      : Array.isArray(v)
        ? v.flatMap(strings)
        : v && typeof v === 'object'
          ? Object.values(v).flatMap(strings)
          : [];
  const own = [
    ...entries.flatMap((e) => [...strings(e.data), e.body]),
    ...categories.flatMap((c) => [c.name, ...c.synonyms]),
    ...hoods,
  ]
    .join('\n')
    .toLowerCase();
  // Page furniture: "Show … on the map", "Add … to your calendar", "Website:", "How it is delivered".
  // Only words no entry uses itself (checked by a short prefix, so stemming can't sneak a match in).
  const furniture = ['map', 'calendar', 'website', 'delivered'].filter(
    (w) => !new RegExp(`\\b${w.slice(0, 5)}`).test(own),
  );
  expect(furniture.length).toBeGreaterThanOrEqual(2);
  for (const word of furniture) {
    await page.goto(`/search/?q=${word}`);
    await settled(page);
    await expect(page.locator('#search-results-heading'), word).toHaveText('No results');
  }
});

test('"Show more results" still loads them after the browser has collected garbage', async ({ page }) => {
  // Pagefind in its web worker frees a result's details once the result object it handed out is
  // collected; the page must keep what it still needs. A browse of the free groups fills pages.
  const free = entries.filter((e) => e.data.status !== 'closed' && facetsOf(e.data).cost.includes('free')).length;
  expect(free, 'the fixture book has more than one page of free groups').toBeGreaterThan(20);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/search/?cost=free');
  await settled(page);
  await expect(page.locator('.search-card')).toHaveCount(20);
  const cdp = await page.context().newCDPSession(page);
  for (let i = 0; i < 3; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    // Finalisers run after the collection, and the worker hears of it by message.
    await page.evaluate(() => new Promise((done) => setTimeout(done, 200)));
  }
  await page.getByRole('button', { name: 'Show more results' }).click();
  await expect.poll(() => page.locator('.search-card').count()).toBeGreaterThan(20);
  await settled(page);
  await expect(page.getByText(/could not be loaded/)).toHaveCount(0);
  expect(errors).toEqual([]);
});
