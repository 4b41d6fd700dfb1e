/**
 * The Open Referral feed (HSDS 3.0 in the ORUK 3.0 profile): every document the site publishes
 * validates against the official HSDS 3.0 schemas (tests/fixtures/hsds-3.0) and against the ORUK
 * 3.0 schemas the ORUK validator reads for its address (tests/fixtures/oruk-3.0); ids are
 * deterministic UUIDs, and the mapping says what the entry says.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { hsdsService, serviceDescription } from '../../../src/lib/exports/hsds';
import { exportContext, exportOrder, isListed, lastModified } from '../../../src/lib/exports/context';
import { feedBookFiles, feedEntryFiles, FEED_DIR } from '../../../src/lib/exports/openreferral';
import { categoryTermId, lgaTermId } from '../../../src/lib/exports/taxonomies';
import {
  DNS_NAMESPACE,
  ROOT_NAMESPACE,
  bookIdentity,
  bookNamespace,
  nestedUuid,
  serviceUuid,
  uuidV5,
} from '../../../src/lib/exports/uuid';
import { hsdsDir, loadTestBook } from '../../helpers/opendata-book';
import { orukSpec } from '../../helpers/oruk-validator';
import type { Json } from '../../helpers/json';

const read = (f: string) => JSON.parse(readFileSync(join(hsdsDir, f), 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const serviceSchema = read('schema.service.json');
const definition = (name: string) =>
  ajv.compile({ definitions: serviceSchema.definitions, $ref: `#/definitions/${name}` });
const validateService = ajv.compile(serviceSchema);
const validateListItem = ajv.compile(read('schema.service_list.json'));
const openapi = read('openapi.json');
const validatePage = ajv.compile({
  ...openapi.components.schemas.Page,
  required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty'],
});
const validateIndex = ajv.compile(openapi.paths['/'].get.responses['200'].content['application/json'].schema);
/** HSDS 3.0's schema for each kind of document (the one its data is; see serviceAtLocationDocument). */
const HSDS = {
  '/': validateIndex,
  '/services/{id}': validateService,
  '/service_at_locations/{id}': definition('service_at_location'),
  '/taxonomies/{id}': definition('taxonomy'),
  '/taxonomy_terms/{id}': definition('taxonomy_term'),
};
const HSDS_ITEMS = {
  '/services': validateListItem,
  '/service_at_locations': definition('service_at_location'),
  '/taxonomies': definition('taxonomy'),
  '/taxonomy_terms': definition('taxonomy_term'),
};
const oruk = orukSpec().validators;

const book = loadTestBook();
const byId = (id: string) => book.entries.find((e) => e.id === id)!;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Every document of the feed, as the site writes it, by API path. */
function feedDocuments(ctx = book.ctx): { path: string; endpoint: string; doc: Json }[] {
  const entries = exportOrder(book.entries);
  const files = [...feedBookFiles(entries, ctx), ...entries.flatMap((e) => [...feedEntryFiles(e, ctx)])];
  return files
    .filter((f) => !f.path.endsWith('.json'))
    .map((f) => {
      const api = f.path.slice(FEED_DIR.length).replace(/\/index\.html$/, '') || '/';
      const endpoint = api.replace(/^\/(\w+)\/[0-9a-f-]{36}$/, '/$1/{id}');
      return { path: f.path, endpoint, doc: JSON.parse(f.body) as Json };
    });
}

/** Every `id` anywhere in a document. */
function ids(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => ids(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'id' && typeof v === 'string') out.push(v);
      else ids(v, out);
    }
  }
  return out;
}

describe('UUID v5', () => {
  it('matches the RFC 4122 test vector', () => {
    expect(uuidV5('www.example.com', DNS_NAMESPACE)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
  const url = 'https://one.example.org';
  it('is stable and distinct per entry and path', () => {
    expect(serviceUuid(url, 'hindley-health-walks')).toBe(serviceUuid(url, 'hindley-health-walks'));
    expect(serviceUuid(url, 'a')).not.toBe(serviceUuid(url, 'b'));
    expect(nestedUuid(url, 'a', 'schedules', 0)).not.toBe(nestedUuid(url, 'a', 'schedules', 1));
    expect(serviceUuid(url, 'a')).toMatch(UUID);
  });

  it('is distinct per book: each book has its own namespace, from its address', () => {
    const other = 'https://two.example.org';
    expect(serviceUuid(url, 'food-bank')).not.toBe(serviceUuid(other, 'food-bank'));
    expect(nestedUuid(url, 'food-bank', 'venues', 0)).not.toBe(nestedUuid(other, 'food-bank', 'venues', 0));
    // The book's namespace is UUID v5 of its address in the root namespace, and the service id
    // UUID v5 of `entry:<id>` in that: what docs/maintainers.md tells a consumer to compute.
    expect(bookNamespace(url)).toBe(uuidV5('https://one.example.org', ROOT_NAMESPACE));
    expect(serviceUuid(url, 'food-bank')).toBe(uuidV5('entry:food-bank', bookNamespace(url)));
    // A project address is a book of its own; the same site's address written another way is not.
    expect(bookNamespace('https://example.github.io/one')).not.toBe(bookNamespace('https://example.github.io/two'));
    for (const same of ['https://ONE.example.org/', 'https://one.example.org:443', 'https://one.example.org/?x#y'])
      expect(bookNamespace(same), same).toBe(bookNamespace(url));
  });

  it('keeps the root namespace the docs give consumers for mapping the ids from before issue 23', () => {
    for (const doc of ['docs/maintainers.md', 'docs/importing.md', 'CHANGELOG.md'])
      expect(readFileSync(doc, 'utf8'), doc).toContain(ROOT_NAMESPACE);
  });

  it("normalises a book's address: scheme, lower-case host, path without a trailing slash", () => {
    expect(bookIdentity('HTTPS://Example.ORG/Book/')).toBe('https://example.org/Book');
    expect(bookIdentity('https://example.org')).toBe('https://example.org');
    expect(bookIdentity('http://example.org:8080/a/b//')).toBe('http://example.org:8080/a/b');
    expect(bookIdentity('http://example.org/')).not.toBe(bookIdentity('https://example.org/'));
  });
});

describe('ids across books: the same book at another address', () => {
  const other = { ...book.ctx, site: { ...book.ctx.site, url: 'https://other-borough.example.org' } };
  const idsOf = (ctx = book.ctx) => new Set(feedDocuments(ctx).flatMap((d) => ids(d.doc)));

  it('shares only the LGA lists and their terms, the vocabulary no book owns', () => {
    const here = idsOf();
    const there = idsOf(other);
    const common = [...here].filter((id) => there.has(id)).sort();
    const terms = feedDocuments().find((d) => d.endpoint === '/taxonomy_terms')!.doc.contents as Json[];
    const lga = terms.filter((t) => String(t.term_uri).startsWith('http://id.esd.org.uk/'));
    expect(lga.length).toBeGreaterThan(0);
    expect(common).toEqual(
      [...lga.map((t) => t.id as string), ...new Set(lga.map((t) => t.taxonomy_id as string))].sort(),
    );
    // Their ids are those the feed has given them since the LGA lists were added.
    expect(lgaTermId('http://id.esd.org.uk/service/298')).toBe(
      uuidV5('lga:http://id.esd.org.uk/service/298', ROOT_NAMESPACE),
    );
  });

  it("gives the book's own categories, organisations and services ids of their own", () => {
    const e = byId('zz-test-fortnightly');
    const [a, b] = [hsdsService(e, book.ctx), hsdsService(e, other)] as Json[];
    expect(a.id).not.toBe(b.id);
    expect(a.organization_id).not.toBe(b.organization_id);
    expect(categoryTermId(book.ctx.site.url, 'x')).not.toBe(categoryTermId(other.site.url, 'x'));
    expect((a.attributes as Json[])[0].taxonomy_term_id).not.toBe((b.attributes as Json[])[0].taxonomy_term_id);
  });
});

describe('every document of the feed validates against HSDS 3.0 and ORUK 3.0', () => {
  const docs = feedDocuments();

  it('has all nine endpoints, and entries to check', () => {
    expect(new Set(docs.map((d) => d.endpoint))).toEqual(
      new Set([
        '/',
        '/services',
        '/services/{id}',
        '/service_at_locations',
        '/service_at_locations/{id}',
        '/taxonomies',
        '/taxonomies/{id}',
        '/taxonomy_terms',
        '/taxonomy_terms/{id}',
      ]),
    );
    expect(book.entries.length).toBeGreaterThanOrEqual(4);
  });

  it.each(docs.map((d) => [d.path, d] as const))('%s', (_path, { endpoint, doc }) => {
    const orukValidate = oruk.get(endpoint)!;
    const okOruk = orukValidate(doc);
    expect(orukValidate.errors ?? []).toEqual([]);
    expect(okOruk).toBe(true);
    const whole = HSDS[endpoint as keyof typeof HSDS];
    if (whole) {
      const ok = whole(doc);
      expect(whole.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    } else {
      expect(validatePage(doc)).toBe(true);
      const item = HSDS_ITEMS[endpoint as keyof typeof HSDS_ITEMS];
      for (const c of doc.contents as Json[]) {
        const ok = item(c);
        expect(item.errors ?? []).toEqual([]);
        expect(ok).toBe(true);
      }
    }
    for (const id of ids(doc)) expect(id).toMatch(UUID);
  });

  it('a service document repeats no id but the shared ones (organisation, taxonomy terms)', () => {
    for (const { endpoint, doc } of docs) {
      if (endpoint !== '/services/{id}') continue;
      const shared = new Set([
        doc.organization_id as string,
        ...(doc.attributes as { taxonomy_term: { id: string } }[]).map((a) => a.taxonomy_term.id),
      ]);
      const own = ids(doc).filter((id) => !shared.has(id));
      expect(new Set(own).size).toBe(own.length);
    }
  });

  it('the lists: one page each, the services list one item per listed entry', () => {
    const list = docs.find((d) => d.endpoint === '/services')!.doc;
    const listed = exportOrder(book.entries.filter(isListed));
    expect(list).toMatchObject({ total_pages: 1, page_number: 1, first_page: true, last_page: true, empty: false });
    expect((list.contents as Json[]).map((c) => c.id)).toEqual(listed.map((e) => serviceUuid(book.ctx.site.url, e.id)));
    expect((list.contents as Json[]).map((c) => c.status)).not.toContain('defunct');
    const venues = listed.reduce((n, e) => n + e.data.venues.length, 0);
    expect(docs.find((d) => d.endpoint === '/service_at_locations')!.doc.total_items).toBe(venues);
  });

  it('GET / declares version 3.0, the ORUK profile and its OpenAPI definition', () => {
    expect(docs.find((d) => d.endpoint === '/')!.doc).toMatchObject({
      version: '3.0',
      profile: 'https://openreferraluk.org/specifications/3.0/',
      openapi_url: 'https://openreferraluk.org/specifications/3.0/openapi.json',
    });
  });

  it('the schemas would catch a broken record', () => {
    const doc = hsdsService(byId('zz-test-monthly'), book.ctx);
    const orukService = oruk.get('/services/{id}')!;
    expect(validateService({ ...doc, status: 'open' })).toBe(false);
    expect(orukService({ ...doc, status: 'open' })).toBe(false);
    expect(validateService({ ...doc, id: 'not-a-uuid' })).toBe(false);
    expect(validateService({ ...doc, schedules: [{ id: serviceUuid(book.ctx.site.url, 'x'), freq: 'DAILY' }] })).toBe(
      false,
    );
    const { url: _url, ...noUrl } = docs.find((d) => d.endpoint === '/services')!.doc.contents[0] as Json;
    expect(oruk.get('/services')!({ ...docs.find((d) => d.endpoint === '/services')!.doc, contents: [noUrl] })).toBe(
      false,
    );
    const sal = docs.find((d) => d.endpoint === '/service_at_locations/{id}')!.doc;
    const { name: _name, ...nameless } = sal;
    expect(oruk.get('/service_at_locations/{id}')!(nameless)).toBe(false);
  });
});

describe('the mapping', () => {
  const fortnightly = hsdsService(byId('zz-test-fortnightly'), book.ctx) as Json;
  const monthly = hsdsService(byId('zz-test-monthly'), book.ctx) as Json;
  const helpline = hsdsService(byId('zz-test-helpline'), book.ctx) as Json;
  const closed = hsdsService(byId('zz-test-closed'), book.ctx) as Json;

  it('weekly rules become WEEKLY recurrences with the interval and a first session', () => {
    expect(fortnightly.schedules[0]).toMatchObject({
      freq: 'WEEKLY',
      interval: 2,
      byday: 'TH',
      wkst: 'MO',
      dtstart: '2026-01-08',
      valid_from: '2026-01-08',
      valid_to: '2026-11-26',
      until: '2026-11-26',
      opens_at: '09:30',
      closes_at: '11:00',
      description: 'Every other Thursday from 8 January 2026, 9:30am to 11am (until 26 November 2026)',
    });
  });

  it('monthly rules become MONTHLY with nth weekdays; one-off dates one schedule each', () => {
    expect(monthly.schedules[0]).toMatchObject({
      freq: 'MONTHLY',
      byday: '2TU,5WE,-1FR',
      opens_at: '18:00',
      closes_at: '20:30',
      notes: 'Not in August',
    });
    const dates = fortnightly.schedules.slice(1);
    expect(dates.map((s: Json) => [s.valid_from, s.valid_to, s.dtstart])).toEqual([
      ['2026-03-29', '2026-03-29', '2026-03-29'],
      ['2026-10-25', '2026-10-25', '2026-10-25'],
      ['2026-12-12', '2026-12-12', '2026-12-12'],
    ]);
    expect(dates.every((s: Json) => s.freq === undefined)).toBe(true);
  });

  it('status, organisation, costs, contacts, languages, areas, categories and assured date', () => {
    expect(helpline.status).toBe('temporarily closed');
    expect(helpline.alert).toBe('Closed until further notice.');
    expect(closed.status).toBe('defunct');
    expect(fortnightly.organization.name).toBe('Test Trust');
    expect(helpline.organization.name).toBe('Test Helpline');
    expect(fortnightly.cost_options.map((c: Json) => [c.amount, c.currency, c.amount_description])).toEqual([
      [2.5, 'GBP', 'per session'],
      [1, 'GBP', 'concessions'],
    ]);
    expect(monthly.cost_options).toEqual([expect.objectContaining({ option: 'Free', amount: 0 })]);
    // Phones once, on their contact.
    expect(fortnightly).not.toHaveProperty('phones');
    expect(fortnightly.contacts.flatMap((c: Json) => (c.phones ?? []).map((p: Json) => p.number))).toEqual([
      '+44 1942 555666',
      '01942 111222',
    ]);
    expect(fortnightly.contacts[0]).toMatchObject({ name: '@organiser', email: 'a@example.org' });
    expect(fortnightly.languages.map((l: Json) => l.code)).toEqual(['en', 'pl']);
    expect(fortnightly.service_at_locations).toHaveLength(2);
    expect(fortnightly.service_at_locations[0].location.addresses[0]).toMatchObject({
      postal_code: 'WN1 1AA',
      country: 'GB',
    });
    expect(fortnightly.service_at_locations[0].location.accessibility.map((a: Json) => a.description)).toEqual([
      'Step-free access',
      'Hearing loop',
    ]);
    expect(helpline.service_areas[0].name).toMatch(/^All of /);
    expect(monthly.service_areas).toHaveLength(2);
    expect(JSON.parse(monthly.service_areas[0].extent).type).toBe('Polygon');
    expect(fortnightly.attributes.map((a: Json) => a.taxonomy_term.code)).toEqual(
      byId('zz-test-fortnightly').data.categories,
    );
    expect(fortnightly.attributes[0].taxonomy_term).toMatchObject({
      id: categoryTermId(book.ctx.site.url, byId('zz-test-fortnightly').data.categories[0]),
      term: fortnightly.attributes[0].taxonomy_term.name,
      taxonomy: `${book.ctx.site.title} categories`,
    });
    expect(fortnightly.assured_date).toBe('2025-11-02');
    expect(helpline).toMatchObject({ minimum_age: 16, maximum_age: 25 });
  });

  it('an ORUK-only reader finds every fact: fees, ages, and in the description the rest', () => {
    // ORUK 3.0 has `fees`, not `fees_description`: both are written.
    expect(fortnightly.fees).toBe(fortnightly.fees_description);
    expect(fortnightly.fees).toMatch(/£2\.50/);
    // No ORUK field for how to join, eligibility, delivery, languages or phones and emails.
    const d = fortnightly.description as string;
    expect(d.startsWith(`${byId('zz-test-fortnightly').data.summary}\n\n`)).toBe(true);
    for (const fact of [
      'How to join: Just turn up (drop-in). Book a place.',
      'Who it is for: Line one; line two, with a comma.',
      'How it is delivered: In person.',
      'Languages: English, Polish.',
      'Contact: @organiser: +44 1942 555666, a@example.org.',
      'Contact: 01942 111222.',
    ])
      expect(d).toContain(fact);
    expect(serviceDescription(byId('zz-test-helpline'))).toContain('Contact: Helpline: 0800 123 4567.');
    expect(fortnightly.assurer_email).toBe(book.ctx.site.corrections_email);
  });

  it('last_modified: the last commit of the entry file, or the day it was last verified', () => {
    expect(fortnightly.last_modified).toBe('2025-11-02T00:00:00.000Z');
    const modified = new Map([['zz-test-fortnightly', '2026-10-30T12:34:56.000Z']]);
    const ctx = exportContext(book.ctx, modified);
    expect(hsdsService(byId('zz-test-fortnightly'), ctx).last_modified).toBe('2026-10-30T12:34:56.000Z');
    expect(lastModified(byId('zz-test-monthly'), modified)).toBe('2026-05-20T00:00:00.000Z');
  });

  it('a category with an LGA term links the entry to it too, in the LGA list as a second taxonomy', () => {
    const carers = book.entries.find((e) => e.data.categories.includes('carers-groups'))!;
    const doc = hsdsService(carers, book.ctx) as Json;
    const lga = (doc.attributes as Json[]).find(
      (a) => a.taxonomy_term_id === lgaTermId('http://id.esd.org.uk/service/298'),
    )!;
    expect(lga.taxonomy_term).toMatchObject({
      term: 'Carers support groups',
      term_uri: 'http://id.esd.org.uk/service/298',
      taxonomy: 'LGA service types',
    });
    const docs = feedDocuments();
    const taxonomies = docs.find((x) => x.endpoint === '/taxonomies')!.doc.contents as Json[];
    expect(taxonomies.map((t) => t.name)).toEqual([
      `${book.ctx.site.title} categories`,
      'LGA service types',
      'LGA needs',
    ]);
    const terms = docs.find((x) => x.endpoint === '/taxonomy_terms')!.doc.contents as Json[];
    expect(terms).toHaveLength(book.ctx.categories.length + 2);
    for (const t of terms) expect(taxonomies.map((x) => x.id)).toContain(t.taxonomy_id);
  });

  it('is the same document every time (no build time in it)', () => {
    expect(JSON.stringify(hsdsService(byId('zz-test-fortnightly'), book.ctx))).toBe(JSON.stringify(fortnightly));
  });
});
