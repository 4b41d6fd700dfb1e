/**
 * The page-weight check (issue 19): the sample book built with the real `npm run build`, and
 * every page type's gzipped first-party JavaScript at load held to its budget
 * (scripts/lib/page-weight.ts); the heaviest page of each type opened in Chromium loads exactly
 * the files counted at load (scripts/lib/page-load.ts). Sizes, not timings: the same build weighs
 * the same on any machine. The table it prints is the one in docs/performance.md. The same
 * build's pages go through the Nu HTML Checker (vnu.jar, with the machine's Java): no errors on
 * any page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildBook, removeBuild, repoRoot } from '../helpers/build';
import { byType, overBudget, untyped, weighSite, weightTable, type PageWeight } from '../../scripts/lib/page-weight';
import { checkHtml, htmlPages } from '../../scripts/lib/html-check';
import { AT_ONCE, attr } from '../../src/server/page-scripts';
import { fetchedAtLoad, loadMismatches } from '../../scripts/lib/page-load';

let site: string;
let rows: PageWeight[];

beforeAll(() => {
  // NODE_ENV as a deploy has it: under Vitest it is "test", which makes Vite bundle React's
  // development build (60 KB more on every React page).
  site = buildBook(join(repoRoot, 'tests/fixtures/sample-book'), 'weight', { env: { NODE_ENV: 'production' } });
  rows = weighSite(site);
  console.log(weightTable(byType(rows)));
}, 600_000);

afterAll(() => removeBuild(site));

describe('the page weight of the built sample book', () => {
  it('has every page type within its JavaScript budget', () => {
    expect(overBudget(byType(rows))).toEqual([]);
  });

  it('loads in Chromium, before any interaction, exactly the files it counts at load', async () => {
    const types = byType(rows);
    const fetched = await fetchedAtLoad(
      site,
      types.map((t) => t.heaviest),
    );
    expect(fetched.size).toBe(types.length);
    expect(loadMismatches(rows, fetched)).toEqual([]);
  }, 300_000);

  it('names in the head of the pages whose islands hydrate at once every script they load at once', () => {
    const html = (path: string) => readFileSync(join(site, path, path.endsWith('/') ? 'index.html' : ''), 'utf8');
    const atOnce = rows
      .filter((r) =>
        [...html(r.path).matchAll(/<astro-island\b[^>]*>/g)].some((m) => AT_ONCE.has(attr(m[0], 'client') ?? '')),
      )
      .map((r) => r.path)
      .sort();
    // Only routes without parameters: the build reads no entry, category or neighbourhood page.
    expect(atOnce).toEqual(['/contribute/', '/list/', '/map/']);
    for (const path of [...atOnce, '/search/', '/']) {
      const page = html(path);
      const head = page.slice(0, page.indexOf('</head>'));
      // Preloaded in the head, or a module script of the page itself (which the browser finds as it reads).
      const named = new Set([
        ...[...head.matchAll(/<link rel="modulepreload" href="([^"]*)"/g)].map((m) => m[1]),
        ...[...page.matchAll(/<script type="module" src="([^"]*)"/g)].map((m) => m[1]),
      ]);
      const loads = rows.find((r) => r.path === path)!.loadFiles.filter((f) => f.endsWith('.js'));
      expect(loads.length, path).toBeGreaterThan(0);
      expect(
        loads.filter((f) => !named.has(f)),
        path,
      ).toEqual([]);
    }
  });

  it('gives every page a type, and so a budget', () => {
    expect(untyped(rows)).toEqual([]);
  });

  it('loads no React on the pages that show facts', () => {
    const facts = rows.filter((r) => !['/search/', '/list/', '/map/', '/contribute/'].includes(r.path));
    expect(facts.length).toBeGreaterThan(150);
    for (const r of facts)
      expect(
        r.files.filter((f) => /\/(client|react|react-dom)\.[\w-]+\.js$/.test(f)),
        r.path,
      ).toEqual([]);
  });

  it('loads React, and Leaflet, only where an interface needs them', () => {
    const leaflet = rows.filter((r) =>
      r.files.some((f) => f.endsWith('.js') && readFileSync(join(site, f), 'utf8').includes('leaflet-container')),
    );
    expect(leaflet.map((r) => r.path)).toEqual(['/map/']);
    for (const path of ['/search/', '/list/', '/map/', '/contribute/'])
      expect(
        rows.find((r) => r.path === path)!.files.some((f) => /\/client\.[\w-]+\.js$/.test(f)),
        path,
      ).toBe(true);
  });
});

describe('the HTML of the built sample book', () => {
  it('passes the Nu HTML Checker on every page', () => {
    expect(htmlPages(site).length).toBeGreaterThan(200);
    expect(checkHtml(site)).toEqual([]);
  }, 300_000);
});

describe('the browser check of the figure at load', () => {
  it('catches a part an island loads with import() at once, which the figure at load leaves out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'at-load-'));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    write('index.html', '<!doctype html><title>t</title><script type="module" src="/_astro/page.js"></script>');
    write('_astro/page.js', 'import("./lazy.js");');
    write('_astro/lazy.js', 'export const x = 1;');
    try {
      const weighed = weighSite(dir);
      expect(weighed[0].loadFiles).toEqual(['/_astro/page.js']);
      const fetched = await fetchedAtLoad(dir, ['/'], { idleMs: 500 });
      expect(loadMismatches(weighed, fetched)).toEqual([
        '/: Chromium loads /_astro/lazy.js before any interaction, which the figure at load leaves out',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
