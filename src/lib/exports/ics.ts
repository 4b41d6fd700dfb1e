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
 *  - DTSTAMP is the day the entry was last verified (midnight UTC), not the build time.
 *  - A temporarily closed entry's events are TENTATIVE and say so first in their description.
 */
import { DELIVERY_LABELS } from '../../schema/vocab';
import type { Schedule } from '../../schema';
import { describeSchedule } from '../schedule/describe';
import { describeTime, formatDateLong } from '../calendar/words';
import { isActiveOn } from '../schedule/occurrences';
import { londonInstant } from '../calendar/london';
import { venueAddress } from '../view/format';
import { entryUrl, siteHost, type ExportEntry } from './context';
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
  /** DTSTAMP: the day the entry was last verified. */
  stamp: string;
  date: string;
  /** Start and end times; without a start the event is all-day. */
  start?: string;
  end?: string;
  /** The whole `RRULE:` line of a recurring schedule. */
  rrule?: string;
  summary: string;
  location: string;
  description: string;
  url: string;
  status: 'CONFIRMED' | 'TENTATIVE';
}

/** The events of one entry (none for a closed entry). */
export function entryEvents(e: ExportEntry, siteUrl: string): CalendarEvent[] {
  if (e.data.status === 'closed') return [];
  const host = siteHost(siteUrl);
  const url = entryUrl(siteUrl, e.id);
  const events: CalendarEvent[] = [];
  e.data.schedules.forEach((s, index) => {
    const base = {
      summary: e.data.name,
      location: location(e),
      url,
      stamp: e.data.last_verified,
      status: e.data.status === 'temporarily-closed' ? ('TENTATIVE' as const) : ('CONFIRMED' as const),
      start: s.start,
      end: s.start ? s.end : undefined,
    };
    if (isRecurring(s)) {
      const first = recurrenceStart(s, e.data.last_verified);
      if (!first) return;
      events.push({
        ...base,
        uid: `${e.id}-${index}@${host}`,
        date: first,
        description: description(e, s, url),
        rrule: rrule(s),
      });
    } else {
      for (const date of s.dates.filter((x) => isActiveOn(s, x))) {
        events.push({
          ...base,
          uid: `${e.id}-${index}-${date}@${host}`,
          date,
          description: description(e, s, url, date),
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

function eventLines(ev: CalendarEvent): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${ev.uid}`, 'SEQUENCE:0', `DTSTAMP:${compact(ev.stamp)}T000000Z`];
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

export interface CalendarOptions {
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
    'METHOD:PUBLISH',
    `NAME:${escapeText(options.name)}`,
    `X-WR-CALNAME:${escapeText(options.name)}`,
  ];
  if (options.description) lines.push(`X-WR-CALDESC:${escapeText(options.description)}`);
  const events = entries.flatMap((e) => entryEvents(e, options.siteUrl));
  // The zone's definition, when any event uses it.
  if (events.some((ev) => ev.start)) lines.push(...LONDON_VTIMEZONE.split('\r\n'));
  for (const ev of events) lines.push(...eventLines(ev));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n');
}

/** True when an entry has a calendar to publish: not closed, with at least one session to list. */
export function hasCalendar(e: ExportEntry, siteUrl: string): boolean {
  return entryEvents(e, siteUrl).length > 0;
}

/** Entries whose sessions are in a neighbourhood's "what's on" calendar: listed, and naming the neighbourhood. */
export function neighbourhoodCalendarEntries<T extends ExportEntry>(entries: T[], neighbourhoodId: string): T[] {
  return entries.filter((e) => e.data.status !== 'closed' && e.data.neighbourhoods.includes(neighbourhoodId));
}
