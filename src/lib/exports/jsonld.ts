/**
 * schema.org JSON-LD for an entry page, as one `@graph` of nodes that point at each other by
 * `@id` (never nested inside the organisation). Pure.
 *
 *  - `Organization`: who runs it (the named organisation, or the group itself).
 *  - `Service`: what it offers, `provider` the organisation, with a `ServiceChannel` for each way
 *    it is delivered: a venue (`serviceLocation`), online (`serviceUrl`), by phone
 *    (`servicePhone`) or home visits. Phone and home visits are not online.
 *  - `EventSeries`, when it has sessions people attend (in person or online): its
 *    `eventSchedule` (one `Schedule` per rule; `byDay` in iCalendar's syntax for monthly rules,
 *    as schema.org allows), where, the attendance mode (offline, online or mixed: never online
 *    for phone or home visits), and its next sessions as `subEvent` Events with a `startDate`.
 *    The next sessions follow src/lib/schedule/sessions.ts (none while closed, no bank holiday
 *    it skips) from `now`, the build's day: the page is built again as days pass.
 *
 * `jsonLdScript` turns it into text that is safe inside `<script type="application/ld+json">`.
 */
import { AUDIENCE_LABELS, DELIVERY_LABELS, type Day } from '../../schema/vocab';

/** schema.org's days of the week (`https://schema.org/Monday`): names of things, the same in every language. */
const SCHEMA_DAYS: Record<Day, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};
import type { Schedule } from '../../schema';
import { isActiveOn } from '../schedule/occurrences';
import { nextSessions } from '../schedule/sessions';
import { londonDateTime } from '../calendar/london';
import { entryUrl, type ExportContext, type ExportEntry } from './context';
import { byDay, recurrenceStart } from './recurrence';
import { safeJson } from './safe-json';

type Json = Record<string, unknown>;

/** How many next sessions an event series lists as `subEvent`s. */
export const NEXT_EVENTS = 3;

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

/** One value, or the list when there are several. */
const oneOrMany = (values: Json[]): Json | Json[] | undefined => (values.length > 1 ? values : values[0]);

/** schema.org Schedules for one entry schedule (one per date for one-off dates). */
export function schemaOrgSchedules(s: Schedule, lastVerified: string): Json[] {
  const times = { startTime: s.start, endTime: s.end, scheduleTimezone: 'Europe/London' };
  if (s.kind === 'weekly') {
    return [
      compact({
        '@type': 'Schedule',
        repeatFrequency: `P${s.interval}W`,
        byDay: s.days.map((d) => `https://schema.org/${SCHEMA_DAYS[d]}`),
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

/** Which of a group's ways of taking part people attend: at a venue, online, both or neither. */
function attendance(e: ExportEntry): 'Offline' | 'Online' | 'Mixed' | undefined {
  const inPerson = e.data.delivery.includes('in-person');
  const online = e.data.delivery.includes('online');
  return inPerson && online ? 'Mixed' : inPerson ? 'Offline' : online ? 'Online' : undefined;
}

function places(e: ExportEntry): Json[] {
  return e.data.venues.map((v) =>
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
}

/** A ServiceChannel for each way the group is delivered. */
function channels(e: ExportEntry, venues: Json[]): Json[] {
  const d = e.data;
  const phone = d.contacts.find((c) => c.phone)?.phone;
  return d.delivery.flatMap((m): Json[] => {
    const name = DELIVERY_LABELS[m];
    if (m === 'in-person') return venues.map((place) => ({ '@type': 'ServiceChannel', name, serviceLocation: place }));
    if (m === 'online') return [compact({ '@type': 'ServiceChannel', name, serviceUrl: d.website })];
    if (m === 'phone')
      return [
        compact({
          '@type': 'ServiceChannel',
          name,
          servicePhone: phone ? { '@type': 'ContactPoint', telephone: phone } : undefined,
        }),
      ];
    return [{ '@type': 'ServiceChannel', name, description: 'Someone visits you at home.' }];
  });
}

function offers(e: ExportEntry): Json[] {
  const cost = e.data.cost;
  if (cost?.free) return [{ '@type': 'Offer', price: '0', priceCurrency: 'GBP' }];
  return (cost?.amounts ?? []).map((a) =>
    compact({ '@type': 'Offer', price: a.amount.toFixed(2), priceCurrency: 'GBP', description: a.description }),
  );
}

/** The JSON-LD of an entry's page; `now`: the moment its next sessions count from (the build's day). */
export function entryJsonLd(e: ExportEntry, ctx: ExportContext, now: Date): Json {
  const d = e.data;
  const url = entryUrl(ctx.site.url, e.id);
  const organisation = { '@id': `${url}#organization` };
  const venues = places(e);
  const mode = attendance(e);
  const where = [
    ...venues,
    ...(d.delivery.includes('online') && d.website ? [{ '@type': 'VirtualLocation', url: d.website }] : []),
  ];
  const categories = ctx.categories.filter((c) => d.categories.includes(c.id)).map((c) => c.name);
  const graph: Json[] = [
    compact({
      '@type': 'Organization',
      ...organisation,
      name: d.organisation ?? d.name,
      url: d.website,
      telephone: d.contacts.find((c) => c.phone)?.phone,
      email: d.contacts.find((c) => c.email)?.email,
    }),
    compact({
      '@type': 'Service',
      '@id': `${url}#service`,
      name: d.name,
      description: d.summary,
      url,
      provider: organisation,
      serviceType: categories,
      areaServed: ctx.neighbourhoods
        .filter((n) => d.neighbourhoods.includes(n.id))
        .map((n) => ({ '@type': 'Place', name: n.name })),
      audience: d.audience.map((a) => ({ '@type': 'Audience', audienceType: AUDIENCE_LABELS[a] })),
      availableChannel: channels(e, venues),
      offers: offers(e),
    }),
  ];
  if (mode && d.schedules.length && where.length) {
    const attendanceMode = `https://schema.org/${mode}EventAttendanceMode`;
    const location = oneOrMany(where);
    const next = nextSessions(d, d.schedules, now, NEXT_EVENTS, ctx.site.bank_holidays);
    graph.push(
      compact({
        '@type': 'EventSeries',
        '@id': `${url}#sessions`,
        name: d.name,
        description: d.summary,
        url,
        organizer: organisation,
        eventStatus: EVENT_STATUS[d.status],
        eventAttendanceMode: attendanceMode,
        location,
        isAccessibleForFree: d.cost ? Boolean(d.cost.free) : undefined,
        offers: offers(e),
        eventSchedule: d.schedules.flatMap((s) => schemaOrgSchedules(s, d.last_verified)),
        subEvent: next.map((o) =>
          compact({
            '@type': 'Event',
            name: d.name,
            url,
            startDate: o.start ? londonDateTime(o.date, o.start) : o.date,
            endDate: o.end ? londonDateTime(o.date, o.end) : undefined,
            eventStatus: EVENT_STATUS.active,
            eventAttendanceMode: attendanceMode,
            location,
            organizer: organisation,
            superEvent: { '@id': `${url}#sessions` },
          }),
        ),
      }),
    );
  }
  return { '@context': 'https://schema.org', '@graph': graph };
}

/** JSON for inside a `<script>` element (./safe-json.ts: `<`, `>`, `&`, U+2028, U+2029 escaped). */
export function jsonLdScript(value: unknown): string {
  return safeJson(value);
}
