/**
 * sitemap.xml (sitemaps.org 0.9) and robots.txt. Pure.
 *
 * Static pages are found from the page files (so a new page is listed without touching this
 * file); pages kept out of search engines (`ROBOTS_DISALLOW`) are left out of the sitemap too.
 */
import { xmlEscape } from './atom';
import { absoluteUrl } from './context';

/** Paths search engines are asked not to crawl: personal lists and shared-list links. */
export const ROBOTS_DISALLOW = ['/list/'];

export interface SitemapUrl {
  /** A site path, `/entries/x/`. */
  path: string;
  /** `YYYY-MM-DD`, when known. */
  lastmod?: string;
}

/**
 * Site paths of the static pages, from the page files and their source (`/src/pages/about.astro`
 * → `/about/`, `/src/pages/index.astro` → `/`). Left out: dynamic routes (`[id]`), endpoints,
 * files starting with `_`, and pages that ask search engines not to index them
 * (`<Base … noindex>`: 404, offline, personal lists). Sorted.
 */
export function staticPagePaths(files: Record<string, string>): string[] {
  const paths = Object.entries(files)
    .filter(
      ([file, source]) =>
        file.endsWith('.astro') && !file.includes('[') && !/\/_/.test(file) && !/<Base\b[^>]*\bnoindex\b/.test(source),
    )
    .map(([file]) =>
      file
        .replace(/^.*?\/pages\//, '/')
        .replace(/\.astro$/, '')
        .replace(/(^|\/)index$/, '$1'),
    )
    .map((f) => (f.endsWith('/') ? f : `${f}/`));
  return [...new Set(paths)].sort();
}

function disallowed(path: string, disallow: string[]): boolean {
  return disallow.some((d) => path.startsWith(d));
}

/** Most URLs one sitemap file may list (sitemaps.org). A bigger book gets a sitemap index. */
export const SITEMAP_LIMIT = 50_000;

/** The sitemap's URLs: disallowed paths left out, sorted by path, no duplicates. */
function sitemapUrls(urls: SitemapUrl[], disallow: string[]): SitemapUrl[] {
  const byPath = new Map<string, SitemapUrl>();
  for (const u of urls) if (!disallowed(u.path, disallow)) byPath.set(u.path, u);
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function urlset(urls: SitemapUrl[], siteUrl: string): string {
  const items = urls.map(
    (u) =>
      `  <url><loc>${xmlEscape(absoluteUrl(siteUrl, u.path))}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...items,
    '</urlset>',
    '',
  ].join('\n');
}

/**
 * The sitemap files: `sitemap.xml` with every URL (absolute, escaped, sorted, disallowed paths
 * left out); over `SITEMAP_LIMIT` URLs, `sitemap.xml` is an index of `sitemap-1.xml`,
 * `sitemap-2.xml` … each within the limit. Paths are without the leading slash.
 */
export function buildSitemaps(
  urls: SitemapUrl[],
  siteUrl: string,
  { disallow = ROBOTS_DISALLOW, limit = SITEMAP_LIMIT }: { disallow?: string[]; limit?: number } = {},
): { path: string; body: string }[] {
  const all = sitemapUrls(urls, disallow);
  if (all.length <= limit) return [{ path: 'sitemap.xml', body: urlset(all, siteUrl) }];
  const parts: { path: string; body: string }[] = [];
  for (let i = 0; i < all.length; i += limit) {
    parts.push({ path: `sitemap-${parts.length + 1}.xml`, body: urlset(all.slice(i, i + limit), siteUrl) });
  }
  const index = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...parts.map((p) => `  <sitemap><loc>${xmlEscape(absoluteUrl(siteUrl, `/${p.path}`))}</loc></sitemap>`),
    '</sitemapindex>',
    '',
  ].join('\n');
  return [{ path: 'sitemap.xml', body: index }, ...parts];
}

/** The sitemap of a book small enough for one file (see `buildSitemaps`). */
export function buildSitemap(urls: SitemapUrl[], siteUrl: string, disallow: string[] = ROBOTS_DISALLOW): string {
  return urlset(sitemapUrls(urls, disallow), siteUrl);
}

/** robots.txt: everything allowed but the disallowed paths, and where the sitemap is. */
export function buildRobots(siteUrl: string, disallow: string[] = ROBOTS_DISALLOW): string {
  return [
    'User-agent: *',
    'Allow: /',
    ...disallow.map((d) => `Disallow: ${new URL(absoluteUrl(siteUrl, d)).pathname}`),
    '',
    `Sitemap: ${absoluteUrl(siteUrl, '/sitemap.xml')}`,
    '',
  ].join('\n');
}
