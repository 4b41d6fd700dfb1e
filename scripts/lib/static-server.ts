/**
 * A tiny static server for a built site, on 127.0.0.1 and a free port: enough for the browser
 * measurements (scripts/bench/measure-search.ts, scripts/bench/measure-map.ts), not for production. With
 * `gzip`, text is sent gzipped when the browser asks, as a static host would. With `base`
 * (`/bolton-book/`), the site is served under that path, as at a GitHub Pages project address,
 * and anything outside it is a 404.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/** The kinds of file a static host gzips. */
export const GZIP = new Set(['.html', '.js', '.css', '.json', '.svg', '.webmanifest']);

export function serveStatic(
  dir: string,
  { gzip = false, base = '/' }: { gzip?: boolean; base?: string } = {},
): Promise<{ server: Server; port: number }> {
  const cache = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    const full = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    // The book's folder without its slash is redirected to it, as GitHub Pages does.
    if (`${full}/` === base) return void res.writeHead(301, { Location: base }).end();
    if (!full.startsWith(base)) return void res.writeHead(404).end();
    const path = full.slice(base.length - 1);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    // A missing file gets the site's 404.html with status 404, as static hosts send it.
    if (!existsSync(file)) {
      const notFound = join(dir, '404.html');
      if (!existsSync(notFound)) return void res.writeHead(404).end();
      return void res.writeHead(404, { 'Content-Type': TYPES['.html'] }).end(readFileSync(notFound));
    }
    const ext = extname(file);
    const headers: Record<string, string> = { 'Content-Type': TYPES[ext] ?? 'application/octet-stream' };
    let body: Buffer = readFileSync(file);
    if (gzip) {
      headers['Cache-Control'] = 'max-age=3600';
      if (GZIP.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        body = cache.get(file) ?? gzipSync(body, { level: 9 });
        cache.set(file, body);
        headers['Content-Encoding'] = 'gzip';
      }
    }
    res.writeHead(200, headers).end(body);
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => ok({ server, port: (server.address() as { port: number }).port })),
  );
}
