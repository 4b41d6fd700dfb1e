import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_LIST } from '../../../src/lib/list/codec';
import {
  STORAGE_KEY,
  addId,
  hasId,
  isPersistent,
  parseStored,
  readList,
  removeId,
  writeList,
} from '../../../src/lib/list/store';
import { selectPrecache, swSource } from '../../../scripts/build/service-worker';

class MemoryStorage {
  data = new Map<string, string>();
  refuse = false;
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.refuse) throw new Error('QuotaExceededError');
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

describe('list store (local storage, ids only)', () => {
  let storage: MemoryStorage;
  beforeEach(() => {
    storage = new MemoryStorage();
    (globalThis as { localStorage?: unknown }).localStorage = storage;
  });

  it('keeps ids only, as a JSON array, in order', () => {
    expect(addId('b')).toBe(true);
    expect(addId('a')).toBe(true);
    expect(addId('b')).toBe(true);
    expect(storage.getItem(STORAGE_KEY)).toBe('["b","a"]');
    expect(readList()).toEqual(['b', 'a']);
    expect(hasId('a')).toBe(true);
    removeId('b');
    expect(readList()).toEqual(['a']);
    removeId('a');
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
  });

  it('reads junk as an empty list and drops junk ids', () => {
    for (const raw of [null, '', 'not json', '{"a":1}', '"a"', '42']) expect(parseStored(raw)).toEqual([]);
    storage.setItem(STORAGE_KEY, '["ok","NOT OK","<b>","ok","fine-too"]');
    expect(readList()).toEqual(['ok', 'fine-too']);
  });

  it(`refuses a ${MAX_LIST + 1}st id`, () => {
    writeList(Array.from({ length: MAX_LIST }, (_, i) => `g-${i}`));
    expect(addId('one-more')).toBe(false);
    expect(readList()).toHaveLength(MAX_LIST);
  });

  it('keeps working in memory when storage refuses writes, and says so', () => {
    storage.refuse = true;
    writeList(['a']);
    expect(isPersistent()).toBe(false);
    storage.refuse = false;
    writeList(['a']);
    expect(isPersistent()).toBe(true);
  });
});

describe('service worker precache', () => {
  const files = [
    'index.html',
    'search/index.html',
    'list/index.html',
    'offline/index.html',
    'entries/a/index.html',
    'manifest.webmanifest',
    'favicon.svg',
    'list-data/index.json',
    'list-data/1-0.json',
    '_astro/client.abc.js',
    '_astro/Base.abc.css',
    'pagefind/pagefind.js',
    'pagefind/pagefind-worker.js',
    'pagefind/pagefind-entry.json',
    'pagefind/pagefind.en_123.pf_meta',
    'pagefind/wasm.en.pagefind',
    'pagefind/index/en_1.pf_index',
    'pagefind/filter/en_2.pf_filter',
    'pagefind/fragment/en_3.pf_fragment',
    'pagefind/pagefind-ui.js',
    'pagefind/pagefind-component-ui.js',
    'open-data/services.json',
  ].map((path) => ({ path, size: path.includes('fragment') ? 1000 : 10 }));

  it('takes the shell, /_astro/, the search index and the UI files the shell names; never other pages', () => {
    const p = selectPrecache(files, '<script src="/pagefind/pagefind-ui.js">');
    expect(p.urls).toEqual([
      '/',
      '/_astro/Base.abc.css',
      '/_astro/client.abc.js',
      '/favicon.svg',
      '/list-data/index.json',
      '/list/',
      '/manifest.webmanifest',
      '/offline/',
      '/pagefind/filter/en_2.pf_filter',
      '/pagefind/fragment/en_3.pf_fragment',
      '/pagefind/index/en_1.pf_index',
      '/pagefind/pagefind-entry.json',
      '/pagefind/pagefind-ui.js',
      '/pagefind/pagefind-worker.js',
      '/pagefind/pagefind.en_123.pf_meta',
      '/pagefind/pagefind.js',
      '/pagefind/wasm.en.pagefind',
      '/search/',
    ]);
  });

  it('leaves fragments to runtime caching when they are over budget', () => {
    const p = selectPrecache(files, '', 999);
    expect(p.urls.some((u) => u.includes('/fragment/'))).toBe(false);
    expect(p.fragments).toEqual({ count: 1, bytes: 1000, precached: false });
  });

  it('takes every part of a search index in parts (pagefind-2/…), by the same rules', () => {
    const parted = [
      ...files,
      ...[
        'pagefind.js',
        'pagefind-entry.json',
        'pagefind.en_9.pf_meta',
        'wasm.en.pagefind',
        'index/en_8.pf_index',
        'filter/en_7.pf_filter',
        'fragment/en_6.pf_fragment',
        'pagefind-ui.js',
      ].map((f) => ({
        path: `pagefind-2/${f}`,
        size: f.includes('fragment') ? 1000 : 10,
      })),
      { path: 'pagefind-extra/pagefind.js', size: 10 },
    ];
    const p = selectPrecache(parted, '', 1500);
    // A region's members' bundles are precached by the same rules.
    const region = selectPrecache(
      [...files, ...parted.slice(files.length, -1).map((f) => ({ ...f, path: `members/two/${f.path}` }))],
      '',
      1500,
    );
    expect(region.urls.filter((u) => u.startsWith('/members/'))).toEqual(
      p.urls.filter((u) => u.startsWith('/pagefind-')).map((u) => `/members/two${u}`),
    );
    expect(p.urls.filter((u) => u.startsWith('/pagefind-'))).toEqual([
      '/pagefind-2/filter/en_7.pf_filter',
      '/pagefind-2/index/en_8.pf_index',
      '/pagefind-2/pagefind-entry.json',
      '/pagefind-2/pagefind.en_9.pf_meta',
      '/pagefind-2/pagefind.js',
      '/pagefind-2/wasm.en.pagefind',
    ]);
    // The fragment budget counts the fragments of every part: 2,000 bytes is over 1,500.
    expect(p.fragments).toEqual({ count: 2, bytes: 2000, precached: false });
  });

  it('answers requests for every part of the index from the cache first', () => {
    const fetchHandler = swSource('0123456789abcdef', []);
    const rule = /else if \((.*)\) event\.respondWith\(cacheFirst/.exec(fetchHandler)![1];
    // The rule reads the request's path inside the book (`path`: the base path taken off).
    const rule$ = new Function('path', `return ${rule};`) as (path: string) => boolean;
    const cacheFirst = (url: URL) => rule$(url.pathname);
    for (const path of [
      '/_astro/a.js',
      '/pagefind/pagefind.js',
      '/pagefind-2/index/en_8.pf_index',
      '/pagefind-12/wasm.en.pagefind',
      // A region's copies of its members' bundles (scripts/build/region.ts).
      '/members/wigan/pagefind/pagefind.js',
      '/members/two/pagefind-2/index/en_8.pf_index',
    ]) {
      expect(cacheFirst(new URL(`https://x.example${path}`)), path).toBe(true);
    }
    for (const path of [
      '/pagefind-x/a.js',
      '/pagefinder/',
      '/entries/pagefind-2/',
      '/list-data/1-0.json',
      '/members/wigan/map/venues.json',
      '/members/Wigan/pagefind/pagefind.js',
      '/x/members/wigan/pagefind/pagefind.js',
    ]) {
      expect(cacheFirst(new URL(`https://x.example${path}`)), path).toBe(false);
    }
  });

  it('writes the version and list into the worker, and never handles other origins', () => {
    const src = swSource('0123456789abcdef', ['/', '/search/']);
    expect(src).toContain('const VERSION = "0123456789abcdef";');
    expect(src).toContain('const PRECACHE = ["/","/search/"].map(at);');
    expect(src).toContain('if (url.origin !== self.location.origin');
    expect(() => new Function(src)).not.toThrow(); // valid JavaScript
  });
});
