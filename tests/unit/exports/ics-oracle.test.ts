/**
 * The calendar writer (src/lib/exports/ics.ts) against ical-generator as an oracle: for every
 * entry of the test book and of the sample book, and for each neighbourhood's "what's on"
 * calendar, the hand-written writer gives the same text as ical-generator given the same events.
 * The build writes calendars by hand because ical-generator's line folding (a TextEncoder per
 * character) was most of the calendars' cost at 10,000 entries; this test keeps the output the
 * well-kept library's. One known difference: ical-generator writes the calendar's NAME,
 * X-WR-CALNAME and X-WR-CALDESC without escaping commas and semicolons, where RFC 5545 TEXT
 * escapes them (so those lines are compared unescaped). Two more: ical-generator leaves off the
 * line break after END:VCALENDAR, and writes a rule given as text (with its EXDATE line) as given.
 */
import { describe, expect, it } from 'vitest';
import ical, { ICalEventStatus } from 'ical-generator';
import {
  buildCalendar,
  entryEvents,
  neighbourhoodCalendarEntries,
  LONDON_VTIMEZONE,
  TIME_ZONE,
  type CalendarEvent,
  type CalendarOptions,
} from '../../../src/lib/exports/ics';
import { londonInstant } from '../../../src/lib/calendar/london';
import { exportOrder, type ExportEntry } from '../../../src/lib/exports/context';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import { makeEntrySchema } from '../../../src/schema';
import { loadContext } from '../../../src/server/content-files';
import { loadTestBook, repoRoot, type TestBook } from '../../helpers/opendata-book';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A London wall-clock date and time in the shape ical-generator takes for Temporal's
 * PlainDateTime. With the event's time zone set, ical-generator writes it as it reads
 * (`DTSTART;TZID=Europe/London:20260414T100000`) whatever the time zone of the machine running
 * the build; a native Date would be read in the machine's zone.
 */
function londonWallClock(date: string, time: string) {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const fields = { year, month, day, hour, minute, second: 0 };
  const text = `${date}T${time}:00`;
  const plainDate = { year, month, day, toJSON: () => date, toString: () => date };
  const plain = {
    ...fields,
    toPlainDate: () => plainDate,
    toZonedDateTime: (zone: string) => zoned(zone),
    toJSON: () => text,
    toString: () => text,
  };
  const instant = () => {
    const ms = londonInstant(date, time).getTime();
    return {
      epochMilliseconds: ms,
      epochSeconds: ms / 1000,
      toJSON: () => new Date(ms).toISOString(),
      toString: () => new Date(ms).toISOString(),
    };
  };
  function zoned(zone: string): Record<string, unknown> {
    if (zone !== TIME_ZONE) throw new Error(`Only ${TIME_ZONE} is supported, not ${zone}`);
    return {
      ...fields,
      timeZoneId: zone,
      toPlainDateTime: () => plain,
      toInstant: instant,
      withTimeZone: (other: string) => {
        if (other === zone) return zoned(zone);
        const d = new Date(instant().epochMilliseconds);
        const utc = {
          year: d.getUTCFullYear(),
          month: d.getUTCMonth() + 1,
          day: d.getUTCDate(),
          hour: d.getUTCHours(),
          minute: d.getUTCMinutes(),
          second: 0,
        };
        const utcText = `${utc.year}-${pad(utc.month)}-${pad(utc.day)}T${pad(utc.hour)}:${pad(utc.minute)}:00`;
        const utcPlain = {
          ...utc,
          toPlainDate: () => plainDate,
          toZonedDateTime: zoned,
          toJSON: () => utcText,
          toString: () => utcText,
        };
        return {
          ...utc,
          timeZoneId: other,
          toPlainDateTime: () => utcPlain,
          toInstant: instant,
          withTimeZone: zoned,
          toJSON: () => utcText,
          toString: () => utcText,
        };
      },
      toJSON: () => `${text}[${zone}]`,
      toString: () => `${text}[${zone}]`,
    };
  }
  return plain;
}

/** `YYYY-MM-DD` as a Date at midnight UTC (all-day events and DTSTAMP). */

/** The EXDATE line of a recurring event, written out from its dates. */
function exdateLine(ev: CalendarEvent): string | undefined {
  if (!ev.exdates) return undefined;
  const day = (d: string) => d.replace(/-/g, '');
  return ev.start
    ? `EXDATE;TZID=${TIME_ZONE}:${ev.exdates.map((d) => `${day(d)}T${ev.start!.replace(':', '')}00`).join(',')}`
    : `EXDATE;VALUE=DATE:${ev.exdates.map(day).join(',')}`;
}

/** The same events, through ical-generator. */
function oracle(entries: ExportEntry[], options: CalendarOptions): string {
  const cal = ical({
    prodId: { company: 'Community Book', product: options.product, language: 'EN' },
    name: options.name,
    description: options.description,
  });
  cal.timezone({ name: null, generator: (zone) => (zone === TIME_ZONE ? LONDON_VTIMEZONE : null) });
  const events: CalendarEvent[] = entries.flatMap((e) => entryEvents(e, options.siteUrl, options));
  for (const ev of events) {
    cal.createEvent({
      id: ev.uid,
      summary: ev.summary,
      description: ev.description,
      location: ev.location,
      url: ev.url,
      stamp: new Date(ev.stamp),
      sequence: ev.sequence,
      status: ICalEventStatus[ev.status],
      ...(ev.start
        ? {
            timezone: TIME_ZONE,
            start: londonWallClock(ev.date, ev.start) as never,
            end: ev.end ? (londonWallClock(ev.date, ev.end) as never) : undefined,
          }
        : { allDay: true, start: new Date(`${ev.date}T00:00:00Z`) }),
      // ical-generator writes a string rule as given, so the EXDATE line is spelt out here.
      ...(ev.rrule ? { repeating: [ev.rrule, exdateLine(ev)].filter(Boolean).join('\n') } : {}),
    });
  }
  // RFC 5545 §3.1: every content line ends with CRLF, the last one too; ical-generator leaves that one off.
  return `${cal.toString()}\r\n`;
}

/**
 * Comparable text: the events (and time zone) exactly as written, folding included; the header
 * before them unfolded, with the calendar's own name and description unescaped (ical-generator
 * does not escape them, so their folds fall elsewhere).
 */
function comparable(text: string): { header: string; body: string } {
  const at = text.search(/\r\nBEGIN:(VTIMEZONE|VEVENT)\r\n/);
  const cut = at < 0 ? text.lastIndexOf('\r\nEND:VCALENDAR') : at;
  const header = text
    .slice(0, cut)
    .replace(/\r\n /g, '')
    .split('\r\n')
    .map((line) => (/^(NAME|X-WR-CALNAME|X-WR-CALDESC):/.test(line) ? line.replace(/\\([,;\\])/g, '$1') : line))
    .join('\r\n');
  return { header, body: text.slice(cut) };
}

/** The hostile book's entries that the schema accepts (RTL overrides, zero-width characters, emoji, 10,000-character fields…). */
function hostileBook(): TestBook {
  const dir = resolve(repoRoot, 'tests/fixtures/hostile');
  const base = loadTestBook(dir, false);
  const schema = makeEntrySchema(loadContext(dir));
  const entries = readdirSync(join(dir, 'entries'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .flatMap((f) => {
      const parsed = schema.safeParse(parseFrontmatter(readFileSync(join(dir, 'entries', f), 'utf8')).frontmatter);
      return parsed.success ? [{ id: f.replace(/\.md$/, ''), data: parsed.data }] : [];
    });
  return { ...base, entries };
}

describe.each([
  ['the sample book and the hand-made entries', loadTestBook()],
  ['the hostile book (accepted entries)', hostileBook()],
])('calendars of %s, against ical-generator', (_, book) => {
  const siteUrl = book.ctx.site.url;
  const entries = exportOrder(book.entries);

  it('each entry: the same text', () => {
    let compared = 0;
    for (const e of entries) {
      const options = {
        name: e.data.name,
        description: e.data.summary,
        siteUrl,
        product: 'Test',
        holidays: book.ctx.site.bank_holidays,
      };
      const mine = buildCalendar([e], options);
      expect(comparable(mine), e.id).toEqual(comparable(oracle([e], options)));
      compared++;
    }
    expect(compared).toBe(entries.length);
  });

  it("each neighbourhood's what's on: the same text", () => {
    for (const n of book.ctx.neighbourhoods) {
      const inHood = neighbourhoodCalendarEntries(entries, n.id);
      const options = {
        name: `What's on in ${n.name}`,
        description: `Groups, activities and support in ${n.name}, with commas, and more`,
        siteUrl,
        product: 'Test',
        holidays: book.ctx.site.bank_holidays,
      };
      expect(comparable(buildCalendar(inHood, options)), n.id).toEqual(comparable(oracle(inHood, options)));
    }
  });
});
