/**
 * `npm run measure:lighthouse -- --site DIR [--runs 3] [--json FILE]`: Lighthouse (npm
 * `lighthouse`, in Debian's Chromium) on the mobile preset over home, search, an entry, the map
 * and the list of a built site, served gzipped from 127.0.0.1. Reports the median score of the
 * runs for performance, accessibility, best practices and SEO per page, the layout shift, and
 * the timings the performance score is made of (first and largest contentful paint, total
 * blocking time, speed index), to say where a page loses its points.
 * Map tiles cannot load here (every request off this machine is refused), which costs the map a
 * few best-practice points (console errors). No pass/fail: scores on a shared machine are noisy;
 * they go to docs/performance.md.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { median } from '../lib/measure';
import { serveStatic } from '../lib/static-server';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../lib/chromium';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const site = resolve(option('site', 'dist'));
const runs = Math.max(1, Number(option('runs', '3')));
const jsonOut = option('json', '');
const entry = readdirSync(resolve(site, 'entries'))[0];
const PAGES: Record<string, string> = {
  home: '/',
  search: '/search/?q=lunch',
  entry: `/entries/${entry}/`,
  map: '/map/',
  list: '/list/',
};
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** The timings the performance score is made of (ms), to say where a page loses its points. */
const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  si: 'speed-index',
} as const;

const ms = (n: number) => `${Math.round(n).toLocaleString('en-GB')} ms`;

const { server, port } = await serveStatic(site, { gzip: true });
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM_PATH,
  chromeFlags: [...CHROMIUM_ARGS, '--headless=new'],
});
const results: Record<string, Record<string, number>> = {};
try {
  for (const [name, path] of Object.entries(PAGES)) {
    const scores: Record<string, number[]> = { cls: [], fcp: [], lcp: [], tbt: [], si: [] };
    for (const c of CATEGORIES) scores[c] = [];
    for (let r = 0; r < runs; r++) {
      const result = await lighthouse(`http://127.0.0.1:${port}${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
        // Requests off this machine (map tiles) are refused, as in the tests.
        blockedUrlPatterns: ['*://*.tile.openstreetmap.org/*', '*://tile.openstreetmap.org/*'],
      });
      const lhr = result!.lhr;
      for (const c of CATEGORIES) scores[c].push(Math.round((lhr.categories[c]?.score ?? 0) * 100));
      scores.cls.push(Number(lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN));
      for (const [key, audit] of Object.entries(METRICS))
        scores[key].push(Number(lhr.audits[audit]?.numericValue ?? NaN));
    }
    results[name] = Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, median(v)]));
    const r = results[name];
    console.log(
      `${name.padEnd(7)} performance ${r.performance}  accessibility ${r.accessibility}  best practices ${r['best-practices']}  SEO ${r.seo}  CLS ${r.cls.toFixed(3)}  (FCP ${ms(r.fcp)}, LCP ${ms(r.lcp)}, TBT ${ms(r.tbt)}, speed index ${ms(r.si)})`,
    );
  }
} finally {
  await chrome.kill();
  server.close();
}
console.log(
  '\n| page | performance | accessibility | best practices | SEO | CLS | FCP | LCP | TBT | speed index |\n|---|---|---|---|---|---|---|---|---|---|',
);
for (const [name, r] of Object.entries(results))
  console.log(
    `| ${name} | ${r.performance} | ${r.accessibility} | ${r['best-practices']} | ${r.seo} | ${r.cls.toFixed(3)} | ${ms(r.fcp)} | ${ms(r.lcp)} | ${ms(r.tbt)} | ${ms(r.si)} |`,
  );
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2) + '\n');
