/**
 * Calendars (.ics, RFC 5545) of entries' sessions, written with ical-generator. Pure: the same
 * entries always give the same bytes (no "now" anywhere).
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
import ical, { ICalCalendarMethod, ICalEventStatus, type ICalEventData } from 'ical-generator';
import { DELIVERY_LABELS, type Schedule } from '../../schema';
import { describeSchedule, describeTime, formatDateLong, isActiveOn, londonInstant } from '../schedule';
import { venueAddress } from '../view';
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
    return { epochMilliseconds: ms, epochSeconds: ms / 1000, toJSON: () => new Date(ms).toISOString(), toString: () => new Date(ms).toISOString() };
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
        const utc = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: 0 };
        const utcText = `${utc.year}-${pad(utc.month)}-${pad(utc.day)}T${pad(utc.hour)}:${pad(utc.minute)}:00`;
        const utcPlain = { ...utc, toPlainDate: () => plainDate, toZonedDateTime: zoned, toJSON: () => utcText, toString: () => utcText };
        return { ...utc, timeZoneId: other, toPlainDateTime: () => utcPlain, toInstant: instant, withTimeZone: zoned, toJSON: () => utcText, toString: () => utcText };
      },
      toJSON: () => `${text}[${zone}]`,
      toString: () => `${text}[${zone}]`,
    };
  }
  return plain;
}

/** `YYYY-MM-DD` as a Date at midnight UTC (all-day events and DTSTAMP). */
function utcMidnight(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** An instant as an iCalendar UTC date-time: `20260720T225900Z`. */
function icalUtc(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
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
  const when = date ? [formatDateLong(date), describeTime(s.start, s.end)].filter(Boolean).join(', ') : describeSchedule(s);
  return [status, d.summary, [when, s.note].filter(Boolean).join(' – '), `Details and contacts: ${url}`].filter(Boolean).join('\n\n');
}

/** The events of one entry (none for a closed entry). */
export function entryEvents(e: ExportEntry, siteUrl: string): ICalEventData[] {
  if (e.data.status === 'closed') return [];
  const host = siteHost(siteUrl);
  const url = entryUrl(siteUrl, e.id);
  const events: ICalEventData[] = [];
  e.data.schedules.forEach((s, index) => {
    const base: Omit<ICalEventData, 'start'> = {
      summary: e.data.name,
      description: description(e, s, url),
      location: location(e),
      url,
      stamp: utcMidnight(e.data.last_verified),
      status: e.data.status === 'temporarily-closed' ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    };
    const when = (date: string): Pick<ICalEventData, 'start' | 'end' | 'timezone' | 'allDay'> =>
      s.start
        ? { timezone: TIME_ZONE, start: londonWallClock(date, s.start) as never, end: s.end ? (londonWallClock(date, s.end) as never) : undefined }
        : { allDay: true, start: utcMidnight(date) };
    if (isRecurring(s)) {
      const first = recurrenceStart(s, e.data.last_verified);
      if (!first) return;
      events.push({ ...base, id: `${e.id}-${index}@${host}`, ...when(first), repeating: rrule(s) });
    } else {
      for (const date of s.dates.filter((x) => isActiveOn(s, x))) {
        events.push({ ...base, id: `${e.id}-${index}-${date}@${host}`, description: description(e, s, url, date), ...when(date) });
      }
    }
  });
  return events;
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
  const cal = ical({
    prodId: { company: 'Community Book', product: options.product, language: 'EN' },
    name: options.name,
    description: options.description,
    method: ICalCalendarMethod.PUBLISH,
  });
  // A generator without a calendar-wide zone: the VTIMEZONE is written for the events' zone,
  // and DTSTAMP stays in UTC.
  cal.timezone({ name: null, generator: (zone) => (zone === TIME_ZONE ? LONDON_VTIMEZONE : null) });
  for (const e of entries) for (const event of entryEvents(e, options.siteUrl)) cal.createEvent(event);
  return cal.toString();
}

/** True when an entry has a calendar to publish: not closed, with at least one session to list. */
export function hasCalendar(e: ExportEntry, siteUrl: string): boolean {
  return entryEvents(e, siteUrl).length > 0;
}

/** Entries whose sessions are in a neighbourhood's "what's on" calendar: listed, and naming the neighbourhood. */
export function neighbourhoodCalendarEntries<T extends ExportEntry>(entries: T[], neighbourhoodId: string): T[] {
  return entries.filter((e) => e.data.status !== 'closed' && e.data.neighbourhoods.includes(neighbourhoodId));
}
