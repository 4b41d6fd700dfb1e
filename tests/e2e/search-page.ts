/** The search page as the browser tests drive it. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** The ids of the result cards on the page, in order. */
export async function resultIds(page: Page): Promise<string[]> {
  return page.locator('.search-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-entry-id')!));
}

/** Waits until the results heading shows a settled count ("12 results", "No results"). */
export async function settled(page: Page) {
  await expect(page.locator('#search-results-heading')).toHaveText(/^(No results|(At least )?[\d,]+ results?)$/);
  await expect(page.locator('.search-results')).toHaveAttribute('aria-busy', 'false');
}

/** "12 results", "1 result", "No results", as the heading says a count. */
export function countText(n: number): string {
  return n === 0 ? 'No results' : `${n.toLocaleString('en-GB')} result${n === 1 ? '' : 's'}`;
}
