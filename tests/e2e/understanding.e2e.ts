/**
 * Search that reads words the way people mean them (issue "Search that understands people"), on
 * the built sample fixture book: words that are facts become removable chips, misspellings are
 * corrected with a way back, suggestions while typing work by keyboard, and "Soonest first"
 * drops nothing. Expected results come from the front matter (./book.ts) and the build's own
 * word list, never from numbers written here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, axe } from './fixtures';
import { book, entries, facetsOf } from './book';
import { countText, resultIds, settled } from './search-page';
import { correctWord, parseWordList, WORDS_PATH } from '../../src/lib/search/spelling';
import { normalise } from '../../src/lib/search/terms';
import { MAX_SUGGESTIONS } from '../../src/lib/search/suggest';

const words = parseWordList(readFileSync(join(process.env.BOOK_OUT!, WORDS_PATH), 'utf8'));

test('"tuesday morning" is read as two filters shown as chips; one tap makes a chip words again', async ({ page }) => {
  const want = entries.filter((e) => {
    const f = facetsOf(e.data);
    return f.day.includes('tue') && f.time.includes('morning');
  });
  expect(want.length).toBeGreaterThan(1);
  await page.goto('/search/?q=tuesday+morning');
  await settled(page);
  await expect(page.locator('#search-results-heading')).toHaveText(countText(want.length));
  const chips = page.locator('.search-reading .chip');
  await expect(chips).toHaveText([/^Tuesday ×$/, /^Morning.* ×$/]);
  expect(await axe(page)).toEqual([]);

  await chips.first().click();
  await settled(page);
  expect(new URL(page.url()).searchParams.get('q')).toBe('"tuesday" morning');
  await expect(page.locator('.search-reading .chip')).toHaveCount(1);
  // Back is the reading as it was.
  await page.goBack();
  await settled(page);
  await expect(page.locator('.search-reading .chip')).toHaveCount(2);
});

test('"wheelchair" finds the step-free groups', async ({ page }) => {
  const stepFree = entries.filter((e) => e.data.accessibility.includes('step-free'));
  await page.goto('/search/?q=wheelchair');
  await settled(page);
  await expect(page.locator('#search-results-heading')).toHaveText(countText(stepFree.length));
  await expect(page.locator('.search-reading .chip')).toHaveText(/^Step-free/);
});

test('a misspelt word is corrected, and "search instead for" searches the words as typed', async ({ page }) => {
  // A long word of an entry's name, with one letter dropped; what the build's word list corrects it to.
  const entry = entries.find((e) =>
    normalise(e.data.name)
      .split(' ')
      .some((w) => w.length >= 8 && /^[a-z]+$/.test(w)),
  )!;
  const word = normalise(entry.data.name)
    .split(' ')
    .find((w) => w.length >= 8 && /^[a-z]+$/.test(w))!;
  const typo = word.slice(0, 3) + word.slice(4);
  const fixed = correctWord(typo, words);
  expect(fixed).toBeDefined();

  await page.goto(`/search/?q=${typo}`);
  await settled(page);
  const note = page.locator('.search-reading__corrected');
  await expect(note).toContainText(`Showing results for ${fixed}`);
  if (fixed === word) expect(await resultIds(page)).toContain(entry.id);
  expect(await axe(page)).toEqual([]);

  await note.getByRole('link', { name: `search instead for ${typo}` }).click();
  await settled(page);
  expect(new URL(page.url()).searchParams.get('q')).toBe(`"${typo}"`);
  await expect(page.locator('.search-reading__corrected')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Search for a group or a need' })).toHaveValue(`"${typo}"`);
});

test('suggestions while typing: arrows move, Enter chooses a need, Escape closes', async ({ page }) => {
  const need = book.categories.find((c) => c.name.length > 4)!;
  await page.goto('/search/');
  await settled(page).catch(() => undefined);
  const box = page.getByRole('combobox', { name: 'Search for a group or a need' });
  await box.pressSequentially(need.name.slice(0, 4), { delay: 30 });
  const list = page.getByRole('listbox', { name: 'Suggestions' });
  await expect(list).toBeVisible();
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  const option = list.getByRole('option', { name: new RegExp(`^Need ${need.name}`) });
  await expect(option).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /suggestions?\./ })).toHaveText(/\d+ suggestions?\./);
  expect(await axe(page)).toEqual([]);

  await box.press('Escape');
  await expect(list).toBeHidden();
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await expect(box).toBeFocused();

  // Down (which opens the list again) until the need is the active option, then Enter.
  for (let i = 0; i < MAX_SUGGESTIONS; i++) {
    await box.press('ArrowDown');
    const active = await box.getAttribute('aria-activedescendant');
    if (active && (await page.locator(`[id="${active}"]`).innerText()).startsWith(`Need ${need.name}`)) break;
  }
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await box.press('Enter');
  await settled(page);
  const url = new URL(page.url());
  expect(url.searchParams.getAll('category')).toEqual([need.id]);
  expect(url.searchParams.get('q')).toBeNull();
  await expect(box).toHaveValue('');
});

test('"Soonest first" lists the coming week day by day, then the rest: the same results, none dropped', async ({
  page,
}) => {
  // Every result is shown, page by page: several "Show more" on a busy machine.
  test.slow();
  await page.goto('/search/?q=club');
  await settled(page);
  const heading = await page.locator('#search-results-heading').innerText();
  await page.getByLabel('Order').selectOption('soonest');
  await settled(page);
  expect(new URL(page.url()).searchParams.get('sort')).toBe('soonest');
  await expect(page.locator('#search-results-heading')).toHaveText(heading);
  await expect(page.locator('.search-day__heading').first()).toBeVisible();
  // Every result once, across the days and "Later".
  const more = page.getByRole('button', { name: 'Show more results' });
  while (await more.isVisible()) {
    await more.click();
    await settled(page);
  }
  const ids = await resultIds(page);
  expect(new Set(ids).size).toBe(ids.length);
  expect(countText(ids.length)).toBe(heading);
  expect(await axe(page)).toEqual([]);
});
