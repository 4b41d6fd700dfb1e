/**
 * A region of three books (tests/helpers/region.ts): the sample book as the site under test built
 * it, the fork book (Kestrel Vale) and a third place (Ryeford) with a category of its own. The
 * region is built with the real `npm run build:region` and served on its own; each member's own
 * site is served too, so the region's answers can be held against the members' own.
 */
import type { Server } from 'node:http';
import type { Page } from '@playwright/test';
import { test, expect, axe } from './fixtures';
import { serveStatic } from '../../scripts/lib/static-server';
import { parseQuery } from '../../src/lib/filters/state';
import { filterEntries, pointsOf } from '../../src/lib/map/filter';
import { readVenueFile, type VenueFile } from '../../src/lib/map/venue-file';
import { MEMBERS, buildRegionOfThree, removeRegion, type MemberId } from '../helpers/region';

test.describe.configure({ mode: 'serial' });

const servers: Server[] = [];
let made: string[] = [];
let region = '';
const own = {} as Record<MemberId, string>;

test.beforeAll(async () => {
  test.setTimeout(420_000);
  const built = buildRegionOfThree(process.env.BOOK_OUT!, { BOOK_TODAY: process.env.BOOK_TODAY ?? '' });
  made = built.made;
  // Each site at its own path, as published (Ryeford's book lives under /book/).
  const serve = async (dir: string, url = 'https://region.example.org') => {
    const base = new URL(url).pathname.replace(/\/?$/, '/');
    const s = await serveStatic(dir, { base });
    servers.push(s.server);
    return `http://127.0.0.1:${s.port}${base.slice(0, -1)}`;
  };
  region = await serve(built.out);
  for (const id of Object.keys(MEMBERS) as MemberId[])
    own[id] = id === 'wigan' ? '' : await serve(built.sites[id], MEMBERS[id].url);
});

test.afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((done) => s.close(done))));
  removeRegion(made);
});

async function settled(page: Page) {
  await expect(page.locator('#search-results-heading')).toHaveText(/^(No results|(At least )?[\d,]+ results?)$/);
  await expect(page.locator('.search-results')).toHaveAttribute('aria-busy', 'false');
}

/** The heading's count of a search ("12 results" → 12; "No results" → 0). */
async function count(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await settled(page);
  const text = (await page.locator('#search-results-heading').textContent())!;
  return /^No results$/.test(text) ? 0 : Number(text.replace(/[^\d]/g, ''));
}

/** Every card of a search, pressing "Show more results" until there are no more. */
async function cards(page: Page, url: string) {
  await page.goto(url);
  await settled(page);
  const more = page.getByRole('button', { name: 'Show more results' });
  while (await more.isVisible()) {
    const before = await page.locator('.search-card').count();
    await more.click();
    await expect.poll(() => page.locator('.search-card').count()).toBeGreaterThan(before);
    await settled(page);
  }
  return page.locator('.search-card').evaluateAll((list) =>
    list.map((c) => ({
      id: c.getAttribute('data-entry-id')!,
      href: c.querySelector('h3 a, h4 a')!.getAttribute('href')!,
      book: c.querySelector('.search-card__book')?.textContent ?? '',
    })),
  );
}

test('one search finds entries of every member, each naming its book and linking to its own page', async ({ page }) => {
  const found = await cards(page, `${region}/search/?q=coffee`);
  for (const id of Object.keys(MEMBERS) as MemberId[]) {
    const theirs = found.filter((c) => c.id.startsWith(`${id}.`));
    expect(theirs.length, id).toBeGreaterThan(0);
    for (const c of theirs) {
      expect(c.book).toBe(`From ${MEMBERS[id].name}`);
      expect(c.href).toBe(`${MEMBERS[id].url}/entries/${c.id.slice(id.length + 1)}/`);
    }
  }
  // A slip is corrected to any member's words: "Brakenford" is Kestrel Vale's Brackenford.
  const slipped = await cards(page, `${region}/search/?q=brakenford`);
  expect(slipped.length).toBeGreaterThan(0);
  // Only Kestrel Vale has that word (Ryeford's copy of its book renamed the town).
  expect(slipped.every((c) => c.id.startsWith('kestrel-vale.'))).toBe(true);
  expect(slipped.some((c) => c.id.startsWith('kestrel-vale.brackenford-'))).toBe(true);
  // Two members each have a "safe-at-home-helpline": two results, never one.
  const helplines = await cards(page, `${region}/search/?q=helpline`);
  expect(helplines.map((c) => c.id)).toEqual(
    expect.arrayContaining(['kestrel-vale.safe-at-home-helpline', 'ryeford.safe-at-home-helpline']),
  );
  // The same words on a member's own site find that member's share of them.
  for (const id of ['kestrel-vale', 'ryeford'] as const) {
    const theirs = await cards(page, `${own[id]}/search/?q=coffee`);
    expect(
      found
        .filter((c) => c.id.startsWith(`${id}.`))
        .map((c) => c.id.slice(id.length + 1))
        .sort(),
    ).toEqual(theirs.map((c) => c.id).sort());
  }
});

test("filters and counts agree with the members' own", async ({ page }) => {
  test.setTimeout(180_000);
  // A category of the region's vocabulary: the two members that share it, added up.
  const shared = 'category=meeting-people';
  expect(await count(page, `${region}/search/?${shared}`)).toBe(
    (await count(page, `${own['kestrel-vale']}/search/?${shared}`)) +
      (await count(page, `${own.ryeford}/search/?${shared}`)),
  );
  // A member's own category: offered, named as that member names it, finding its entries alone.
  const extra = await cards(page, `${region}/search/?category=allotments`);
  expect(extra.map((c) => c.id)).toEqual(['ryeford.ryeford-east-friendship-club']);
  await expect(page.getByRole('checkbox', { name: /^Allotments and growing/ })).toBeChecked();
  // A neighbourhood is one member's: the same count as on its own site.
  expect(await count(page, `${region}/search/?neighbourhood=oakmere`)).toBe(
    await count(page, `${own['kestrel-vale']}/search/?neighbourhood=oakmere`),
  );
  // Words and a filter together, over the whole region: the sum of every member's own answer.
  const both = 'q=swim&cost=free';
  expect(await count(page, `${region}/search/?${both}`)).toBe(
    (await count(page, `/search/?${both}`)) +
      (await count(page, `${own['kestrel-vale']}/search/?${both}`)) +
      (await count(page, `${own.ryeford}/search/?${both}`)),
  );
});

test("the region's map shows every member's venues and boundaries, each naming its book", async ({ page }) => {
  const res = await page.request.get(`${region}/map/venues.json`);
  expect(res.ok()).toBe(true);
  const data = readVenueFile((await res.json()) as VenueFile);
  const total = pointsOf(filterEntries(data, parseQuery('', data.allowed), new Date())).length;
  // Every member's venues are in the file the map reads…
  const mine = async (site: string) =>
    readVenueFile((await (await page.request.get(`${site}/map/venues.json`)).json()) as VenueFile);
  const members = [await mine(''), await mine(own['kestrel-vale']), await mine(own.ryeford)];
  expect(data.points.length).toBe(members.reduce((n, d) => n + d.points.length, 0));
  expect(data.neighbourhoods.length).toBe(members.reduce((n, d) => n + d.neighbourhoods.length, 0));
  // …and on the map, clustered, with every member's boundaries, tiles blocked.
  await page.goto(`${region}/map/`);
  await expect
    .poll(() =>
      page
        .locator('.leaflet-marker-pane [data-count]')
        .evaluateAll((els) => els.reduce((n, el) => n + Number((el as HTMLElement).dataset.count), 0)),
    )
    .toBe(total);
  await expect(page.locator('path.map-boundary')).toHaveCount(data.neighbourhoods.length);
  // The list beside the map names each entry's book and links to its own page.
  await page.goto(`${region}/map/?q=swim`);
  const items = page.locator('.map-list__items li');
  await expect(items.first()).toBeVisible();
  for (const id of Object.keys(MEMBERS) as MemberId[]) {
    const item = page.locator(`.map-list__items li[data-entry^="${id}."]`).first();
    await expect(item.locator('.map-list__from'), id).toHaveText(`From ${MEMBERS[id].name}`);
    const entry = (await item.getAttribute('data-entry'))!.slice(id.length + 1);
    await expect(item.locator('a').first()).toHaveAttribute('href', `${MEMBERS[id].url}/entries/${entry}/`);
  }
});

test('the member books page: every member, and the needs each has groups for, as its own data counts them', async ({
  page,
}) => {
  const mine = async (site: string) =>
    readVenueFile((await (await page.request.get(`${site}/map/venues.json`)).json()) as VenueFile);
  await page.goto(`${region}/`);
  // The region has no entries of its own to browse: its home and navigation lead to its members.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Member books' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Neighbourhoods' })).toHaveCount(0);
  for (const id of Object.keys(MEMBERS) as MemberId[])
    await expect(page.getByRole('main').getByRole('link', { name: MEMBERS[id].name })).toHaveAttribute(
      'href',
      `/members/${id}/`,
    );
  await page.getByRole('contentinfo').getByRole('link', { name: 'Member books' }).click();
  await expect(page.locator('h1')).toHaveText('Member books');
  const table = page.locator('table.needs-matrix');
  const needs = (await table.locator('thead th').allTextContents()).slice(1, -1);
  const data = readVenueFile((await (await page.request.get(`${region}/map/venues.json`)).json()) as VenueFile);
  const ids = needs.map((name) => data.categories.find((c) => !c.parent && c.name === name)!.id);
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  for (const [k, id] of (Object.keys(MEMBERS) as MemberId[]).entries()) {
    const row = rows.nth(k);
    await expect(row.locator('th')).toHaveText(MEMBERS[id].name);
    const listed = (await mine(id === 'wigan' ? '' : own[id])).entries.filter((e) => e.status !== 'closed');
    const cells = (await row.locator('td').allTextContents()).map((c) => (/gap/.test(c) ? 0 : Number(c)));
    expect(cells, id).toEqual([
      ...ids.map((need) => listed.filter((e) => e.facets.category.includes(need)).length),
      listed.length,
    ]);
  }
  // A member's own page, linking to its own site; axe finds nothing on either page (each checked
  // once loaded: reached by a click, a page may not have its styles yet when its heading shows).
  await page.waitForLoadState('load');
  expect(await axe(page)).toEqual([]);
  await rows.nth(2).locator('th a').click();
  await expect(page.locator('h1')).toHaveText(MEMBERS.ryeford.name);
  await expect(page.getByRole('link', { name: `Go to ${MEMBERS.ryeford.name}` })).toHaveAttribute(
    'href',
    MEMBERS.ryeford.url,
  );
  await page.waitForLoadState('load');
  expect(await axe(page)).toEqual([]);
  await page.goto(`${region}/search/?q=coffee`);
  await settled(page);
  expect(await axe(page)).toEqual([]);
});

test('the list holds entries of two members, and its share link reopens them', async ({ page, browser }) => {
  await page.goto(`${region}/search/?q=coffee`);
  await settled(page);
  const picks: string[] = [];
  for (const id of ['wigan', 'ryeford'] as const) {
    const card = page.locator(`.search-card[data-entry-id^="${id}."]`).first();
    picks.push((await card.getAttribute('data-entry-id'))!);
    await card.getByRole('button', { name: /^Add to my list/ }).click();
  }
  await expect(page.getByRole('link', { name: /^My list\s*\(2\)$/ })).toBeVisible();
  await page.goto(`${region}/list/`);
  const entries = page.locator('.my-list__entry');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0).locator('.my-list__book')).toHaveText(`From ${MEMBERS.wigan.name}`);
  await expect(entries.nth(1).locator('.my-list__book')).toHaveText(`From ${MEMBERS.ryeford.name}`);
  await expect(entries.nth(1).locator('h2 a')).toHaveAttribute(
    'href',
    `${MEMBERS.ryeford.url}/entries/${picks[1].slice('ryeford.'.length)}/`,
  );
  const link = await page.getByRole('textbox', { name: 'Link to this list' }).inputValue();
  expect(new URL(link).hash).toBe(`#ids=${picks.join(',')}`);

  // Someone else opens the link: the same two entries, in the same order.
  const other = await browser.newContext();
  await other.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.abort('blockedbyclient'),
  );
  const theirs = await other.newPage();
  await theirs.goto(link);
  await expect(theirs.locator('.my-list__entry h2')).toHaveText([
    (await entries.nth(0).locator('h2').textContent())!,
    (await entries.nth(1).locator('h2').textContent())!,
  ]);
  await other.close();
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('after one visit, the region search answers with no connection', async ({ page, context }) => {
    await page.goto(`${region}/search/`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    await context.setOffline(true);
    const found = await cards(page, `${region}/search/?q=swim`);
    for (const id of Object.keys(MEMBERS) as MemberId[])
      expect(
        found.some((c) => c.id.startsWith(`${id}.`)),
        id,
      ).toBe(true);
    await context.setOffline(false);
  });
});
