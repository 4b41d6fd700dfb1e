/**
 * What each page of a built site makes a browser download, gzipped as a static host sends it:
 * its HTML, its CSS, and its first-party JavaScript (Pagefind's own files excluded). Read from the
 * built files, not from a browser, so it is exact and quick, and any test can run it; a browser
 * run (./page-load.ts) shows the figure at load is what Chromium fetches.
 *
 * Two figures of JavaScript for each page:
 * - **at load** (`js`, what budgets apply to): what the page loads before the person does
 *   anything: every script it names (`<script src>`, `<link rel="modulepreload">`, an island's
 *   `component-url` and `renderer-url`, unless it waits: `client:interaction`, src/server/page-scripts.ts),
 *   everything those import statically, and its inline
 *   scripts (Astro's island loader; JSON-LD is data, not script, and is left out). A part loaded
 *   by `import()` is not counted here: it loads on use (the contribute form's checker, the search
 *   page's suggestions). That it loads on use and not at once is what ./page-load.ts checks.
 * - **in all** (`jsAll`): everything the page can ever load: the same, and every lazily loaded
 *   part, and what those import.
 * Its CSS is every stylesheet it links and every CSS file its scripts, or their lazy parts, load.
 *
 * Pages are grouped by type (home, entry, search…): a type weighs what its heaviest page weighs,
 * and budgets are per type (docs/performance.md).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pageReferences, resolveRef, scriptClosure, staticImports } from '../../src/server/page-scripts';

export { pageReferences, staticImports };

/** Gzipped bytes at level 9 (what a static host's compression comes close to). */
export const gzipSize = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;

/** A page type, the pages it covers (site paths ending in `/`), and its budget for gzipped JS. */
export interface PageType {
  type: string;
  matches: (path: string) => boolean;
  /** The most gzipped first-party JavaScript a page of this type should load at load, in bytes (the goal). */
  jsBudget: number;
  /**
   * Where a type is not yet down to its goal: the most it may load until it is (a little over
   * what it loads now, so it cannot grow unnoticed), and why it is not there yet.
   */
  held?: { limit: number; why: string };
}

const KB = 1024;
/** Pages that show facts: at most 10 KB of gzipped JavaScript (small enhancements only). */
const FACTS = 10 * KB;
const REACT =
  "React, react-dom and every page's small scripts are 71 KB of it; the rest is drawn at once (docs/performance.md)";
const only = (p: string) => (path: string) => path === p;
const under = (p: string) => (path: string) => path.startsWith(p) && path !== p;

/** Every page type and its budget (issue 19). Order matters: the first match wins. */
export const PAGE_TYPES: PageType[] = [
  { type: 'home', matches: only('/'), jsBudget: FACTS },
  { type: 'entry', matches: under('/entries/'), jsBudget: FACTS },
  { type: 'A to Z', matches: only('/a-z/'), jsBudget: FACTS },
  { type: 'categories', matches: only('/categories/'), jsBudget: FACTS },
  { type: 'category', matches: under('/categories/'), jsBudget: FACTS },
  { type: 'neighbourhoods', matches: only('/neighbourhoods/'), jsBudget: FACTS },
  { type: 'neighbourhood', matches: under('/neighbourhoods/'), jsBudget: FACTS },
  { type: 'about', matches: only('/about/'), jsBudget: FACTS },
  { type: 'privacy', matches: only('/privacy/'), jsBudget: FACTS },
  { type: 'accessibility', matches: only('/accessibility/'), jsBudget: FACTS },
  { type: 'open data', matches: only('/open-data/'), jsBudget: FACTS },
  { type: 'insight', matches: only('/insight/'), jsBudget: FACTS },
  { type: 'offline', matches: only('/offline/'), jsBudget: FACTS },
  { type: 'not found', matches: only('/404.html'), jsBudget: FACTS },
  { type: 'Open Referral', matches: (p) => p.startsWith('/openreferral/'), jsBudget: FACTS },
  { type: 'search', matches: only('/search/'), jsBudget: 80 * KB },
  { type: 'list', matches: only('/list/'), jsBudget: 80 * KB },
  { type: 'map', matches: only('/map/'), jsBudget: 120 * KB, held: { limit: 130 * KB, why: REACT } },
  { type: 'contribute', matches: only('/contribute/'), jsBudget: 120 * KB },
];

/** What one page loads. Sizes are gzipped bytes. */
export interface PageWeight {
  /** The site path: `/entries/x/`. */
  path: string;
  html: number;
  css: number;
  /** JavaScript at load: before the person does anything (what budgets apply to). */
  js: number;
  /** JavaScript in all: at load and every lazily loaded part. */
  jsAll: number;
  /** The JavaScript files loaded at load, as site paths. */
  loadFiles: string[];
  /** Every JavaScript and CSS file, as site paths, for a reader who wants to know why. */
  files: string[];
}

/** The file paths a built script mentions: its imports, and the files of its lazily loaded parts. */
export function scriptReferences(code: string): string[] {
  const out = new Set<string>();
  for (const m of code.matchAll(/["'`]((?:\.{1,2}\/|\/)?[\w@./-]+\.(?:m?js|css))["'`]/g)) out.add(m[1]);
  return [...out];
}

/**
 * Left out: Pagefind's own files, and the service worker, which is not the page's script (it
 * downloads the offline copy in the background, once per build; its list names every file).
 */
export const isLeftOut = (path: string) => path.startsWith('/pagefind/') || path === '/sw.js';

/** Weighs the site folder `site`: one row per HTML page. */
export function weighSite(site: string): PageWeight[] {
  const root = resolve(site);
  const sizes = new Map<string, number>();
  const texts = new Map<string, string>();
  const fileOf = (path: string) => join(root, ...decodeURIComponent(path).split('/'));
  const exists = (path: string) => {
    const f = fileOf(path);
    return f.startsWith(root + sep) && existsSync(f) && statSync(f).isFile();
  };
  const text = (path: string) => {
    let t = texts.get(path);
    if (t === undefined) texts.set(path, (t = readFileSync(fileOf(path), 'utf8')));
    return t;
  };
  const size = (path: string) => {
    let s = sizes.get(path);
    if (s === undefined) sizes.set(path, (s = gzipSize(readFileSync(fileOf(path)))));
    return s;
  };

  /** The scripts `start` reaches through `refs` (site paths); CSS files met go into `css`. */
  const closure = (start: string[], refs: (path: string) => string[], css?: Set<string>) =>
    new Set(
      scriptClosure(start, (p) => {
        if (isLeftOut(p) || !exists(p)) return undefined;
        if (p.endsWith('.css')) {
          css?.add(p);
          return undefined;
        }
        return refs(p);
      }),
    );

  const rows: PageWeight[] = [];
  for (const file of htmlFiles(root)) {
    const rel = relative(root, file).split(sep).join('/');
    const path = rel === 'index.html' ? '/' : rel.endsWith('/index.html') ? `/${rel.slice(0, -10)}` : `/${rel}`;
    const html = readFileSync(file, 'utf8');
    const refs = pageReferences(html);
    const paths = (refs: string[]) => refs.map((r) => resolveRef(r, path)).filter((p): p is string => !!p);
    const named = paths(refs.scripts);
    const css = new Set<string>();
    for (const s of refs.styles) {
      const p = resolveRef(s, path);
      if (p && exists(p)) css.add(p);
    }
    // At load: the named scripts and their static imports. In all: every file any of them names.
    const atLoad = closure(named, (p) => staticImports(text(p)));
    const all = closure([...named, ...paths(refs.onUse)], (p) => scriptReferences(text(p)), css);
    const inlineJs = refs.inline.length ? gzipSize(refs.inline.join('\n')) : 0;
    const weigh = (files: Set<string>) => [...files].reduce((n, p) => n + size(p), 0) + inlineJs;
    rows.push({
      path,
      html: gzipSize(html),
      css: [...css].reduce((n, p) => n + size(p), 0),
      js: weigh(atLoad),
      jsAll: weigh(all),
      loadFiles: [...atLoad].sort(),
      files: [...all, ...css].sort(),
    });
  }
  return rows.sort((a, b) => a.path.localeCompare(b.path));
}

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const f = join(dir, name);
    if (statSync(f).isDirectory()) {
      if (name !== '_astro' && name !== 'pagefind') out.push(...htmlFiles(f));
    } else if (name.endsWith('.html')) out.push(f);
  }
  return out;
}

/** One page type: its heaviest page (by JS at load) and the most any of its pages loads of each kind. */
export interface TypeWeight {
  type: string;
  pages: number;
  /** The page that loads the most JavaScript at load. */
  heaviest: string;
  html: number;
  css: number;
  /** JavaScript at load (what the budget applies to). */
  js: number;
  /** JavaScript in all, lazily loaded parts too. */
  jsAll: number;
  jsBudget: number;
  /** What the check holds it to: the budget, or a higher limit while it is not there yet. */
  limit: number;
  why?: string;
}

/** The rows grouped by page type (types with no page in this site are left out). */
export function byType(rows: readonly PageWeight[], types: readonly PageType[] = PAGE_TYPES): TypeWeight[] {
  const out: TypeWeight[] = [];
  for (const t of types) {
    const mine = rows.filter((r) => types.find((x) => x.matches(r.path)) === t);
    if (!mine.length) continue;
    const heaviest = mine.reduce((a, b) => (b.js > a.js ? b : a));
    out.push({
      type: t.type,
      pages: mine.length,
      heaviest: heaviest.path,
      html: Math.max(...mine.map((r) => r.html)),
      css: Math.max(...mine.map((r) => r.css)),
      js: heaviest.js,
      jsAll: Math.max(...mine.map((r) => r.jsAll)),
      jsBudget: t.jsBudget,
      limit: t.held?.limit ?? t.jsBudget,
      why: t.held?.why,
    });
  }
  return out;
}

/** Pages no type covers: a new page must be given a type (and so a budget). */
export function untyped(rows: readonly PageWeight[], types: readonly PageType[] = PAGE_TYPES): string[] {
  return rows.filter((r) => !types.some((t) => t.matches(r.path))).map((r) => r.path);
}

/** The types over what the check holds them to, in words. */
export function overBudget(types: readonly TypeWeight[]): string[] {
  return types
    .filter((t) => t.js > t.limit)
    .map(
      (t) =>
        `${t.type}: ${kb(t.js)} of JavaScript (gzipped) at load on ${t.heaviest}, over ${
          t.limit === t.jsBudget
            ? `its budget of ${kb(t.jsBudget)}`
            : `its limit of ${kb(t.limit)} (budget ${kb(t.jsBudget)})`
        }`,
    );
}

/** The types still over their goal (held at a higher limit), in words. */
export function overGoal(types: readonly TypeWeight[]): string[] {
  return types
    .filter((t) => t.js > t.jsBudget)
    .map((t) => `${t.type}: ${kb(t.js)}, goal ${kb(t.jsBudget)}${t.why ? `: ${t.why}` : ''}`);
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The Markdown table of docs/performance.md. */
export function weightTable(types: readonly TypeWeight[]): string {
  const lines = [
    '| page type | pages | HTML | CSS | JS at load | JS in all | JS budget (at load) | held at | heaviest page |',
    '|---|---|---|---|---|---|---|---|---|',
    ...types.map((t) => {
      const js = t.js > t.jsBudget ? `**${kb(t.js)}**` : kb(t.js);
      const held = t.limit === t.jsBudget ? '' : kb(t.limit);
      return `| ${t.type} | ${t.pages} | ${kb(t.html)} | ${kb(t.css)} | ${js} | ${kb(t.jsAll)} | ${kb(t.jsBudget)} | ${held} | \`${t.heaviest}\` |`;
    }),
  ];
  return lines.join('\n');
}
