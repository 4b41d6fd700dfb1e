/**
 * `npm run measure:cls -- --site DIR [--runs 3] [--json FILE]`: the cumulative layout shift of
 * each page type of a built site, in headless Chromium, as a phone (scripts/lib/phone.ts:
 * 412×823, touch, CPU slowed 4×, 1.6 Mbps / 150 ms, cold cache) and as a desktop (1350×940).
 * Each run opens the page in a fresh context (the list page with two groups on the list), waits
 * until it has settled (network idle, then two more seconds), and sums the `layout-shift`
 * entries that had no recent input, as Lighthouse and the Web Vitals do. Reports the median of
 * the runs per type. The service worker is blocked (its background download is not the page's)
 * and so are map tiles (they cannot load here). No pass/fail: the figures go to
 * docs/performance.md.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { median } from '../lib/measure';
import { serveStatic } from '../lib/static-server';
import { chromiumLaunch } from '../lib/chromium';
import { PHONE_CONTEXT, emulatePhone } from '../lib/phone';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const site = resolve(option('site', 'dist'));
const runs = Math.max(1, Number(option('runs', '3')));
const jsonOut = option('json', '');

const entries = readdirSync(resolve(site, 'entries'));
const firstEntry = entries[0];
const LISTED = entries.slice(0, 2);
const firstHood = readdirSync(resolve(site, 'neighbourhoods')).find((n) => !n.endsWith('.html'));
const PAGES: Record<string, string> = {
  home: '/',
  entry: `/entries/${firstEntry}/`,
  'A to Z': '/a-z/',
  category: '/categories/',
  neighbourhood: `/neighbourhoods/${firstHood}/`,
  search: '/search/?q=lunch',
  list: '/list/',
  map: '/map/',
  contribute: '/contribute/',
};

const PROFILES = {
  phone: { ...PHONE_CONTEXT, slow: true },
  desktop: {
    viewport: { width: 1350, height: 940 },
    deviceScaleFactor: 1,
    isMobile: false,
    hasTouch: false,
    slow: false,
  },
} as const;

async function clsOnce(browser: Browser, origin: string, path: string, profile: keyof typeof PROFILES) {
  const { slow, ...options } = PROFILES[profile];
  const context = await browser.newContext({ ...options, serviceWorkers: 'block' });
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.abort('blockedbyclient'),
  );
  // The list page with something on it: the first two groups of the book (src/lib/list/store.ts).
  await context.addInitScript((ids) => localStorage.setItem('community-book:list', JSON.stringify(ids)), LISTED);
  await context.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
        if (!e.hadRecentInput) w.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const page = await context.newPage();
  if (slow) await emulatePhone(context, page);
  await page.goto(origin + path, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(2000);
  const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
  await context.close();
  return cls;
}

const { server, port } = await serveStatic(site, { gzip: true });
const origin = `http://127.0.0.1:${port}`;
const browser = await chromium.launch(chromiumLaunch);
const results: Record<string, Record<string, number>> = {};
try {
  for (const [type, path] of Object.entries(PAGES)) {
    results[type] = {};
    for (const profile of Object.keys(PROFILES) as (keyof typeof PROFILES)[]) {
      const values: number[] = [];
      for (let r = 0; r < runs; r++) values.push(await clsOnce(browser, origin, path, profile));
      results[type][profile] = Math.round(median(values) * 1000) / 1000;
    }
    console.log(
      `${type.padEnd(14)} phone ${results[type].phone.toFixed(3)}  desktop ${results[type].desktop.toFixed(3)}`,
    );
  }
} finally {
  await browser.close();
  server.close();
}
console.log('\n| page type | CLS phone | CLS desktop |\n|---|---|---|');
for (const [type, r] of Object.entries(results))
  console.log(`| ${type} | ${r.phone.toFixed(3)} | ${r.desktop.toFixed(3)} |`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2));
