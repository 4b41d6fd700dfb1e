import { describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import {
  checkBook,
  generateBook,
  generateEntries,
  neighbourhoodGeo,
  mulberry32,
  placeVenues,
} from '../../../scripts/content/generate';
import { loadContext } from '../../../src/server/content-files';
import { pointInPolygon } from '../../../src/lib/map/geometry';
import {
  ACCESSIBILITY,
  AUDIENCES,
  BOROUGH_WIDE,
  DELIVERY_MODES,
  ENTRY_ID,
  JOIN_ROUTES,
  checkBody,
  makeEntrySchema,
  type EntryData,
} from '../../../src/schema';

// The generator is written for the sample borough, so it is tested with that borough's place files.
const DIR = 'tests/fixtures/sample-book';
const ctx = loadContext(DIR);
const neighbourhoods = neighbourhoodGeo(DIR);
const schema = makeEntrySchema(ctx);
const REFERENCE = '2026-11-01';

/** Reads a generated file back the way Astro does: js-yaml front matter, then the schema. */
function parse(text: string): { data: EntryData; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n(?:\n([\s\S]*))?$/.exec(text);
  if (!m) throw new Error(`no front matter:\n${text}`);
  const result = schema.safeParse(yaml.load(m[1]));
  if (!result.success)
    throw new Error(`${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')}\n\n${text}`);
  return { data: result.data, body: m[2] ?? '' };
}

/** Schedule shapes, worked out from the parsed (schema output) schedule. */
function kindsOf(e: EntryData): string[] {
  if (e.schedules.length === 0) return ['by appointment'];
  return e.schedules.flatMap((s) => {
    const out: string[] = s.note ? ['note'] : [];
    if (s.kind === 'dates') out.push('one-off dates');
    if (s.kind === 'monthly') {
      if (s.on.some((o) => o.nth === -1)) out.push('monthly last');
      out.push(s.on.length > 1 ? 'monthly several' : 'monthly one');
    }
    if (s.kind === 'weekly') {
      if (s.interval > 1) out.push('every other week');
      else if (s.from && s.until) out.push('term time');
      else out.push(s.days.length > 1 ? 'weekly several days' : 'weekly one day');
    }
    return out;
  });
}

const count = <T>(items: T[], pred: (t: T) => boolean) => items.filter(pred).length;

describe('mulberry32', () => {
  it('is deterministic and spreads over [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.filter((x) => x < 0.5).length).toBeGreaterThan(400);
    expect(xs.filter((x) => x < 0.5).length).toBeLessThan(600);
  });
});



describe('generateBook', () => {
  it('gives the same files for the same seed, and different ones for another seed', () => {
    const a = generateBook({ count: 200, seed: 7, ctx, neighbourhoods, reference: REFERENCE });
    const b = generateBook({ count: 200, seed: 7, ctx, neighbourhoods, reference: REFERENCE });
    const c = generateBook({ count: 200, seed: 8, ctx, neighbourhoods, reference: REFERENCE });
    expect(a).toHaveLength(200);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    const s1 = generateBook({ count: 160, seed: 1, sample: true, ctx, neighbourhoods, reference: REFERENCE });
    const s2 = generateBook({ count: 160, seed: 1, sample: true, ctx, neighbourhoods, reference: REFERENCE });
    expect(s2).toEqual(s1);
  }, 30_000);

  it('writes 300 entries that all pass the schema, with unique ids and safe bodies', () => {
    const files = generateBook({ count: 300, seed: 3, ctx, neighbourhoods, reference: REFERENCE });
    expect(files).toHaveLength(300);
    expect(new Set(files.map((f) => f.id)).size).toBe(300);
    for (const f of files) {
      expect(f.id).toMatch(ENTRY_ID);
      const { data, body } = parse(f.text);
      expect(checkBody(body.trim()), f.id).toEqual([]);
      expect(body).not.toMatch(/<[a-z!/]|!\[/i);
      expect(data.summary.length).toBeLessThanOrEqual(160);
      expect(data.last_verified <= REFERENCE, f.id).toBe(true);
      if (data.website) expect(new URL(data.website).hostname).toMatch(/(^|\.)example\.(org|com|net)$/);
      for (const c of data.contacts) {
        if (c.phone) expect(c.phone).toMatch(/^(01942 \d{6}|07700 900\d{3})$/);
      }
      for (const s of data.schedules)
        if (s.kind === 'dates') for (const d of s.dates) expect(d > REFERENCE, f.id).toBe(true);
      if (data.venues.length === 0) expect(data.delivery).not.toContain('in-person');
    }
  }, 30_000);

  it('checks a book and names the entry that fails', () => {
    const files = generateBook({ count: 20, seed: 2, ctx, neighbourhoods, reference: REFERENCE });
    expect(() => checkBook(files, ctx)).not.toThrow();
    const bad = files.map((f, i) =>
      i === 13 ? { ...f, text: f.text.replace('categories: [', 'categories: [not-a-category, ') } : f,
    );
    expect(() => checkBook(bad, ctx)).toThrow(
      new RegExp(`entry ${files[13].id} does not pass the schema[\\s\\S]*not-a-category`),
    );
    const html = files.map((f, i) => (i === 4 ? { ...f, text: `${f.text}\n<script>alert(1)</script>\n` } : f));
    expect(() => checkBook(html, ctx)).toThrow(new RegExp(`entry ${files[4].id} has a bad body`));
  });

  it('gives every kind of value a fair share in a big book', () => {
    // Shares are measured on the schema's output of the entries (defaults filled in), without the
    // YAML round trip the test above already covers, to keep this quick.
    const n = 3000;
    const data = generateEntries({ count: n, seed: 11, ctx, neighbourhoods, reference: REFERENCE }).map((e) =>
      schema.parse(e.input),
    );
    const share = (pred: (e: EntryData) => boolean) => count(data, pred) / n;
    expect(share((e) => e.status === 'temporarily-closed')).toBeGreaterThan(0.03);
    expect(share((e) => e.status === 'temporarily-closed')).toBeLessThan(0.08);
    expect(share((e) => e.status === 'closed')).toBeGreaterThan(0.01);
    expect(share((e) => e.status === 'closed')).toBeLessThan(0.04);
    expect(share((e) => e.neighbourhoods[0] === BOROUGH_WIDE)).toBeGreaterThan(0.05);
    expect(share((e) => e.neighbourhoods[0] === BOROUGH_WIDE)).toBeLessThan(0.12);
    expect(share((e) => e.venues.length === 0)).toBeGreaterThan(0.05);
    expect(share((e) => e.cost?.free === true)).toBeGreaterThan(0.5);
    expect(share((e) => e.cost?.free === true)).toBeLessThan(0.75);
    expect(share((e) => e.languages.some((l) => l !== 'en'))).toBeGreaterThan(0.06);
    expect(share((e) => e.languages.some((l) => l !== 'en'))).toBeLessThan(0.16);
    const inPerson = data.filter((e) => e.venues.length > 0);
    expect(count(inPerson, (e) => e.venues.length > 1) / inPerson.length).toBeGreaterThan(0.06);
    expect(count(inPerson, (e) => e.venues.length > 1) / inPerson.length).toBeLessThan(0.15);
    const yearAgo = '2025-11-01';
    expect(share((e) => e.last_verified < yearAgo)).toBeGreaterThan(0.06);
    expect(share((e) => e.last_verified < yearAgo)).toBeLessThan(0.15);
    const amounts = data.flatMap((e) => e.cost?.amounts ?? []).map((a) => a.amount);
    expect(Math.min(...amounts)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...amounts)).toBeLessThanOrEqual(5);
  }, 30_000);

  it('covers everything in sample mode', () => {
    const files = generateBook({ count: 160, seed: 1, sample: true, ctx, neighbourhoods, reference: REFERENCE });
    const data = files.map((f) => parse(f.text).data);
    const used = (values: string[]) => new Set(values);
    const categories = data.flatMap((e) => e.categories);
    for (const id of ctx.categoryIds)
      expect(
        count(categories, (c) => c === id),
        `category ${id}`,
      ).toBeGreaterThanOrEqual(2);
    const kinds = used(data.flatMap(kindsOf));
    for (const k of [
      'weekly one day',
      'weekly several days',
      'every other week',
      'monthly one',
      'monthly several',
      'monthly last',
      'one-off dates',
      'term time',
      'note',
      'by appointment',
    ]) {
      expect(kinds.has(k), `schedule ${k}`).toBe(true);
    }
    const joins = used(data.flatMap((e) => e.join));
    for (const j of JOIN_ROUTES) expect(joins.has(j), `join ${j}`).toBe(true);
    const delivery = used(data.flatMap((e) => e.delivery));
    for (const d of DELIVERY_MODES) expect(delivery.has(d), `delivery ${d}`).toBe(true);
    const hoods = used(data.flatMap((e) => e.neighbourhoods));
    for (const n of [...ctx.neighbourhoodIds, BOROUGH_WIDE]) expect(hoods.has(n), `neighbourhood ${n}`).toBe(true);
    const access = used(data.flatMap((e) => e.accessibility));
    for (const a of ACCESSIBILITY) expect(access.has(a), `accessibility ${a}`).toBe(true);
    const audience = used(data.flatMap((e) => e.audience));
    for (const a of AUDIENCES) expect(audience.has(a), `audience ${a}`).toBe(true);
    expect(count(data, (e) => e.status === 'temporarily-closed')).toBeGreaterThanOrEqual(3);
    expect(count(data, (e) => e.status === 'closed')).toBeGreaterThanOrEqual(2);
    expect(count(data, (e) => e.last_verified < '2025-11-01')).toBeGreaterThanOrEqual(10);
    expect(
      count(data, (e) => e.venues.length === 0 && e.delivery.every((d) => d === 'online' || d === 'phone')),
    ).toBeGreaterThanOrEqual(6);
    expect(count(data, (e) => e.venues.length > 1)).toBeGreaterThanOrEqual(6);
    expect(count(data, (e) => e.languages.some((l) => l !== 'en'))).toBeGreaterThanOrEqual(8);
    expect(count(data, (e) => e.contacts.some((c) => /^07/.test(c.phone ?? '')))).toBeGreaterThanOrEqual(2);
    expect(
      count(data, (e) => e.contacts.some((c) => /@(gmail|hotmail|yahoo|outlook|btinternet)\./.test(c.email ?? ''))),
    ).toBeGreaterThanOrEqual(2);
    expect(new Set(data.map((e) => e.name)).size, 'names are not repeated in the sample').toBe(data.length);
  }, 30_000);
});

describe('venues', () => {
  const hoodOf = (lat: number, lng: number) =>
    Object.entries(neighbourhoods)
      .filter(([, n]) => pointInPolygon(lng, lat, n.boundary.coordinates))
      .map(([id]) => id);
  const [[south, west], [north, east]] = ctx.bounds;
  /** Outward codes that belong to each neighbourhood of the sample borough. */
  const DISTRICTS: Record<string, string[]> = {
    'wigan-central': ['WN1', 'WN2', 'WN3', 'WN5', 'WN6'],
    'wigan-north': ['WN1', 'WN2', 'WN6'],
    'wigan-west': ['WN3', 'WN5'],
    'hindley-and-abram': ['WN2'],
    leigh: ['WN7', 'M29'],
    'atherton-and-tyldesley': ['M46', 'M29'],
    'ashton-and-golborne': ['WN4', 'WA3'],
  };

  it('places every venue strictly inside its neighbourhood and the site bounds, with a postcode of that district', () => {
    const venues = placeVenues(neighbourhoods, ctx.bounds);
    expect(venues.length).toBeGreaterThanOrEqual(55);
    for (const v of venues) {
      expect(hoodOf(v.lat, v.lng), v.name).toEqual([v.neighbourhood]);
      expect(v.lat > south && v.lat < north && v.lng > west && v.lng < east, v.name).toBe(true);
      expect(DISTRICTS[v.neighbourhood], v.name).toContain(v.postcode.split(' ')[0]);
    }
    expect(new Set(venues.map((v) => v.neighbourhood))).toEqual(new Set(Object.keys(neighbourhoods)));
  });

  it('puts the venues of generated entries inside the neighbourhoods the entries serve', () => {
    const data = generateBook({ count: 1000, seed: 5, ctx, neighbourhoods, reference: REFERENCE }).map(
      (f) => parse(f.text).data,
    );
    let checked = 0;
    for (const e of data) {
      for (const v of e.venues) {
        const hoods = hoodOf(v.lat, v.lng);
        expect(hoods, `${e.name}: ${v.name}`).toHaveLength(1);
        if (!e.neighbourhoods.includes(BOROUGH_WIDE)) expect(e.neighbourhoods, e.name).toContain(hoods[0]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(800);
  }, 30_000);
});
