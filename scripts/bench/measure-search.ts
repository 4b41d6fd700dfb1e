/**
 * `npm run measure:search`: what the first search costs on a big book, and how fast results follow
 * a keystroke, in headless Chromium.
 *
 *   npm run measure:search -- --book DIR [--out DIR] [--runs 9] [--json FILE]
 *   npm run measure:search -- --count 10000            (generates the book first)
 *   npm run measure:search -- --out DIR                (measures a site already built there)
 *   npm run measure:search -- --out DIR --phone        (the phone profile: cold first searches only)
 *   npm run measure:search -- --out DIR --phone --key-delay 250   (typed at a person's pace)
 *
 * With `--book` (or `--count`), builds the book (astro build, then pagefind) into `--out` or a
 * temporary folder. Serves the folder from a small static server on 127.0.0.1 that gzips text
 * (HTML, JS, CSS, JSON) as any static host does; Pagefind's own index files are already
 * compressed. Blocks every other request. Then, in a fresh browser context (cold cache):
 *  - page: bytes of the search page itself (HTML, CSS, the island's JavaScript);
 *  - first search: bytes Pagefind fetches from opening the page until the results of the first
 *    query are shown (its script, WebAssembly, metadata and filter index, the word index chunks
 *    and the data of the first page of results), and the time from the last keystroke;
 *  - warm: the median time from a keystroke to the results being in the page (the island's
 *    `search:results` performance mark), over `--runs` words typed in turn ("new word": their
 *    index chunks may still need fetching) and then the same words again ("repeat");
 *  - filter: the median time from ticking a filter to its results being in the page.
 * Bytes are what went over the wire (compressed body and headers), from Playwright's request sizes.
 * The service worker is blocked while measuring: on a first visit it also downloads, in the
 * background and once per build, the offline copy (the shell and Pagefind's whole index, so search
 * works with no signal). That download is reported on its own (`offlineCopyBytes`, from the
 * precache list in the built sw.js, sized as this server sends each file), not as the search's.
 * With `--phone`, each of at least five runs is a fresh context on the phone profile
 * (scripts/lib/phone.ts: 4× slower CPU, 1.6 Mbps and 150 ms, cold cache): open the page, type a
 * word, and time its first results from the last keystroke; it reports their median.
 * Prints the figures and a Markdown row; writes JSON with `--json`. No pass/fail: timings on
 * shared machines are noisy, so no test asserts them.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium, type Page } from '@playwright/test';
import { median } from '../lib/measure';
import { GZIP, serveStatic } from '../lib/static-server';
import { chromiumLaunch } from '../lib/chromium';
import { PHONE_CONTEXT, emulatePhone } from '../lib/phone';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const runs = Math.max(3, Number(option('runs', '9')));
const phone = args.includes('--phone');
/**
 * With `--phone`, the time between keystrokes in ms: 0 (the default) types as fast as the
 * browser takes keys, the moment the field has focus (the worst case: on the search page the
 * island loads on first use, so it is all still to come); 250 is a quick typist on a phone.
 */
const keyDelay = Math.max(0, Number(option('key-delay', '0')));
const jsonOut = option('json', '');
const root = resolve('.');
const WORDS = [
  'walk',
  'lunch',
  'carers',
  'money',
  'dementia',
  'coffee',
  'library',
  'youth',
  'lonely',
  'yoga',
  'skint',
  'garden',
];

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
let book = option('book', '');
const count = option('count', '');
if (!out && (book || count)) out = join((temp = mkdtempSync(join(tmpdir(), 'measure-search-'))), 'dist');
if (count && !book) {
  book = join(temp ?? mkdtempSync(join(tmpdir(), 'measure-search-')), 'book');
  console.log(`Generating ${count} entries…`);
  run(join(root, 'node_modules/.bin/tsx'), ['scripts/content/generate.ts', '--count', count, '--out', book]);
}
if (book) {
  console.log(`Building ${book} into ${out}…`);
  run(join(root, 'node_modules/.bin/tsx'), ['scripts/build/build.ts'], {
    BOOK_CONTENT: resolve(book),
    BOOK_OUT: resolve(out),
  });
}
if (!out)
  throw new Error(
    'Give --book DIR, --count N or --out DIR (see the comment at the top of scripts/bench/measure-search.ts).',
  );
out = resolve(out);
if (!existsSync(join(out, 'pagefind', 'pagefind-entry.json')))
  throw new Error(`${out}/pagefind/ not found: build and index the site first, or give --book`);
// Every part of the index (pagefind/, and pagefind-2/… for a book indexed in parts); in a region
// (scripts/build/region.ts), every member's under members/<id>/ instead of the region's own.
const memberParts = existsSync(join(out, 'members'))
  ? readdirSync(join(out, 'members')).flatMap((m) =>
      statSync(join(out, 'members', m)).isDirectory()
        ? readdirSync(join(out, 'members', m))
            .filter((d) => /^pagefind(-\d+)?$/.test(d))
            .map((d) => join('members', m, d))
        : [],
    )
  : [];
const parts = memberParts.length ? memberParts : readdirSync(out).filter((d) => /^pagefind(-\d+)?$/.test(d));
const pages = parts
  .map(
    (d) =>
      JSON.parse(readFileSync(join(out, d, 'pagefind-entry.json'), 'utf8')) as {
        languages: Record<string, { page_count: number }>;
      },
  )
  .reduce((n, e) => n + Object.values(e.languages).reduce((m, l) => m + l.page_count, 0), 0);

/** The service worker's one-off background download: its precache list, sized as `serveStatic` sends each file. */
function offlineCopy(dir: string): { offlineCopyBytes: number; offlineCopyFiles: number } | Record<string, never> {
  const sw = join(dir, 'sw.js');
  if (!existsSync(sw)) return {};
  const list = /const PRECACHE = (\[[^\]]*\])(?:\.map\(at\))?;/.exec(readFileSync(sw, 'utf8'));
  if (!list) return {};
  const urls = JSON.parse(list[1]) as string[];
  let total = 0;
  for (const url of urls) {
    const file = join(dir, url.endsWith('/') ? `${url}index.html` : url);
    if (!existsSync(file)) continue;
    const raw = readFileSync(file);
    total += GZIP.has(extname(file)) ? gzipSync(raw, { level: 9 }).length : raw.length;
  }
  return { offlineCopyBytes: total, offlineCopyFiles: urls.length };
}

/** What kind of file a Pagefind request is, for the byte breakdown. */
function kind(url: string): string {
  const path = new URL(url).pathname;
  // The word list for corrections (src/lib/search/spelling.ts) is part of searching too.
  if (path === '/search/words.txt') return 'word list';
  if (!/^\/(members\/[a-z0-9-]+\/)?pagefind(-\d+)?\//.test(path)) return 'page';
  if (path.endsWith('.js')) return 'pagefind.js';
  if (path.includes('wasm')) return 'wasm';
  if (path.endsWith('.pf_meta') || path.endsWith('.json')) return 'metadata';
  if (path.includes('/filter/')) return 'filters';
  if (path.includes('/index/')) return 'word index';
  if (path.includes('/fragment/')) return 'result data';
  return 'other pagefind';
}

/** Waits for the island's `search:results` mark for `q` made after `since`; returns its time. */
async function resultsMark(page: Page, q: string, since: number): Promise<number> {
  const handle = await page.waitForFunction(
    ([query, after]) => {
      const marks = performance.getEntriesByName('search:results') as PerformanceMark[];
      const m = marks.find((x) => x.startTime > after && (x.detail as { q: string }).q === query);
      return m ? m.startTime : false;
    },
    [q, since] as const,
    { timeout: 60_000, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

/** Types `text` into the search field; returns [time of the last keydown, time of its results]. */
async function typeAndTime(page: Page, text: string, delay = 0): Promise<[number, number]> {
  const before = await page.evaluate(() => performance.now());
  await page.keyboard.type(text, { delay });
  const key = await page.evaluate(() => (window as unknown as { __lastKey: number }).__lastKey);
  const shown = await resultsMark(page, text, before);
  return [key, shown];
}

const { server, port } = await serveStatic(out, { gzip: true });
const base = `http://127.0.0.1:${port}`;
const browser = await chromium.launch(chromiumLaunch);

let result: Record<string, unknown>;
if (phone) {
  // Cold first searches on the phone profile, a fresh context (and so an empty cache) each.
  const first: number[] = [];
  try {
    for (let i = 0; i < Math.max(5, runs); i++) {
      const context = await browser.newContext({ ...PHONE_CONTEXT, serviceWorkers: 'block' });
      await context.route(
        (url) => url.hostname !== '127.0.0.1',
        (route) => route.abort('blockedbyclient'),
      );
      await context.addInitScript(() => {
        const w = window as unknown as { __lastKey: number };
        document.addEventListener('keydown', () => (w.__lastKey = performance.now()), true);
      });
      const page = await context.newPage();
      await emulatePhone(context, page);
      await page.goto(`${base}/search/`);
      await page.getByText('Type what you are looking for').waitFor({ timeout: 120_000 });
      await page.getByLabel('Search for a group or a need').focus();
      const [key, shown] = await typeAndTime(page, WORDS[i % WORDS.length], keyDelay);
      first.push(shown - key);
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  const phoneResult = {
    entries: pages,
    profile: 'phone',
    keyDelayMs: keyDelay,
    runs: first.length,
    firstResultsMs: Math.round(median(first)),
    firstResultsMsAll: first.map(Math.round),
  };
  console.log(JSON.stringify(phoneResult, null, 2));
  console.log(
    `\n| ${pages.toLocaleString('en-GB')} entries, phone, ${keyDelay} ms between keys | first results ${phoneResult.firstResultsMs} ms (median of ${first.length}) |`,
  );
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(phoneResult, null, 2) + '\n');
  if (temp) rmSync(temp, { recursive: true, force: true });
  process.exit(0);
}
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.abort('blockedbyclient'),
  );
  await context.addInitScript(() => {
    const w = window as unknown as { __lastKey: number; __lastClick: number };
    document.addEventListener('keydown', () => (w.__lastKey = performance.now()), true);
    document.addEventListener('click', () => (w.__lastClick = performance.now()), true);
  });
  const page = await context.newPage();
  // Context-wide, so requests from Pagefind's web worker count too.
  const bytes: { url: string; bytes: number; phase: string }[] = [];
  let phase = 'load';
  const sizing: Promise<unknown>[] = [];
  context.on('requestfinished', (req) => {
    const at = phase;
    sizing.push(
      req.sizes().then(
        (s) => bytes.push({ url: req.url(), bytes: s.responseBodySize + s.responseHeadersSize, phase: at }),
        () => undefined,
      ),
    );
  });

  await page.goto(`${base}/search/`);
  const input = page.getByLabel('Search for a group or a need');
  await page.getByText('Type what you are looking for').waitFor({ timeout: 60_000 });
  await input.focus();
  phase = 'first';
  const [k0, r0] = await typeAndTime(page, WORDS[0]);
  await page.waitForLoadState('networkidle');
  const firstMs = r0 - k0;
  const resultCount = await page.locator('.search-card').count();

  phase = 'warm';
  const fresh: number[] = [];
  const repeat: number[] = [];
  const words = WORDS.slice(1, 1 + runs);
  for (const list of [fresh, repeat]) {
    for (const w of words) {
      // Type all but the last letter, let it settle, then time the last keystroke.
      await input.fill('');
      const before = await page.evaluate(() => performance.now());
      await input.fill(w.slice(0, -1));
      await resultsMark(page, w.slice(0, -1), before).catch(() => undefined);
      // typeAndTime waits for the mark of the text typed: here the whole word.
      const before2 = await page.evaluate(() => performance.now());
      await page.keyboard.type(w.slice(-1));
      const key = await page.evaluate(() => (window as unknown as { __lastKey: number }).__lastKey);
      list.push((await resultsMark(page, w, before2)) - key);
    }
  }

  // Ticking a filter (Day: Tuesday) on the last word's results, and unticking it.
  const filter: number[] = [];
  // Open the day group unless it is open already (a click on its summary would close it).
  const dayGroup = page.locator('.search-group', { has: page.locator('summary', { hasText: 'Day of the week' }) });
  if ((await dayGroup.getAttribute('open')) === null) await dayGroup.locator('summary').click();
  const tuesday = page.getByRole('checkbox', { name: /^Tuesday/ });
  for (let i = 0; i < Math.min(runs, 6); i++) {
    const q = await input.inputValue();
    const before = await page.evaluate(() => performance.now());
    await tuesday.click();
    const clicked = await page.evaluate(() => (window as unknown as { __lastClick: number }).__lastClick);
    filter.push((await resultsMark(page, q, before)) - clicked);
  }
  await Promise.all(sizing);
  await context.close();

  const sum = (xs: typeof bytes) => xs.reduce((n, b) => n + b.bytes, 0);
  const pagefindFirst = bytes.filter((b) => (b.phase === 'load' || b.phase === 'first') && kind(b.url) !== 'page');
  const breakdown: Record<string, number> = {};
  for (const b of pagefindFirst) breakdown[kind(b.url)] = (breakdown[kind(b.url)] ?? 0) + b.bytes;
  result = {
    entries: pages,
    indexParts: parts.length,
    query: WORDS[0],
    firstQueryResults: resultCount,
    pageBytes: sum(bytes.filter((b) => b.phase === 'load' && kind(b.url) === 'page')),
    firstSearchBytes: sum(pagefindFirst),
    firstSearchBreakdown: breakdown,
    firstSearchRequests: pagefindFirst.length,
    firstSearchMs: Math.round(firstMs),
    ...offlineCopy(out),
    warmNewWordMs: Math.round(median(fresh)),
    warmRepeatMs: Math.round(median(repeat)),
    warmNewWordMsAll: fresh.map(Math.round),
    warmRepeatMsAll: repeat.map(Math.round),
    filterMs: Math.round(median(filter)),
    filterMsAll: filter.map(Math.round),
    runs: words.length,
  };
} finally {
  await browser.close();
  server.close();
}

const kb = (n: unknown) => `${((n as number) / 1024).toFixed(0)} KB`;
console.log(JSON.stringify(result, null, 2));
console.log(
  `\n| ${(result.entries as number).toLocaleString('en-GB')} entries | page ${kb(result.pageBytes)} | first search ${kb(result.firstSearchBytes)} in ${result.firstSearchRequests} requests, ${result.firstSearchMs} ms | offline copy ${kb(result.offlineCopyBytes ?? 0)} | warm: new word ${result.warmNewWordMs} ms, repeat ${result.warmRepeatMs} ms | filter ${result.filterMs} ms |`,
);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(result, null, 2) + '\n');
if (temp) rmSync(temp, { recursive: true, force: true });
