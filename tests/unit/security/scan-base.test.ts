import { describe, expect, it } from 'vitest';
import { scanHtml } from '../../../scripts/security/scan';

describe('the scan of a book at a project address', () => {
  const page = (src: string) => `<!doctype html><html><body><script type="module" src="${src}"></script></body></html>`;
  it("counts scripts under the book's own path as its own, and no others", () => {
    const base = '/bolton-book/';
    expect(scanHtml(page('/bolton-book/_astro/a.js'), 'x.html', { base })).toEqual([]);
    expect(scanHtml(page('/bolton-book/pagefind/pagefind.js'), 'x.html', { base })).toEqual([]);
    expect(scanHtml(page('/_astro/a.js'), 'x.html', { base }).map((f) => f.kind)).toEqual(['script']);
    expect(scanHtml(page('/other/_astro/a.js'), 'x.html', { base }).map((f) => f.kind)).toEqual(['script']);
    // At the domain's root, as before.
    expect(scanHtml(page('/_astro/a.js'), 'x.html')).toEqual([]);
    expect(scanHtml(page('/bolton-book/_astro/a.js'), 'x.html').map((f) => f.kind)).toEqual(['script']);
  });
});
