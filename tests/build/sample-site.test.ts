/**
 * The sample book built once with the real `npm run build`, as strict outside readers see it.
 *
 *  - The Open Referral UK validator, replayed from its source (tests/helpers/oruk-validator.ts),
 *    against the site served twice: by a plain static host with no rewrites (as GitHub Pages
 *    serves it) and by one that reads the site's own `_redirects` and `_headers` (as Netlify and
 *    Cloudflare Pages do). Level 1, all nine endpoints, must pass on both; on the configured host
 *    every answer is JSON that any web page may read.
 *  - The schema.org structured data (JSON-LD) of every page, against the schema.org vocabulary
 *    (tests/helpers/schema-org.ts: schema-dts and the TypeScript compiler, offline).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { listFiles } from '../../scripts/security/scan-folder';
import { isoDates, schemaOrgFindings } from '../helpers/schema-org';
import { buildBook, removeBuild, repoRoot, tempFolder } from '../helpers/build';
import { serveSite, type HostKind } from '../helpers/static-hosts';
import { formatReport, replayOrukValidator, type OrukReport } from '../helpers/oruk-validator';

const NINE = [
  '/',
  '/services',
  '/services/{id}',
  '/service_at_locations',
  '/service_at_locations/{id}',
  '/taxonomies',
  '/taxonomies/{id}',
  '/taxonomy_terms',
  '/taxonomy_terms/{id}',
];

let site: string;
const servers: Server[] = [];
const reports = new Map<HostKind, OrukReport>();

beforeAll(async () => {
  site = buildBook(join(repoRoot, 'tests/fixtures/sample-book'), 'oruk');
  for (const kind of ['plain', 'configured'] as const) {
    const { server, origin } = await serveSite(site, kind);
    servers.push(server);
    // The address a publisher would give the validator: the feed's folder, without a slash.
    const report = await replayOrukValidator(`${origin}/openreferral`);
    reports.set(kind, report);
    console.log(formatReport(`${kind} static host`, report));
  }
}, 600_000);

afterAll(() => {
  for (const s of servers) s.close();
  if (site) removeBuild(site);
});

describe.each(['plain', 'configured'] as const)('the ORUK validator, replayed on a %s static host', (kind) => {
  it('reads version 3.0 from GET / and so tests against the ORUK 3.0 OpenAPI definition', () => {
    const r = reports.get(kind)!;
    expect(r.profile).toBe('https://openreferraluk.org/specifications/3.0/openapi.json');
    expect(r.profileReason).toBe("Standard version 3.0 read from '/' endpoint");
  });

  it('tests all nine endpoints at Level 1, and every one passes', () => {
    const r = reports.get(kind)!;
    expect(r.endpoints.map((e) => e.path).sort()).toEqual([...NINE].sort());
    expect(r.endpoints.filter((e) => e.level === 1)).toHaveLength(9);
    for (const e of r.endpoints)
      expect({ path: e.path, status: e.status, requests: e.requests }).toMatchObject({ status: 'passed' });
    expect(r.level1).toBe(true);
  });

  it('follows its request sequence: ?page=1 on each list, up to 10 ids on each {id} endpoint', () => {
    const r = reports.get(kind)!;
    for (const e of r.endpoints) {
      if (e.path === '/') expect(e.requests.map((q) => new URL(q.url).search)).toEqual(['']);
      else if (!e.path.includes('{')) expect(e.requests.map((q) => new URL(q.url).search)).toEqual(['?page=1']);
      else {
        expect(e.requests.length).toBeGreaterThan(0);
        expect(e.requests.length).toBeLessThanOrEqual(10);
        expect(new Set(e.requests.map((q) => q.url)).size).toBe(e.requests.length);
      }
    }
    // The sample book has more than ten services and venues: ten of them are picked.
    expect(r.endpoints.find((e) => e.path === '/services/{id}')!.requests).toHaveLength(10);
    expect(r.endpoints.find((e) => e.path === '/service_at_locations/{id}')!.requests).toHaveLength(10);
  });
});

describe('the replay fails what the validator fails', () => {
  it("the first feed's layout (only .json files): GET / is a 404, so Level 1 fails", async () => {
    const old = tempFolder('oruk-old');
    for (const f of listFiles(join(site, 'openreferral')).filter((x) => x.endsWith('.json'))) {
      mkdirSync(dirname(join(old, 'openreferral', f)), { recursive: true });
      cpSync(join(site, 'openreferral', f), join(old, 'openreferral', f));
    }
    const { server, origin } = await serveSite(old, 'plain');
    try {
      const r = await replayOrukValidator(`${origin}/openreferral`);
      expect(r.profileReason).toBe('Defaulted to HSDS-UK 1.0 (base URL request failed)');
      expect(r.level1).toBe(false);
    } finally {
      server.close();
      rmSync(old, { recursive: true, force: true });
    }
  });
});

describe('the host configuration (public/_headers, public/_redirects)', () => {
  it('answers every request as JSON, readable from any origin', () => {
    for (const e of reports.get('configured')!.endpoints)
      for (const q of e.requests) {
        expect(q.contentType, q.url).toBe('application/json; charset=utf-8');
        expect(q.cors, q.url).toBe('*');
      }
  });

  it('answers the lists at their own addresses, without a redirect', async () => {
    const { server, origin } = await serveSite(site, 'configured');
    try {
      for (const path of ['/openreferral', '/openreferral/services', '/openreferral/taxonomy_terms']) {
        const res = await fetch(`${origin}${path}?page=1`, { redirect: 'manual' });
        expect(res.status, path).toBe(200);
      }
    } finally {
      server.close();
    }
  });

  it("lets a region read every file of the search bundle, the map's data and the venues from any origin, and no page", async () => {
    const bundle = listFiles(site).filter((f) => /^pagefind(-\d+)?\//.test(f));
    expect(bundle.some((f) => f.endsWith('pagefind-entry.json'))).toBe(true);
    expect(bundle.some((f) => f.startsWith('pagefind/index/'))).toBe(true);
    const data = [...bundle, 'map/venues.json', 'open-data/venues.geojson'];
    const pages = listFiles(site).filter((f) => f.endsWith('.html') && !f.startsWith('openreferral/'));
    expect(pages.length).toBeGreaterThan(100);
    const { server, origin } = await serveSite(site, 'configured');
    try {
      for (const f of data) {
        const res = await fetch(`${origin}/${f}`, { headers: { Origin: 'https://region.example.org' } });
        expect([res.status, res.headers.get('access-control-allow-origin')], f).toEqual([200, '*']);
      }
      for (const f of [
        'index.html',
        'map/index.html',
        'open-data/index.html',
        pages.find((p) => p.startsWith('entries/'))!,
      ]) {
        const res = await fetch(`${origin}/${f.replace(/index\.html$/, '')}`);
        expect([res.status, res.headers.get('access-control-allow-origin')], f).toEqual([200, null]);
      }
    } finally {
      server.close();
    }
  });

  it('a plain host redirects a list to its folder, and a record answers at its own address', async () => {
    const { server, origin } = await serveSite(site, 'plain');
    try {
      const list = await fetch(`${origin}/openreferral/services?page=1`, { redirect: 'manual' });
      expect(list.status).toBe(301);
      expect(list.headers.get('location')).toBe('/openreferral/services/?page=1');
      const id = reports.get('plain')!.endpoints.find((e) => e.path === '/services/{id}')!.requests[0].url;
      expect((await fetch(id, { redirect: 'manual' })).status).toBe(200);
    } finally {
      server.close();
    }
  });
});

describe('structured data (JSON-LD) on every page', () => {
  const scripts = () =>
    listFiles(site)
      .filter((f) => f.endsWith('.html') && !f.startsWith('openreferral/'))
      .flatMap((f) =>
        [
          ...readFileSync(join(site, f), 'utf8').matchAll(
            /<script type="application\/ld\+json"[^>]*>([^<]*)<\/script>/g,
          ),
        ].map((m) => ({ name: f, json: JSON.parse(m[1]) as unknown })),
      );

  it('fits the schema.org vocabulary: types, their properties, the values they take, dates in ISO 8601', () => {
    const docs = scripts();
    const entryPages = listFiles(site).filter((f) => /^entries\/[^/]+\/index\.html$/.test(f));
    expect(docs.length).toBeGreaterThanOrEqual(entryPages.length);
    expect(entryPages.length).toBeGreaterThan(100);
    const findings = schemaOrgFindings(docs);
    console.log(`schema.org (schema-dts, TypeScript): ${docs.length} JSON-LD documents, ${findings.length} findings`);
    expect(findings).toEqual([]);
    expect(docs.flatMap((d) => isoDates(d.json).map((x) => `${d.name}${x}`))).toEqual([]);
  }, 300_000);

  it('gives every entry with sessions people attend its next sessions as events with a start', () => {
    const series = scripts()
      .flatMap(
        (d) => (d.json as { '@graph': { '@type': string; subEvent?: { startDate: string }[] }[] })['@graph'] ?? [],
      )
      .filter((n) => n['@type'] === 'EventSeries');
    expect(series.length).toBeGreaterThan(50);
    const withNext = series.filter((s) => s.subEvent?.length);
    expect(withNext.length).toBeGreaterThan(series.length / 2);
    for (const s of withNext) for (const e of s.subEvent!) expect(e.startDate >= '2026-11-01').toBe(true);
  });

  it('the checker finds what does not fit (so a pass means something)', () => {
    const bad = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Organization', name: 'x', eventSchedule: [] },
        {
          '@type': 'EventSeries',
          name: 'y',
          eventSchedule: { '@type': 'Place' },
          eventAttendanceMode: 'https://schema.org/Phone',
        },
      ],
    };
    expect(schemaOrgFindings([{ name: 'bad', json: bad }]).length).toBeGreaterThanOrEqual(2);
    expect(isoDates({ startDate: '12/11/2026' })).toEqual(['.startDate: 12/11/2026']);
  }, 120_000);
});
