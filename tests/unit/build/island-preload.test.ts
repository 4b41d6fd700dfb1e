import { describe, expect, it } from 'vitest';
import { withModulePreloads } from '../../../src/server/island-preload';

/** A built site's scripts by site path, as the build reads them. */
const site = (files: Record<string, string>) => (path: string) => files[path];
const preloads = (html: string) => [...html.matchAll(/<link rel="modulepreload" href="([^"]*)">/g)].map((m) => m[1]);

const chain = {
  '/_astro/App.js': 'import{a}from"./react.js";import"./site.js";import("./lazy.js");',
  '/_astro/client.js': 'import{a}from"./react.js";',
  '/_astro/react.js': 'import{s}from"./scheduler.js";export const a=1;',
  '/_astro/scheduler.js': 'export const s=1;',
  '/_astro/site.js': 'export{};',
  '/_astro/lazy.js': 'import"./lazy-dep.js";',
  '/_astro/lazy-dep.js': '',
};
const page = (island: string, head = '') =>
  `<html><head><meta charset="utf-8"><link rel="stylesheet" href="/_astro/site.css">${head}</head><body>${island}</body></html>`;
const atOnce =
  '<astro-island component-url="/_astro/App.js" renderer-url="/_astro/client.js" client="only"></astro-island>';

describe('naming the scripts a page runs at once in its head', () => {
  it('names the whole chain of static imports, each file once, at the end of the head', () => {
    const out = withModulePreloads(page(atOnce), site(chain));
    expect(preloads(out)).toEqual([
      '/_astro/App.js',
      '/_astro/client.js',
      '/_astro/react.js',
      '/_astro/site.js',
      '/_astro/scheduler.js',
    ]);
    expect(out.indexOf('rel="stylesheet"')).toBeLessThan(out.indexOf('rel="modulepreload"'));
    expect(out.indexOf('rel="modulepreload"')).toBeLessThan(out.indexOf('</head>'));
    expect(out.replace(/<link rel="modulepreload" href="[^"]*">/g, '')).toBe(page(atOnce));
  });

  it('leaves out what loads later: import() and its imports', () => {
    const out = preloads(withModulePreloads(page(atOnce), site(chain)));
    expect(out).not.toContain('/_astro/lazy.js');
    expect(out).not.toContain('/_astro/lazy-dep.js');
  });

  it('leaves a page whose island waits for first use, or that has none, as it is', () => {
    const waits = page(atOnce.replace('client="only"', 'client="interaction"'));
    expect(withModulePreloads(waits, site(chain))).toBe(waits);
    expect(withModulePreloads(page('<p>Facts</p>'), site(chain))).toBe(page('<p>Facts</p>'));
  });

  it('does not name again what the page already names, and adds nothing the second time', () => {
    const named = page(
      atOnce,
      '<script type="module" src="/_astro/site.js"></script><link rel="modulepreload" href="/_astro/react.js">',
    );
    const once = withModulePreloads(named, site(chain));
    expect(preloads(once)).toEqual(['/_astro/react.js', '/_astro/App.js', '/_astro/client.js', '/_astro/scheduler.js']);
    expect(withModulePreloads(once, site(chain))).toBe(once);
  });

  it('works under a project address’s base path', () => {
    const based = Object.fromEntries(Object.entries(chain).map(([k, v]) => [`/bolton-book${k}`, v]));
    const html = page(atOnce.replaceAll('/_astro/', '/bolton-book/_astro/'));
    expect(preloads(withModulePreloads(html, site(based)))).toEqual([
      '/bolton-book/_astro/App.js',
      '/bolton-book/_astro/client.js',
      '/bolton-book/_astro/react.js',
      '/bolton-book/_astro/site.js',
      '/bolton-book/_astro/scheduler.js',
    ]);
  });

  it('leaves out files that are not there and names from other sites', () => {
    const files = {
      ...chain,
      '/_astro/App.js': 'import"https://cdn.example/x.js";import"./missing.js";import"./react.js";',
    };
    expect(preloads(withModulePreloads(page(atOnce), site(files)))).toEqual([
      '/_astro/App.js',
      '/_astro/client.js',
      '/_astro/react.js',
      '/_astro/scheduler.js',
    ]);
  });
});
