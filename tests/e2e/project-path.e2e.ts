/**
 * A book published at a project address, as a fork on GitHub Pages is by default
 * (`url: https://<org>.github.io/<repo>` in site.yaml): the sample book built with a path in its
 * `url`, served under that path only, walked as a key worker would. No request may leave the
 * path, nothing may 404, every internal link stays inside it, and search, the map, the list (its
 * share link and QR code) and offline all work (src/lib/site/paths.ts is what makes them).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { test, expect, axe } from './fixtures';
import { serveStatic } from '../../scripts/lib/static-server';
import { contentDir } from '../../src/server/content-files';
import { buildBook, removeBuild, tempFolder } from '../helpers/build';
import { settled } from './search-page';

const BASE = '/some-path/';
const PUBLIC = `https://example-org.github.io${BASE.slice(0, -1)}`;

test.describe.configure({ mode: 'serial' });
test.use({ serviceWorkers: 'allow' });

let out = '';
let server: Server | undefined;
let origin = '';

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const content = tempFolder('project-path');
  cpSync(contentDir(), content, { recursive: true });
  const site = join(content, 'site.yaml');
  writeFileSync(site, readFileSync(site, 'utf8').replace(/^url: .*$/m, `url: ${PUBLIC}`));
  out = buildBook(content, 'project-path', { env: { BOOK_TODAY: process.env.BOOK_TODAY ?? '' } });
  const served = await serveStatic(out, { base: BASE });
  server = served.server;
  origin = `http://127.0.0.1:${served.port}`;
});

test.afterAll(async () => {
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
  removeBuild(out);
});

/** Every request the page makes to this server, and every answer that is an error. */
function watch(page: Page) {
  const outside: string[] = [];
  const failed: string[] = [];
  page.context().on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin === origin && !u.pathname.startsWith(BASE)) outside.push(r.url());
  });
  page.context().on('response', (r) => {
    if (r.status() >= 400 && new URL(r.url()).origin === origin) failed.push(`${r.status()} ${r.url()}`);
  });
  return { outside, failed };
}

/** The page's links to this book (not tel:, mailto:, other sites) that lead outside its path. */
async function linksOutside(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('a[href], link[href], form[action], script[src], img[src]')
    .evaluateAll((els) =>
      els.map((el) => (el as HTMLAnchorElement).href || (el as HTMLFormElement).action || (el as HTMLImageElement).src),
    );
  return hrefs.filter((h) => h.startsWith(origin) && !new URL(h).pathname.startsWith(BASE));
}

const at = (path: string) => `${origin}${BASE}${path.replace(/^\//, '')}`;

test('home, search, an entry, the map and the list work under the path, with every link inside it', async ({
  page,
}) => {
  const seen = watch(page);
  const visited: string[] = [];
  const check = async () => {
    visited.push(new URL(page.url()).pathname);
    expect(new URL(page.url()).pathname.startsWith(BASE), page.url()).toBe(true);
    expect(await linksOutside(page), `links outside ${BASE} on ${page.url()}`).toEqual([]);
  };

  // The home page is styled (its CSS came from under the path) and says where it lives.
  await page.goto(at('/'));
  await check();
  expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
  expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(`${PUBLIC}/`);
  expect(await axe(page)).toEqual([]);

  // The home page's search form, then a result.
  await page.getByRole('searchbox').first().fill('walk');
  await page.getByRole('searchbox').first().press('Enter');
  await expect(page).toHaveURL(`${at('/search/')}?q=walk`);
  await settled(page);
  await check();
  const first = page.locator('.search-card a').first();
  const name = (await first.textContent())!.trim();
  await first.click();
  await expect(page.locator('h1')).toHaveText(name);
  await check();
  const entryPath = new URL(page.url()).pathname;
  expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(
    `${PUBLIC}${entryPath.slice(BASE.length - 1)}`,
  );
  await page.getByRole('button', { name: `Add to my list: ${name}` }).click();
  await expect(page.getByRole('link', { name: /^My list\s*\(1\)$/ })).toBeVisible();

  // The menu's links: the map, with its venues file and a popup that links inside the path.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Map' }).click();
  await expect(page.locator('.map-app[data-ready="true"]')).toBeAttached({ timeout: 20_000 });
  await check();
  const counted = await page
    .locator('.leaflet-marker-pane [data-count]')
    .evaluateAll((els) => els.reduce((n, el) => n + Number((el as HTMLElement).dataset.count), 0));
  expect(counted).toBeGreaterThan(0);
  const item = page.locator('.map-list__items li a').first();
  expect(new URL(await item.evaluate((a) => (a as HTMLAnchorElement).href)).pathname.startsWith(BASE)).toBe(true);

  for (const link of ['Neighbourhoods', 'Categories', 'A to Z']) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
    await check();
  }
  await page.getByRole('link', { name: 'Open data' }).click();
  await check();

  // My list: the entry's details came from the list data, the share link and QR code keep the path.
  await page.getByRole('link', { name: /^My list/ }).click();
  await expect(page.locator('.my-list__items > li h2')).toHaveText([name]);
  await check();
  const link = await page.getByLabel('Link to this list', { exact: true }).inputValue();
  expect(link.startsWith(`${at('/list/')}#ids=`), link).toBe(true);
  const qr = page.getByRole('img', { name: 'QR code of the link to this list' }).first();
  await expect
    .poll(async () => {
      const png = PNG.sync.read(await qr.screenshot());
      return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
    })
    .toBe(link);

  // Home again, by the book's name.
  await page.locator('.site-header__title').click();
  await expect(page).toHaveURL(at('/'));

  expect(visited.length).toBeGreaterThan(8);
  expect(seen.outside, `requests outside ${BASE}`).toEqual([]);
  expect(seen.failed, 'requests that failed').toEqual([]);
});

test('offline: the service worker is scoped to the path and keeps search and visited pages', async ({
  page,
  context,
}) => {
  const seen = watch(page);
  await page.goto(at('/'));
  const scope = await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.scope));
  expect(scope).toBe(at('/'));
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await page.goto(at('/a-z/'));
  const entry = page.locator('main li a[href*="/entries/"]').first();
  const name = (await entry.textContent())!.trim();
  await entry.click();
  await expect(page.locator('h1')).toHaveText(name);
  const entryUrl = page.url();

  await context.setOffline(true);
  const again = await page.goto(entryUrl);
  expect(again?.fromServiceWorker()).toBe(true);
  await expect(page.locator('h1')).toHaveText(name);
  const search = await page.goto(`${at('/search/')}?q=${encodeURIComponent(name)}`);
  expect(search?.fromServiceWorker()).toBe(true);
  const result = page.locator('main').getByRole('link', { name, exact: true }).first();
  await expect(result).toBeVisible();
  expect(new URL(await result.evaluate((a) => (a as HTMLAnchorElement).href)).pathname).toBe(
    new URL(entryUrl).pathname,
  );
  // A page never opened gives the offline page, from under the path.
  await page.goto(at('/privacy/'));
  await expect(page.locator('h1')).toHaveText(/offline/i);
  await context.setOffline(false);

  expect(seen.outside, `requests outside ${BASE}`).toEqual([]);
});

test('feeds, sitemap, robots, manifest and the open data name addresses under the path', async ({ request }) => {
  const text = async (path: string) => {
    const res = await request.get(at(path));
    expect(res.ok(), path).toBe(true);
    return res.text();
  };
  const absolute = (body: string) => [...body.matchAll(/https:\/\/example-org\.github\.io[^\s"<]*/g)].map((m) => m[0]);
  for (const path of ['/sitemap.xml', '/feed.xml', '/robots.txt', '/openreferral/', '/open-data/']) {
    const urls = absolute(await text(path));
    expect(urls.length, `${path} names the book's addresses`).toBeGreaterThan(0);
    expect(
      urls.filter((u) => u !== PUBLIC && !u.startsWith(`${PUBLIC}/`)),
      `${path}: addresses outside ${BASE}`,
    ).toEqual([]);
  }
  expect(await text('/robots.txt')).toContain(`Disallow: ${BASE}list/`);
  const manifest = JSON.parse(await text('/manifest.webmanifest')) as { start_url: string; scope: string };
  expect([manifest.start_url, manifest.scope]).toEqual([BASE, BASE]);
  // The book's folder without its slash is redirected into it (as GitHub Pages does).
  const bare = await request.get(`${origin}${BASE.slice(0, -1)}`, { maxRedirects: 0 });
  expect(bare.status()).toBe(301);
});
