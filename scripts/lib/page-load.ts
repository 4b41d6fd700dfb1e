/**
 * What a page of a built site fetches in Chromium before the person does anything: it is opened
 * in a fresh context (cold cache, service workers blocked, nothing from other origins), and every
 * first-party JavaScript file it asks for until the network has been idle for two seconds is
 * listed (Pagefind's files and the service worker left out, as in ./page-weight.ts).
 *
 * This is what shows that the page weight's figure at load (./page-weight.ts: the scripts a page
 * names and their static imports) is what a browser loads: a part that an island loads with
 * `import()` as soon as it runs, with no interaction, would be left out of that figure, and
 * `loadMismatches` says so.
 */
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunch } from './chromium';
import { serveStatic } from './static-server';
import { isLeftOut, type PageWeight } from './page-weight';

/** For each site path: the first-party JavaScript files (site paths, sorted) Chromium fetched at load. */
export async function fetchedAtLoad(
  site: string,
  paths: readonly string[],
  { idleMs = 2000, timeoutMs = 30_000, parallel = 4 } = {},
): Promise<Map<string, string[]>> {
  const { server, port } = await serveStatic(resolve(site));
  const origin = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch(chromiumLaunch);
  const out = new Map<string, string[]>();
  const load = async (path: string) => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    // Map tiles and the like: not first-party, and this machine has no network.
    await context.route(
      (url) => url.origin !== origin,
      (route) => route.abort(),
    );
    const page = await context.newPage();
    const files = new Set<string>();
    let inFlight = 0;
    let last = Date.now();
    page.on('request', (r) => {
      inFlight++;
      const url = new URL(r.url());
      if (url.origin === origin && url.pathname.endsWith('.js') && !isLeftOut(url.pathname)) files.add(url.pathname);
    });
    const settled = () => {
      inFlight--;
      last = Date.now();
    };
    page.on('requestfinished', settled);
    page.on('requestfailed', settled);
    await page.goto(origin + path, { waitUntil: 'load' });
    const start = Date.now();
    while (Date.now() - start < timeoutMs && (inFlight > 0 || Date.now() - last < idleMs))
      await page.waitForTimeout(100);
    out.set(path, [...files].sort());
    await context.close();
  };
  try {
    // A few pages at once, each in its own context: the wait for quiet is most of the time.
    const queue = [...paths];
    const worker = async () => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) await load(path);
    };
    await Promise.all(Array.from({ length: Math.min(parallel, queue.length) }, worker));
  } finally {
    await browser.close();
    server.close();
  }
  return out;
}

/**
 * Where Chromium's list differs from the figure at load, in words: files fetched without
 * interaction that the figure leaves out (it would be too low), or files it counts that Chromium
 * did not fetch (too high).
 */
export function loadMismatches(rows: readonly PageWeight[], fetched: ReadonlyMap<string, string[]>): string[] {
  const out: string[] = [];
  for (const [path, files] of fetched) {
    const row = rows.find((r) => r.path === path);
    if (!row) continue;
    const extra = files.filter((f) => !row.loadFiles.includes(f));
    const missing = row.loadFiles.filter((f) => !files.includes(f));
    if (extra.length)
      out.push(
        `${path}: Chromium loads ${extra.join(', ')} before any interaction, which the figure at load leaves out`,
      );
    if (missing.length)
      out.push(`${path}: the figure at load counts ${missing.join(', ')}, which Chromium did not load`);
  }
  return out;
}
