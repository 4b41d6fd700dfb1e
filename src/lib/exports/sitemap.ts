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

/** The sitemap: absolute URLs, disallowed paths left out, sorted by path, no duplicates. */
export function buildSitemap(urls: SitemapUrl[], siteUrl: string, disallow: string[] = ROBOTS_DISALLOW): string {
  const byPath = new Map<string, SitemapUrl>();
  for (const u of urls) if (!disallowed(u.path, disallow)) byPath.set(u.path, u);
  const sorted = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const items = sorted.map(
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

/** robots.txt: everything allowed but the disallowed paths, and where the sitemap is. */
export function buildRobots(siteUrl: string, disallow: string[] = ROBOTS_DISALLOW): string {
  return [
    'User-agent: *',
    'Allow: /',
    ...disallow.map((d) => `Disallow: ${d}`),
    '',
    `Sitemap: ${absoluteUrl(siteUrl, '/sitemap.xml')}`,
    '',
  ].join('\n');
}
