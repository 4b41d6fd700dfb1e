// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import yaml from 'js-yaml';
import { satteri } from '@astrojs/markdown-satteri';
import { safeEntryHtml } from './src/lib/safe-markdown.ts';

// The content folder (and so the site's own address) can be swapped for fixture or generated books.
const contentDir = resolve(process.env.BOOK_CONTENT ?? 'content');
const site = /** @type {{ url: string }} */ (yaml.load(readFileSync(resolve(contentDir, 'site.yaml'), 'utf8')));

// BOOK_OUT lets several builds (fixture books, benchmarks, parallel test runs) live side by side.
const outDir = process.env.BOOK_OUT ?? 'dist';

export default defineConfig({
  site: site.url,
  outDir,
  cacheDir: process.env.BOOK_OUT ? `node_modules/.astro-${outDir.replace(/[^a-z0-9]+/gi, '-')}` : undefined,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [react()],
  markdown: {
    // Entry bodies come from strangers' pull requests: no raw HTML, images or unsafe links survive.
    processor: satteri({ hastPlugins: [safeEntryHtml], features: { rawHtml: false } }),
    syntaxHighlight: false,
  },
  devToolbar: { enabled: false },
  vite: {
    build: { assetsInlineLimit: 0 },
  },
});
