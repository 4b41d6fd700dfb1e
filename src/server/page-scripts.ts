/**
 * What a built page's HTML makes the browser run, read from the files: the scripts it names, the
 * islands it hydrates as it opens, and everything those import statically (the chain a browser
 * discovers one file at a time, each file only once the one importing it has arrived).
 *
 * One home for that reading: the page-weight check (scripts/lib/page-weight.ts) weighs these
 * files, and the build (./island-preload.ts) names them in the page's head so that the browser
 * fetches them all at once instead of level after level.
 */
import { initSync, parse } from 'es-module-lexer';

/** An attribute's value in an HTML tag (Astro writes them double-quoted). */
export const attr = (tag: string, name: string) =>
  new RegExp(`(?:^|[\\s<])${name}\\s*=\\s*"([^"]*)"`, 'i').exec(tag)?.[1];

/**
 * The client directives whose island loads its code as the page opens. The others wait: for the
 * first use (`client:interaction`, src/client/interaction.ts), for the island to scroll into view
 * (`visible`) or for a media query (`media`).
 */
export const AT_ONCE = new Set(['load', 'only', 'idle']);

/**
 * The site paths a page's HTML names directly (as written: with the book's base path), and its
 * inline scripts. `scripts` is what loads as the page opens: `<script src>`,
 * `<link rel="modulepreload">`, and the code of the islands that hydrate at once; `onUse` holds
 * the files of islands that wait.
 */
export function pageReferences(html: string): {
  scripts: string[];
  styles: string[];
  inline: string[];
  onUse: string[];
} {
  const scripts: string[] = [];
  const onUse: string[] = [];
  const styles: string[] = [];
  const inline: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = attr(m[1], 'src');
    const type = attr(m[1], 'type') ?? '';
    if (src) scripts.push(src);
    else if (!/json/i.test(type) && m[2].trim()) inline.push(m[2]);
  }
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(m[0], 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attr(m[0], 'href');
    if (!href) continue;
    if (rel.includes('stylesheet')) styles.push(href);
    else if (rel.includes('modulepreload')) scripts.push(href);
  }
  for (const m of html.matchAll(/<astro-island\b[^>]*>/gi)) {
    const client = attr(m[0], 'client');
    const later = client !== undefined && !AT_ONCE.has(client);
    for (const name of ['component-url', 'renderer-url']) {
      const url = attr(m[0], name);
      if (url) (later ? onUse : scripts).push(url);
    }
  }
  return { scripts, styles, inline, onUse };
}

/** The specifiers a built script imports statically: what loads with it, before it runs. */
export function staticImports(code: string): string[] {
  initSync();
  const out = new Set<string>();
  // `d === -1`: `import … from "x"`, `import "x"`, `export … from "x"`; `import("x")` is lazy.
  for (const i of parse(code)[0]) if (i.d === -1 && i.n) out.add(i.n);
  return [...out];
}

/** The site path `ref` names, in the file at site path `from` (undefined for another site's file). */
export function resolveRef(ref: string, from: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) return undefined;
  const clean = ref.split(/[?#]/)[0];
  if (clean.startsWith('/')) return clean;
  if (clean.startsWith('./') || clean.startsWith('../')) return new URL(clean, `http://site${from}`).pathname;
  // Vite's list of a lazy part's files names them from the site's root: "_astro/x.js".
  return `/${clean}`;
}

/**
 * Every script reachable from `start` (site paths) through `next`, in the order a breadth-first
 * walk meets them: the named files first, then what they import, and so on. `next` answers
 * undefined for a file that is not there or not followed; such a file is left out.
 */
export function scriptClosure(start: readonly string[], next: (path: string) => string[] | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  let level = [...start];
  while (level.length) {
    const following: string[] = [];
    for (const p of level) {
      if (seen.has(p)) continue;
      seen.add(p);
      const refs = next(p);
      if (!refs) continue;
      out.push(p);
      for (const ref of refs) {
        const q = resolveRef(ref, p);
        if (q && !seen.has(q)) following.push(q);
      }
    }
    level = following;
  }
  return out;
}
