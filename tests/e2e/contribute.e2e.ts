/**
 * /contribute/ as a volunteer meets it: a bad value gets its message next to the field (and in the
 * error summary, linked to the field); a correctly filled form gives a GitHub link whose content
 * decodes to an entry that passes the validator; a taken web address is flagged; the page is axe
 * clean and fits 320px. Also: entry pages link to GitHub's editor and to the issue form.
 */
import { test, expect, axe } from './fixtures';
import type { Page } from '@playwright/test';
import { validateEntryText } from '../../src/lib/validate';
import { loadContext, loadSite } from '../../src/server/content-files';
import { readEditUrl, readIssueUrl, readNewFileUrl } from '../../src/lib/authoring/github-urls';

const site = loadSite();
const ctx = loadContext();
const [[south, west], [north, east]] = site.bounds;
const lat = ((south + north) / 2).toFixed(4);
const lng = ((west + east) / 2).toFixed(4);

async function open(page: Page) {
  await page.goto('/contribute/');
  await expect(page.getByLabel('Name of the group', { exact: true })).toBeVisible();
}

/** Fills every required field with good values. */
async function fillGood(page: Page, name = 'Playwright Test Knitting Circle') {
  await page.getByLabel('Name of the group', { exact: true }).fill(name);
  await page.getByLabel('Summary', { exact: true }).fill('Knitting, crochet and a chat over a cuppa.');
  await page.locator('#cf-categories').check();
  await page.locator('#cf-neighbourhoods').check();
  await page.getByLabel('Just turn up (drop-in)').check();
  await page.getByLabel('No, it is free').check();
  await page.getByLabel('Name of the building or place').fill('Test Library');
  await page.getByLabel('Street address').fill('Market Street');
  await page.getByLabel('Postcode', { exact: true }).fill('WN2 3AN');
  await page.getByLabel('Latitude', { exact: true }).fill(lat);
  await page.getByLabel('Longitude', { exact: true }).fill(lng);
  const when = page.locator('#cf-schedules-0');
  await when.getByLabel('Tuesday').check();
  await when.getByLabel('Start time (optional)').fill('10:00');
  await when.getByLabel('End time (optional)').fill('11:30');
  await page.getByLabel('Phone number').fill('01942 404040');
  await page.getByLabel(/^Describe it/).fill('Bring your own needles.\n\nBeginners welcome.');
}

test('a bad value shows its message next to the field, and in the summary on "Check"', async ({ page }) => {
  await open(page);
  const postcode = page.getByLabel('Postcode', { exact: true });
  await postcode.fill('NOT A POSTCODE');
  await postcode.blur();
  const message = page.locator('#cf-venues-0-postcode-message');
  await expect(message).toContainText('This is not a UK postcode');
  await expect(postcode).toHaveAttribute('aria-invalid', 'true');
  await expect(postcode).toHaveAttribute('aria-describedby', /cf-venues-0-postcode-message/);
  // The message sits in the field's own group, above its input.
  const group = page.locator('.cf-group--error').filter({ has: postcode });
  await expect(group).toContainText('This is not a UK postcode');
  // Fields not yet visited show nothing yet.
  await expect(page.locator('#cf-name-message')).toHaveCount(0);

  await page.getByRole('button', { name: 'Check the details' }).click();
  const summary = page.locator('.cf-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Enter the name of the group' })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await summary.getByRole('link', { name: /not a UK postcode/ }).click();
  await expect(postcode).toBeFocused();
  // No way to propose while there are errors.
  await expect(page.locator('#cf-propose')).toHaveCount(0);

  expect(await axe(page)).toEqual([]);

  // Fixing it removes the message.
  await postcode.fill('WN2 3AN');
  await expect(message).toHaveCount(0);
});

test('a correctly filled form opens GitHub with an entry that passes the validator', async ({ page }) => {
  // The longest journey of the suite (every field typed, axe twice, the validator run): on a busy
  // machine it needs more than the default minute.
  test.slow();
  await open(page);
  await fillGood(page);
  // The preview follows, in the site's own words.
  const preview = page.getByRole('region', { name: 'Preview of the entry page' });
  await expect(preview.getByRole('heading', { name: 'Playwright Test Knitting Circle' })).toBeVisible();
  await expect(preview).toContainText('Every Tuesday, 10am to 11:30am');
  await expect(preview).toContainText('Free');

  await page.getByRole('button', { name: 'Check the details' }).click();
  await expect(page.getByRole('heading', { name: 'Send it for review' })).toBeFocused();
  const link = page.getByRole('link', { name: /Propose on GitHub/ });
  await expect(link).toHaveAttribute('target', '_blank');
  const href = (await link.getAttribute('href'))!;
  const decoded = readNewFileUrl(href)!;
  expect(decoded, href).toBeDefined();
  expect(href.startsWith(`${site.repository.replace(/\/$/, '')}/new/${site.branch}?`)).toBe(true);
  expect(decoded.filename).toBe('content/entries/playwright-test-knitting-circle.md');
  expect(decoded.value).toContain('name: Playwright Test Knitting Circle\n');
  expect(validateEntryText(decoded.value!, decoded.filename, ctx)).toEqual([]);
  // The same text is offered to copy, download or read.
  await page.getByText('Show the file').click();
  await expect(page.locator('.cf-file pre')).toHaveText(decoded.value!);
  await expect(page.getByRole('link', { name: /Download playwright-test-knitting-circle\.md/ })).toHaveAttribute(
    'download',
    'playwright-test-knitting-circle.md',
  );

  expect(await axe(page)).toEqual([]);
});

test('a message appearing never moves a tick box under a pending click', async ({ page }) => {
  await open(page);
  const website = page.getByLabel('Website (optional)');
  await website.fill('not a web address');
  const box = page.getByLabel('Step-free access');
  await box.scrollIntoViewIfNeeded();
  const before = (await box.boundingBox())!;
  // A real press: the pointer goes down on the box (the website field is left), then comes up.
  await page.mouse.move(before.x + before.width / 2, before.y + before.height / 2);
  await page.mouse.down();
  await page.mouse.up();
  await expect(box).toBeChecked();
  await expect(page.locator('#cf-website-message')).toContainText('This is not a web address');
  // The message made room above the field, and the box stayed where the pointer is.
  const after = (await box.boundingBox())!;
  expect(Math.abs(after.y - before.y)).toBeLessThan(1);
});

test('www. addresses gain https://, postcodes are written in capitals, and a mobile number is a warning', async ({
  page,
}) => {
  await open(page);
  await fillGood(page, 'Playwright Tidy Test Group');
  const website = page.getByLabel('Website (optional)');
  await website.fill('www.example.org/knit');
  await website.blur();
  await expect(website).toHaveValue('https://www.example.org/knit');
  await expect(page.locator('#cf-website-message')).toHaveCount(0);
  const postcode = page.getByLabel('Postcode', { exact: true });
  await postcode.fill('wn23an');
  await postcode.blur();
  await expect(postcode).toHaveValue('WN2 3AN');
  const phone = page.getByLabel('Phone number');
  await phone.fill('07700 900123');
  await phone.blur();
  // The validator's warning, as a warning: it does not stop the proposal.
  const warning = page.locator('#cf-contacts-0-phone-message .cf-warning-message');
  await expect(warning).toContainText('is a mobile number');
  await expect(warning).toContainText('Warning:');

  await page.getByRole('button', { name: 'Check the details' }).click();
  const link = page.getByRole('link', { name: /Propose on GitHub/ });
  const decoded = readNewFileUrl((await link.getAttribute('href'))!)!;
  expect(decoded.value).toContain('website: "https://www.example.org/knit"\n');
  expect(decoded.value).toMatch(/postcode: WN2 3AN\b/);
  const problems = validateEntryText(decoded.value!, decoded.filename!, ctx);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(problems.map((p) => p.field)).toEqual(['contacts[0].phone']);
});

test('warns when the web address is already taken', async ({ page }) => {
  await page.goto('/a-z/');
  const first = page.locator('main li a[href^="/entries/"]').first();
  const name = (await first.textContent())!.trim();
  const id = (await first.getAttribute('href'))!.split('/')[2];
  await open(page);
  const nameBox = page.getByLabel('Name of the group', { exact: true });
  await nameBox.fill(name);
  await nameBox.blur();
  const idBox = page.getByLabel('Web address of its page');
  await expect(idBox).toHaveValue(id);
  await expect(page.locator('#cf-id-message')).toContainText(`There is already an entry at /entries/${id}/`);
  await expect(idBox).toHaveAttribute('aria-describedby', /cf-id-message/);
  await idBox.fill(`${id}-second`);
  await expect(page.locator('#cf-id-message')).toHaveCount(0);
});

test('the page is axe clean and fits a 320px screen', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 720 });
  await open(page);
  expect(await axe(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  // With a second venue, time and contact added, and messages showing.
  await page.getByRole('button', { name: 'Add another venue' }).click();
  await expect(page.locator('#cf-venues-1-name')).toBeFocused();
  await page.getByRole('button', { name: 'Check the details' }).click();
  await expect(page.locator('.cf-error-summary')).toBeFocused();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test('entry pages link to GitHub to suggest a change or report a problem', async ({ page }) => {
  await page.goto('/a-z/');
  const href = (await page.locator('main li a[href^="/entries/"]').first().getAttribute('href'))!;
  const id = href.split('/')[2];
  await page.goto(href);
  const edit = (await page.getByRole('link', { name: 'Suggest a change to this entry' }).getAttribute('href'))!;
  expect(readEditUrl(edit)).toEqual({ branch: site.branch, id });
  const report = (await page.getByRole('link', { name: 'Report a problem' }).getAttribute('href'))!;
  expect(readIssueUrl(report)).toMatchObject({ template: 'change-a-group.yml', fields: { entry: id } });
});

// The form's checker (the schema, zod and the validator: most of the form's code) loads when the
// form is first used, so the form draws without waiting for it (docs/performance.md, "Page weight").
const CHECKER = /\/_astro\/checks\.[\w-]+\.js$/;

test('the form draws without its checker and loads it when first used', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (r) => {
    if (CHECKER.test(r.url())) asked.push(r.url());
  });
  await open(page);
  await page.waitForLoadState('networkidle');
  expect(asked).toEqual([]);
  await page.getByLabel('Name of the group', { exact: true }).focus();
  await expect.poll(() => asked.length).toBe(1);
  await page.getByRole('button', { name: 'Check the details' }).click();
  await expect(
    page.locator('.cf-error-summary').getByRole('link', { name: 'Enter the name of the group' }),
  ).toBeVisible();
});

test('offline before the checker ever loaded, "Check the details" says so, and checks once it can', async ({
  page,
}) => {
  await open(page);
  await page.route(CHECKER, (route) => route.abort('internetdisconnected'));
  await page.getByRole('button', { name: 'Check the details' }).click();
  const summary = page.locator('.cf-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('The checks could not be loaded');
  await page.unroute(CHECKER);
  await page.getByRole('button', { name: 'Check the details' }).click();
  await expect(summary.getByRole('link', { name: 'Enter the name of the group' })).toBeVisible();
});
