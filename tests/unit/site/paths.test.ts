import { describe, expect, it } from 'vitest';
import { absoluteUrl, basePathOf, normaliseBase, withBase, withoutBase } from '../../../src/lib/site/paths';

describe('the base path of a book at a project address', () => {
  it('comes from the path of site.yaml url, with slashes at both ends', () => {
    expect(basePathOf('https://boltoncvs.github.io/bolton-book')).toBe('/bolton-book/');
    expect(basePathOf('https://boltoncvs.github.io/bolton-book/')).toBe('/bolton-book/');
    expect(basePathOf('https://book.example.org')).toBe('/');
    expect(basePathOf('https://example.org/a/b')).toBe('/a/b/');
    expect(normaliseBase(undefined)).toBe('/');
    expect(normaliseBase('bolton-book')).toBe('/bolton-book/');
  });

  it('prefixes site paths, queries and fragments kept', () => {
    expect(withBase('/bolton-book/', '/search/?q=walk')).toBe('/bolton-book/search/?q=walk');
    expect(withBase('/bolton-book', '/')).toBe('/bolton-book/');
    expect(withBase('/', '/list/#ids=a,b')).toBe('/list/#ids=a,b');
    expect(() => withBase('/b/', 'search/')).toThrow(/not a site path/);
  });

  it('takes the base off a page address, and leaves other addresses alone', () => {
    expect(withoutBase('/bolton-book/', '/bolton-book/map/')).toBe('/map/');
    expect(withoutBase('/bolton-book/', '/bolton-book/')).toBe('/');
    expect(withoutBase('/bolton-book/', '/bolton-book')).toBe('/');
    expect(withoutBase('/bolton-book/', '/elsewhere/')).toBe('/elsewhere/');
    expect(withoutBase('/', '/map/')).toBe('/map/');
  });

  it('makes absolute addresses that keep the path (feeds, sitemaps, canonical links)', () => {
    expect(absoluteUrl('https://boltoncvs.github.io/bolton-book', '/feed.xml')).toBe(
      'https://boltoncvs.github.io/bolton-book/feed.xml',
    );
    expect(absoluteUrl('https://boltoncvs.github.io/bolton-book/', '/')).toBe(
      'https://boltoncvs.github.io/bolton-book/',
    );
    expect(absoluteUrl('https://book.example.org', '/entries/x/')).toBe('https://book.example.org/entries/x/');
    expect(absoluteUrl('https://book.example.org/', 'sitemap.xml')).toBe('https://book.example.org/sitemap.xml');
  });
});
