/**
 * Calendars (.ics, RFC 5545) of entries' sessions. Pure: the same entries always give the same
 * bytes (no "now" anywhere).
 *
 * The text is written here, checked against ical-generator: tests/unit/ics-oracle.test.ts gives
 * the same events to ical-generator and expects the same bytes, for every entry of the sample and
 * hostile books. The build does not call ical-generator itself because its line folding (a new
 * TextEncoder per character) made calendars the largest single cost of a 10,000-entry build
 * (docs/performance.md); the tests also read every file back with node-ical and rrule.
 *
 *  - A weekly or monthly schedule is one recurring event: DTSTART at its first session (see
 *    recurrence.ts), RRULE from the rule, UNTIL from `until` (in UTC, as RFC 5545 requires with a
 *    TZID start). Times are Europe/London wall-clock times (`DTSTART;TZID=Europe/London`), with a
 *    VTIMEZONE in the file, so a session stays at 10am across the clock changes.
 *  - One-off dates are one event each.
 *  - Without a start time a session is an all-day event.
 *  - UIDs are stable: `<entry-id>-<schedule-index>@<site host>`, plus `-<date>` for one-off dates.
 *  - DTSTAMP is when the entry last changed (its file's last commit: `lastModified`), never the
 *    build time; SEQUENCE is that instant in seconds since 2020, so every change to an entry (a
 *    session's new time above all) gives its events a higher SEQUENCE and a subscribed calendar
 *    replaces the old ones (RFC 5545 §3.8.7.4).
 *  - The days a group does not meet are left out of a series as EXDATEs (and a one-off date on
 *    one is CANCELLED): the bank holidays a schedule does not meet on (`not_on_bank_holidays`),
 *    and, for a temporarily closed group that knows when it reopens, every session before then.
 *    They follow src/lib/schedule/sessions.ts, as the entry page does, over a fixed stretch (to
 *    the end of the second year after the entry was last verified), so the file has no "now".
 *  - A temporarily closed entry's events say so first in their description; they are TENTATIVE
 *    while the day it reopens is not known.
 *  - No METHOD: the file is a plain calendar to import or subscribe to, not an iTIP message
 *    (RFC 5546 would then require an ORGANIZER), and it ends with a line break, as every content
 *    line must (RFC 5545 §3.1).
 */
import { DELIVERY_LABELS, type BankHolidayRegion } from '../../schema/vocab';
import type { Schedule } from '../../schema';
import { describeSchedule } from '../schedule/describe';
import { describeTime, formatDateLong } from '../calendar/words';
import { isActiveOn, occursOn } from '../schedule/occurrences';
import { holidayOff } from '../schedule/sessions';
import { addDays } from '../calendar/dates';
import { bankHolidays } from '../calendar/bank-holidays';
import { londonInstant } from '../calendar/london';
import { venueAddress } from '../view/format';
import { entryUrl, lastModified, siteHost, type ExportEntry, type ModifiedTimes } from './context';
import { isRecurring, recurrenceStart, rruleBody } from './recurrence';

export const TIME_ZONE = 'Europe/London';

/** Europe/London as a VTIMEZONE (the EU rules in force since 1996: last Sunday of March and October, 01:00 UTC). */
export const LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/** An instant as an iCalendar UTC date-time: `20260720T225900Z`. */
function icalUtc(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** The RRULE of a recurring schedule, with UNTIL in the form its DTSTART needs. */
export function rrule(s: Extract<Schedule, { kind: 'weekly' | 'monthly' }>): string {
  const body = rruleBody(s);
  if (!s.until) return `RRULE:${body}`;
  const until = s.start ? icalUtc(londonInstant(s.until, '23:59')) : s.until.replace(/-/g, '');
  return `RRULE:${body};UNTIL=${until}`;
}

function location(e: ExportEntry): string {
  if (e.data.venues.length) return e.data.venues.map((v) => `${v.name}, ${venueAddress(v)}`).join(' or ');
  return e.data.delivery.map((m) => DELIVERY_LABELS[m]).join(', ');
}

/** Status, summary, when (the rule in words, or the one date), and a link to the entry. */
function description(e: ExportEntry, s: Schedule, url: string, date?: string): string {
  const d = e.data;
  const status = d.status === 'temporarily-closed' ? `Temporarily closed${d.alert ? `: ${d.alert}` : '.'}` : d.alert;
  const when = date
    ? [formatDateLong(date), describeTime(s.start, s.end)].filter(Boolean).join(', ')
    : describeSchedule(s);
  return [status, d.summary, [when, s.note].filter(Boolean).join(' – '), `Details and contacts: ${url}`]
    .filter(Boolean)
    .join('\n\n');
}

/** One VEVENT. Dates are `YYYY-MM-DD`, times London wall-clock `HH:MM`. */
export interface CalendarEvent {
  uid: string;
  /** DTSTAMP: when the entry last changed, an ISO instant. */
  stamp: string;
  /** SEQUENCE: grows with every change to the entry (`sequenceOf(stamp)`). */
  sequence: number;
  date: string;
  /** Start and end times; without a start the event is all-day. */
  start?: string;
  end?: string;
  /** The whole `RRULE:` line of a recurring schedule. */
  rrule?: string;
  /** Days of a recurring schedule without a session (`YYYY-MM-DD`), as EXDATEs. */
  exdates?: string[];
  summary: string;
  location: string;
  description: string;
  url: string;
  status: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
}

/** Seconds from 2020-01-01T00:00:00Z: SEQUENCE's zero. */
const SEQUENCE_EPOCH = Date.UTC(2020, 0, 1);

/** SEQUENCE for an entry last changed at `stamp` (an ISO instant): whole seconds since 2020, never below 0. */
export function sequenceOf(stamp: string): number {
  return Math.max(0, Math.floor((Date.parse(stamp) - SEQUENCE_EPOCH) / 1000));
}

/** What the events of an entry need besides the entry. */
export interface EventOptions {
  /** Whose bank holidays count (site.yaml `bank_holidays`); none when absent. */
  holidays?: BankHolidayRegion;
  /** When each entry last changed (`ExportContext.modified`). */
  modified?: ModifiedTimes;
}

/** The last day the EXDATEs look at: the end of the second year after the entry was last verified. */
function horizonOf(e: ExportEntry): string {
  return `${Number(e.data.last_verified.slice(0, 4)) + 2}-12-31`;
}

/** Why a group has no session on `date` of schedule `s`: closed until it reopens, or a bank holiday it skips. */
function offOn(e: ExportEntry, s: Schedule, date: string, holidays: BankHolidayRegion): boolean {
  const closed = e.data.status === 'temporarily-closed' && e.data.reopens !== undefined && date < e.data.reopens;
  return closed || holidayOff(s, date, holidays) !== undefined;
}

/** The EXDATEs of a recurring schedule whose series starts on `first`. */
function exdatesOf(e: ExportEntry, s: Schedule, first: string, holidays: BankHolidayRegion): string[] {
  const last = s.until && s.until < horizonOf(e) ? s.until : horizonOf(e);
  // The days that can be off (before reopening, and the region's bank holidays), not every day
  // of two years: then the ones the schedule meets on and that are off.
  const candidates = new Set<string>();
  const reopens = e.data.status === 'temporarily-closed' ? e.data.reopens : undefined;
  if (reopens !== undefined)
    for (let day = first; day <= last && day < reopens; day = addDays(day, 1)) candidates.add(day);
  if (s.not_on_bank_holidays && holidays !== 'none')
    for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year++)
      for (const day of bankHolidays(year, holidays).keys()) if (day >= first && day <= last) candidates.add(day);
  return [...candidates].sort().filter((day) => occursOn(s, day) && offOn(e, s, day, holidays));
}

/** The events of one entry (none for a closed entry). */
export function entryEvents(e: ExportEntry, siteUrl: string, options: EventOptions = {}): CalendarEvent[] {
  if (e.data.status === 'closed') return [];
  const holidays = options.holidays ?? 'none';
  const host = siteHost(siteUrl);
  const url = entryUrl(siteUrl, e.id);
  const stamp = lastModified(e, options.modified);
  // Closed for now with no day to reopen: the sessions may not happen (sessions.ts lists none).
  const unsure = e.data.status === 'temporarily-closed' && !e.data.reopens;
  const events: CalendarEvent[] = [];
  e.data.schedules.forEach((s, index) => {
    const base = {
      summary: e.data.name,
      location: location(e),
      url,
      stamp,
      sequence: sequenceOf(stamp),
      status: unsure ? ('TENTATIVE' as const) : ('CONFIRMED' as const),
      start: s.start,
      end: s.start ? s.end : undefined,
    };
    if (isRecurring(s)) {
      const first = recurrenceStart(s, e.data.last_verified);
      if (!first) return;
      const exdates = exdatesOf(e, s, first, holidays);
      events.push({
        ...base,
        uid: `${e.id}-${index}@${host}`,
        date: first,
        description: description(e, s, url),
        rrule: rrule(s),
        ...(exdates.length ? { exdates } : {}),
      });
    } else {
      for (const date of s.dates.filter((x) => isActiveOn(s, x))) {
        events.push({
          ...base,
          uid: `${e.id}-${index}-${date}@${host}`,
          date,
          description: description(e, s, url, date),
          ...(offOn(e, s, date, holidays) ? { status: 'CANCELLED' as const } : {}),
        });
      }
    }
  });
  return events;
}

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma; line breaks as `\n`. */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line (RFC 5545 §3.1): after 74 octets of UTF-8, a line break and a space.
 * Never splits a character (a surrogate pair counts as one).
 */
export function foldLine(line: string): string {
  if (line.length <= 18) return line; // 18 characters are at most 72 octets
  let out = '';
  let octets = 0;
  for (let i = 0; i < line.length; i++) {
    let ch = line[i];
    const code = line.charCodeAt(i);
    let size: number;
    if (code < 0x80) size = 1;
    else if (code < 0x800) size = 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < line.length) {
      ch += line[++i];
      size = 4;
    } else size = 3;
    octets += size;
    if (octets > 74) {
      out += '\r\n ';
      octets = size;
    }
    out += ch;
  }
  return out;
}

const compact = (date: string) => date.replace(/-/g, '');
const wallClock = (date: string, time: string) => `${compact(date)}T${time.replace(':', '')}00`;

/** An ISO instant as an iCalendar UTC date-time, to the second: `20260301T093000Z`. */
const stampText = (iso: string) => icalUtc(new Date(Date.parse(iso)));

function eventLines(ev: CalendarEvent): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${ev.uid}`, `SEQUENCE:${ev.sequence}`, `DTSTAMP:${stampText(ev.stamp)}`];
  if (ev.start) {
    lines.push(`DTSTART;TZID=${TIME_ZONE}:${wallClock(ev.date, ev.start)}`);
    if (ev.end) lines.push(`DTEND;TZID=${TIME_ZONE}:${wallClock(ev.date, ev.end)}`);
  } else {
    lines.push(
      `DTSTART;VALUE=DATE:${compact(ev.date)}`,
      'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE',
      'X-MICROSOFT-MSNCALENDAR-ALLDAYEVENT:TRUE',
    );
  }
  if (ev.rrule) lines.push(ev.rrule);
  if (ev.exdates)
    lines.push(
      ev.start
        ? `EXDATE;TZID=${TIME_ZONE}:${ev.exdates.map((d) => wallClock(d, ev.start!)).join(',')}`
        : `EXDATE;VALUE=DATE:${ev.exdates.map(compact).join(',')}`,
    );
  lines.push(
    `SUMMARY:${escapeText(ev.summary)}`,
    `LOCATION:${escapeText(ev.location)}`,
    `DESCRIPTION:${escapeText(ev.description)}`,
    `URL;VALUE=URI:${ev.url}`,
    `STATUS:${ev.status}`,
    'END:VEVENT',
  );
  return lines;
}

export interface CalendarOptions extends EventOptions {
  /** The calendar's name: "Hindley Health Walks" or "What's on in Leigh". */
  name: string;
  description?: string;
  /** The site's public address, for UIDs and links. */
  siteUrl: string;
  /** The publisher, for PRODID. */
  product: string;
}

/** A calendar of the sessions of the given entries, in the given order. */
export function buildCalendar(entries: ExportEntry[], options: CalendarOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Community Book//${options.product}//EN`,
    `NAME:${escapeText(options.name)}`,
    `X-WR-CALNAME:${escapeText(options.name)}`,
  ];
  if (options.description) lines.push(`X-WR-CALDESC:${escapeText(options.description)}`);
  const events = entries.flatMap((e) => entryEvents(e, options.siteUrl, options));
  // The zone's definition, when any event uses it.
  if (events.some((ev) => ev.start)) lines.push(...LONDON_VTIMEZONE.split('\r\n'));
  for (const ev of events) lines.push(...eventLines(ev));
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** True when an entry has a calendar to publish: not closed, with at least one session to list. */
export function hasCalendar(e: ExportEntry, siteUrl: string): boolean {
  return entryEvents(e, siteUrl).length > 0;
}

/** Entries whose sessions are in a neighbourhood's "what's on" calendar: listed, and naming the neighbourhood. */
export function neighbourhoodCalendarEntries<T extends ExportEntry>(entries: T[], neighbourhoodId: string): T[] {
  return entries.filter((e) => e.data.status !== 'closed' && e.data.neighbourhoods.includes(neighbourhoodId));
}
