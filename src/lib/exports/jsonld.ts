/**
 * schema.org JSON-LD for an entry page: the organisation that runs it and its sessions, as an
 * Organization with an Event whose `eventSchedule` holds one Schedule per rule (`byDay` in
 * iCalendar's syntax for monthly rules, as schema.org allows). Pure.
 *
 * `jsonLdScript` turns it into text that is safe inside `<script type="application/ld+json">`.
 */
import { DAY_LABELS } from '../../schema/vocab';
import type { Schedule } from '../../schema';
import { isActiveOn } from '../schedule/occurrences';
import { entryUrl, type ExportContext, type ExportEntry } from './context';
import { byDay, recurrenceStart } from './recurrence';

type Json = Record<string, unknown>;

const EVENT_STATUS = {
  active: 'https://schema.org/EventScheduled',
  'temporarily-closed': 'https://schema.org/EventPostponed',
  closed: 'https://schema.org/EventCancelled',
} as const;

function compact<T extends Json>(o: T): T {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  ) as T;
}

/** schema.org Schedules for one entry schedule (one per date for one-off dates). */
export function schemaOrgSchedules(s: Schedule, lastVerified: string): Json[] {
  const times = { startTime: s.start, endTime: s.end, scheduleTimezone: 'Europe/London' };
  if (s.kind === 'weekly') {
    return [
      compact({
        '@type': 'Schedule',
        repeatFrequency: `P${s.interval}W`,
        byDay: s.days.map((d) => `https://schema.org/${DAY_LABELS[d]}`),
        startDate: recurrenceStart(s, lastVerified),
        endDate: s.until,
        ...times,
      }),
    ];
  }
  if (s.kind === 'monthly') {
    return [
      compact({
        '@type': 'Schedule',
        repeatFrequency: 'P1M',
        byDay: byDay(s).split(','),
        startDate: recurrenceStart(s, lastVerified),
        endDate: s.until,
        ...times,
      }),
    ];
  }
  return s.dates
    .filter((d) => isActiveOn(s, d))
    .map((date) => compact({ '@type': 'Schedule', startDate: date, endDate: date, ...times }));
}

/** The JSON-LD object for an entry's page. */
export function entryJsonLd(e: ExportEntry, ctx: ExportContext): Json {
  const d = e.data;
  const url = entryUrl(ctx.site.url, e.id);
  const phone = d.contacts.find((c) => c.phone)?.phone;
  const email = d.contacts.find((c) => c.email)?.email;
  const places = d.venues.map((v) =>
    compact({
      '@type': 'Place',
      name: v.name,
      address: compact({
        '@type': 'PostalAddress',
        streetAddress: v.address,
        addressLocality: v.town,
        postalCode: v.postcode,
        addressCountry: 'GB',
      }),
      geo: { '@type': 'GeoCoordinates', latitude: v.lat, longitude: v.lng },
    }),
  );
  const online = d.delivery.some((m) => m !== 'in-person');
  const locations = [...places, ...(online && d.website ? [{ '@type': 'VirtualLocation', url: d.website }] : [])];
  const event = compact({
    '@type': 'Event',
    name: d.name,
    description: d.summary,
    url,
    eventStatus: EVENT_STATUS[d.status],
    eventAttendanceMode: `https://schema.org/${places.length ? (online ? 'Mixed' : 'Offline') : 'Online'}EventAttendanceMode`,
    location: locations.length === 1 ? locations[0] : locations,
    isAccessibleForFree: d.cost ? Boolean(d.cost.free) : undefined,
    offers: d.cost?.amounts?.map((a) =>
      compact({ '@type': 'Offer', price: a.amount.toFixed(2), priceCurrency: 'GBP', description: a.description }),
    ),
    eventSchedule: d.schedules.flatMap((s) => schemaOrgSchedules(s, d.last_verified)),
  });
  return compact({
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: d.organisation ?? d.name,
    url: d.website,
    telephone: phone,
    email,
    event,
  });
}

/**
 * JSON for inside a `<script>` element: `JSON.stringify` with `<`, `>` and `&` written as
 * `\u003c`, `\u003e`, `\u0026` (so no `</script>` or `<!--` can end or change the element) and
 * the line separators U+2028 / U+2029 escaped. The result parses back to the same value.
 */
export function jsonLdScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
