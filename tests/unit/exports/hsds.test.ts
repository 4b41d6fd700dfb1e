/**
 * The Open Referral (HSDS 3.0) feed: every document validates against the official schemas in
 * tests/fixtures/hsds-3.0, ids are deterministic UUIDs, and the mapping says what the entry says.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { hsdsIndex, hsdsService, hsdsServiceList } from '../../../src/lib/exports/hsds';
import { exportOrder, isListed } from '../../../src/lib/exports/context';
import { DNS_NAMESPACE, nestedUuid, serviceUuid, uuidV5 } from '../../../src/lib/exports/uuid';
import { hsdsDir, loadTestBook } from '../../helpers/opendata-book';
import type { Json } from '../../helpers/json';

const read = (f: string) => JSON.parse(readFileSync(join(hsdsDir, f), 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validateService = ajv.compile(read('schema.service.json'));
const validateListItem = ajv.compile(read('schema.service_list.json'));
const openapi = read('openapi.json');
const validatePage = ajv.compile({
  ...openapi.components.schemas.Page,
  required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty'],
});
const validateIndex = ajv.compile(openapi.paths['/'].get.responses['200'].content['application/json'].schema);

const book = loadTestBook();
const byId = (id: string) => book.entries.find((e) => e.id === id)!;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

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
  it('is stable and distinct per entry and path', () => {
    expect(serviceUuid('hindley-health-walks')).toBe(serviceUuid('hindley-health-walks'));
    expect(serviceUuid('a')).not.toBe(serviceUuid('b'));
    expect(nestedUuid('a', 'schedules', 0)).not.toBe(nestedUuid('a', 'schedules', 1));
    expect(serviceUuid('a')).toMatch(UUID);
  });
});

describe('HSDS documents validate against the official schemas', () => {
  it('has entries to check', () => {
    expect(book.entries.length).toBeGreaterThanOrEqual(4);
  });

  it.each(book.entries.map((e) => [e.id, e] as const))('service %s', (_id, entry) => {
    const doc = hsdsService(entry, book.ctx);
    const ok = validateService(doc);
    expect(validateService.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const all = ids(doc);
    for (const id of all) expect(id).toMatch(UUID);
    // Nested objects may repeat a shared id (organisation, taxonomy term), nothing else may.
    const shared = new Set([
      doc.organization_id as string,
      ...(doc.attributes as { taxonomy_term: { id: string } }[]).map((a) => a.taxonomy_term.id),
    ]);
    const own = all.filter((id) => !shared.has(id));
    expect(new Set(own).size).toBe(own.length);
  });

  it('the services list: page shape, one item per listed entry, each item valid', () => {
    const listed = exportOrder(book.entries.filter(isListed));
    const list = hsdsServiceList(listed, book.ctx) as {
      total_items: number;
      size: number;
      contents: Record<string, unknown>[];
    };
    expect(validatePage(list)).toBe(true);
    expect(list.total_items).toBe(book.entries.filter((e) => e.data.status !== 'closed').length);
    expect(list.contents).toHaveLength(list.total_items);
    for (const item of list.contents) {
      const ok = validateListItem(item);
      expect(validateListItem.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
    expect(list.contents.map((c) => c.id)).toEqual(listed.map((e) => serviceUuid(e.id)));
    expect(list.contents.map((c) => c.status)).not.toContain('defunct');
  });

  it('index.json answers GET / of the HSDS API', () => {
    expect(validateIndex(hsdsIndex())).toBe(true);
    expect(hsdsIndex()).toMatchObject({ version: '3.0' });
  });

  it('the validator would catch a broken record', () => {
    const doc = hsdsService(byId('zz-test-monthly'), book.ctx);
    expect(validateService({ ...doc, status: 'open' })).toBe(false);
    expect(validateService({ ...doc, id: 'not-a-uuid' })).toBe(false);
    expect(validateService({ ...doc, schedules: [{ id: serviceUuid('x'), freq: 'DAILY' }] })).toBe(false);
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
    expect(fortnightly.phones.map((p: Json) => p.number)).toEqual(['+44 1942 555666', '01942 111222']);
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
    expect(fortnightly.assured_date).toBe('2025-11-02');
    expect(helpline).toMatchObject({ minimum_age: 16, maximum_age: 25 });
  });

  it('is the same document every time (no build time in it)', () => {
    expect(JSON.stringify(hsdsService(byId('zz-test-fortnightly'), book.ctx))).toBe(JSON.stringify(fortnightly));
  });
});
