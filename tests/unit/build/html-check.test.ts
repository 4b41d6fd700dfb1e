import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkHtml, htmlPages } from '../../../scripts/lib/html-check';

const site = mkdtempSync(join(tmpdir(), 'vnu-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(site, path)), { recursive: true });
  writeFileSync(join(site, path), text);
};
const page = (body: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>T</title></head><body>${body}</body></html>`;

write('index.html', page('<p>Fine.</p>'));
// The error every page had before issue 19: Astro's island <style> inside the "My list" link.
write('list/index.html', page('<a href="/list/">My list<style>x{display:contents}</style></a>'));
write('openreferral/index.html', '{"not": "html"}');
write('pagefind/x.html', 'not a page');

describe('the Nu HTML Checker over a built site', () => {
  it('checks the pages, not the Open Referral JSON or Pagefind', () => {
    expect(htmlPages(site).map((f) => f.slice(site.length))).toEqual(['/index.html', '/list/index.html']);
  });

  it('reports each error with its page and line', () => {
    expect(checkHtml(site)).toEqual([
      { file: 'list/index.html', line: 1, message: expect.stringMatching(/“style” element/) },
    ]);
  }, 120_000);
});
