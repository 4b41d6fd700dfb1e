import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  byType,
  gzipSize,
  overBudget,
  staticImports,
  untyped,
  weighSite,
  type PageType,
} from '../../../scripts/lib/page-weight';

const site = mkdtempSync(join(tmpdir(), 'weight-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(site, path)), { recursive: true });
  writeFileSync(join(site, path), text);
};
const noise = (n: number) => Array.from({ length: n }, (_, i) => `v${i * 7919}=${(i * 104729) % 9973};`).join('');

write(
  '_astro/page.js',
  `import{a}from"./shared.js";const m=["_astro/lazy.css"];import("./lazy.js");navigator.serviceWorker.register("/sw.js");`,
);
write('_astro/shared.js', `export const a=1;${noise(50)}`);
write('_astro/lazy.js', `export const b=2;${noise(400)}`);
write('_astro/lazy.css', `.x{color:red}`);
write('_astro/island.js', `${noise(20)}`);
write('_astro/renderer.js', `${noise(30)}`);
write('_astro/site.css', `body{margin:0}`);
write('_astro/unused.js', noise(5000));
write('sw.js', `const files=["/_astro/unused.js"];`);
write('pagefind/pagefind.js', noise(3000));
const inline = 'console.log("island loader")';
write(
  'index.html',
  `<html><head><link rel="stylesheet" href="/_astro/site.css"><script type="module" src="/_astro/page.js"></script>
  <script type="application/ld+json">{"@context":"https://schema.org"}</script><script>${inline}</script></head>
  <body><astro-island component-url="/_astro/island.js" renderer-url="/_astro/renderer.js"></astro-island>
  <script>import("/pagefind/pagefind.js")</script></body></html>`,
);
write('about/index.html', '<html><body><p>No script.</p></body></html>');
// An island drawn on the server that loads on first use (src/client/interaction.ts).
write('_astro/later.js', `import{a}from"./shared.js";${noise(200)}`);
write(
  'later/index.html',
  `<html><body><astro-island component-url="/_astro/later.js" renderer-url="/_astro/renderer.js" ssr client="interaction"></astro-island></body></html>`,
);
write('stray/index.html', '<html></html>');

const TYPES: PageType[] = [
  { type: 'home', matches: (p) => p === '/', jsBudget: 256 },
  { type: 'about', matches: (p) => p === '/about/', jsBudget: 1024 },
  { type: 'later', matches: (p) => p === '/later/', jsBudget: 1024 },
];

describe('weighing a built site', () => {
  const rows = weighSite(site);
  const home = rows.find((r) => r.path === '/')!;
  const size = (f: string) => gzipSize(readFileSync(join(site, f)));

  it('follows a page’s scripts, their imports and lazy parts, islands, and inline scripts; leaves out the service worker and Pagefind', () => {
    expect(home.files).toEqual([
      '/_astro/island.js',
      '/_astro/lazy.css',
      '/_astro/lazy.js',
      '/_astro/page.js',
      '/_astro/renderer.js',
      '/_astro/shared.js',
      '/_astro/site.css',
    ]);
    const weigh = (files: string[]) => files.reduce((n, f) => n + size(`_astro/${f}.js`), 0);
    const inlineJs = gzipSize([inline, 'import("/pagefind/pagefind.js")'].join('\n'));
    expect(home.jsAll).toBe(weigh(['island', 'lazy', 'page', 'renderer', 'shared']) + inlineJs);
    expect(home.css).toBe(size('_astro/site.css') + size('_astro/lazy.css'));
  });

  it('counts at load the scripts and their static imports, not what import() loads later', () => {
    expect(home.loadFiles).toEqual([
      '/_astro/island.js',
      '/_astro/page.js',
      '/_astro/renderer.js',
      '/_astro/shared.js',
    ]);
    const weigh = (files: string[]) => files.reduce((n, f) => n + size(`_astro/${f}.js`), 0);
    const inlineJs = gzipSize([inline, 'import("/pagefind/pagefind.js")'].join('\n'));
    expect(home.js).toBe(weigh(['island', 'page', 'renderer', 'shared']) + inlineJs);
    expect(home.js).toBeLessThan(home.jsAll);
  });

  it('reads static imports from the code, not from strings that look like them', () => {
    expect(staticImports('import{a as b}from"./a.js";import"./b.js";export{c}from"./c.js";import("./d.js");')).toEqual([
      './a.js',
      './b.js',
      './c.js',
    ]);
    expect(staticImports('const s=`import"./x.js"`;const t="import \'./y.js\'";')).toEqual([]);
  });

  it('counts an island that loads on first use (client:interaction) in all, not at load', () => {
    const later = rows.find((r) => r.path === '/later/')!;
    expect(later.loadFiles).toEqual([]);
    expect(later.js).toBe(0);
    expect(later.files).toEqual(['/_astro/later.js', '/_astro/renderer.js', '/_astro/shared.js']);
    expect(later.jsAll).toBe(size('_astro/later.js') + size('_astro/renderer.js') + size('_astro/shared.js'));
  });

  it('weighs a page with no script as none', () => {
    expect(rows.find((r) => r.path === '/about/')).toMatchObject({ js: 0, jsAll: 0, css: 0 });
  });

  it('fails a type over its budget, and names pages with no type', () => {
    const types = byType(rows, TYPES);
    expect(overBudget(types)).toEqual([
      expect.stringMatching(/^home: [\d.]+ KB of JavaScript \(gzipped\) at load on \/, over its budget of 0\.3 KB$/),
    ]);
    expect(untyped(rows, TYPES)).toEqual(['/stray/']);
    const held = byType(rows, [{ ...TYPES[0], held: { limit: home.js, why: 'test' } }, TYPES[1]]);
    expect(overBudget(held)).toEqual([]);
  });
});
