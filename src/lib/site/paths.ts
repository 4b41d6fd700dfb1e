/**
 * Every internal address goes through here, so a book published at a project address
 * (`url: https://boltoncvs.github.io/bolton-book` in site.yaml) works entirely under its path:
 * pages, assets, data files, the search index, the service worker, feeds and canonical links.
 *
 * Site paths are written from the book's root, `/search/`, as if it were at a domain's root;
 * `href('/search/')` gives `/bolton-book/search/` when the book lives under `/bolton-book/`.
 * The base comes from astro.config.mjs (made from site.yaml's `url`, as Astro's `base` is), as the
 * fixed replacement `__BOOK_BASE__` in pages and islands alike; outside Vite (plain Node scripts,
 * unit tests) it is `/`.
 */

declare const __BOOK_BASE__: string | undefined;

/** The path of a site address, with slashes at both ends: `/` or `/bolton-book/`. */
export function basePathOf(siteUrl: string): string {
  return normaliseBase(new URL(siteUrl).pathname);
}

/** `bolton-book`, `/bolton-book`, `/bolton-book/` → `/bolton-book/`; `` or `/` → `/`. */
export function normaliseBase(base: string | undefined): string {
  const inner = (base ?? '').replace(/^\/+|\/+$/g, '');
  return inner ? `/${inner}/` : '/';
}

/** A site path (`/search/?q=x`, starting with `/`) under `base` (`/bolton-book/`). */
export function withBase(base: string, path: string): string {
  if (!path.startsWith('/')) throw new Error(`withBase: "${path}" is not a site path (it must start with /)`);
  return normaliseBase(base) + path.slice(1);
}

/** The site path of an address under `base`: `/bolton-book/search/` → `/search/`. Others unchanged. */
export function withoutBase(base: string, pathname: string): string {
  const b = normaliseBase(base);
  if (b === '/') return pathname;
  if (pathname === b.slice(0, -1)) return '/';
  return pathname.startsWith(b) ? pathname.slice(b.length - 1) : pathname;
}

/** The absolute address of a site path: `absoluteUrl('https://x.github.io/book', '/feed.xml')` → `…/book/feed.xml`. */
export function absoluteUrl(siteUrl: string, path: string): string {
  const root = new URL(siteUrl);
  return new URL(withBase(root.pathname, path.startsWith('/') ? path : `/${path}`), root.origin).href;
}

/** This build's base path (`/` or `/bolton-book/`). */
export const BASE: string = normaliseBase(typeof __BOOK_BASE__ === 'string' ? __BOOK_BASE__ : undefined);

/** A site path as a link, fetch or asset address of this build: `href('/search/')`. */
export function href(path: string): string {
  return withBase(BASE, path);
}

/** The site path of this build's address: `sitePath('/bolton-book/map/')` → `/map/`. */
export function sitePath(pathname: string): string {
  return withoutBase(BASE, pathname);
}
