/**
 * The site's words all come from its messages (src/lib/text/messages-en.ts, reworded by
 * content/messages/<language>.yaml): a book built in a pseudo-locale (tests/helpers/pseudo-book.ts:
 * every message "⟦Śéàŕçĥ⟧", every word of content accented) shows no run of plain letters on any
 * page type, once its islands have drawn: no text, aria-label, title, placeholder or alt that the
 * code wrote itself, nor any word src/lib makes from recorded facts (labels, dates, schedules,
 * cost, filters, counts: the messages `facts.`). Not yet covered: the validator's messages (the
 * contribute form's own words are checked; it shows none of the validator's in these steps).
 */
import { rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { serveStatic } from '../../scripts/lib/static-server';
import { buildBook, removeBuild } from '../helpers/build';
import { pseudoBook } from '../helpers/pseudo-book';
import { accent, pseudoText } from '../../src/lib/text/pseudo';
import { loadSite } from '../../src/server/content-files';

test.describe.configure({ mode: 'serial' });

let out = '';
let content = '';
let server: Server | undefined;
let origin = '';

test.beforeAll(async () => {
  test.setTimeout(240_000);
  content = pseudoBook();
  out = buildBook(content, 'pseudo-locale');
  const served = await serveStatic(out, { base: '/' });
  server = served.server;
  origin = `http://127.0.0.1:${served.port}`;
});

test.afterAll(async () => {
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
  removeBuild(out);
  rmSync(content, { recursive: true, force: true });
});

/** Every piece of text a person can see or hear on the page: visible text, and the attributes read out or shown. */
async function pageTexts(page: Page, skip: string): Promise<{ where: string; text: string }[]> {
  return page.evaluate((skip) => {
    const out: { where: string; text: string }[] = [];
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}`;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      const text = n.textContent?.trim();
      if (!parent || !text) continue;
      if (parent.closest(`script, style, noscript, template${skip}`)) continue;
      // Visible, or read out (visually-hidden text is read by screen readers, so it counts).
      if (!parent.checkVisibility() && !parent.closest('.visually-hidden')) continue;
      out.push({ where: describe(parent), text });
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-description]')) {
      if (skip && el.closest(skip.slice(2))) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
        const value = el.getAttribute(name)?.trim();
        if (value) out.push({ where: `${describe(el)}[${name}]`, text: value });
      }
    }
    // The SVG's own titles (the mini map, the charts) are read out too.
    for (const t of document.querySelectorAll('svg title, svg desc')) {
      const text = t.textContent?.trim();
      if (text) out.push({ where: `svg ${t.tagName}`, text });
    }
    out.push({ where: 'document title', text: document.title });
    return out;
  }, skip);
}

/** What is left of a text once the messages (in brackets, nested when a message fills another) are taken out. */
function outsideMessages(text: string): string {
  let rest = text;
  for (let before = ''; before !== rest;) {
    before = rest;
    rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  }
  return (
    rest
      // Addresses and numbers that stay as they are in content: web and email addresses, postcodes.
      .replace(/\b[\w.+-]+@[\w.-]+\b/g, ' ')
      .replace(/\bhttps?:\/\/\S+/g, ' ')
      .replace(/\b[\w-]+(\.[\w-]+)*\.(example|org|uk|com)\b\S*/g, ' ')
      .replace(/\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b/g, ' ')
  );
}

/** The untransformed words on the page, named with where they are. */
async function untransformed(page: Page, skip = ''): Promise<string[]> {
  const found: string[] = [];
  for (const { where, text } of await pageTexts(page, skip ? `, ${skip}` : '')) {
    const rest = outsideMessages(text);
    const words = rest.match(/[A-Za-z]{2,}/g) ?? [];
    if (words.length) found.push(`${where}: "${text}" (untransformed: ${[...new Set(words)].join(', ')})`);
  }
  return found;
}

async function expectAllMessages(page: Page, label: string, skip = '') {
  const found = await untransformed(page, skip);
  expect.soft(found, `${label} (${page.url()}) shows text that is not from the messages`).toEqual([]);
}

const at = (path: string) => `${origin}${path}`;

test('the fact pages show only the messages and the content', async ({ page }) => {
  for (const [label, path] of [
    ['home', '/'],
    ['an entry', '/entries/oakmere-coffee-and-crafts/'],
    ['a closed entry', '/entries/brackenford-old-lunch-club/'],
    ['neighbourhoods', '/neighbourhoods/'],
    ['a neighbourhood', '/neighbourhoods/oakmere/'],
    ['categories', '/categories/'],
    ['a category', '/categories/meeting-people/'],
    ['A to Z', '/a-z/'],
    ['about', '/about/'],
    ['accessibility', '/accessibility/'],
    ['privacy', '/privacy/'],
    ['insight', '/insight/'],
    ['page not found', '/no-such-page/'],
    ['offline', '/offline/'],
  ] as const) {
    const response = await page.goto(at(path));
    expect(response?.status(), path).toBe(path === '/no-such-page/' ? 404 : 200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
    if (label === 'an entry') await expect(page.locator('next-dates .next-dates')).toBeAttached();
    // Its details were checked 21 months before the build: the stale note, from the messages.
    if (label === 'an entry')
      await expect(page.getByText(pseudoText('Details last checked over a year ago'), { exact: true })).toBeVisible();
    await expectAllMessages(page, label);
  }
});

test('the open data page shows only the messages and the content', async ({ page }) => {
  await page.goto(at('/open-data/'));
  await expect(page.locator('h1')).toBeVisible();
  // Addresses, file names and field names (in code) are the same in every language.
  await expectAllMessages(page, 'open data', 'code, var');
});

test('search, with words and filters, shows only the messages and the content', async ({ page }) => {
  await page.goto(at(`/search/?q=${encodeURIComponent(accent('club'))}`));
  await expect(page.locator('.search-card').first()).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.search-results')).toHaveAttribute('aria-busy', 'false');
  await expectAllMessages(page, 'search with a query');
  // Every filter group open, and suggestions while typing.
  const closed = page.locator('.search-group:not([open]) > summary');
  while ((await closed.count()) > 0) await closed.first().click();
  await expect(page.locator('.search-group:not([open])')).toHaveCount(0);
  await page.locator('#search-q').fill(accent('cof'));
  await expect(page.locator('.combobox__option').first()).toBeVisible();
  await expectAllMessages(page, 'search with every filter group open and suggestions');
  await page.goto(at('/search/'));
  await expect(page.locator('#search-results-heading')).toBeVisible({ timeout: 20_000 });
  await expectAllMessages(page, 'search before typing');
});

test('the map, once drawn, shows only the messages and the content', async ({ page }) => {
  await page.goto(at('/map/'));
  await expect(page.locator('.map-app[data-ready="true"]')).toBeAttached({ timeout: 20_000 });
  await expect(page.locator('.map-list__items li').first()).toBeVisible();
  await expectAllMessages(page, 'the map');
  if (!(await page.locator('.map-tools-wrap').evaluate((d) => (d as HTMLDetailsElement).open)))
    await page.locator('.map-tools-wrap > summary').click();
  await page.getByRole('button', { name: pseudoText('Use the centre of the map') }).click();
  await expect(page.locator('.map-tools-wrap .map-message')).not.toBeEmpty();
  await expectAllMessages(page, 'the map sorted by distance');
  await page.goto(at('/map/?entry=oakmere-coffee-and-crafts'));
  await expect(page.locator('.leaflet-popup .map-popup__name')).toBeVisible({ timeout: 20_000 });
  await expectAllMessages(page, 'the map with a popup open');
});

test('my list, with groups in it and shared, shows only the messages and the content', async ({ page, browser }) => {
  await page.goto(at('/entries/oakmere-coffee-and-crafts/'));
  await page.locator('add-to-list button').click();
  await expect(page.locator('add-to-list [role="status"] a')).toBeVisible();
  await expectAllMessages(page, 'an entry with the group on my list');
  await page.goto(at('/list/'));
  await expect(page.locator('.my-list__entry').first()).toBeVisible({ timeout: 20_000 });
  await page.locator('.handover summary').first().click();
  await expectAllMessages(page, 'my list');
  // "Introduce someone", sent with nothing filled in: its problems are listed.
  await page.locator('.handover form button[type="submit"]').first().click();
  await expect(page.locator('.handover .error-summary').first()).toBeVisible();
  await expectAllMessages(page, 'my list with the introduction’s problems');
  // The same list opened from its share link on another device.
  const link = await page.locator('#share-link').inputValue();
  const other = await browser.newPage();
  await other.goto(link);
  await expect(other.locator('.my-list__entry').first()).toBeVisible({ timeout: 20_000 });
  await expectAllMessages(other, 'a shared list');
  await other.close();
});

test('the contribute form, empty, with its problems, its parts open and sent, shows only the messages and the content', async ({
  page,
}) => {
  const form = async () => {
    await page.goto(at('/contribute/'));
    await expect(page.locator('.cf-root form').first()).toBeVisible({ timeout: 20_000 });
  };
  const press = (name: string) => page.getByRole('button', { name: pseudoText(name), exact: true });
  await form();
  await expectAllMessages(page, 'the contribute form');
  // "Check the details" on the empty form: the error summary and each field's message.
  await press('Check the details').click();
  await expect(page.locator('.cf-error-summary')).toBeVisible();
  await expectAllMessages(page, 'the contribute form with its problems');
  // Every part that opens: amounts, a monthly schedule, a second venue, contact and time; a point picked.
  await page.locator('#cf-cost-2').check();
  await page.locator('#cf-schedules-0-kind-2').check();
  await press('Add another venue').click();
  await press('Add another contact').click();
  await press('Add another time it meets').click();
  await page.locator('#cf-schedules-1-kind-1').check();
  await page.locator('#cf-status-1').check();
  await page.locator('#cf-contacts-0-phone').fill('01234 567890');
  await page.locator('#cf-organisation').fill(accent('Friends'));
  await page.locator('#cf-verified-by').fill(accent('Team'));
  const picker = page.locator('.cf-picker__svg').first();
  await picker.click();
  await expect(page.locator('.cf-picker__said').first()).not.toBeEmpty();
  await expectAllMessages(page, 'the contribute form with every part open');
  // A good entry, checked: the proposal.
  await form();
  await page.locator('#cf-name').fill(accent('Knitting circle'));
  await page.locator('#cf-summary').fill(accent('Knitting and a chat.'));
  await page.locator('#cf-categories').check();
  await page.locator('#cf-join').check();
  await page.locator('#cf-cost').check();
  await page.locator('#cf-venues-0-name').fill(accent('Library'));
  await page.locator('#cf-venues-0-address').fill(accent('Market Street'));
  await page.locator('#cf-venues-0-postcode').fill(loadSite(content).examples.postcode);
  await page.locator('.cf-picker__svg').click();
  await expect(page.locator('.cf-picker__said')).not.toBeEmpty();
  await page.locator('#cf-schedules-0-weekly').check();
  await page.locator('#cf-contacts-0-phone').fill('01234 567890');
  await press('Check the details').click();
  await expect(page.locator('#cf-proposal-heading')).toBeFocused({ timeout: 20_000 });
  await page.locator('.cf-file summary').click();
  await expectAllMessages(page, 'the contribute form sent for review', '.cf-file pre, .cf-proposal code');
});
