/**
 * The foundation as a user meets it: home → neighbourhood → entry, every page type clean under
 * axe (WCAG 2.2 AA), no sideways scrolling at 320px, entry pages without stray scripts, and
 * "Exit this page" on sensitive pages.
 */
import type { Page } from '@playwright/test';
import { test, expect, axe } from './fixtures';

test('home → neighbourhood → entry, by links a person would follow', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('h1')).toHaveCount(1);
  const hood = page.locator('main a[href^="/neighbourhoods/"]').first();
  const hoodName = (await hood.textContent())!.trim();
  await hood.click();
  await expect(page.locator('h1')).toHaveText(hoodName);
  // The day-of-week view and the by-need view are both there.
  await expect(page.getByRole('heading', { name: /^Tuesday/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'By need' })).toBeVisible();
  const entryLink = page.locator('main .card h4 a').first();
  const entryName = (await entryLink.textContent())!.trim();
  await entryLink.click();
  await expect(page).toHaveURL(/\/entries\/[a-z0-9-]+\/$/);
  await expect(page.locator('h1')).toHaveText(entryName);
  for (const heading of ['When', 'Where', 'Details', 'Contact']) {
    await expect(page.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible();
  }
  await expect(page.getByText(/Last checked on/)).toBeVisible();
});

test('the next dates are worked out in the browser, and the rule stands alone without JavaScript', async ({
  page,
  browser,
}) => {
  await page.goto('/a-z/');
  const hrefs = await page
    .locator('main li a[href^="/entries/"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  // Find an entry with a weekly schedule: its page says "Every …".
  let found = '';
  for (const href of hrefs.slice(0, 60)) {
    await page.goto(href);
    if (
      (await page.locator('text=/^Every (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)/').count()) > 0 &&
      (await page.locator('.notice--closed').count()) === 0
    ) {
      found = href;
      break;
    }
  }
  expect(found, 'an entry with a weekly schedule').not.toBe('');
  await expect(page.getByRole('heading', { name: 'Next dates' })).toBeVisible();
  const dates = page.locator('.next-dates li');
  await expect(dates.first()).toBeVisible();
  expect(await dates.count()).toBeLessThanOrEqual(3);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noJs = await context.newPage();
  await noJs.goto(new URL(found, page.url()).href);
  await expect(noJs.locator('text=/^Every /').first()).toBeVisible();
  await expect(noJs.getByRole('heading', { name: 'Next dates' })).toHaveCount(0);
  await context.close();
});

test('entry pages ship no script besides islands', async ({ page }) => {
  await page.goto('/a-z/');
  const href = await page.locator('main li a[href^="/entries/"]').first().getAttribute('href');
  await page.goto(href!);
  const scripts = await page.locator('script').evaluateAll((nodes) =>
    nodes.map((s) => ({
      src: s.getAttribute('src'),
      type: s.getAttribute('type'),
      text: (s.textContent ?? '').slice(0, 80),
    })),
  );
  for (const s of scripts) {
    const ok =
      (s.src && s.src.startsWith('/_astro/')) || // bundled island or component scripts
      s.type === 'application/ld+json' || // structured data, not executable
      (!s.src && /astro-island|Astro|serviceWorker|\(\(\)=>|self\.Astro/.test(s.text)); // Astro's island loader, SW registration
    expect(ok, JSON.stringify(s)).toBe(true);
  }
});

const staticPages = [
  '/',
  '/neighbourhoods/',
  '/categories/',
  '/a-z/',
  '/about/',
  '/accessibility/',
  '/privacy/',
  '/search/',
  '/this-page-does-not-exist/',
];

/** The first link matching `selector` on `from`: so the tests follow the content, not fixed names. */
async function firstLink(page: Page, from: string, selector: string): Promise<string> {
  await page.goto(from);
  const href = await page.locator(selector).first().getAttribute('href');
  expect(href, `a link ${selector} on ${from}`).toBeTruthy();
  return href!;
}

const dynamicPages: Record<string, (page: Page) => Promise<string>> = {
  'an entry page': (page) => firstLink(page, '/a-z/', 'main li a[href^="/entries/"]'),
  'a temporarily closed or closed entry': (page) => firstLink(page, '/a-z/', 'main li:has(.tag) a'),
  'a neighbourhood page': (page) => firstLink(page, '/neighbourhoods/', 'main .card a'),
  'a category page': (page) => firstLink(page, '/categories/', 'main section li a'),
  'a sensitive category page': async () => '/categories/domestic-abuse/',
};

for (const url of staticPages) {
  test(`${url} passes axe (WCAG 2.2 AA) and fits 320px`, async ({ page }) => {
    await checkPage(page, url);
  });
}
for (const [name, find] of Object.entries(dynamicPages)) {
  test(`${name} passes axe (WCAG 2.2 AA) and fits 320px`, async ({ page }) => {
    await checkPage(page, await find(page));
  });
}

async function checkPage(page: Page, url: string) {
  await page.goto(url);
  expect(await axe(page), url).toEqual([]);
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto(url);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${url} scrolls sideways at 320px`).toBeLessThanOrEqual(0);
}

test('sensitive pages offer "Exit this page", by button and by Escape twice', async ({ page, external }) => {
  await page.goto('/categories/walking/');
  await expect(page.getByRole('link', { name: /Exit this page/ })).toHaveCount(0);
  await page.goto('/categories/domestic-abuse/');
  const exit = page.getByRole('link', { name: /Exit this page/ });
  await expect(exit).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect.poll(() => external.some((u) => u.startsWith('https://www.bbc.co.uk/weather'))).toBe(true);
});

test('next dates that fall on a bank holiday say to check the session is on, on the entry page and the list', async ({
  page,
}) => {
  // ashton-nordic-walking meets every Friday, 10am to 11am; Christmas Day 2026 and New Year's Day 2027 are Fridays.
  await page.clock.setFixedTime(new Date('2026-12-21T10:00:00Z'));
  await page.goto('/entries/ashton-nordic-walking/');
  await expect(page.locator('.next-dates li')).toHaveText([
    'Friday 25 December 2026, 10am to 11am (Christmas Day: check it is on)',
    "Friday 1 January 2027, 10am to 11am (New Year's Day: check it is on)",
    'Friday 8 January 2027, 10am to 11am',
  ]);
  await page.goto('/list/#ids=ashton-nordic-walking');
  await expect(page.locator('.my-list__items')).toContainText(
    'Friday 25 December 2026, 10am to 11am (Christmas Day: check it is on)',
  );
});

test('keyboard: the skip link is the first stop and moves focus to the main content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('printing hides navigation and keeps the entry details', async ({ page }) => {
  await page.goto('/a-z/');
  const href = await page.locator('main li a[href^="/entries/"]').first().getAttribute('href');
  await page.goto(href!);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.site-footer')).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: 'Contact' })).toBeVisible();
});
