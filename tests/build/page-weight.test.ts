/**
 * The page-weight check (issue 19): the sample book built with the real `npm run build`, and
 * every page type's gzipped first-party JavaScript held to its budget (scripts/lib/page-weight.ts).
 * Sizes, not timings: the same build weighs the same on any machine. The table it prints is the
 * one in docs/performance.md. The same build's pages go through the Nu HTML Checker (vnu.jar,
 * with the machine's Java): no errors on any page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBook, removeBuild, repoRoot } from '../helpers/build';
import { byType, overBudget, untyped, weighSite, weightTable, type PageWeight } from '../../scripts/lib/page-weight';
import { checkHtml, htmlPages } from '../../scripts/lib/html-check';

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
