import type { APIRoute } from 'astro';
import { getBook } from '../server/book';
import { buildSitemap, staticPagePaths, type SitemapUrl } from '../lib/exports/sitemap';

/** Every .astro page file with its source: static pages are listed unless marked noindex; [id] pages come from the book. */
const pageSources = import.meta.glob<string>('./**/*.astro', { query: '?raw', import: 'default', eager: true });

/** `/sitemap.xml`: static pages, entries (with the day they were checked), neighbourhoods and categories. */
export const GET: APIRoute = async () => {
  const book = await getBook();
  const files = Object.fromEntries(
    Object.entries(pageSources).map(([f, source]) => [f.replace(/^\.\//, '/src/pages/'), source]),
  );
  const urls: SitemapUrl[] = [
    ...staticPagePaths(files).map((path) => ({ path })),
    ...book.entries.map((e) => ({ path: `/entries/${e.id}/`, lastmod: e.data.last_verified })),
    ...book.neighbourhoods.map((n) => ({ path: `/neighbourhoods/${n.id}/` })),
    ...book.categories.map((c) => ({ path: `/categories/${c.id}/` })),
  ];
  return new Response(buildSitemap(urls, book.site.url), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
