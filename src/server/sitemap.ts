/**
 * The book's sitemap files (src/lib/exports/sitemap.ts), made once per build: the static pages
 * (found from the page files, leaving out those marked noindex), every entry with the day its
 * details were checked as `lastmod`, the neighbourhoods and the categories. Hand-written rather
 * than @astrojs/sitemap because the entries' `lastmod` comes from the book the pages already
 * hold; that integration sees only URLs, and would have to read every entry again.
 */
import { getBook } from './book';
import { buildSitemaps, staticPagePaths, type SitemapUrl } from '../lib/exports/sitemap';

/** Every .astro page file with its source: static pages are listed unless marked noindex. */
const pageSources = import.meta.glob<string>('../pages/**/*.astro', { query: '?raw', import: 'default', eager: true });

let made: Promise<{ path: string; body: string }[]> | undefined;

export function sitemapFiles(): Promise<{ path: string; body: string }[]> {
  made ??= (async () => {
    const book = await getBook();
    const files = Object.fromEntries(
      Object.entries(pageSources).map(([f, source]) => [f.replace(/^\.\.\/pages\//, '/src/pages/'), source]),
    );
    const urls: SitemapUrl[] = [
      ...staticPagePaths(files).map((path) => ({ path })),
      ...book.entries.map((e) => ({ path: `/entries/${e.id}/`, lastmod: e.data.last_verified })),
      ...book.neighbourhoods.map((n) => ({ path: `/neighbourhoods/${n.id}/` })),
      ...book.categories.map((c) => ({ path: `/categories/${c.id}/` })),
    ];
    return buildSitemaps(urls, book.site.url);
  })();
  return made;
}
