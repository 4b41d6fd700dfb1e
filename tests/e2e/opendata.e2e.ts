/**
 * Open data and insight against the built site: the Open Referral feed is complete and valid, the
 * CSV has a row per entry, calendars parse with an independent parser and repeat on the dates
 * the entry page shows, the insight page's chart, tables and counts agree, and both pages are
 * clean under axe and fit 320px.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import ical from 'node-ical';
import rrulePkg from 'rrule';
import { test, expect, axe } from './fixtures';
import { describeTime, formatDateLong } from '../../src/lib/calendar/words';
import { holidayNote } from '../../src/lib/schedule/describe';
import { londonInstant } from '../../src/lib/calendar/london';
import type { APIRequestContext, Page } from '@playwright/test';

const { RRule, rrulestr } = rrulePkg; // rrule is CommonJS under Node

// The official Open Referral schemas, copied unchanged into the repository (see its README).
const hsdsDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', 'fixtures', 'hsds-3.0');
const schema = (f: string) => JSON.parse(readFileSync(join(hsdsDir, f), 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validateService = ajv.compile(schema('schema.service.json'));
const validateItem = ajv.compile(schema('schema.service_list.json'));

type Row = Record<string, string>;
async function csvRows(request: APIRequestContext): Promise<Row[]> {
  const res = await request.get('/open-data/entries.csv');
  expect(res.ok()).toBe(true);
  return parseCsv(await res.text(), { columns: true });
}

async function text(request: APIRequestContext, path: string): Promise<string> {
  const res = await request.get(path);
  expect(res.status(), path).toBe(200);
  return res.text();
}

/** True when the browser's XML parser reads the document without error. */
async function wellFormedXml(page: Page, xml: string): Promise<boolean> {
  return page.evaluate(
    (x) => new DOMParser().parseFromString(x, 'application/xml').getElementsByTagName('parsererror').length === 0,
    xml,
  );
}

for (const url of ['/open-data/', '/insight/']) {
  test(`${url} passes axe and fits 320px`, async ({ page }) => {
    test.slow(); // axe over a page of tables and charts takes a while on a busy 2-core machine
    await page.goto(url);
    expect(await axe(page), url).toEqual([]);
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(url);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${url} scrolls sideways at 320px`).toBeLessThanOrEqual(0);
  });
}

test('the Open Referral feed lists every running and temporarily closed entry, each valid', async ({ request }) => {
  const rows = await csvRows(request);
  expect(rows.length).toBeGreaterThan(0);
  const index = JSON.parse(await text(request, '/openreferral/index.json'));
  expect(index.version).toBe('3.0');
  // The API's own addresses answer too: GET / and GET /services, the same documents.
  expect(JSON.parse(await text(request, '/openreferral/'))).toEqual(index);
  expect(JSON.parse(await text(request, '/openreferral/services/'))).toEqual(
    JSON.parse(await text(request, '/openreferral/services.json')),
  );
  const list = JSON.parse(await text(request, '/openreferral/services.json'));
  const listed = rows.filter((r) => r.status !== 'Closed');
  expect(list.total_items).toBe(listed.length);
  expect(list.contents).toHaveLength(listed.length);
  expect(new Set(list.contents.map((c: { id: string }) => c.id))).toEqual(new Set(listed.map((r) => r.hsds_id)));
  for (const item of list.contents) expect(validateItem(item), JSON.stringify(validateItem.errors)).toBe(true);
  // Every entry, closed ones too, has its full record.
  for (const row of rows) {
    // The first feed's address: astro preview, which serves this test, does not serve files without an
    // extension (static hosts do: tests/build/sample-site.test.ts); the bytes are the same.
    const doc = JSON.parse(await text(request, `/openreferral/services/${row.hsds_id}.json`));
    expect(validateService(doc), `${row.id}: ${JSON.stringify(validateService.errors)}`).toBe(true);
    expect(doc.id).toBe(row.hsds_id);
    expect(doc.name).toBe(row.name.replace(/^'(?=[=+\-@])/, ''));
    expect(doc.assured_date).toBe(row.last_verified);
  }
});

test('the CSV has a row per entry page; the GeoJSON, sitemap, feed and robots.txt read back', async ({
  page,
  request,
}) => {
  const rows = await csvRows(request);
  const sitemap = await text(request, '/sitemap.xml');
  expect(await wellFormedXml(page, sitemap)).toBe(true);
  const entryUrls = [...sitemap.matchAll(/<loc>([^<]+\/entries\/[^<]+)<\/loc>/g)].map((m) => m[1]);
  expect(entryUrls.sort()).toEqual(rows.map((r) => r.url).sort());
  const robots = await text(request, '/robots.txt');
  const siteUrl = new URL(rows[0].url).origin;
  expect(robots).toContain(`Sitemap: ${siteUrl}/sitemap.xml`);
  const feed = await text(request, '/feed.xml');
  expect(await wellFormedXml(page, feed)).toBe(true);
  const updated = [...feed.matchAll(/<entry>[\s\S]*?<updated>([^<]+)</g)].map((m) => m[1]);
  expect(updated).toHaveLength(Math.min(50, rows.length));
  expect([...updated].sort().reverse()).toEqual(updated);
  const geo = JSON.parse(await text(request, '/open-data/venues.geojson'));
  expect(geo.type).toBe('FeatureCollection');
  const running = new Set(rows.filter((r) => r.status !== 'Closed').map((r) => r.id));
  for (const f of geo.features) expect(running.has(f.properties.entry_id)).toBe(true);
});

type VEvent = ical.VEvent;
const vevents = (ics: string) =>
  Object.values(ical.sync.parseICS(ics)).filter((c): c is VEvent => c?.type === 'VEVENT');

/** London wall-clock `YYYY-MM-DD`, `HH:MM` of an instant. */
function london(d: Date): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}
const addMinutes = (time: string, minutes: number) => {
  const t = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) + minutes;
  return `${String(Math.floor(t / 60) % 24).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
};

/**
 * The sessions a calendar file says happen on or after London day `from`, as the site words them,
 * soonest first: recurring events expanded by the rrule package (in London wall-clock time).
 */
function sessionsFromIcs(events: VEvent[], from: string, count: number): string[] {
  const out: { key: string; text: string }[] = [];
  for (const ev of events) {
    const allDay = ev.datetype === 'date';
    const start = allDay ? { date: ev.start.toISOString().slice(0, 10), time: '' } : london(ev.start);
    const minutes = ev.end && !allDay ? Math.round((ev.end.getTime() - ev.start.getTime()) / 60000) : undefined;
    // The sample book's site.yaml marks England and Wales bank holidays ("… check it is on").
    const words = (date: string) =>
      [
        formatDateLong(date),
        start.time ? describeTime(start.time, minutes === undefined ? undefined : addMinutes(start.time, minutes)) : '',
      ]
        .filter(Boolean)
        .join(', ') + holidayNote(date, 'england-and-wales');
    const dates: string[] = [];
    // The days a series leaves out (bank holidays it does not meet on, a closure).
    const excluded = new Set(Object.keys(ev.exdate ?? {}).map((k) => k.slice(0, 10)));
    if (ev.rrule) {
      const ruleLine = ev.rrule
        .toString()
        .split('\n')
        .find((l) => l.startsWith('RRULE:'))!;
      const [y, m, d] = start.date.split('-').map(Number);
      const [hh, mm] = (start.time || '00:00').split(':').map(Number);
      const rule = new RRule({
        ...rrulestr(ruleLine).origOptions,
        tzid: undefined,
        dtstart: new Date(Date.UTC(y, m - 1, d, hh, mm)),
      });
      rule.all((date) => {
        const day = date.toISOString().slice(0, 10);
        if (day >= from && !excluded.has(day)) dates.push(day);
        return dates.length < count && day < '2100-01-01';
      });
    } else if (start.date >= from) dates.push(start.date);
    for (const date of dates) out.push({ key: `${date} ${start.time || '00:00'}`, text: words(date) });
  }
  out.sort((a, b) => a.key.localeCompare(b.key));
  const seen = new Set<string>();
  return out
    .filter((o) => !seen.has(o.key) && seen.add(o.key))
    .slice(0, count)
    .map((o) => o.text);
}

test('entries offer their calendar, whose repeating rules give the next dates the page shows', async ({
  page,
  request,
}) => {
  const rows = await csvRows(request);
  // A few running entries with repeating schedules: weekly ones and monthly ones.
  const weekly = rows.filter((r) => r.status === 'Running' && /Every/.test(r.schedules)).slice(0, 3);
  const monthly = rows.filter((r) => r.status === 'Running' && /of the month/.test(r.schedules)).slice(0, 2);
  const picked = [...weekly, ...monthly];
  expect(picked.length, 'running entries with repeating schedules').toBeGreaterThan(0);
  for (const row of picked) {
    const ics = await text(request, `/calendar/${row.id}.ics`);
    const events = vevents(ics);
    expect(
      events.some((e) => e.rrule),
      row.id,
    ).toBe(true);
    for (const e of events) expect(e.uid).toMatch(new RegExp(`^${row.id}-\\d+(-\\d{4}-\\d{2}-\\d{2})?@`));
    // Read the page at 00:30 London time on the day of the calendar's latest first session.
    const day = events
      .filter((e) => e.rrule)
      .map((e) => (e.datetype === 'date' ? e.start.toISOString().slice(0, 10) : london(e.start).date))
      .sort()
      .at(-1)!;
    await page.clock.setFixedTime(londonInstant(day, '00:30'));
    await page.goto(`/entries/${row.id}/`);
    await expect(page.getByRole('link', { name: /to your calendar \(\.ics file\)/ })).toHaveAttribute(
      'href',
      `/calendar/${row.id}.ics`,
    );
    const shown = page.locator('.next-dates li:not([data-no-session])');
    await expect(shown.first()).toBeVisible();
    const onPage = (await shown.allTextContents()).map((t) => t.trim());
    expect(onPage, row.id).toEqual(sessionsFromIcs(events, day, onPage.length));
    // JSON-LD: the organisation, and the sessions as an event series with its schedule.
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    const graph = ld['@graph'] as { '@type': string; name: string; eventSchedule?: unknown[] }[];
    expect(graph[0]['@type']).toBe('Organization');
    const series = graph.find((n) => n['@type'] === 'EventSeries')!;
    expect(series.name).toBe((await page.locator('h1').textContent())!.trim());
    expect(series.eventSchedule!.length).toBeGreaterThan(0);
  }
});

test('the bank holidays an entry page marks "no session" are its calendar\'s EXDATEs', async ({ page, request }) => {
  // Mondays, 10am to 1pm, not on bank holidays (sample book). Read on Thursday 20 August 2026:
  // the next Mondays are 24 August, 31 August (Summer bank holiday), 7 and 14 September.
  const id = 'hindley-polish-community-group';
  await page.clock.setFixedTime(londonInstant('2026-08-20', '09:00'));
  await page.goto(`/entries/${id}/`);
  await expect(page.getByText('Every Monday, 10am to 1pm, not on bank holidays')).toBeVisible();
  const lines = page.locator('.next-dates li');
  await expect(lines.first()).toBeVisible();
  const marked = await page
    .locator('.next-dates li[data-no-session]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-date')!));
  const sessions = await page
    .locator('.next-dates li:not([data-no-session])')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-date')!));
  expect(marked).toEqual(['2026-08-31']);
  expect(await page.locator('.next-dates li[data-no-session]').textContent()).toBe(
    'No session on Monday 31 August 2026 (Summer bank holiday)',
  );
  expect(sessions).toEqual(['2026-08-24', '2026-09-07', '2026-09-14']);
  // The calendar: the EXDATEs between now and the last date shown are exactly the marked days,
  // and its sessions, less the EXDATEs, are the page's.
  const events = vevents(await text(request, `/calendar/${id}.ics`));
  // node-ical keys each EXDATE more than once (by date and by instant).
  const exdates = [...new Set(events.flatMap((e) => Object.keys(e.exdate ?? {}).map((k) => k.slice(0, 10))))].sort();
  expect(exdates.filter((d) => d >= '2026-08-20' && d <= sessions.at(-1)!)).toEqual(marked);
  expect(exdates.length).toBeGreaterThan(marked.length); // the later bank holidays too
  const shown = (await page.locator('.next-dates li:not([data-no-session])').allTextContents()).map((t) => t.trim());
  expect(shown).toEqual(sessionsFromIcs(events, '2026-08-20', 3));
});

test('a neighbourhood links its "what\'s on" calendar of the local entries', async ({ page, request }) => {
  const rows = await csvRows(request);
  await page.goto('/neighbourhoods/');
  const href = (await page.locator('main a[href^="/neighbourhoods/"]').first().getAttribute('href'))!;
  const id = href.split('/')[2];
  await page.goto(href);
  const name = (await page.locator('h1').textContent())!.trim();
  const link = page.getByRole('link', { name: `What's on in ${name} (calendar .ics file)` });
  await expect(link).toHaveAttribute('href', `/calendar/neighbourhoods/${id}.ics`);
  const ics = await text(request, `/calendar/neighbourhoods/${id}.ics`);
  expect(ics).toContain(`X-WR-CALNAME:What's on in ${name}`);
  const local = new Set(
    rows.filter((r) => r.status !== 'Closed' && r.neighbourhoods.split('; ').includes(id)).map((r) => r.id),
  );
  for (const e of vevents(ics)) expect(local.has(e.uid.replace(/-\d+(-\d{4}-\d{2}-\d{2})?@.*$/, ''))).toBe(true);
});

test('insight: the chart, the tables and the entries agree', async ({ page, request }) => {
  const rows = await csvRows(request);
  await page.goto('/insight/');
  const matrix = page.locator('table.needs-matrix');
  const needs = (await matrix.locator('thead th').allTextContents()).slice(1, -1).map((t) => t.trim());
  const sections = page.locator('section.insight-area');
  const count = await sections.count();
  expect(count).toBeGreaterThan(1);
  for (let i = 0; i < count; i++) {
    const section = sections.nth(i);
    const id = (await section.locator('h3').getAttribute('id'))!.replace(/^area-/, '');
    const table = await section
      .locator('table tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [tr.querySelector('th')!.textContent!.trim(), tr.querySelector('td')!.textContent!.trim()]),
      );
    expect(table.map(([need]) => need)).toEqual(needs);
    // The SVG says the same numbers, in words where there is none.
    const chart = await section.locator('svg text').allTextContents();
    const fromChart = table.flatMap(([need, n]) => [need, n === '0 (gap)' ? 'none (gap)' : n]);
    expect(chart).toEqual(fromChart);
    // The overview row says the same again.
    const overview = await matrix.locator(`tbody tr:has(a[href="#area-${id}"]) td`).allTextContents();
    expect(overview.slice(0, -1).map((t) => t.trim())).toEqual(table.map(([, n]) => n));
    // And the total is the number of entries that are not closed and name the area.
    const total = rows.filter((r) => r.status !== 'Closed' && r.neighbourhoods.split('; ').includes(id)).length;
    expect(overview.at(-1)!.trim()).toBe(String(total));
    await expect(section.locator('p').first()).toContainText(`${total} ${total === 1 ? 'entry' : 'entries'}`);
  }
});
