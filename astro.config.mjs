// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import yaml from 'js-yaml';
import { satteri } from '@astrojs/markdown-satteri';
import { dropEntryImages, safeEntryHtml } from './src/lib/safety/safe-markdown.ts';
import dataFiles from './src/server/integration.ts';
import directives from './src/server/directives.ts';
import islandPreload from './src/server/island-preload.ts';

// The content folder (and so the site's own address) can be swapped for fixture or generated books.
const contentDir = resolve(process.env.BOOK_CONTENT ?? 'content');
const site = /** @type {{ url: string, map: { tiles: string } }} */ (
  yaml.load(readFileSync(resolve(contentDir, 'site.yaml'), 'utf8'))
);
// The map tile server is the only other origin a page may load anything from.
const tileOrigin = new URL(site.map.tiles.replace(/\{[a-z]\}/g, 'a')).origin.replace('//a.', '//*.');

// The book's base path (`/` or `/bolton-book/` for a project address), for src/lib/site/paths.ts: a
// fixed replacement, since Astro's server render reads import.meta.env.BASE_URL from the
// environment when a variable of that name is set there (Vitest sets one).
const basePath = `/${new URL(site.url).pathname.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

// BOOK_OUT lets several builds (fixture books, benchmarks, parallel test runs) live side by side.
const outDir = process.env.BOOK_OUT ?? 'dist';

export default defineConfig({
  site: site.url,
  // A book at a project address (`url: https://org.github.io/book`) lives under its path: Astro
  // prefixes its own assets with it, and every other address goes through src/lib/site/paths.ts.
  base: new URL(site.url).pathname,
  outDir,
  cacheDir: process.env.BOOK_OUT ? `node_modules/.astro-${outDir.replace(/[^a-z0-9]+/gi, '-')}` : undefined,
  trailingSlash: 'always',
  // Four pages in flight at once: while one page's file is being written the next is rendered
  // (docs/performance.md has what it saves).
  build: { format: 'directory', concurrency: 4 },
  // islandPreload names in the head of the map, list and contribute pages every script their
  // islands load at once, so the browser asks for them together (src/server/island-preload.ts).
  integrations: [react(), directives(), islandPreload(), dataFiles()],
  markdown: {
    // Entry bodies come from strangers' pull requests: no raw HTML, images or unsafe links survive.
    processor: satteri({ mdastPlugins: [dropEntryImages], hastPlugins: [safeEntryHtml], features: { rawHtml: false } }),
    syntaxHighlight: false,
  },
  devToolbar: { enabled: false },
  // Content-Security-Policy as a <meta> on every page: Astro adds hashes for its own scripts and
  // styles; Pagefind needs 'wasm-unsafe-eval'; images may come from the tile server. Headers a
  // <meta> cannot carry (frame-ancestors, nosniff, referrer policy) are in public/_headers.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        `img-src 'self' data: ${tileOrigin}`,
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-src 'none'",
        "worker-src 'self'",
        "manifest-src 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  vite: {
    define: { __BOOK_BASE__: JSON.stringify(basePath) },
    // The parts of Leaflet the map uses, from its own ES module sources (src/components/islands/map/
    // leaflet-parts.js): not the UMD file its package.json names as `main`, nor the whole ES module
    // build (docs/performance.md, "Page weight"). Only the bare name: `leaflet/src/…` and
    // `leaflet/dist/leaflet.css` are unchanged.
    resolve: {
      alias: [
        { find: /^leaflet$/, replacement: resolve(import.meta.dirname, 'src/components/islands/map/leaflet-parts.js') },
      ],
    },
    build: { assetsInlineLimit: 0 },
    environments: {
      client: {
        build: {
          rolldownOptions: {
            output: {
              codeSplitting: {
                groups: [
                  // Every page's small scripts (src/components/enhance/site.ts) and what they
                  // import, in one file: every page loads all of it, so nothing is loaded twice or
                  // for nothing, where Rolldown's own splitting made five small files of it (each
                  // file costs its own compression overhead: docs/performance.md, "Page weight").
                  { name: 'site', test: /[\\/]src[\\/]components[\\/]enhance[\\/]site\.ts$/ },
                  // React as one file: every island's page loads React, react-dom, the JSX runtime and
                  // Astro's renderer together, which Rolldown made four files of.
                  {
                    name: 'react',
                    test: /[\\/]node_modules[\\/](?:react|react-dom|scheduler|@astrojs[\\/]react)[\\/]/,
                  },
                ],
              },
            },
          },
        },
      },
    },
  },
});
