/**
 * Every script a page runs as it opens, named in its head, so the browser fetches them side by
 * side instead of one level of imports after another.
 *
 * A page whose island hydrates at once (the map, the list, the contribute form: `client:only`)
 * names only the island's entry file; the browser learns of the files it imports when that one
 * has arrived, and of theirs after that: on a slow phone connection the map's code came in four
 * round trips (docs/performance.md, "The phone profile"). `<link rel="modulepreload">` for the
 * whole chain (src/server/page-scripts.ts) lets the browser ask for all of it as soon as it reads
 * the head. The files and bytes are the same; only when they are asked for changes.
 *
 * The links go at the end of the head, after the stylesheet and the data preloads, so that the
 * first paint does not wait for them. Pages whose islands wait (`client:interaction`) and pages
 * with no island are left as they are: what they would preload they do not load at once.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { attr, pageReferences, scriptClosure, staticImports } from './page-scripts';

const SAFE_PATH = /^\/[\w\-./~%@+]*$/;

/**
 * The page's HTML with a `<link rel="modulepreload">` before `</head>` for every script it loads
 * at once (its scripts, its at-once islands and everything those import statically) that it does
 * not name yet. `read` gives a built script's code from its site path, or undefined if there is
 * none there. The same HTML comes back when there is nothing to add, so running it twice adds
 * nothing the second time.
 */
export function withModulePreloads(html: string, read: (sitePath: string) => string | undefined): string {
  const end = html.search(/<\/head\s*>/i);
  if (end < 0) return html;
  const named = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>/gi)) {
    const src = attr(m[1], 'src');
    if (src) named.add(src.split(/[?#]/)[0]);
  }
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(m[0], 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attr(m[0], 'href');
    if (href && rel.includes('modulepreload')) named.add(href.split(/[?#]/)[0]);
  }
  const start = pageReferences(html).scripts.map((s) => s.split(/[?#]/)[0]);
  const closure = scriptClosure(start, (p) => {
    if (!p.endsWith('.js') && !p.endsWith('.mjs')) return undefined;
    const code = read(p);
    return code === undefined ? undefined : staticImports(code);
  });
  // Built file names only (Vite's hashed names under the base path): nothing that needs escaping.
  const missing = closure.filter((p) => !named.has(p) && SAFE_PATH.test(p));
  if (!missing.length) return html;
  const links = missing.map((p) => `<link rel="modulepreload" href="${p}">`).join('');
  return html.slice(0, end) + links + html.slice(end);
}

/**
 * Adds the preloads to the pages of routes with no parameters (the map, the list, the contribute
 * form…): the pages with islands that hydrate at once. Entry, category and neighbourhood pages,
 * tens of thousands of them, have none, so they are not read (tests/build/page-weight.test.ts
 * checks both).
 */
export default function islandPreloadIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'community-book:island-preload',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const out = fileURLToPath(dir);
        const read = (sitePath: string) => {
          if (!sitePath.startsWith(base)) return undefined;
          try {
            return readFileSync(join(out, sitePath.slice(base.length)), 'utf8');
          } catch {
            return undefined;
          }
        };
        let pages = 0;
        let links = 0;
        for (const [pattern, files] of assets) {
          if (pattern.includes('[')) continue;
          for (const url of files) {
            const file = fileURLToPath(url);
            if (!file.endsWith('.html')) continue;
            const html = readFileSync(file, 'utf8');
            const next = withModulePreloads(html, read);
            if (next === html) continue;
            writeFileSync(file, next);
            pages++;
            links +=
              (next.match(/rel="modulepreload"/g)?.length ?? 0) - (html.match(/rel="modulepreload"/g)?.length ?? 0);
          }
        }
        logger.info(`Named ${links} scripts for the browser to fetch at once on ${pages} pages`);
      },
    },
  };
}
