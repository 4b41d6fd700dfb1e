/**
 * `npm run measure:map`: how fast the clustered map is ready on a big book, in headless Chromium.
 *
 *   npm run measure:map -- [--count 10000] [--out DIR] [--runs 5] [--json FILE] [--phone]
 *
 * Without `--out`, generates a book of `--count` entries (scripts/content/generate.ts, deterministic) and
 * builds it into a temporary folder; with `--out`, measures a site already built there (this is how
 * `npm run bench -- --browser` calls it). Serves the folder from a small static server on
 * 127.0.0.1, gzipped as a static host sends it, blocks every other request (tiles included, as in the browser tests) and, for each
 * run in a fresh browser context (cold cache):
 *  - ready: from navigation start to the `map-ready` mark, which the island sets once the venues
 *    file is loaded and unpacked, the clusters are drawn and the list of groups in view is shown;
 *  - filter: from ticking "Free only" to the map and list redrawn;
 *  - zoom: from pressing Enter on the biggest cluster to the zoomed view drawn and listed.
 * With `--phone`, each run is on the phone profile (scripts/lib/phone.ts: 4× slower CPU, 1.6 Mbps
 * and 150 ms, a phone's screen), at least five runs.
 * Also reports the size of /map/venues.json, raw and gzipped. Prints medians; no pass/fail (timings
 * on shared machines are noisy, so no test asserts them).
 */
import type { VenueFile } from '../../src/lib/map/venue-file';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { median } from '../lib/measure';
import { serveStatic } from '../lib/static-server';
import { chromiumLaunch } from '../lib/chromium';
import { PHONE_CONTEXT, emulatePhone } from '../lib/phone';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const count = Number(option('count', '10000'));
const phone = args.includes('--phone');
const runs = Math.max(phone ? 5 : 1, Number(option('runs', '5')));
const jsonOut = option('json', '');
const root = resolve('.');

function run(cmd: string, argv: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(cmd, argv, {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status})`);
}

let temp: string | undefined;
let out = option('out', '');
if (!out) {
  temp = mkdtempSync(join(tmpdir(), 'measure-map-'));
  const book = join(temp, 'book');
  out = join(temp, 'dist');
  console.log(`Generating ${count} entries and building…`);
  run(join(root, 'node_modules/.bin/tsx'), ['scripts/content/generate.ts', '--count', String(count), '--out', book]);
  run(join(root, 'node_modules/.bin/astro'), ['build', '--silent'], { BOOK_CONTENT: book, BOOK_OUT: out });
}
out = resolve(out);
const venuesFile = join(out, 'map', 'venues.json');
if (!existsSync(venuesFile)) throw new Error(`${venuesFile} not found: build the site first, or leave out --out`);

const raw = readFileSync(venuesFile);
const venues = JSON.parse(raw.toString('utf8')) as VenueFile;
// Gzipped, as a static host sends it (and as measure:search, measure:cls and Lighthouse serve it):
// until 3 December the map's files went uncompressed, about 600 KB of JavaScript on the phone's 1.6 Mbps.
const { server, port } = await serveStatic(out, { gzip: true });
const base = `http://127.0.0.1:${port}`;
const browser = await chromium.launch(chromiumLaunch);

const ready: number[] = [];
const stages: Record<string, number[]> = { htmlMs: [], venuesJsonLoadedMs: [], parsedMs: [], unpackedMs: [] };
const filter: number[] = [];
const zoom: number[] = [];
try {
  for (let i = 0; i < runs; i++) {
    // Service worker blocked: its one-off background download of the offline copy is measured by
    // measure:search, and is not part of loading the map.
    const context = await browser.newContext({
      ...(phone ? PHONE_CONTEXT : { viewport: { width: 1280, height: 900 } }),
      serviceWorkers: 'block',
    });
    await context.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => route.abort('blockedbyclient'),
    );
    const page = await context.newPage();
    if (phone) await emulatePhone(context, page);
    await page.goto(`${base}/map/`);
    await page.locator('.map-app[data-ready="true"]').waitFor({ state: 'attached', timeout: 60_000 });
    ready.push(await page.evaluate(() => performance.getEntriesByName('map-ready')[0].startTime));
    // No named functions inside evaluate: tsx would wrap them in a helper the page does not have.
    const s = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const json = performance.getEntriesByType('resource').find((r) => r.name.endsWith('/map/venues.json')) as
        PerformanceResourceTiming | undefined;
      return {
        htmlMs: nav.responseEnd,
        venuesJsonLoadedMs: json?.responseEnd ?? NaN,
        parsedMs: performance.getEntriesByName('map-fetched')[0]?.startTime ?? NaN,
        unpackedMs: performance.getEntriesByName('map-data')[0]?.startTime ?? NaN,
      };
    });
    for (const [k, v] of Object.entries(s)) stages[k].push(v);

    /** Milliseconds from an action in the page to the next redrawn view (the `data-view` counter). */
    const timeRedraw = (action: string) =>
      page.evaluate(
        (act) =>
          new Promise<number>((done) => {
            const app = document.querySelector<HTMLElement>('.map-app')!;
            const before = app.dataset.view;
            const t0 = performance.now();
            const watch = new MutationObserver(() => {
              if (app.dataset.view !== before) {
                watch.disconnect();
                done(performance.now() - t0);
              }
            });
            watch.observe(app, { attributes: true, attributeFilter: ['data-view'] });
            if (act === 'free')
              (document.querySelector('input[type=checkbox][id$="-free"]') as HTMLInputElement).click();
            else {
              const clusters = [
                ...document.querySelectorAll<HTMLElement>('.leaflet-marker-pane [data-kind="cluster"]'),
              ];
              const biggest = clusters.sort((a, b) => Number(b.dataset.count) - Number(a.dataset.count))[0];
              biggest.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
            }
          }),
        action,
      );
    zoom.push(await timeRedraw('zoom'));
    filter.push(await timeRedraw('free'));
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

const result = {
  entries: venues.e.length,
  venues: venues.e.reduce((n, e) => n + e[6].length, 0),
  venuesJsonBytes: raw.length,
  venuesJsonGzipBytes: gzipSync(raw, { level: 9 }).length,
  runs,
  profile: phone ? 'phone' : 'desktop',
  readyMs: Math.round(median(ready)),
  readyMsAll: ready.map(Math.round),
  /** Medians, from navigation start: HTML received, venues file received, parsed, map code running with it, unpacked. */
  stages: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, Math.round(median(v))])),
  filterMs: Math.round(median(filter)),
  zoomMs: Math.round(median(zoom)),
};
console.log(JSON.stringify(result, null, 2));
console.log(
  `\n| ${result.entries.toLocaleString('en-GB')} entries, ${result.venues.toLocaleString('en-GB')} venues | venues.json ${(result.venuesJsonBytes / 1024).toFixed(0)} KB (${(result.venuesJsonGzipBytes / 1024).toFixed(0)} KB gzipped) | ready ${result.readyMs} ms | filter ${result.filterMs} ms | zoom ${result.zoomMs} ms |`,
);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(result, null, 2) + '\n');
if (temp) rmSync(temp, { recursive: true, force: true });
