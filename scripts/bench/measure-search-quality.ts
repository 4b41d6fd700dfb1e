/**
 * `npm run measure:search-quality`: how well search answers what people type, on the sample book.
 *
 *   npm run measure:search-quality                 builds tests/fixtures/sample-book, then measures
 *   npm run measure:search-quality -- --out DIR    measures a site already built there (of that book)
 *   … [--queries FILE] [--book DIR] [--json FILE]
 *
 * Each query of tests/fixtures/search-quality/queries.yaml says which entries a good answer must
 * include, from the front matter (`want`), never from the search. The script opens
 * /search/?q=<query> in headless Chromium for each, waits for the results, and reports: the
 * zero-result rate, the share of queries with a right answer in the first 5 results, and the
 * mean reciprocal rank of the first right answer (scripts/lib/search-quality.ts). Prints a
 * Markdown table of every query and the figures; writes JSON with `--json`. No pass/fail.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import yaml from 'js-yaml';
import { chromium } from '@playwright/test';
import { serveStatic } from '../lib/static-server';
import { chromiumLaunch } from '../lib/chromium';
import { firstRight, qualityFigures, relevantIds, type QualityQuery } from '../lib/search-quality';
import {
  loadCategories,
  loadContext,
  loadNeighbourhoods,
  loadSite,
  readEntryFiles,
} from '../../src/server/content-files';
import { facetContext, makeBook } from '../../src/lib/book/book';
import { entryFacets } from '../../src/lib/filters/facets';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const root = resolve('.');
const bookDir = resolve(option('book', 'tests/fixtures/sample-book'));
const queries = yaml.load(
  readFileSync(resolve(option('queries', 'tests/fixtures/search-quality/queries.yaml')), 'utf8'),
) as QualityQuery[];
const jsonOut = option('json', '');

let out = option('out', '');
let temp: string | undefined;
if (!out) {
  out = join((temp = mkdtempSync(join(tmpdir(), 'search-quality-'))), 'dist');
  console.log(`Building ${bookDir}…`);
  const r = spawnSync(join(root, 'node_modules/.bin/tsx'), ['scripts/build/build.ts'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, BOOK_CONTENT: bookDir, BOOK_OUT: out, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (r.status !== 0) throw new Error('The build failed');
}

const site = loadSite(bookDir);
const book = makeBook({
  site,
  entries: readEntryFiles(bookDir, loadContext(bookDir)).entries,
  neighbourhoods: loadNeighbourhoods(bookDir),
  categories: loadCategories(bookDir),
});
const ctx = facetContext(book);
const entries = book.entries.map((e) => ({ id: e.id, name: e.data.name, facets: entryFacets(e.data, ctx) }));

const { server, port } = await serveStatic(resolve(out));
const browser = await chromium.launch(chromiumLaunch);
const context = await browser.newContext({ serviceWorkers: 'block' });
await context.route(
  (url) => url.hostname !== '127.0.0.1',
  (r) => r.abort(),
);
const page = await context.newPage();
const runs = [];
try {
  for (const { q, want } of queries) {
    const relevant = relevantIds(want, entries);
    await page.goto(`http://127.0.0.1:${port}/search/?q=${encodeURIComponent(q)}`);
    const heading = page.locator('#search-results-heading');
    await heading.filter({ hasText: /^(No results|(At least )?[\d,]+ results?)/ }).waitFor({ timeout: 20_000 });
    await page.locator('.search-results[aria-busy="false"]').waitFor({ timeout: 20_000 });
    const text = (await heading.textContent()) ?? '';
    const count = /^No results/.test(text) ? 0 : Number((/([\d,]+) results?/.exec(text)?.[1] ?? '0').replace(/,/g, ''));
    const ids = await page
      .locator('.search-card')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-entry-id') ?? ''));
    runs.push({ q, ids, count, relevant: relevant.size, rank: firstRight(ids, relevant) });
  }
} finally {
  await browser.close();
  server.close();
  if (temp) rmSync(temp, { recursive: true, force: true });
}

const figures = qualityFigures(runs);
console.log('\n| query | results | right answers in the book | first right answer at |');
console.log('|---|---|---|---|');
for (const r of runs) console.log(`| ${r.q} | ${r.count} | ${r.relevant} | ${r.rank || '–'} |`);
console.log(
  `\n${figures.queries} queries: ${figures.zeroResults} with no results (${figures.zeroWhereHeld} of them for a concept the book holds); ` +
    `a right answer in the first 5 for ${(figures.top5 * 100).toFixed(0)} %; mean reciprocal rank ${figures.mrr.toFixed(2)}.`,
);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ figures, runs }, null, 2));
