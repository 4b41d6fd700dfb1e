/**
 * The key worker's list: add entries, read them on /list/, share the link (and its QR code) to a
 * fresh browser, print a support plan. Nothing is sent anywhere and no cookie is set.
 */
import type { APIRequestContext, Browser, BrowserContext, Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { test, expect, axe } from './fixtures';

type Picked = { id: string; name: string };

/** Running entries with a schedule and a phone number, read from the list data the page uses. */
async function pickEntries(request: APIRequestContext, count: number): Promise<Picked[]> {
  const { shards } = (await (await request.get('/list-data/index.json')).json()) as { shards: number };
  const found: { id: string; name: string; status: string; schedules: unknown[]; contacts: { phone?: string }[] }[] =
    [];
  for (let i = 0; i < shards && found.length < 40; i++)
    found.push(...Object.values((await (await request.get(`/list-data/${shards}-${i}.json`)).json()) as typeof found));
  const usable = found
    .filter((e) => e.status === 'active' && e.schedules.length > 0 && e.contacts.some((c) => c.phone))
    .sort((a, b) => a.id.localeCompare(b.id))
    .slice(0, count);
  expect(usable, `${count} running entries with schedules and phones`).toHaveLength(count);
  return usable.map(({ id, name }) => ({ id, name }));
}

/** A new, empty browser context (no list, no cache) that blocks every request off this machine. */
async function freshContext(
  browser: Browser,
  baseURL: string,
): Promise<{ context: BrowserContext; page: Page; external: string[] }> {
  const context = await browser.newContext({ baseURL });
  const external: string[] = [];
  await context.route(
    (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
    (route) => {
      external.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  return { context, page: await context.newPage(), external };
}

async function addFromEntryPage(page: Page, entry: Picked) {
  await page.goto(`/entries/${entry.id}/`);
  await page.getByRole('button', { name: `Add to my list: ${entry.name}` }).click();
  // Once added, the same button says what pressing it again would do.
  await expect(page.getByRole('button', { name: `Remove from my list: ${entry.name}` })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'In your list' })).toBeVisible();
}

const listHeadings = (page: Page) => page.locator('.my-list__items > li h2');

test('add three entries, share the link, and a fresh browser sees the same three in the same order', async ({
  page,
  context,
  browser,
  baseURL,
  external,
}) => {
  const picked = await pickEntries(page.request, 3);
  await addFromEntryPage(page, picked[0]);
  await expect(page.getByRole('link', { name: /^My list\s*\(1\)$/ })).toBeVisible();
  await addFromEntryPage(page, picked[2]);
  await addFromEntryPage(page, picked[1]);
  await expect(page.getByRole('link', { name: /^My list\s*\(3\)$/ })).toBeVisible();

  // "Remove from my list" takes it off; "Add to my list" once more puts it back at the end.
  await page.getByRole('button', { name: `Remove from my list: ${picked[1].name}` }).click();
  await expect(page.getByRole('link', { name: /^My list\s*\(2\)$/ })).toBeVisible();
  await page.getByRole('button', { name: `Add to my list: ${picked[1].name}` }).click();

  const order = [picked[0], picked[2], picked[1]];
  await page.getByRole('link', { name: /^My list/ }).click();
  await expect(page).toHaveURL(/\/list\/$/);
  await expect(listHeadings(page)).toHaveText(order.map((e) => e.name));
  const link = await page.getByLabel('Link to this list', { exact: true }).inputValue();
  expect(link).toBe(`${baseURL}/list/#ids=${order.map((e) => e.id).join(',')}`);

  const fresh = await freshContext(browser, baseURL!);
  await fresh.page.goto(link);
  await expect(fresh.page.getByText(/Someone shared this list of 3 groups with you/)).toBeVisible();
  await expect(listHeadings(fresh.page)).toHaveText(order.map((e) => e.name));
  expect(await fresh.page.evaluate(() => localStorage.getItem('community-book:list'))).toBeNull();
  await fresh.page.getByRole('button', { name: 'Save as my list' }).click();
  await expect(fresh.page.getByRole('heading', { level: 1, name: 'My list' })).toBeFocused();
  await expect(fresh.page).toHaveURL(/\/list\/$/);
  expect(JSON.parse((await fresh.page.evaluate(() => localStorage.getItem('community-book:list')))!)).toEqual(
    order.map((e) => e.id),
  );

  expect(await context.cookies()).toEqual([]);
  expect(await fresh.context.cookies()).toEqual([]);
  expect(external).toEqual([]);
  expect(fresh.external).toEqual([]);
  await fresh.context.close();
});

test('a shared link never overwrites my own list without asking', async ({ page, request }) => {
  const [mine, a, b] = await pickEntries(request, 3);
  await addFromEntryPage(page, mine);
  await page.goto(`/list/#ids=${a.id},${b.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'A shared list' })).toBeVisible();
  await expect(listHeadings(page)).toHaveText([a.name, b.name]);
  await expect(page.getByText('You already have a list of 1 group on this device.')).toBeVisible();
  expect(JSON.parse((await page.evaluate(() => localStorage.getItem('community-book:list')))!)).toEqual([mine.id]);
  await page.getByRole('button', { name: 'Add these to my list' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My list' })).toBeVisible();
  await expect(listHeadings(page)).toHaveText([mine.name, a.name, b.name]);

  // "Show my list instead" leaves my list as it was.
  await page.goto(`/list/#ids=${b.id}`);
  await page.getByRole('button', { name: 'Show my list instead' }).click();
  await expect(listHeadings(page)).toHaveText([mine.name, a.name, b.name]);
});

test('an id that is no longer in the book shows as "no longer listed", not a broken page', async ({
  page,
  request,
}) => {
  const [known] = await pickEntries(request, 1);
  await page.goto(`/list/#ids=this-group-was-removed,${known.id}`);
  await expect(listHeadings(page)).toHaveText(['No longer listed', known.name]);
  await expect(page.getByText(/“this-group-was-removed” is no longer in the book/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Search for it' })).toHaveAttribute(
    'href',
    '/search/?q=this%20group%20was%20removed',
  );
  // The text versions count it but do not list it.
  await page.getByText('See the text before sending').click();
  await expect(page.getByLabel('Full text')).toHaveValue(/1 group on this list is no longer listed\./);
  // A link with nothing usable in it says so.
  await page.goto('/list/#ids=NOT_AN_ID');
  await expect(page.getByText('The link you opened has no groups in it.')).toBeVisible();
});

test('a list holding a sensitive group offers "Exit this page", by button and by Escape twice; other lists do not', async ({
  page,
  request,
  external,
}) => {
  const [plain] = await pickEntries(request, 1);
  // domestic-abuse-helpline is in a sensitive category (content/categories.yaml).
  await page.goto(`/list/#ids=${plain.id}`);
  await expect(listHeadings(page)).toHaveText([plain.name]);
  await expect(page.getByRole('link', { name: /Exit this page/ })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.goto(`/list/#ids=${plain.id},domestic-abuse-helpline`);
  await expect(listHeadings(page)).toHaveCount(2);
  const exit = page.getByRole('link', { name: /Exit this page/ });
  await expect(exit).toBeVisible();
  expect(await axe(page)).toEqual([]);
  expect(external).toEqual([]);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect.poll(() => external.some((u) => u.startsWith('https://www.bbc.co.uk/weather'))).toBe(true);
});

test('reorder and remove by keyboard, with focus kept in place', async ({ page, request }) => {
  const picked = await pickEntries(request, 3);
  await page.goto(`/list/#ids=${picked.map((e) => e.id).join(',')}`);
  await page.getByRole('button', { name: 'Save as my list' }).click();
  // Saved: the page is my own list now (with its controls), no longer the shared one.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My list');
  await expect(listHeadings(page)).toHaveText(picked.map((e) => e.name));

  await page.getByRole('button', { name: `Move up: ${picked[2].name}` }).focus();
  await page.keyboard.press('Enter');
  await expect(listHeadings(page)).toHaveText([picked[0].name, picked[2].name, picked[1].name]);
  await expect(page.getByRole('button', { name: `Move up: ${picked[2].name}` })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(listHeadings(page)).toHaveText([picked[2].name, picked[0].name, picked[1].name]);
  // At the top there is no "Move up": focus goes to its "Move down".
  await expect(page.getByRole('button', { name: `Move down: ${picked[2].name}` })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: `Moved ${picked[2].name} to number 1 of 3.` })).toHaveCount(
    1,
  );

  await page.getByRole('button', { name: `Remove: ${picked[0].name}` }).click();
  await expect(listHeadings(page)).toHaveText([picked[2].name, picked[1].name]);
  await expect(page.locator(`#list-heading-${picked[1].id}`)).toBeFocused();
  expect(JSON.parse((await page.evaluate(() => localStorage.getItem('community-book:list')))!)).toEqual([
    picked[2].id,
    picked[1].id,
  ]);

  await page.getByRole('button', { name: 'Clear my list' }).click();
  await page.getByRole('button', { name: 'Yes, clear my list' }).click();
  await expect(page.getByText('Your list is empty.')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('community-book:list'))).toBeNull();
});

test('the printout is a support plan: times, phones, addresses and the QR code, no navigation or controls', async ({
  page,
  request,
}) => {
  const picked = await pickEntries(request, 2);
  await page.goto(`/list/#ids=${picked.map((e) => e.id).join(',')}`);
  await expect(listHeadings(page)).toHaveText(picked.map((e) => e.name));
  await page.getByLabel('Name (not saved)').fill('Mrs Example');
  await page.getByLabel('Note (not saved)').fill('Ask for Jo at the door');
  await page.emulateMedia({ media: 'print' });

  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.locator('.site-footer')).toBeHidden();
  for (const hidden of ['Share this list', 'Print a support plan'])
    await expect(page.getByRole('heading', { name: hidden })).toBeHidden();
  await expect(page.getByRole('button', { name: /^Remove/ })).toHaveCount(0); // a shared list has no edit controls
  await expect(page.getByRole('button', { name: 'Save as my list' })).toBeHidden();

  await expect(page.getByText('Support plan', { exact: true })).toBeVisible();
  await expect(
    page.getByText(/^Printed on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} \w+ \d{4}$/),
  ).toBeVisible();
  await expect(page.getByText('For: Mrs Example')).toBeVisible();
  await expect(page.getByText('Note: Ask for Jo at the door')).toBeVisible();
  const items = page.locator('.my-list__items > li');
  for (let i = 0; i < picked.length; i++) {
    const item = items.nth(i);
    await expect(item.getByRole('heading', { name: picked[i].name })).toBeVisible();
    await expect(item.locator('a[href^="tel:"]').first()).toBeVisible();
    await expect(item.locator('dt', { hasText: 'When' })).toBeVisible();
    await expect(
      item
        .locator('dd')
        .filter({ hasText: /\d(am|pm)|noon/ })
        .first(),
    ).toBeVisible();
    await expect(item.locator('dt', { hasText: 'How to join' })).toBeVisible();
  }
  await expect(page.locator('.print-foot svg[role="img"]')).toBeVisible();
  await expect(page.locator('.print-foot')).toContainText(`/list/#ids=${picked.map((e) => e.id).join(',')}`);

  // The name and note are never kept: not in storage, not in the link or the texts.
  const stored = await page.evaluate(
    () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + location.href,
  );
  expect(stored).not.toContain('Mrs Example');
  await page.emulateMedia({ media: 'screen' });
  await page.getByText('See the text before sending').click();
  for (const field of ['Link to this list', /^Short text/, 'Full text'])
    expect(await page.getByLabel(field, { exact: typeof field === 'string' }).inputValue()).not.toContain(
      'Mrs Example',
    );
});

test('the QR code decodes to the share link', async ({ page, request }) => {
  const picked = await pickEntries(request, 3);
  await page.goto(`/list/#ids=${picked.map((e) => e.id).join(',')}`);
  const link = await page.getByLabel('Link to this list', { exact: true }).inputValue();
  const qr = page.getByRole('img', { name: 'QR code of the link to this list' }).first();
  await expect(qr).toBeVisible();
  // Read the code as a phone would, from the pixels on screen. Polled: on a busy machine the first
  // screenshot can catch the page mid-layout (the code is resized to the link's length by CSS).
  const decode = async () => {
    const png = PNG.sync.read(await qr.screenshot());
    return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
  };
  await expect.poll(decode, { timeout: 10_000 }).toBe(link);

  // The longest list (50 ids) still gives a code big enough to read, on screen and on paper.
  const many = Array.from({ length: 50 }, (_, i) => `a-group-with-a-longish-name-${i + 1}`);
  const smallModules = await qr.getAttribute('data-modules');
  await page.goto(`/list/#ids=${many.join(',')}`);
  const longLink = await page.getByLabel('Link to this list', { exact: true }).inputValue();
  expect(longLink.length).toBeGreaterThan(1500);
  // Only the fragment changed, so the page is not reloaded: wait for the code to be redrawn.
  await expect(qr).not.toHaveAttribute('data-modules', smallModules!);
  await expect.poll(decode, { timeout: 10_000 }).toBe(longLink);
  const big = PNG.sync.read(await qr.screenshot());
  const modules = Number(await qr.getAttribute('data-modules'));
  expect(big.width / (modules + 8), 'screen pixels per module').toBeGreaterThanOrEqual(3);
});

test('text message and email links carry the text; copy puts it on the clipboard', async ({
  page,
  context,
  request,
  baseURL,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const picked = await pickEntries(request, 2);
  await page.goto(`/list/#ids=${picked.map((e) => e.id).join(',')}`);
  await page.getByText('See the text before sending').click();
  const short = await page.getByLabel(/^Short text/).inputValue();
  const full = await page.getByLabel('Full text').inputValue();
  expect(short).toContain(picked[0].name.replace('’', "'"));
  expect(short.length).toBeLessThanOrEqual(459);
  expect(full).toContain(`This list online: ${baseURL}/list/#ids=`);
  const sms = await page.getByRole('link', { name: 'Send by text message' }).getAttribute('href');
  expect(decodeURIComponent(sms!.replace(/^sms:\?&body=/, ''))).toBe(short);
  const mail = new URL((await page.getByRole('link', { name: 'Send by email' }).getAttribute('href'))!);
  expect(mail.protocol).toBe('mailto:');
  // The email gets the full text (the short one is for text messages).
  expect(mail.searchParams.get('body')).toBe(full);
  await page.getByRole('button', { name: 'Copy short text (for a text message)' }).click();
  await expect(page.getByText('Short text copied.', { exact: false })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(short);
});

test('/list/ passes axe and fits 320px: empty, with entries, and shared', async ({ page, request }) => {
  const picked = await pickEntries(request, 2);
  const states = ['/list/', `/list/#ids=${picked[0].id},gone-away`];
  for (const url of states) {
    await page.goto('/');
    await page.goto(url);
    await expect(page.locator('.my-list h1')).toBeVisible();
    await expect(page.getByText('Loading', { exact: false })).toHaveCount(0);
    expect(await axe(page), url).toEqual([]);
  }
  // My own list, with the texts open.
  await page.getByRole('button', { name: 'Save as my list' }).click();
  await page.getByText('See the text before sending').click();
  expect(await axe(page), 'my list').toEqual([]);
  await page.setViewportSize({ width: 320, height: 800 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, '/list/ scrolls sideways at 320px').toBeLessThanOrEqual(0);
});

test('"Add to my list" in search results adds to the same list, in the order picked', async ({ page, request }) => {
  const [fromPage, fromSearch] = await pickEntries(request, 2);
  await addFromEntryPage(page, fromPage);
  await page.goto(`/search/?q=${encodeURIComponent(fromSearch.name)}`);
  await page.getByRole('button', { name: `Add to my list: ${fromSearch.name}` }).click();
  await expect(page.getByRole('button', { name: `Remove from my list: ${fromSearch.name}` })).toBeVisible();
  await expect(page.getByRole('link', { name: /^My list\s*\(2\)$/ })).toBeVisible();
  // Already on the list: the result offers to remove it.
  await page.goto(`/search/?q=${encodeURIComponent(fromPage.name)}`);
  await expect(page.getByRole('button', { name: `Remove from my list: ${fromPage.name}` })).toBeVisible();
  await page.goto('/list/');
  await expect(listHeadings(page)).toHaveText([fromPage.name, fromSearch.name]);
});
