/**
 * The contribute form's place picker (src/components/islands/contribute/PlacePicker.tsx): a tap
 * inside a known neighbourhood of the sample book fills in the latitude and longitude, ticks that
 * neighbourhood, says so, shows a marker, and the file proposed carries the point; a tap outside
 * every neighbourhood says that; the page stays axe clean and fits 320 and 390 px.
 */
import { mkdirSync } from 'node:fs';
import { test, expect, axe } from './fixtures';
import type { Page } from '@playwright/test';
import { loadContext, loadNeighbourhoods } from '../../src/server/content-files';
import { neighbourhoodsAt } from '../../src/lib/import/places';
import { validateEntryText } from '../../src/lib/validate';
import { readNewFileUrl } from '../../src/lib/authoring/github-urls';

const hoods = loadNeighbourhoods();
const ctx = loadContext();
const hindley = hoods.find((n) => n.id === 'hindley-and-abram')!;
const [cLat, cLng] = hindley.centre;

/** The screen position of a point of the picture, from its viewBox and its drawn size. */
async function screenAt(page: Page, lat: number, lng: number) {
  const svg = page.locator('.cf-picker__svg').first();
  await svg.scrollIntoViewIfNeeded();
  const box = (await svg.boundingBox())!;
  // The picture's own frame is unknown to the test: find it from two outlines it draws (the
  // first point of two neighbourhoods' rings, whose coordinates the test knows).
  const points = await page.locator('.cf-picker__area').evaluateAll((paths) =>
    paths.map((p) => {
      const m = /^M(-?[\d.]+) (-?[\d.]+)/.exec(p.getAttribute('d') ?? '')!;
      return [Number(m[1]), Number(m[2]), p.getAttribute('data-neighbourhood')];
    }),
  );
  const [width, height] = (await svg.getAttribute('viewBox'))!.split(' ').slice(2).map(Number);
  const ref = points.map(([x, y, id]) => {
    const [lng0, lat0] = hoods.find((n) => n.id === id)!.boundary.coordinates[0][0];
    return { x: Number(x), y: Number(y), lat: lat0, lng: lng0 };
  });
  const [a, b] = [ref[0], ref.find((r) => Math.abs(r.lng - ref[0].lng) > 0.02 && Math.abs(r.lat - ref[0].lat) > 0.02)!];
  const x = a.x + ((lng - a.lng) * (b.x - a.x)) / (b.lng - a.lng);
  const y = a.y + ((lat - a.lat) * (b.y - a.y)) / (b.lat - a.lat);
  return { x: box.x + (x * box.width) / width, y: box.y + (y * box.height) / height };
}

async function open(page: Page) {
  await page.goto('/contribute/');
  await expect(page.getByLabel('Name of the group', { exact: true })).toBeVisible();
}

test('a tap inside a neighbourhood sets the latitude, longitude and neighbourhood, and the file has them', async ({
  page,
}) => {
  test.slow();
  expect(neighbourhoodsAt(cLat, cLng, hoods)).toEqual(['hindley-and-abram']);
  await open(page);
  const box = page.getByRole('checkbox', { name: hindley.name, exact: true });
  await expect(box).not.toBeChecked();
  const at = await screenAt(page, cLat, cLng);
  await page.mouse.click(at.x, at.y);

  const lat = page.getByLabel('Latitude', { exact: true });
  const lng = page.getByLabel('Longitude', { exact: true });
  await expect(lat).not.toHaveValue('');
  // Within a couple of the picture's pixels (about 100 m) of the point tapped.
  expect(Math.abs(Number(await lat.inputValue()) - cLat)).toBeLessThan(0.002);
  expect(Math.abs(Number(await lng.inputValue()) - cLng)).toBeLessThan(0.003);
  await expect(box).toBeChecked();
  await expect(page.getByRole('status').filter({ hasText: 'Marked at' })).toHaveText(
    `Marked at ${Number(await lat.inputValue()).toFixed(2)}, ${Number(await lng.inputValue()).toFixed(2)}, in ${hindley.name}.`,
  );
  await expect(page.locator('.cf-picker__marker')).toBeVisible();

  // Typing moves the marker too.
  const before = (await page.locator('.cf-picker__marker').boundingBox())!;
  await lat.fill(String(cLat + 0.02));
  await expect.poll(async () => (await page.locator('.cf-picker__marker').boundingBox())!.y).toBeLessThan(before.y);
  // Picked again (the page scrolled to the box typed in, so the point is found again).
  const again = await screenAt(page, cLat, cLng);
  await page.mouse.click(again.x, again.y);
  await expect(lat).not.toHaveValue(String(cLat + 0.02));
  expect(Math.abs(Number(await lat.inputValue()) - cLat)).toBeLessThan(0.002);

  // The rest of an entry, then the file proposed.
  await page.getByLabel('Name of the group', { exact: true }).fill('Picker Test Club');
  await page.getByLabel('Summary', { exact: true }).fill('A club to test the place picker.');
  await page.locator('#cf-categories').check();
  await page.getByLabel('Just turn up (drop-in)').check();
  await page.getByLabel('No, it is free').check();
  await page.getByLabel('Name of the building or place').fill('Test Hall');
  await page.getByLabel('Street address').fill('Market Street');
  await page.getByLabel('Postcode', { exact: true }).fill('WN2 3AN');
  await page.getByLabel('Phone number').fill('01942 404040');
  await page.getByRole('button', { name: 'Check the details' }).click();
  const link = page.getByRole('link', { name: /Propose on GitHub/ });
  const file = readNewFileUrl((await link.getAttribute('href'))!)!;
  expect(file.value).toContain(`lat: ${await lat.inputValue()}\n`);
  expect(file.value).toContain(`lng: ${await lng.inputValue()}\n`);
  expect(file.value).toMatch(/^neighbourhoods: \[hindley-and-abram\]$/m);
  expect(validateEntryText(file.value!, file.filename, ctx)).toEqual([]);
});

test('a tap outside every neighbourhood says so and ticks none', async ({ page }) => {
  await open(page);
  const svg = page.locator('.cf-picker__svg').first();
  await svg.scrollIntoViewIfNeeded();
  const b = (await svg.boundingBox())!;
  // The picture's top-left corner: the margin round the neighbourhoods.
  await page.mouse.click(b.x + 3, b.y + 3);
  const lat = Number(await page.getByLabel('Latitude', { exact: true }).inputValue());
  const lng = Number(await page.getByLabel('Longitude', { exact: true }).inputValue());
  expect(neighbourhoodsAt(lat, lng, hoods)).toEqual([]);
  await expect(page.getByRole('status').filter({ hasText: 'Marked at' })).toContainText(
    'outside every neighbourhood of the book',
  );
  for (const n of hoods) await expect(page.getByRole('checkbox', { name: n.name, exact: true })).not.toBeChecked();
});

for (const width of [320, 390]) {
  test(`the picker fits ${width}px, is axe clean, and a pick moves nothing below it`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await open(page);
    const at = await screenAt(page, cLat, cLng);
    const below = page.getByLabel('Latitude', { exact: true });
    const y0 = (await below.boundingBox())!.y;
    await page.mouse.click(at.x, at.y);
    await expect(page.getByRole('status').filter({ hasText: 'Marked at' })).toContainText(hindley.name);
    expect((await below.boundingBox())!.y).toBeCloseTo(y0, 0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(await axe(page)).toEqual([]);
    if (width === 390 && process.env.SCREENS_DIR) {
      mkdirSync(process.env.SCREENS_DIR, { recursive: true });
      await page
        .locator('.cf-latlng')
        .first()
        .screenshot({ path: `${process.env.SCREENS_DIR}/place-picker-390.png` });
    }
  });
}
