/**
 * The map, in Chromium, with every tile request blocked (tests/e2e/fixtures.ts). Expected numbers
 * come from the built venues file and the same filter functions the island uses, never from
 * numbers written here, so the tests hold for any book.
 */
import type { Page } from '@playwright/test';
import { test, expect, axe } from './fixtures';
import { parseQuery } from '../../src/lib/filters/state';
import { filterEntries, pointsOf } from '../../src/lib/map/filter';
import { readVenueFile, type MapData, type VenueFile } from '../../src/lib/map/venue-file';

let file: VenueFile;
let data: MapData;

test.beforeAll(async ({ request }) => {
  const res = await request.get('/map/venues.json');
  expect(res.ok()).toBe(true);
  file = (await res.json()) as VenueFile;
  data = readVenueFile(file);
});

/** Venues matching a query string, by the island's own filter functions. */
function expectedVenues(query: string): number {
  return pointsOf(filterEntries(data, parseQuery(query, data.allowed), new Date())).length;
}

/** Sum over the markers drawn: a cluster counts its places, a single marker one. */
function markerSum(page: Page): Promise<number> {
  return page
    .locator('.leaflet-marker-pane [data-count]')
    .evaluateAll((els) => els.reduce((n, el) => n + Number((el as HTMLElement).dataset.count), 0));
}

async function openMap(page: Page, query = '') {
  await page.goto(`/map/${query ? `?${query}` : ''}`);
  // The first view is drawn and listed (a busy machine can take a while to load the page).
  await expect(page.locator('.map-app[data-ready="true"]')).toBeAttached({ timeout: 20_000 });
}

/** A category that some, but not all, venues have. */
function partialCategory(): string {
  const total = data.points.length;
  const found = data.allowed.category.find((c) => {
    const n = expectedVenues(`category=${c}`);
    return n > 0 && n < total;
  });
  if (!found) throw new Error('The book needs a category held by some but not all venues');
  return found;
}

test('every venue is on the map, as a marker or inside a cluster, with tiles blocked', async ({ page, external }) => {
  await openMap(page);
  const total = expectedVenues('');
  expect(total).toBeGreaterThan(0);
  expect(total).toBe(data.points.length);
  await expect.poll(() => markerSum(page)).toBe(total);
  // Tiles were asked for, blocked, and the page says so; everything else still works.
  expect(external.length).toBeGreaterThan(0);
  await expect(page.getByText('Map pictures could not load; markers and the list still work.')).toBeVisible();
  await expect(page.locator('path.map-boundary')).toHaveCount(data.neighbourhoods.length);
  await expect(page.locator('.map-label__text')).toHaveCount(data.neighbourhoods.length);
  await expect(page.locator('.map-list__items li').first()).toBeVisible();
});

test('a filter in the URL reduces the markers, and the list-view link keeps the same search', async ({ page }) => {
  const category = partialCategory();
  const query = `category=${category}`;
  const expected = expectedVenues(query);
  expect(expected).toBeLessThan(data.points.length);
  await openMap(page, query);
  await expect.poll(() => markerSum(page)).toBe(expected);
  await expect(page.getByRole('link', { name: 'List view of this search' })).toHaveAttribute(
    'href',
    `/search/?${query}`,
  );

  // The issue's own example: a category and a day.
  const withDay = `category=${category}&day=tue`;
  await openMap(page, withDay);
  await expect.poll(() => markerSum(page)).toBe(expectedVenues(withDay));
});

test('changing a filter on the page updates the URL and the markers', async ({ page }) => {
  await openMap(page);
  await page.locator('.map-filters__group > summary', { hasText: 'Cost' }).click();
  await page.getByRole('radio', { name: 'Free', exact: true }).check();
  await expect(page).toHaveURL(/\/map\/\?cost=free$/);
  await expect.poll(() => markerSum(page)).toBe(expectedVenues('cost=free'));
  await page.getByRole('button', { name: 'Clear all filters' }).click();
  await expect(page).toHaveURL(/\/map\/$/);
  await expect.poll(() => markerSum(page)).toBe(data.points.length);
});

test('keyboard: Tab reaches a marker, Enter zooms into clusters and opens a popup, Escape closes it', async ({
  page,
}) => {
  await openMap(page);
  const app = page.locator('.map-app');
  const focused = page.locator('.leaflet-marker-icon:focus');
  // From the last link before the map, Tab goes to the map and then to its first marker.
  await page.getByRole('link', { name: 'List view of this search' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.locator('.leaflet-container')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(focused).toHaveCount(1);
  // Tab along the markers for a single place; if there is none, Enter on a cluster zooms in
  // and puts focus on the marker nearest to it.
  for (let round = 0; round < 12 && (await focused.getAttribute('data-kind')) !== 'point'; round++) {
    const markers = await page.locator('.leaflet-marker-pane [data-kind]').count();
    for (let i = 1; i < markers && (await focused.getAttribute('data-kind')) !== 'point'; i++)
      await page.keyboard.press('Tab');
    if ((await focused.getAttribute('data-kind')) === 'point') break;
    await expect(focused).toHaveAttribute('aria-label', /^\d+ places here\. Zoom in to see them$/);
    const view = await app.getAttribute('data-view');
    await page.keyboard.press('Enter');
    await expect(app).not.toHaveAttribute('data-view', view!);
    await expect(focused).toHaveCount(1);
  }
  await expect(focused).toHaveAttribute('data-kind', 'point');
  const id = await focused.getAttribute('data-entry');
  const entry = data.entries.find((e) => e.id === id)!;
  expect((await focused.getAttribute('aria-label'))?.startsWith(entry.name)).toBe(true);
  await page.keyboard.press('Enter');
  const popup = page.locator('.leaflet-popup');
  await expect(popup.locator('.map-popup__name')).toHaveText(entry.name);
  await expect(popup.getByRole('link', { name: `More about ${entry.name}` })).toHaveAttribute(
    'href',
    `/entries/${entry.id}/`,
  );
  await expect(popup.locator('.map-popup')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(popup).toHaveCount(0);
  await expect(page.locator(`.leaflet-marker-icon[data-entry="${entry.id}"]:focus`)).toHaveCount(1);
});

test('a hostile name is shown as text in the popup, the marker name and the list, and runs nothing', async ({
  page,
}) => {
  const hostile = '<img src=x onerror=alert(1)>';
  // The entry whose place is furthest from any other, so it has a marker of its own when centred.
  const gap = (i: number) => {
    const [, lat, lng] = file.e[i][6][0];
    return Math.min(
      ...file.e.flatMap((e, j) => (j === i ? [] : e[6].map(([, la, ln]) => Math.hypot(la - lat, (ln - lng) * 0.6)))),
    );
  };
  const withVenue = file.e.map((e, i) => (e[6].length > 0 ? i : -1)).filter((i) => i >= 0);
  const target = withVenue.reduce((best, i) => (gap(i) > gap(best) ? i : best), withVenue[0]);
  const dialogs: string[] = [];
  const strayRequests: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (/\/x$/.test(new URL(r.url()).pathname)) strayRequests.push(r.url());
  });
  await page.route('**/map/venues.json', async (route) => {
    const body = structuredClone(file);
    body.e[target][1] = hostile;
    body.e[target][2] = `<script>alert(2)</script> & "quotes" <b>bold</b>`;
    body.e[target][6][0][0] = `<svg onload=alert(3)>`;
    await route.fulfill({ json: body });
  });
  const id = file.e[target][0];
  await openMap(page, `entry=${id}`);
  const popup = page.locator('.leaflet-popup');
  await expect(popup.locator('.map-popup__name')).toHaveText(hostile);
  await expect(popup.locator('.map-popup__summary')).toHaveText(`<script>alert(2)</script> & "quotes" <b>bold</b>`);
  await expect(popup.locator('.map-popup__venue')).toHaveText('At <svg onload=alert(3)>');
  await expect(popup.getByRole('link', { name: `More about ${hostile}` })).toBeVisible();
  await expect(page.locator('.map-list__items').getByRole('link', { name: hostile })).toBeVisible();
  await expect(page.locator(`.leaflet-marker-icon[data-entry="${id}"]`).first()).toHaveAttribute(
    'aria-label',
    new RegExp(`^<img src=x onerror=alert\\(1\\)>`),
  );
  // Nothing was parsed as HTML: no image, script, svg or bold element came from the data (tiles are the only images).
  await expect(
    page.locator(
      '.map-app img:not(.leaflet-tile), .map-app script, .map-app b, .leaflet-marker-pane svg, .leaflet-popup svg',
    ),
  ).toHaveCount(0);
  expect(dialogs).toEqual([]);
  expect(strayRequests).toEqual([]);
});

test('/map/?entry=<id> centres on that entry and opens its popup', async ({ page }) => {
  const entry = data.entries.find((e) => e.venues.length > 0)!;
  await openMap(page, `entry=${entry.id}`);
  await expect(page.locator('.leaflet-popup .map-popup__name')).toHaveText(entry.name);
  await expect(page.locator(`.map-list__items li[data-entry="${entry.id}"]`)).toBeVisible();
});

test('"Near me" asks for the location only on the button, sorts the list by distance, and sends it nowhere', async ({
  page,
  context,
  external,
}) => {
  const v = data.entries.find((e) => e.venues.length > 0)!.venues[0];
  const here = { latitude: v.lat + 0.0011, longitude: v.lng - 0.0013 };
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation(here);
  const asked: number[] = [];
  await page.exposeFunction('__mapGeoAsked', () => asked.push(1));
  await page.addInitScript(() => {
    const real = navigator.geolocation.getCurrentPosition.bind(navigator.geolocation);
    navigator.geolocation.getCurrentPosition = (...args: Parameters<Geolocation['getCurrentPosition']>) => {
      void (window as unknown as { __mapGeoAsked: () => void }).__mapGeoAsked();
      return real(...args);
    };
  });
  await openMap(page);
  expect(asked).toHaveLength(0);
  await page.getByRole('button', { name: 'Near me' }).click();
  await expect(page.getByText('The list is sorted by distance from your location.')).toBeVisible();
  expect(asked).toHaveLength(1);
  const items = page.locator('.map-list__items li');
  await expect(items.first()).toHaveAttribute('data-distance-km', /\d/);
  const distances = await items.evaluateAll((els) => els.map((el) => Number((el as HTMLElement).dataset.distanceKm)));
  expect(distances).toEqual([...distances].sort((a, b) => a - b));
  expect(distances[0]).toBeLessThan(0.5);
  await expect(page.getByRole('status').filter({ hasText: 'nearest to your location first' })).toBeVisible();
  const lat = String(here.latitude).slice(0, 6);
  expect(external.filter((u) => u.includes(lat))).toEqual([]);
});

test('"Near me" when the browser says no, and a point chosen on the map instead', async ({ page }) => {
  await openMap(page);
  await page.getByRole('button', { name: 'Near me' }).click();
  await expect(page.getByText('Your browser did not share your location.')).toBeVisible();
  await page.getByRole('button', { name: 'Choose a point on the map' }).click();
  await expect(page.getByRole('button', { name: 'Click the map to choose a point' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // The left edge, half way down: fitting keeps markers clear of the edges.
  const box = (await page.locator('.leaflet-container').boundingBox())!;
  await page.locator('.leaflet-container').click({ position: { x: 8, y: box.height / 2 } });
  await expect(page.getByText('Point chosen. The list is sorted by distance from the point you chose.')).toBeVisible();
  const distances = await page
    .locator('.map-list__items li')
    .evaluateAll((els) => els.map((el) => Number((el as HTMLElement).dataset.distanceKm)));
  expect(distances.length).toBeGreaterThan(0);
  expect(distances).toEqual([...distances].sort((a, b) => a - b));
  // The keyboard way: the centre of the map.
  await page.getByRole('button', { name: 'Use the centre of the map' }).click();
  await expect(
    page.getByText('Point chosen. The list is sorted by distance from the centre of the map.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Stop sorting by distance' }).click();
  await expect(page.locator('.map-list__items li[data-distance-km]')).toHaveCount(0);
});

test('markers are drawn without images, so none can break', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (u.hostname === '127.0.0.1' && r.request().resourceType() === 'image' && r.status() >= 400) failed.push(r.url());
  });
  await openMap(page);
  await expect(page.locator('.leaflet-marker-icon').first()).toBeVisible();
  await expect(page.locator('.leaflet-marker-pane img')).toHaveCount(0);
  expect(failed).toEqual([]);
});

test('axe: the map page is clean, with and without a popup open', async ({ page }) => {
  test.slow(); // two full axe runs
  await openMap(page);
  expect(await axe(page)).toEqual([]);
  const entry = data.entries.find((e) => e.venues.length > 0)!;
  await openMap(page, `entry=${entry.id}`);
  await expect(page.locator('.leaflet-popup')).toBeVisible();
  // Leaflet fades the popup in; check contrast once it is fully shown, as a reader sees it (on a
  // busy machine axe could otherwise measure the text mid-fade).
  await expect(page.locator('.leaflet-popup')).toHaveCSS('opacity', '1');
  expect(await axe(page)).toEqual([]);
});

test('a neighbourhood page shows a small map of its own groups, drawn without JavaScript; pages without a map load no Leaflet', async ({
  page,
  browser,
}) => {
  test.slow(); // three pages and an axe run
  const hood = data.neighbourhoods.find((n) =>
    data.entries.some(
      (e) =>
        e.venues.length > 0 &&
        e.facets.neighbourhood.includes(n.id) &&
        !e.facets.neighbourhood.includes('borough-wide'),
    ),
  )!;
  const local = data.entries.filter(
    (e) => e.facets.neighbourhood.includes(hood.id) && !e.facets.neighbourhood.includes('borough-wide'),
  );
  // A picture made at build time (src/components/MiniMap.astro): it is there without JavaScript.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noJs = await context.newPage();
  await noJs.goto(new URL(`/neighbourhoods/${hood.id}/`, test.info().project.use.baseURL).href);
  const svg = noJs.locator('.map-mini svg');
  await expect(svg).toBeVisible();
  await expect(svg).toHaveAttribute('role', 'img');
  await expect(svg).toHaveAccessibleName(new RegExp(`^Map of ${hood.name}`));
  await expect(svg.locator(`path.map-mini__chosen[data-neighbourhood="${hood.id}"]`)).toHaveCount(1);
  expect(await svg.locator('path.map-mini__other').count()).toBeGreaterThan(0);
  await expect(svg.locator('text').filter({ hasText: hood.name })).toHaveCount(1);
  // Every venue of its own groups is a dot, named in the dot's title (one dot a place).
  const titles = (await svg.locator('circle.map-mini__venue title').allTextContents()).join('\n');
  for (const e of local) for (const v of e.venues) expect(titles).toContain(`${v.name}: ${e.name}`);
  const dots = await svg.locator('circle.map-mini__venue').count();
  expect(dots).toBeGreaterThan(0);
  expect(dots).toBeLessThanOrEqual(pointsOf(local).length);
  await context.close();

  const scripts: string[] = [];
  page.on('response', async (r) => {
    if (r.request().resourceType() === 'script' || r.request().resourceType() === 'stylesheet')
      scripts.push(await r.text());
  });
  await page.goto(`/neighbourhoods/${hood.id}/`);
  const mini = page.locator('.map-mini');
  await expect(mini.getByRole('link', { name: `Open the full map of ${hood.name}` })).toHaveAttribute(
    'href',
    `/map/?neighbourhood=${hood.id}`,
  );
  expect(await axe(page)).toEqual([]);
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.leaflet-container')).toHaveCount(0);
  expect(scripts.filter((s) => s.includes('leaflet-container'))).toEqual([]);

  await page.goto('/a-z/');
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.leaflet-container')).toHaveCount(0);
  expect(scripts.filter((s) => s.includes('leaflet-container'))).toEqual([]);
});

test('/map/?neighbourhood=<id> filters to it and fits its boundary', async ({ page }) => {
  const hood = data.neighbourhoods[0];
  await openMap(page, `neighbourhood=${hood.id}`);
  await expect(page.getByRole('link', { name: 'List view of this search' })).toHaveAttribute(
    'href',
    `/search/?neighbourhood=${hood.id}`,
  );
  await expect(page.getByLabel(hood.name, { exact: true })).toBeChecked();
  // The chosen boundary fills the map: inside it, and at least half its width or height.
  const map = (await page.locator('.leaflet-container').boundingBox())!;
  const shape = (await page.locator('path.map-boundary--chosen').boundingBox())!;
  expect(shape.x).toBeGreaterThanOrEqual(map.x - 1);
  expect(shape.y).toBeGreaterThanOrEqual(map.y - 1);
  expect(shape.x + shape.width).toBeLessThanOrEqual(map.x + map.width + 1);
  expect(shape.y + shape.height).toBeLessThanOrEqual(map.y + map.height + 1);
  // Zoom goes in whole steps: one step closer would not fit (24 px padding on each side).
  expect(Math.max(shape.width / (map.width - 48), shape.height / (map.height - 48))).toBeGreaterThan(0.5);
  await expect.poll(() => markerSum(page)).toBeGreaterThan(0);
});

test('words that are facts filter the map as they filter search: "tuesday morning" is the day and the time', async ({
  page,
}) => {
  const asFilters = expectedVenues('day=tue&time=morning');
  expect(asFilters).toBeGreaterThan(0);
  // As plain words nothing in names or summaries says both, so this is not what the words alone give.
  expect(asFilters).not.toBe(expectedVenues('q=tuesday+morning'));
  await openMap(page, 'q=tuesday+morning');
  await expect.poll(() => markerSum(page)).toBe(asFilters);
});

test('with nothing searched, the map opens fitted to the neighbourhoods: every name is inside it', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openMap(page);
  const frame = (await page.locator('.map-canvas').boundingBox())!;
  const labels = page.locator('.map-label');
  await expect(labels).toHaveCount(data.neighbourhoods.length);
  const cut: string[] = [];
  for (const label of await labels.all()) {
    const b = (await label.boundingBox())!;
    const centre = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    const inside =
      centre.x >= frame.x &&
      centre.x <= frame.x + frame.width &&
      centre.y >= frame.y &&
      centre.y <= frame.y + frame.height;
    if (!inside) cut.push((await label.textContent()) ?? '');
  }
  expect(cut, 'neighbourhood names outside the map').toEqual([]);
});
