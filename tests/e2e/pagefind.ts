/**
 * Browser-test helper (not a test file): runs a Pagefind search in the page, as the search page
 * does, and returns the titles of the first `limit` results.
 */
import type { Page } from '@playwright/test';

export async function pagefindTitles(page: Page, term: string, limit = 50): Promise<string[]> {
  return page.evaluate(
    async ([q, n]) => {
      const url = '/pagefind/pagefind.js';
      const pagefind = await import(/* @vite-ignore */ url);
      await pagefind.init?.();
      const search = await pagefind.search(q);
      const data = await Promise.all(
        search.results.slice(0, n).map((r: { data: () => Promise<{ meta: { title: string } }> }) => r.data()),
      );
      return data.map((d) => d.meta.title);
    },
    [term, limit] as const,
  );
}
