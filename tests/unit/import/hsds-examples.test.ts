/**
 * The official HSDS 3.0 examples (tests/fixtures/import/hsds-examples, written by Open Referral,
 * not by us): the JSON documents and the CSV tables import without an error of the importer's
 * own, and the report accounts for every field they carry.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { servicesIn } from '../../../src/lib/import/documents';
import { serviceToCandidate } from '../../../src/lib/import/hsds';
import { planImport } from '../../../src/lib/import/plan';
import { leavesOf } from '../../../src/lib/import/record';
import { tablesToServices } from '../../../src/lib/import/tables';
import { importBook, importFixtures } from '../../helpers/import-book';
import { pointExample } from '../../../src/schema/context';

const dir = join(importFixtures, 'hsds-examples');
const book = { ...importBook(), defaultCategory: 'health-and-wellbeing' };
const full = JSON.parse(readFileSync(join(dir, 'service_full.json'), 'utf8'));

function importDoc(doc: unknown) {
  const { services } = servicesIn(doc);
  return planImport(
    services.map((s) => serviceToCandidate(s.doc, { system: 'hsds-examples', file: s.at }, book)),
    book,
    [],
  );
}

describe('the official HSDS 3.0 examples', () => {
  it('service_full.json: not imported, for the one reason no book could hold it, with every field accounted for', () => {
    const r = importDoc(full);
    expect(r.entries).toEqual([]);
    expect(r.notImported).toHaveLength(1);
    const [n] = r.notImported;
    expect(n.name).toBe('Community Counselling');
    expect(n.origin.id).toBe('ac148810-d857-441c-9679-408f346de14b');
    expect(n.reasons).toEqual([
      `service_at_locations[0].location (entry field venues[0].postcode): This is not a UK postcode. Fix: write it like ${book.ctx.examples?.postcode ?? 'WN1 1AB'}.`,
      `service_at_locations[0].location (entry field venues[0].lat): The latitude must be a number, e.g. ${pointExample(book.ctx).lat}.`,
      'service_at_locations[0].location (entry field venues[0].lat): The point 100, 101 is outside the area (latitude 53.42 to 53.63, longitude -2.76 to -2.4). Fix: check the numbers (longitude here is negative).',
    ]);
    const f = n.fields!;
    expect(f.placed + f.links + f.skipped.length + f.unplaced.length).toBe(leavesOf(full).length);
    // What it carries and the book has a home for is placed: names, text, contacts, cost, schedule.
    const unplaced = f.unplaced.map((u) => u.path);
    for (const placed of [
      'name',
      'description',
      'email',
      'application_process',
      'fees_description',
      'schedules[0].byday',
      'cost_options[0].amount',
      'languages[0].code',
      'alternate_name',
      'interpretation_services',
    ])
      expect(unplaced).not.toContain(placed);
    // What it carries and the book has no field for is listed, each with its path.
    for (const listed of [
      'schedules[0].bymonthday',
      'schedules[0].count',
      'phones[0].extension',
      'service_areas[0].extent',
    ])
      expect(unplaced).toContain(listed);
  });

  it('service_full.json, moved into the book\u2019s area: becomes an entry, with the facts in their fields', () => {
    const here = structuredClone(full);
    const loc = here.service_at_locations[0].location;
    Object.assign(loc, { latitude: 53.5048, longitude: -2.5878 });
    loc.addresses[0].postal_code = 'WN2 5XB';
    const r = importDoc(here);
    expect(r.notImported).toEqual([]);
    const [e] = r.entries;
    expect(e.id).toBe('community-counselling');
    expect(e.text).toContain('weekly: [thu, fri]');
    expect(e.text).toContain('start: "10:00"');
    expect(e.text).toContain('min_age: 12');
    expect(e.text).toContain('languages: [ur]');
    expect(e.text).toContain('accessibility: [step-free, hearing-loop]');
    expect(e.text).toContain('**Interpreting:** Interpretation services are available in Urdu, Polish, and Slovak');
    expect(e.text).toMatch(/source:\n {2}system: hsds-examples\n {2}id: ac148810-d857-441c-9679-408f346de14b\n/);
  });

  it('service_list.json: each item of the paged list is read as a service', () => {
    const list = JSON.parse(readFileSync(join(dir, 'service_list.json'), 'utf8'));
    const r = importDoc(list);
    expect(r.records).toBe(list.contents.length);
    expect(r.entries.length + r.notImported.length).toBe(list.contents.length);
  });

  it('csv/: the tables join into the same service, and every row is accounted for', () => {
    const tables: Record<string, Record<string, string>[]> = {};
    for (const f of readdirSync(join(dir, 'csv')).filter((f) => f.endsWith('.csv')))
      tables[f.slice(0, -4)] = parse(readFileSync(join(dir, 'csv', f), 'utf8'), { columns: true, bom: true });
    const { services, unread } = tablesToServices(tables);
    expect(services.map((s) => s.doc.name)).toEqual(['Community Counselling']);
    const s = services[0].doc as Record<string, unknown[]>;
    expect(s.schedules).toHaveLength(1);
    expect(s.service_at_locations).toHaveLength(1);
    expect((s.service_at_locations[0] as { location: { addresses: unknown[] } }).location.addresses).toHaveLength(1);
    const rowsIn = Object.entries(tables)
      .filter(([t]) => t !== 'taxonomies' && t !== 'meta_table_descriptions')
      .reduce((n, [, rows]) => n + rows.length, 0);
    // Every row is either reached from a service or reported with its table and row.
    const reached = rowsIn - unread.length;
    expect(reached).toBeGreaterThan(8);
    for (const u of unread) expect(u.reason).toMatch(/no service links to this/);
    const r = planImport(
      services.map((x) => serviceToCandidate(x.doc, { system: 'csv', row: x.row }, book)),
      book,
      [],
    );
    expect(r.notImported[0].reasons.join(' ')).toMatch(/not a UK postcode/);
  });
});

describe('HTML in a feed', () => {
  it('is read as plain text, and the report says so', () => {
    const here = structuredClone(full);
    const loc = here.service_at_locations[0].location;
    Object.assign(loc, { latitude: 53.5048, longitude: -2.5878 });
    loc.addresses[0].postal_code = 'WN2 5XB';
    here.description = '<p>Counselling for adults.</p><p>Ring &amp; book.<br>No <b>referral</b> needed.</p>';
    const r = importDoc(here);
    const [e] = r.entries;
    expect(e.text).toContain('summary: Counselling for adults.');
    expect(e.text).toContain('Ring & book.\nNo referral needed.');
    expect(e.text).not.toMatch(/<p>|<b>/);
    expect(e.guesses[0]).toBe('description: HTML tags taken out (entries are plain text)');
  });
});

describe('the other documents of the examples folder', () => {
  const docs = readdirSync(dir).filter((f) => f.endsWith('.json'));
  const found = new Map(docs.map((f) => [f, servicesIn(JSON.parse(readFileSync(join(dir, f), 'utf8')))]));

  it('reads a service only from the service documents', () => {
    const withServices = docs.filter((f) => found.get(f)!.services.length);
    expect(withServices.sort()).toEqual(['service_full.json', 'service_list.json']);
  });
  it('says which HSDS object each of the others is, instead of reading it as a service', () => {
    const said = (f: string) => found.get(f)!.other.join(' ');
    expect(said('location.json')).toMatch(/^the document is an HSDS location, not a service/);
    expect(said('organization_full.json')).toMatch(/^the document is an HSDS organization, not a service/);
    expect(said('organization_list.json')).toMatch(/^contents\[0\] is an HSDS organization, not a service/);
    expect(said('service_at_location_full.json')).toMatch(/an HSDS service_at_location, not a service/);
    expect(said('taxonomy.json')).toMatch(/an HSDS taxonomy, not a service/);
    expect(said('taxonomy_term_list.json')).toMatch(/^contents\[0\] is an HSDS taxonomy_term, not a service/);
    expect(said('base.json')).toMatch(/an HSDS API base document/);
    expect(said('tabular.json')).toBe('the document is not a service, a list of services or a paged list');
    for (const f of docs) expect(found.get(f)!.services.length + found.get(f)!.other.length, f).toBeGreaterThan(0);
  });
});
