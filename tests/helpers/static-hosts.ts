/**
 * Test helper (not a test file): a built site served the two ways a static host serves it, on
 * 127.0.0.1 and a free port.
 *
 *  - `plain`: as GitHub Pages does, with no configuration: a file at its path, Content-Type by
 *    extension (a file without one is application/octet-stream), a folder's address redirected
 *    (301) to the address with a trailing slash, which answers with the folder's index.html; no
 *    rewrites, no extra headers; query strings ignored.
 *  - `configured`: as Netlify or Cloudflare Pages do with the site's own `_redirects` and
 *    `_headers` files: a `_redirects` rule (an exact path or a trailing `*` splat) with status 200
 *    serves its target in place, 301/302 redirect; then `_headers` adds the headers of every block
 *    whose path pattern matches (`*` matches any run of characters), over the defaults.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

export type HostKind = 'plain' | 'configured';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
};

interface Rule {
  from: string;
  to: string;
  status: number;
}

/** The rules of a `_redirects` file: `from to [status]` a line, `#` comments. */
export function parseRedirects(text: string): Rule[] {
  return text
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean)
    .map((l) => {
      const [from, to, status = '301'] = l.split(/\s+/);
      return { from, to, status: Number(status) };
    });
}

/** The blocks of a `_headers` file: a path pattern, then indented `Name: value` lines. */
export function parseHeaders(text: string): { pattern: string; headers: [string, string][] }[] {
  const blocks: { pattern: string; headers: [string, string][] }[] = [];
  for (const raw of text.split('\n')) {
    if (!raw.trim() || raw.trim().startsWith('#')) continue;
    if (!/^\s/.test(raw)) blocks.push({ pattern: raw.trim(), headers: [] });
    else {
      const i = raw.indexOf(':');
      blocks[blocks.length - 1].headers.push([raw.slice(0, i).trim(), raw.slice(i + 1).trim()]);
    }
  }
  return blocks;
}

const patternRe = (p: string) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);

/** The headers every block whose pattern matches `path` adds, later blocks over earlier ones. */
export function headersAt(blocks: ReturnType<typeof parseHeaders>, path: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const b of blocks) if (patternRe(b.pattern).test(path)) for (const [k, v] of b.headers) out.set(k, v);
  return out;
}

/** Serves the site in `dir` as a `kind` host; resolves with its base address. */
export function serveSite(dir: string, kind: HostKind): Promise<{ server: Server; origin: string }> {
  const rules = kind === 'configured' ? parseRedirects(readFileSync(join(dir, '_redirects'), 'utf8')) : [];
  const headerBlocks = kind === 'configured' ? parseHeaders(readFileSync(join(dir, '_headers'), 'utf8')) : [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    let path = decodeURIComponent(url.pathname);
    const extra: Record<string, string> = {};
    if (kind === 'configured') {
      Object.assign(extra, Object.fromEntries(headersAt(headerBlocks, path)));
      const rule = rules.find((r) => r.from === path || (r.from.endsWith('*') && path.startsWith(r.from.slice(0, -1))));
      if (rule && rule.status !== 200) return void res.writeHead(rule.status, { ...extra, Location: rule.to }).end();
      if (rule) path = rule.to;
    }
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    let target = file;
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) return void res.writeHead(301, { ...extra, Location: `${path}/${url.search}` }).end();
      target = join(file, 'index.html');
    }
    if (!existsSync(target) || statSync(target).isDirectory()) return void res.writeHead(404, extra).end();
    const headers = { 'Content-Type': TYPES[extname(target)] ?? 'application/octet-stream', ...extra };
    res.writeHead(200, headers).end(readFileSync(target));
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () =>
      ok({ server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` }),
    ),
  );
}
