/**
 * "We have an ORUK feed": `npm run import -- <base address>` against the sample book's own feed,
 * served in pages on 127.0.0.1, into an empty book. Every service becomes an entry.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hsdsService, hsdsServiceBasics } from '../../../src/lib/exports/hsds';
import { loadTestBook, repoRoot } from '../../helpers/opendata-book';
import { sampleBookDir } from '../../helpers/import-book';

const { ctx, entries } = loadTestBook(sampleBookDir, false);
const full = new Map(entries.map((e) => [hsdsService(e, ctx).id as string, hsdsService(e, ctx)]));
const items = entries.map((e) => hsdsServiceBasics(e, ctx));
const SIZE = 50;
let server: Server;
let base: string;
const work = mkdtempSync(join(tmpdir(), 'cb-feed-'));
const book = join(work, 'book');
for (const f of ['site.yaml', 'categories.yaml', 'neighbourhoods'])
  cpSync(join(sampleBookDir, f), join(book, f), { recursive: true });

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/o/services') {
      const page = Number(url.searchParams.get('page') ?? 1);
      const pages = Math.ceil(items.length / SIZE);
      return json(200, {
        total_items: items.length,
        total_pages: pages,
        page_number: page,
        size: SIZE,
        contents: items.slice((page - 1) * SIZE, page * SIZE),
      });
    }
    const doc = full.get(url.pathname.replace('/o/services/', ''));
    return doc ? json(200, doc) : json(404, {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/o`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(work, { recursive: true, force: true });
});

describe('npm run import from an ORUK API', { timeout: 60_000 }, () => {
  it('reads every page and every service, and writes an entry for each', async () => {
    const { stdout } = await promisify(execFile)(
      join(repoRoot, 'node_modules', '.bin', 'tsx'),
      [join(repoRoot, 'scripts/import/import.ts'), base, '--report', join(work, 'report'), '--today', '2026-12-01'],
      { env: { ...process.env, BOOK_CONTENT: book } },
    );
    expect(stdout).toMatch(new RegExp(`^${entries.length} records: ${entries.length} entries`));
    const report = JSON.parse(readFileSync(join(work, 'report.json'), 'utf8'));
    expect(report.not_imported).toEqual([]);
    expect(readdirSync(join(book, 'entries'))).toHaveLength(entries.length);
    const one = readFileSync(join(book, 'entries', `${entries[0].id}.md`), 'utf8');
    expect(one).toContain(`system: "${base}"`);
  });
});
