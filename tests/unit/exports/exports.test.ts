/**
 * The other open-data files: CSV, GeoJSON, calendars (.ics), JSON-LD, the Atom feed and the
 * sitemap. Each file is read back with an independent parser (csv-parse, node-ical, rrule,
 * JSON.parse) and compared with what the site itself says.
 */
import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import ical from 'node-ical';
import { RRule, rrulestr } from 'rrule';
import { buildCsv, CSV_COLUMNS, neutraliseFormula } from '../../../src/lib/exports/csv';
import { buildVenuesGeoJson } from '../../../src/lib/exports/geojson';
import {
  buildCalendar,
  entryEvents,
  escapeText,
  foldLine,
  hasCalendar,
  neighbourhoodCalendarEntries,
} from '../../../src/lib/exports/ics';
import { entryJsonLd, jsonLdScript } from '../../../src/lib/exports/jsonld';
import { buildAtomFeed, recentlyVerified } from '../../../src/lib/exports/atom';
import { buildRobots, buildSitemap, buildSitemaps, staticPagePaths } from '../../../src/lib/exports/sitemap';
import { exportOrder } from '../../../src/lib/exports/context';
import { serviceUuid } from '../../../src/lib/exports/uuid';
import { londonInstant } from '../../../src/lib/calendar/london';
import { nextOccurrences } from '../../../src/lib/schedule/occurrences';
import { nextSessions } from '../../../src/lib/schedule/sessions';
import type { Schedule } from '../../../src/schema';
import { loadTestBook } from '../../helpers/opendata-book';
import type { Json } from '../../helpers/json';

const book = loadTestBook();
const siteUrl = book.ctx.site.url;
const byId = (id: string) => book.entries.find((e) => e.id === id)!;
const entries = exportOrder(book.entries);

describe('CSV', () => {
  const text = buildCsv(entries, book.ctx);
  const rows: string[][] = parseCsv(text, { relax_column_count: false });

  it('parses, with a header row and one row per entry', () => {
    expect(rows[0]).toEqual(CSV_COLUMNS.map((c) => c.name));
    expect(rows).toHaveLength(entries.length + 1);
    expect(rows.slice(1).map((r) => r[0])).toEqual(entries.map((e) => e.id));
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('keeps commas, quotes and line breaks inside a cell', () => {
    const row = rows.find((r) => r[0] === 'zz-test-monthly')!;
    const col = (name: string) => CSV_COLUMNS.findIndex((c) => c.name === name);
    expect(row[col('summary')]).toBe('Second Tuesday, fifth Wednesday and last Friday.');
    const f = rows.find((r) => r[0] === 'zz-test-fortnightly')!;
    expect(f[col('eligibility')]).toBe('Line one; line two, with a comma');
    expect(f[col('addresses')]).toBe('1 "Quoted", Street, Wigan, WN1 1AA | 1 "Quoted", Street, Wigan, WN1 1AA');
    expect(f[col('hsds_id')]).toBe(serviceUuid(siteUrl, 'zz-test-fortnightly'));
    expect(f[col('longitude')]).toBe('-2.632');
  });

  it('neutralises spreadsheet formulas', () => {
    const f = rows.find((r) => r[0] === 'zz-test-fortnightly')!;
    const col = (name: string) => CSV_COLUMNS.findIndex((c) => c.name === name);
    expect(f[col('name')]).toBe(`'=HYPERLINK("http://evil.example","click") & co`);
    expect(f[col('phones')]).toBe(`'+44 1942 555666; 01942 111222`);
    expect(f[col('verified_by')]).toBe(`'-team`);
    for (const row of rows.slice(1)) {
      row.forEach((cell, i) => {
        if (!CSV_COLUMNS[i].numeric) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      });
    }
    expect(neutraliseFormula('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(neutraliseFormula('Walks')).toBe('Walks');
  });
});

describe('GeoJSON', () => {
  it('has a point per venue of every entry that is not closed, as [lng, lat]', () => {
    const geo = buildVenuesGeoJson(entries, book.ctx);
    const expected = entries
      .filter((e) => e.data.status !== 'closed')
      .flatMap((e) => e.data.venues.map((v) => [v.lng, v.lat]));
    expect(geo.features.map((f) => f.geometry.coordinates)).toEqual(expected);
    expect(geo.features.some((f) => f.properties.entry_id === 'zz-test-closed')).toBe(false);
    expect(new Set(geo.features.map((f) => f.id)).size).toBe(geo.features.length);
  });
});

type VEvent = ical.VEvent;
const events = (text: string) =>
  Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');

/** A recurring event's sessions from its RRULE, read by rrule in London wall-clock time: `YYYY-MM-DD HH:MM`. */
function expand(event: VEvent, after: Date, count: number): string[] {
  const text = event.rrule!.toString();
  const ruleLine = text.split('\n').find((l) => l.startsWith('RRULE:'))!;
  const options = rrulestr(ruleLine).origOptions;
  const startLine = text.split('\n').find((l) => l.startsWith('DTSTART'))!;
  const m = /(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})/.exec(startLine)!;
  const floating = (d: Date) =>
    new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()));
  const rule = new RRule({
    ...options,
    tzid: undefined,
    dtstart: new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5])),
  });
  // node-ical keys the EXDATEs by their date.
  const excluded = new Set(Object.keys(event.exdate ?? {}).map((k) => k.slice(0, 10)));
  const out: string[] = [];
  rule.all((d) => {
    const iso = floating(d).toISOString();
    if (iso.slice(0, 10) >= after.toISOString().slice(0, 10) && !excluded.has(iso.slice(0, 10)))
      out.push(`${iso.slice(0, 10)} ${iso.slice(11, 16)}`);
    return out.length < count;
  });
  return out;
}

describe('calendars (.ics)', () => {
  const walks = byId('zz-test-fortnightly');
  const text = buildCalendar([walks], { name: walks.data.name, siteUrl, product: 'Test' });

  it('parses with node-ical, one event per rule and per one-off date, stable UIDs', () => {
    const evs = events(text);
    const host = new URL(siteUrl).host;
    expect(evs.map((e) => e.uid)).toEqual([
      `zz-test-fortnightly-0@${host}`,
      `zz-test-fortnightly-1-2026-03-29@${host}`,
      `zz-test-fortnightly-1-2026-10-25@${host}`,
      `zz-test-fortnightly-1-2026-12-12@${host}`,
    ]);
    expect(evs.every((e) => e.summary === walks.data.name)).toBe(true);
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/London');
    expect(text).toContain('RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;WKST=MO;UNTIL=20261126T235900Z');
  });

  it('writes London wall-clock times that mean the right instants, across the clock changes', () => {
    const evs = events(text);
    expect(evs[0].start.toISOString()).toBe(londonInstant('2026-01-08', '09:30').toISOString());
    expect(evs[0].start.toISOString()).toBe('2026-01-08T09:30:00.000Z');
    // 2026-03-29: clocks go forward at 01:00 GMT, so 01:30 does not exist; both read it as 02:30 BST.
    expect(evs[1].start.toISOString()).toBe(londonInstant('2026-03-29', '01:30').toISOString());
    expect(evs[1].start.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(evs[1].end!.toISOString()).toBe('2026-03-29T02:00:00.000Z');
    // 2026-10-25: 01:30 happens twice. The file says the wall-clock time, which RFC 5545 reads as
    // the first (BST) one, as londonInstant does; node-ical reads the second, so only the text is checked.
    expect(text).toContain('DTSTART;TZID=Europe/London:20261025T013000');
    expect(evs[3].start.toISOString()).toBe('2026-12-12T01:30:00.000Z');
    expect(evs[3].end!.toISOString()).toBe('2026-12-12T03:00:00.000Z');
  });

  it('does not depend on the time zone of the machine or on the day it is built', () => {
    const before = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    const elsewhere = buildCalendar([walks], { name: walks.data.name, siteUrl, product: 'Test' });
    process.env.TZ = 'Asia/Tokyo';
    const again = buildCalendar([walks], { name: walks.data.name, siteUrl, product: 'Test' });
    process.env.TZ = before;
    expect(elsewhere).toBe(text);
    expect(again).toBe(text);
    expect(text).toContain('DTSTAMP:20251102T000000Z');
  });

  // The round trip: each recurring schedule's RRULE, expanded by rrule less its EXDATEs, gives the
  // dates the site shows (src/lib/schedule/sessions.ts: no bank holiday it skips, nothing before
  // it reopens). A group closed with no day to reopen shows none; its events stay, tentative.
  const recurring = book.entries.flatMap((e) =>
    e.data.status === 'closed'
      ? []
      : e.data.schedules.map((s, i) => [`${e.id} #${i}`, e, s, i] as const).filter(([, , s]) => s.kind !== 'dates'),
  );
  it.each(recurring)('round-trips %s', (_name, entry, schedule, index) => {
    const holidays = book.ctx.site.bank_holidays;
    const cal = buildCalendar([entry], { name: entry.data.name, siteUrl, product: 'Test', holidays });
    const event = events(cal).find((e) => e.uid.startsWith(`${entry.id}-${index}@`));
    const unsure = entry.data.status === 'temporarily-closed' && !entry.data.reopens;
    if (!event) {
      // No event only when the schedule ended before the day the calendar starts from.
      expect(nextOccurrences(schedule as Schedule, new Date(`${entry.data.last_verified}T00:00:00Z`), 1)).toEqual([]);
      return;
    }
    expect(event.rrule).toBeTruthy();
    for (const now of ['2026-01-01', '2026-03-30', '2026-06-15', '2026-10-26', '2027-01-04']) {
      const at = new Date(`${now}T00:00:00Z`);
      if (at < event.start) continue;
      const site = (
        unsure
          ? nextOccurrences(schedule as Schedule, at, 8)
          : nextSessions(entry.data, [schedule as Schedule], at, 8, holidays)
      ).map((o) => `${o.date} ${o.start ?? '00:00'}`);
      expect(expand(event, at, 8)).toEqual(site);
    }
  });

  it('has no events for a closed entry, and marks a temporarily closed one tentative', () => {
    expect(entryEvents(byId('zz-test-closed'), siteUrl)).toEqual([]);
    expect(hasCalendar(byId('zz-test-closed'), siteUrl)).toBe(false);
    const help = events(buildCalendar([byId('zz-test-helpline')], { name: 'x', siteUrl, product: 'Test' }));
    expect(help[0].status).toBe('TENTATIVE');
    expect(help[0].description).toMatch(/^Temporarily closed: Closed until further notice\./);
  });

  it('writes sessions without a time as all-day events', () => {
    const ev = events(buildCalendar([byId('zz-test-monthly')], { name: 'x', siteUrl, product: 'Test' }));
    expect(ev[1].datetype).toBe('date');
    expect(ev[0].rrule!.toString()).toContain('FREQ=MONTHLY;BYDAY=2TU,5WE,-1FR');
  });

  it('a neighbourhood calendar holds the listed entries that name it', () => {
    const hood = book.ctx.neighbourhoods[0].id;
    const inHood = neighbourhoodCalendarEntries(book.entries, hood);
    expect(inHood.every((e) => e.data.neighbourhoods.includes(hood) && e.data.status !== 'closed')).toBe(true);
    expect(inHood.map((e) => e.id)).toContain('zz-test-fortnightly');
    const cal = buildCalendar(inHood, { name: 'What is on', siteUrl, product: 'Test' });
    expect(events(cal).length).toBe(inHood.reduce((n, e) => n + entryEvents(e, siteUrl).length, 0));
  });
});

describe('iCalendar text', () => {
  const octets = (line: string) => Buffer.byteLength(line, 'utf8');

  it('folds lines after 75 octets, never inside a character, and unfolds to the same text', () => {
    for (const text of [
      'a'.repeat(200),
      'é'.repeat(120),
      '£5 café 🎉'.repeat(30),
      'x'.repeat(74),
      'x'.repeat(75),
      'x'.repeat(76),
    ]) {
      const line = `DESCRIPTION:${text}`;
      const folded = foldLine(line);
      const parts = folded.split('\r\n');
      parts.forEach((p, i) => {
        expect(octets(p), `part ${i} of ${JSON.stringify(text.slice(0, 10))}`).toBeLessThanOrEqual(75);
        if (i > 0) expect(p.startsWith(' ')).toBe(true);
        expect(p).not.toMatch(/[\ud800-\udbff]$/); // no half of a surrogate pair at a break
      });
      expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    }
  });

  it('escapes backslashes, semicolons, commas and line breaks', () => {
    expect(escapeText('a\\b; c, d\r\ne\nf')).toBe('a\\\\b\\; c\\, d\\ne\\nf');
    const cal = buildCalendar([], {
      name: 'Tea, cake; and \\ more',
      description: 'Line one\nLine two, too',
      siteUrl,
      product: 'Test',
    });
    expect(cal).toContain('X-WR-CALNAME:Tea\\, cake\\; and \\\\ more');
    expect(cal).toContain('X-WR-CALDESC:Line one\\nLine two\\, too');
  });
});

describe('JSON-LD', () => {
  it('cannot end the script element or start a comment, and parses back to the same value', () => {
    const value = { name: '</script><script>alert(1)</script>', note: '<!-- x --> & \u2028\u2029 "q"' };
    const text = jsonLdScript(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text.toLowerCase()).not.toContain('</script');
    expect(JSON.parse(text)).toEqual(value);
  });

  const now = londonInstant('2026-11-01');
  const graphOf = (id: string) => (entryJsonLd(byId(id), book.ctx, now) as Json)['@graph'] as Json[];
  const node = (graph: Json[], type: string) => graph.find((n) => n['@type'] === type);

  it('is a graph: the organisation, its service and its sessions, linked by @id, none nested in another', () => {
    const graph = graphOf('zz-test-fortnightly');
    expect(graph.map((n) => n['@type'])).toEqual(['Organization', 'Service', 'EventSeries']);
    const [org, service, series] = graph;
    expect(org.name).toBe('Test Trust');
    expect(org).not.toHaveProperty('event');
    expect(service.provider).toEqual({ '@id': org['@id'] });
    expect(series.organizer).toEqual({ '@id': org['@id'] });
    expect(series.eventSchedule[0]).toMatchObject({
      repeatFrequency: 'P2W',
      byDay: ['https://schema.org/Thursday'],
      startTime: '09:30',
      startDate: '2026-01-08',
      scheduleTimezone: 'Europe/London',
    });
    const monthly = node(graphOf('zz-test-monthly'), 'EventSeries')!;
    expect(monthly.eventSchedule[0]).toMatchObject({ repeatFrequency: 'P1M', byDay: ['2TU', '5WE', '-1FR'] });
    expect(JSON.parse(jsonLdScript(graph))).toEqual(graph);
  });

  it('gives the next sessions as events with a start date and time (London, with its offset)', () => {
    const series = node(graphOf('zz-test-fortnightly'), 'EventSeries')!;
    // Every other Thursday from 8 January, until 26 November 2026; one-off 12 December at 01:30.
    expect(series.subEvent.map((e: Json) => e.startDate)).toEqual([
      '2026-11-12T09:30:00+00:00',
      '2026-11-26T09:30:00+00:00',
      '2026-12-12T01:30:00+00:00',
    ]);
    expect(series.subEvent[0]).toMatchObject({ '@type': 'Event', endDate: '2026-11-12T11:00:00+00:00' });
    const summer = node(
      (entryJsonLd(byId('zz-test-fortnightly'), book.ctx, londonInstant('2026-06-01')) as Json)['@graph'] as Json[],
      'EventSeries',
    )!;
    expect(summer.subEvent[0].startDate).toBe('2026-06-11T09:30:00+01:00');
  });

  it('leaves out the bank holidays a schedule does not meet on, and a closure before it reopens', () => {
    const mondays = node(graphOf('zz-test-bank-holidays'), 'EventSeries')!;
    const may = node(
      (entryJsonLd(byId('zz-test-bank-holidays'), book.ctx, londonInstant('2026-05-20')) as Json)['@graph'] as Json[],
      'EventSeries',
    )!;
    // 25 May 2026 is the Spring bank holiday.
    expect(may.subEvent.map((e: Json) => (e.startDate as string).slice(0, 10))).toEqual([
      '2026-06-01',
      '2026-06-08',
      '2026-06-15',
    ]);
    expect(mondays.subEvent).toHaveLength(3);
    const reopening = node(graphOf('zz-test-reopens'), 'EventSeries')!;
    expect(reopening.eventStatus).toBe('https://schema.org/EventPostponed');
    expect(reopening.subEvent[0].startDate).toBe('2026-12-02T14:00:00+00:00');
  });

  it('maps delivery: phone and home visits are channels of the service, never online', () => {
    const help = graphOf('zz-test-helpline');
    // Phone and online: sessions are online only (a phone call is not attended online).
    expect(node(help, 'EventSeries')).toBeUndefined();
    const channels = node(help, 'Service')!.availableChannel as Json[];
    expect(channels.map((c) => c.name)).toEqual(['By phone', 'Online']);
    expect(channels[0].servicePhone).toEqual({ '@type': 'ContactPoint', telephone: '0800 123 4567' });
    const visits = graphOf('zz-test-bank-holidays');
    expect(node(visits, 'EventSeries')!.eventAttendanceMode).toBe('https://schema.org/OfflineEventAttendanceMode');
    expect((node(visits, 'Service')!.availableChannel as Json[]).map((c) => c.name)).toEqual([
      'In person',
      'Home visits',
    ]);
  });
});

describe('Atom feed', () => {
  const xml = buildAtomFeed(book.entries, book.ctx);
  it('lists entries newest-checked first, updated on the day they were checked', () => {
    const updated = [...xml.matchAll(/<entry>[\s\S]*?<updated>([^<]+)<\/updated>/g)].map((m) => m[1]);
    expect(updated.length).toBe(Math.min(50, book.entries.length));
    expect([...updated].sort().reverse()).toEqual(updated);
    expect(xml).toContain(`<updated>${updated[0]}</updated>\n  <author>`);
    expect(recentlyVerified(book.entries, 2)).toHaveLength(Math.min(2, book.entries.length));
  });
  it('escapes text', () => {
    const xml = buildAtomFeed([byId('zz-test-fortnightly')], book.ctx);
    expect(xml).toContain('<title>=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;) &amp; co</title>');
    expect(xml).not.toContain('<!-- biscuits');
  });
});

describe('sitemap and robots', () => {
  it('finds the static pages and leaves out dynamic, private and noindex pages', () => {
    const files = {
      '/src/pages/index.astro': '<Base title="Home">',
      '/src/pages/about.astro': '<Base title="About">',
      '/src/pages/open-data/index.astro': '<Base title="Open data">',
      '/src/pages/entries/[id].astro': '',
      '/src/pages/404.astro': '<Base title="Page not found" noindex>',
      '/src/pages/list.astro': '<Base title="My list" description="x" noindex>',
    };
    expect(staticPagePaths(files)).toEqual(['/', '/about/', '/open-data/']);
  });
  it('writes absolute, escaped, sorted URLs, without disallowed paths', () => {
    const xml = buildSitemap(
      [{ path: '/b/' }, { path: '/a/', lastmod: '2026-01-02' }, { path: '/list/' }, { path: '/a/' }],
      'https://book.example.org',
    );
    expect([...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual([
      'https://book.example.org/a/',
      'https://book.example.org/b/',
    ]);
    expect(buildRobots('https://book.example.org')).toContain('Sitemap: https://book.example.org/sitemap.xml');
    expect(buildRobots('https://book.example.org')).toContain('Disallow: /list/');
  });
});

describe('a sitemap over the sitemaps.org limit', () => {
  it('becomes an index of parts, each within the limit, every URL in exactly one part', () => {
    const urls = Array.from({ length: 7 }, (_, i) => ({ path: `/entries/e${i}/` }));
    const files = buildSitemaps(urls, 'https://book.example.org', { limit: 3 });
    expect(files.map((f) => f.path)).toEqual(['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml']);
    expect([...files[0].body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual([
      'https://book.example.org/sitemap-1.xml',
      'https://book.example.org/sitemap-2.xml',
      'https://book.example.org/sitemap-3.xml',
    ]);
    expect(files[0].body).toContain('<sitemapindex');
    const listed = files.slice(1).flatMap((f) => [...f.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]));
    expect(listed).toEqual(urls.map((u) => `https://book.example.org${u.path}`).sort());
    for (const f of files.slice(1)) expect(f.body.match(/<url>/g)!.length).toBeLessThanOrEqual(3);
    expect(buildSitemaps(urls.slice(0, 3), 'https://book.example.org', { limit: 3 }).map((f) => f.path)).toEqual([
      'sitemap.xml',
    ]);
  });
});
