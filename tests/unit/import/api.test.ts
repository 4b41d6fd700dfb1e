/**
 * The API path, against a fixture feed served on 127.0.0.1: every page of `/services`, then
 * `/services/{id}` for each, a few at a time; a page that fails is retried and then reported; a
 * slow answer is waited for up to the time limit and retried after it; a feed that does not
 * answer is a clear error.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedError, readFeed } from '../../../src/lib/import/api';

const ids = ['a1', 'a2', 'b1', 'b2', 'c1', 'missing'];
const pages = [ids.slice(0, 2), ids.slice(2, 4), ids.slice(4)];
const hits = new Map<string, number>();
let inFlight = 0;
let maxInFlight = 0;
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const key = `${url.pathname}${url.search}`;
    hits.set(key, (hits.get(key) ?? 0) + 1);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const send = (status: number, body: unknown, delay = 5) =>
      setTimeout(() => {
        inFlight--;
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      }, delay);
    if (url.pathname === '/api/services') {
      const n = Number(url.searchParams.get('page'));
      if (n === 2) return send(500, { error: 'boom' }); // a failing page, every time
      const delay = n === 3 ? 150 : 5; // a slow page, within the time limit
      return send(
        200,
        {
          total_items: ids.length,
          total_pages: 3,
          page_number: n,
          contents: pages[n - 1].map((id) => ({ id, name: id })),
        },
        delay,
      );
    }
    const m = /^\/api\/services\/(.+)$/.exec(url.pathname);
    if (m && m[1] !== 'missing') {
      // c1 is too slow the first time it is asked for, then quick.
      const delay = m[1] === 'c1' && hits.get(key) === 1 ? 600 : 5;
      return send(200, { id: m[1], name: `Service ${m[1]}`, status: 'active' }, delay);
    }
    return send(404, { error: 'not found' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('readFeed', () => {
  it('reads every page it can and every service on them, politely', async () => {
    const seen: number[] = [];
    const { services, pageErrors } = await readFeed(`${base}/`, {
      concurrency: 2,
      tries: 2,
      retryDelayMs: 10,
      timeoutMs: 400,
      progress: (done) => seen.push(done),
    });
    expect(pageErrors).toEqual([`${base}/services?page=2: HTTP 500 (tried 2 times)`]);
    expect(services.map((s) => s.id)).toEqual(['a1', 'a2', 'c1', 'missing']);
    expect(services.filter((s) => s.doc).map((s) => s.doc!.name)).toEqual(['Service a1', 'Service a2', 'Service c1']);
    // A 404 is an answer: it is not asked again.
    expect(services.find((s) => s.id === 'missing')!.error).toBe(`${base}/services/missing: HTTP 404 (tried 1 time)`);
    expect(hits.get('/api/services/c1')).toBe(2); // timed out once, then answered
    expect(hits.get('/api/services?page=2')).toBe(2);
    expect(maxInFlight).toBeLessThanOrEqual(2);
    expect(seen.at(-1)).toBe(4);
  });

  it('says clearly when the feed does not answer at all', async () => {
    await expect(readFeed('http://127.0.0.1:1/api', { tries: 1, timeoutMs: 500 })).rejects.toThrow(FeedError);
    await expect(readFeed('http://127.0.0.1:1/api', { tries: 1, timeoutMs: 500 })).rejects.toThrow(
      /The feed at http:\/\/127.0.0.1:1\/api does not answer: .*Fix: check the address/,
    );
  });

  it('says when the address is not a list of services', async () => {
    await expect(readFeed(`${base}/services/a1`, { tries: 1 })).rejects.toThrow(
      /is not a paged list of services|does not answer/,
    );
  });
});
