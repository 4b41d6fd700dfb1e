/**
 * Writes the service worker, `<site>/sw.js`, after `astro build` and Pagefind have run (it needs
 * the list of built files, Pagefind's included):
 *
 *   npx tsx scripts/build/service-worker.ts [site folder, default $BOOK_OUT or dist]
 *
 * What works offline after one visit:
 *  - precached on install: the shell (/, /search/, /list/, /offline/), every file under /_astro/
 *    (hashed CSS and JS), the manifest and icon, /list-data/index.json, and Pagefind's search
 *    bundle (pagefind.js, its worker and wasm, the entry file, metadata, every index and filter
 *    chunk, and any Pagefind UI file the shell names);
 *  - Pagefind's result fragments too, when together they are under `FRAGMENT_BUDGET`; in a
 *    bigger book they are cached as results are shown (a search offline then finds every match,
 *    but can only show the details of results seen before);
 *  - every page visited and every list-data shard fetched, cached as they are used.
 *
 * Strategies: pages and list data network-first (fresh when there is signal, the saved copy
 * when not or when the network takes over 4 s); /_astro/ and /pagefind/ cache-first (hashed or
 * versioned with the cache); anything cross-origin (map tiles above all) or elsewhere is never
 * touched. No tile is ever cached: OpenStreetMap's tile policy forbids bulk or offline copies.
 *
 * The cache is versioned by a hash of every precached file, so two builds of the same content
 * write the same sw.js, and any change to the shell or the index makes a new cache. After a
 * deploy (the browser checks sw.js on every page opened), the new worker precaches the new build,
 * fetches again every page and list-data file saved under the old one (a page the server now
 * answers 404 or 410, an entry removed from the book, is left out; one the network cannot give at
 * that moment is carried over as it was), then takes over at once, open tabs or not, and deletes
 * every older cache. So the next page opened runs the new build, the search index and its
 * fragments always come from one build, and a removed entry is in no cache (offline it gives the
 * offline page). A tab left open from the old build shows "A newer version of this site is ready"
 * with a reload button (src/components/OfflineNotice.astro). A page answered 404 or 410 later
 * is deleted from the cache too. tests/e2e/offline-update.e2e.ts plays this through with two
 * builds at one address in one browser profile.
 *
 * The trade-off: the precache is the shell plus Pagefind's index, which grows with the book
 * (its size at each scale is in docs/performance.md).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Precache Pagefind's fragments when they add up to less than this. */
export const FRAGMENT_BUDGET = 2 * 1024 * 1024;

/** Pages that make up the shell, with the file each is built to. */
export const SHELL_PAGES: [url: string, file: string][] = [
  ['/', 'index.html'],
  ['/search/', 'search/index.html'],
  ['/list/', 'list/index.html'],
  ['/offline/', 'offline/index.html'],
];
const SHELL_FILES = ['manifest.webmanifest', 'favicon.svg', 'list-data/index.json', 'search/words.txt'];
/**
 * Pagefind's bundle, in /pagefind/ and, for a book indexed in parts, /pagefind-2/ and on; in a
 * region (scripts/build/region.ts), each member's too, under /members/<id>/.
 */
const PAGEFIND_CORE =
  /^(?:members\/[a-z0-9-]+\/)?pagefind(?:-\d+)?\/(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|pagefind\.[^/]+\.pf_meta|wasm\.[^/]+\.pagefind|index\/[^/]+|filter\/[^/]+)$/;
const PAGEFIND_FRAGMENT = /^(?:members\/[a-z0-9-]+\/)?pagefind(?:-\d+)?\/fragment\//;
const PAGEFIND_UI = /^pagefind\/(pagefind-[a-z-]+\.(?:js|css))$/;

export interface BuiltFile {
  /** Path inside the site folder, with forward slashes: `pagefind/index/en_1.pf_index`. */
  path: string;
  size: number;
}

/** Every file in the site folder. */
export function listFiles(root: string): BuiltFile[] {
  const out: BuiltFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      const stat = statSync(full);
      if (stat.isDirectory()) walk(full);
      else out.push({ path: relative(root, full).split(sep).join('/'), size: stat.size });
    }
  };
  walk(root);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export interface Precache {
  /** Site-relative URLs, sorted. */
  urls: string[];
  /** Files behind them (for hashing). */
  files: string[];
  bytes: number;
  fragments: { count: number; bytes: number; precached: boolean };
}

/**
 * Chooses what to precache. `shellText` is the text of the shell pages and /_astro/ scripts, to
 * see which Pagefind UI files they name.
 */
export function selectPrecache(files: BuiltFile[], shellText: string, fragmentBudget = FRAGMENT_BUDGET): Precache {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const chosen = new Map<string, string>(); // url → file
  for (const [url, file] of SHELL_PAGES) if (byPath.has(file)) chosen.set(url, file);
  for (const file of SHELL_FILES) if (byPath.has(file)) chosen.set(`/${file}`, file);
  const fragments = files.filter((f) => PAGEFIND_FRAGMENT.test(f.path));
  const fragmentBytes = fragments.reduce((n, f) => n + f.size, 0);
  const precacheFragments = fragmentBytes <= fragmentBudget;
  for (const f of files) {
    const ui = PAGEFIND_UI.exec(f.path);
    if (
      f.path.startsWith('_astro/') ||
      PAGEFIND_CORE.test(f.path) ||
      (ui && shellText.includes(ui[1])) ||
      (precacheFragments && PAGEFIND_FRAGMENT.test(f.path))
    ) {
      chosen.set(`/${f.path}`, f.path);
    }
  }
  const urls = [...chosen.keys()].sort();
  return {
    urls,
    files: urls.map((u) => chosen.get(u)!),
    bytes: urls.reduce((n, u) => n + (byPath.get(chosen.get(u)!)?.size ?? 0), 0),
    fragments: { count: fragments.length, bytes: fragmentBytes, precached: precacheFragments },
  };
}

/** A short hash of the precached files' names and contents, and of the worker's own code. */
export function versionOf(root: string, precache: Precache): string {
  const h = createHash('sha256');
  h.update(swSource('', []));
  for (let i = 0; i < precache.urls.length; i++) {
    h.update(precache.urls[i]);
    h.update('\0');
    h.update(readFileSync(join(root, precache.files[i])));
    h.update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

/** The service worker's source. Plain JavaScript, no imports. */
export function swSource(version: string, urls: string[]): string {
  return `/* Community Book service worker, written by scripts/build/service-worker.ts. Do not edit. */
'use strict';
const VERSION = ${JSON.stringify(version)};
const PREFIX = 'community-book-';
const CACHE = PREFIX + VERSION;
// The book's own path: sw.js sits at its root, \`/\` or \`/bolton-book/\` for a book at a project
// address. Site paths below are from that root (src/lib/site/paths.ts).
const BASE = new URL('./', self.location.href).pathname;
const at = (path) => BASE + path.slice(1);
const inBook = (path) => (path.startsWith(BASE) ? path.slice(BASE.length - 1) : null);
const PRECACHE = ${JSON.stringify(urls)}.map(at);
const PRECACHED = new Set(PRECACHE);
const OFFLINE = at('/offline/');
const PAGE_TIMEOUT = 4000;

// A new build takes over as soon as it is saved, open tabs or not (a waiting worker would keep
// serving the old search index to every tab until the last one closed). Pages and list data saved
// under an older build are fetched again into the new cache, so nothing old survives a deploy: an
// entry removed from the book (the server says 404 or 410) is left out, and only a page the
// network could not give right now is carried over as it was (still useful offline, refreshed on
// the next visit). Pagefind's files and /_astro/ are never carried: each cache holds one build's.
const carried = (path) => path.endsWith('/') || path.startsWith(at('/list-data/'));
const GONE = (status) => status === 404 || status === 410;

async function carryOver(cache) {
  const saved = [];
  for (const name of await caches.keys()) {
    if (name === CACHE || !name.startsWith(PREFIX)) continue;
    const old = await caches.open(name);
    for (const request of await old.keys()) {
      if (carried(new URL(request.url).pathname)) saved.push([old, request]);
    }
  }
  const queue = saved.slice();
  const worker = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      const [old, request] = item;
      if (await cache.match(request, MATCH)) continue;
      let response;
      try {
        response = await fetch(new Request(request.url, { cache: 'reload' }));
      } catch {
        response = undefined;
      }
      if (response && GONE(response.status)) continue;
      if (response && cacheable(response)) await cache.put(request, response);
      else {
        const copy = await old.match(request);
        if (copy) await cache.put(request, copy);
      }
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' })));
    await carryOver(cache);
    await self.skipWaiting();
  })());
});

// Every older cache goes: its search index, its fragments and its pages. A tab opened under the
// older build is told (src/components/OfflineNotice.astro) and offers a reload.
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name !== CACHE && name.startsWith(PREFIX)) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// Some servers send \`Vary: Origin\`; module scripts and fetches carry an Origin header that the
// precache requests lacked, so matching ignores Vary (every file here has one version per URL).
const MATCH = { ignoreVary: true };
const cacheable = (response) => response.ok && response.type === 'basic' && !response.redirected;

/** Pages: the network, else (offline, server error or over PAGE_TIMEOUT) the saved copy, else the offline page. */
async function page(event, url) {
  const key = url.origin + url.pathname;
  const cache = await caches.open(CACHE);
  const network = fetch(event.request).then((response) => {
    if (cacheable(response)) event.waitUntil(cache.put(key, response.clone()));
    // A page removed from the book: its saved copy goes too, so offline it gives the offline page.
    else if (GONE(response.status)) event.waitUntil(cache.delete(key, MATCH));
    return response;
  });
  event.waitUntil(network.then(() => {}, () => {}));
  const saved = await cache.match(key, MATCH);
  if (!saved) {
    try {
      return await network;
    } catch {
      return (await cache.match(url.origin + OFFLINE, MATCH)) || Response.error();
    }
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(saved), PAGE_TIMEOUT);
    network.then(
      (response) => { clearTimeout(timer); resolve(response.status >= 500 ? saved : response); },
      () => { clearTimeout(timer); resolve(saved); },
    );
  });
}

/**
 * Hashed or per-build files: the saved copy, else the network (and save it). Keyed without the
 * query: Pagefind asks for \`pagefind-entry.json?ts=<now>\` to dodge HTTP caches, and this cache
 * already belongs to one build.
 */
async function cacheFirst(event, url) {
  const key = url.origin + url.pathname;
  const cache = await caches.open(CACHE);
  const saved = await cache.match(key, MATCH);
  if (saved) return saved;
  const response = await fetch(event.request);
  if (cacheable(response)) event.waitUntil(cache.put(key, response.clone()));
  return response;
}

/** Data that may change between builds: the network (and save it), else the saved copy. */
async function networkFirst(event) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(event.request);
    if (cacheable(response)) event.waitUntil(cache.put(event.request, response.clone()));
    else if (GONE(response.status)) event.waitUntil(cache.delete(event.request, MATCH));
    return response;
  } catch (err) {
    const saved = await cache.match(event.request, MATCH);
    if (saved) return saved;
    throw err;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // Map tiles, anything from another site or outside the book's own path: never touched.
  const path = inBook(url.pathname);
  if (url.origin !== self.location.origin || path === null || path === '/sw.js') return;
  if (request.mode === 'navigate') event.respondWith(page(event, url));
  else if (path.startsWith('/_astro/') || /^\\/(members\\/[a-z0-9-]+\\/)?pagefind(-[0-9]+)?\\//.test(path)) event.respondWith(cacheFirst(event, url));
  else if (path.startsWith('/list-data/') || PRECACHED.has(url.pathname)) event.respondWith(networkFirst(event));
});
`;
}

/**
 * True for a file whose size the service worker uses (what it may precache, and Pagefind's
 * fragments, whose total decides whether they are precached). Any other file's size is never
 * read, so a caller that knows the site's files without walking it (the region build) need only
 * look up these sizes.
 */
export function sizeMatters(path: string): boolean {
  return (
    path.startsWith('_astro/') ||
    PAGEFIND_CORE.test(path) ||
    PAGEFIND_FRAGMENT.test(path) ||
    PAGEFIND_UI.test(path) ||
    SHELL_FILES.includes(path) ||
    SHELL_PAGES.some(([, file]) => file === path)
  );
}

/**
 * Writes `<root>/sw.js` and returns what it precaches. `known` is every file in the site folder,
 * when the caller has it already (the region build lists what it places as it places it); without
 * it the folder is walked.
 */
export function writeServiceWorker(root: string, known?: BuiltFile[]): Precache & { version: string } {
  const files = (known ?? listFiles(root)).filter((f) => f.path !== 'sw.js');
  const shellText = [
    ...SHELL_PAGES.map(([, file]) => join(root, file)),
    ...files.filter((f) => /^_astro\/.*\.js$/.test(f.path)).map((f) => join(root, f.path)),
  ]
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
  const precache = selectPrecache(files, shellText);
  const version = versionOf(root, precache);
  writeFileSync(join(root, 'sw.js'), swSource(version, precache.urls));
  return { ...precache, version };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = resolve(process.argv[2] ?? process.env.BOOK_OUT ?? 'dist');
  if (!existsSync(join(root, 'index.html'))) {
    console.error(`postbuild-sw: ${root} has no index.html. Build the site first (astro build, then pagefind).`);
    process.exit(1);
  }
  if (!existsSync(join(root, 'pagefind', 'pagefind.js'))) {
    console.error(
      `postbuild-sw: ${root}/pagefind/ is missing. Run pagefind before this script, so search works offline.`,
    );
    process.exit(1);
  }
  const sw = writeServiceWorker(root);
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  console.log(
    `postbuild-sw: sw.js version ${sw.version}, precaching ${sw.urls.length} files (${kb(sw.bytes)}); ` +
      `Pagefind fragments ${sw.fragments.precached ? 'precached' : 'cached as results are shown'} (${sw.fragments.count}, ${kb(sw.fragments.bytes)}).`,
  );
}
