/**
 * The headers a host that reads `_headers` (Netlify, Cloudflare Pages) sends, and what the pages
 * carry themselves for hosts that read none (GitHub Pages): docs/maintainers.md, "Security headers
 * on your host". netlify.toml builds the site into the folder those headers are read from.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { headersAt, parseHeaders } from '../../helpers/static-hosts';

const blocks = parseHeaders(readFileSync('public/_headers', 'utf8'));
const headersFor = (pattern: string) => new Map(blocks.find((b) => b.pattern === pattern)?.headers ?? []);

describe('public/_headers', () => {
  it('refuses framing, sniffing and referrers on every page', () => {
    const all = headersFor('/*');
    expect(all.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(all.get('X-Frame-Options')).toBe('DENY');
    expect(all.get('X-Content-Type-Options')).toBe('nosniff');
    expect(all.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
  });

  it('lets a deploy reach open tabs: sw.js is checked again every time', () => {
    expect(headersFor('/sw.js').get('Cache-Control')).toBe('no-cache');
  });

  it('lets a region of books read its search bundle, map data and feed from any origin, and nothing else', () => {
    const cors = (path: string) => headersAt(blocks, path).get('Access-Control-Allow-Origin');
    for (const path of [
      '/pagefind/pagefind.js',
      '/pagefind/pagefind-entry.json',
      '/pagefind/index/en_1a2b3c.pf_index',
      '/pagefind/wasm.en.pagefind',
      '/pagefind-2/pagefind-entry.json',
      '/pagefind-12/fragment/en_abc.pf_fragment',
      '/map/venues.json',
      '/open-data/venues.geojson',
      '/openreferral',
      '/openreferral/services/',
      '/openreferral/services/6f1c2b8e-5d3a-5c7e-9b1f-3a8d2e4c5b60',
    ])
      expect(cors(path), path).toBe('*');
    // The pages (and the rest) are not public data for other sites' scripts.
    for (const path of [
      '/',
      '/index.html',
      '/map/',
      '/map/index.html',
      '/open-data/',
      '/search/',
      '/entries/wigan-memory-cafe/',
      '/list/',
      '/sw.js',
      '/list-data/index.json',
    ])
      expect(cors(path), path).toBeUndefined();
  });
});

describe('what a page carries itself (GitHub Pages sends no headers)', () => {
  const base = readFileSync('src/layouts/Base.astro', 'utf8');
  it('a referrer policy and the frame guard on every page', () => {
    expect(base).toContain('<meta name="referrer" content="strict-origin-when-cross-origin" />');
    expect(base).toMatch(/<FrameGuard path=\{href\(path\)\} \/>/);
  });
});

describe('netlify.toml', () => {
  it('builds with npm run build into dist/ on Node 24', () => {
    const toml = readFileSync('netlify.toml', 'utf8');
    expect(toml).toMatch(/command = "npm run build"/);
    expect(toml).toMatch(/publish = "dist"/);
    expect(toml).toMatch(/NODE_VERSION = "24"/);
  });
});
