/**
 * Entries as HSDS 3.0 (Open Referral) records, in the Open Referral UK (ORUK 3.0) profile: the
 * mapping in docs (GUIDE §2), in one place. Pure.
 *
 *  - `hsdsService`: one fully nested service, as `GET /services/{id}` returns it;
 *  - `hsdsServiceBasics`: its one-to-one fields, an item of the paged `GET /services`;
 *  - `hsdsLocation`: a venue as a location, for `service_at_locations` (./openreferral.ts).
 *
 * Every fact is written in the base HSDS field and, where the ORUK profile has one, in the ORUK
 * field too (`fees` beside `fees_description`). The ORUK profile has no field for how to join,
 * who a service is for (beyond ages), delivery modes, languages or contact phones and emails
 * (profile/service.json, contact.json and language.json in OpenReferralUK/uk-profile drop them),
 * so an ORUK-only reader finds those in `description`: the summary, then a line each
 * (`serviceDescription`). Phones are written once, on their contact.
 *
 * Ids are UUID v5 of the entry id (and of the path of nested objects) in the book's own namespace
 * (./uuid.ts, from site.yaml `url`), so they never change between builds and never collide with
 * another book's. Times (`opens_at`, `closes_at`) are London wall-clock times `HH:MM`; dates are
 * `YYYY-MM-DD`; `last_modified` is an instant with milliseconds. No field is left empty: a value
 * the entry does not give is left out.
 */
import {
  ACCESSIBILITY_LABELS,
  AUDIENCE_LABELS,
  BOROUGH_WIDE,
  DELIVERY_HSDS,
  DELIVERY_LABELS,
  JOIN_LABELS,
  LANGUAGES,
  STATUS_HSDS,
} from '../../schema/vocab';
import type { Language, Schedule } from '../../schema';
import { describeSchedule } from '../schedule/describe';
import { formatDateLong, describeTime } from '../calendar/words';
import { isActiveOn } from '../schedule/occurrences';
import { costLabel } from '../view/format';
import { entryUrl, lastModified, type ExportContext, type ExportEntry } from './context';
import { byDay, isRecurring, recurrenceStart } from './recurrence';
import { bookUuid, nestedUuid, serviceUuid } from './uuid';
import { wholeAreaName } from '../book/area';
import { entryTerms } from './taxonomies';

/** HSDS version written in `GET /`: the ORUK validator reads it to choose the ORUK 3.0 OpenAPI. */
export const HSDS_VERSION = '3.0';
/** The profile the records follow: Open Referral UK 3.0. */
export const HSDS_PROFILE = 'https://openreferraluk.org/specifications/3.0/';
/** The OpenAPI definition of the ORUK 3.0 API this static feed answers to. */
export const HSDS_OPENAPI = 'https://openreferraluk.org/specifications/3.0/openapi.json';

type Json = Record<string, unknown>;

/** Drops keys whose value is undefined, so no field is written empty. */
function compact<T extends Json>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The organisation record: the named organisation, or the group itself when none is named. */
export function hsdsOrganization(e: ExportEntry, ctx: ExportContext): Json {
  const name = e.data.organisation ?? e.data.name;
  // Built from the name alone, so every entry run by the same organisation gives the same record
  // (in this book: the record names the book, so another book's is another record).
  return {
    id: bookUuid(ctx.site.url, 'organisation', name.toLowerCase()),
    name,
    description: `${name}: runs groups or services listed in ${ctx.site.title}.`,
  };
}

/** `application_process`: how to join, in words ("Just turn up (drop-in). Book a place."). */
function applicationProcess(e: ExportEntry): string {
  return e.data.join.map((j) => sentence(JOIN_LABELS[j])).join(' ');
}

function feesDescription(e: ExportEntry): string | undefined {
  const cost = e.data.cost;
  if (!cost) return undefined;
  return [sentence(costLabel(cost)), cost.note && sentence(cost.note)].filter(Boolean).join(' ');
}

function eligibility(e: ExportEntry): string | undefined {
  const parts = [];
  if (e.data.audience.length)
    parts.push(`Especially for: ${e.data.audience.map((a) => AUDIENCE_LABELS[a]).join(', ')}.`);
  if (e.data.eligibility) parts.push(sentence(e.data.eligibility));
  return parts.length ? parts.join(' ') : undefined;
}

/**
 * The facts the ORUK profile has no field for, a line each, in words: how to join, who it is
 * for, how it is delivered, the languages, accessibility without a venue to hold it, and the
 * contacts with their phones and emails.
 */
function profileGaps(e: ExportEntry): string[] {
  const d = e.data;
  const lines = [`How to join: ${applicationProcess(e)}`];
  const who = eligibility(e);
  if (who) lines.push(`Who it is for: ${who}`);
  lines.push(`How it is delivered: ${sentence(d.delivery.map((m) => DELIVERY_LABELS[m]).join(', '))}`);
  lines.push(`Languages: ${sentence(d.languages.map((code) => LANGUAGES[code as Language] ?? code).join(', '))}`);
  if (!d.venues.length && d.accessibility.length)
    lines.push(`Accessibility: ${sentence(d.accessibility.map((a) => ACCESSIBILITY_LABELS[a]).join(', '))}`);
  for (const c of d.contacts)
    lines.push(
      `Contact: ${sentence([c.name, [c.phone, c.email].filter(Boolean).join(', ')].filter(Boolean).join(': '))}`,
    );
  return lines;
}

/** `description`: the entry's summary, then a blank line and the facts the ORUK profile has no field for. */
export function serviceDescription(e: ExportEntry): string {
  return [e.data.summary, profileGaps(e).join('\n')].join('\n\n');
}

/** The fields a service has once (the list item shape, and the start of the full record). */
export function hsdsServiceBasics(e: ExportEntry, ctx: ExportContext): Json {
  const d = e.data;
  const organization = hsdsOrganization(e, ctx);
  const fees = feesDescription(e);
  return compact({
    id: serviceUuid(ctx.site.url, e.id),
    organization_id: organization.id as string,
    name: d.name,
    description: serviceDescription(e),
    url: d.website ?? entryUrl(ctx.site.url, e.id),
    email: d.contacts.find((c) => c.email)?.email,
    status: STATUS_HSDS[d.status],
    application_process: applicationProcess(e),
    fees_description: fees,
    // ORUK 3.0 keeps the older `fees` (and drops `fees_description`): the same words.
    fees,
    eligibility_description: eligibility(e),
    minimum_age: d.min_age,
    maximum_age: d.max_age,
    assured_date: d.last_verified,
    // The book's maintainers check the entries; corrections go to them.
    assurer_email: ctx.site.corrections_email,
    alert: d.alert,
    last_modified: lastModified(e, ctx.modified),
    organization,
  });
}

/** One schedule as HSDS schedules: one for a weekly or monthly rule, one per date for `dates`. */
export function hsdsSchedules(e: ExportEntry, s: Schedule, index: number, ctx: ExportContext): Json[] {
  const serviceId = serviceUuid(ctx.site.url, e.id);
  const attending = e.data.delivery.map((m) => DELIVERY_HSDS[m]).join(', ');
  const common = {
    service_id: serviceId,
    opens_at: s.start,
    closes_at: s.end,
    attending_type: attending,
    notes: s.note,
  };
  if (isRecurring(s)) {
    return [
      compact({
        id: nestedUuid(ctx.site.url, e.id, 'schedules', index),
        ...common,
        valid_from: s.from,
        valid_to: s.until,
        dtstart: recurrenceStart(s, e.data.last_verified),
        until: s.until,
        wkst: s.kind === 'weekly' ? 'MO' : undefined,
        freq: s.kind === 'weekly' ? 'WEEKLY' : 'MONTHLY',
        interval: s.kind === 'weekly' ? s.interval : 1,
        byday: byDay(s),
        description: describeSchedule(s),
      }),
    ];
  }
  return s.dates
    .filter((date) => isActiveOn(s, date))
    .map((date) =>
      compact({
        id: nestedUuid(ctx.site.url, e.id, 'schedules', index, date),
        ...common,
        valid_from: date,
        valid_to: date,
        dtstart: date,
        until: date,
        description: [formatDateLong(date), describeTime(s.start, s.end)].filter(Boolean).join(', '),
      }),
    );
}

function contactsOf(e: ExportEntry, ctx: ExportContext): Json[] {
  const serviceId = serviceUuid(ctx.site.url, e.id);
  return e.data.contacts.map((c, i) => {
    const id = nestedUuid(ctx.site.url, e.id, 'contacts', i);
    return compact({
      id,
      service_id: serviceId,
      name: c.name,
      email: c.email,
      phones: c.phone
        ? [
            {
              id: nestedUuid(ctx.site.url, e.id, 'contacts', i, 'phones', 0),
              contact_id: id,
              number: c.phone,
              type: 'voice',
            },
          ]
        : undefined,
    });
  });
}

/** Venue `i` of an entry as an HSDS location, with its address and accessibility. */
export function hsdsLocation(e: ExportEntry, i: number, ctx: ExportContext): Json {
  const v = e.data.venues[i];
  const locationId = nestedUuid(ctx.site.url, e.id, 'venues', i);
  return compact({
    id: locationId,
    location_type: 'physical',
    name: v.name,
    latitude: v.lat,
    longitude: v.lng,
    addresses: [
      compact({
        id: nestedUuid(ctx.site.url, e.id, 'venues', i, 'address'),
        location_id: locationId,
        address_1: v.address,
        city: v.town ?? ctx.site.place,
        state_province: ctx.site.place,
        postal_code: v.postcode,
        country: 'GB',
        address_type: 'physical',
      }),
    ],
    accessibility: e.data.accessibility.map((a) => ({
      id: nestedUuid(ctx.site.url, e.id, 'venues', i, 'accessibility', a),
      location_id: locationId,
      description: ACCESSIBILITY_LABELS[a],
    })),
  });
}

/** The id of the link between an entry and its venue `i` (`GET /service_at_locations/{id}`). */
export function serviceAtLocationId(bookUrl: string, entryId: string, i: number): string {
  return nestedUuid(bookUrl, entryId, 'service_at_locations', i);
}

function locationsOf(e: ExportEntry, ctx: ExportContext): Json[] {
  const serviceId = serviceUuid(ctx.site.url, e.id);
  return e.data.venues.map((_, i) => ({
    id: serviceAtLocationId(ctx.site.url, e.id, i),
    service_id: serviceId,
    location_id: nestedUuid(ctx.site.url, e.id, 'venues', i),
    location: hsdsLocation(e, i, ctx),
  }));
}

function serviceAreasOf(e: ExportEntry, ctx: ExportContext): Json[] {
  const serviceId = serviceUuid(ctx.site.url, e.id);
  return e.data.neighbourhoods.map((id) => {
    if (id === BOROUGH_WIDE) {
      return {
        id: nestedUuid(ctx.site.url, e.id, 'service_areas', id),
        service_id: serviceId,
        name: wholeAreaName(ctx.site.place),
        extent_type: 'text',
        extent: ctx.site.place,
      };
    }
    const n = ctx.neighbourhoods.find((x) => x.id === id);
    return compact({
      id: nestedUuid(ctx.site.url, e.id, 'service_areas', id),
      service_id: serviceId,
      name: n?.name ?? id,
      extent: n?.boundary ? JSON.stringify(n.boundary) : undefined,
      extent_type: n?.boundary ? 'geojson' : undefined,
    });
  });
}

/**
 * Categories as HSDS attributes, each with its taxonomy term (ids shared across entries): the
 * category's own term and, where the category names one, its LGA term (./taxonomies.ts).
 */
function attributesOf(e: ExportEntry, ctx: ExportContext): Json[] {
  const serviceId = serviceUuid(ctx.site.url, e.id);
  return entryTerms(e.data.categories, ctx).map(({ key, term }) => ({
    id: nestedUuid(ctx.site.url, e.id, 'attributes', key),
    link_id: serviceId,
    link_type: 'service',
    link_entity: 'service',
    taxonomy_term_id: term.id,
    taxonomy_term: term,
  }));
}

function costOptionsOf(e: ExportEntry, ctx: ExportContext): Json[] {
  const cost = e.data.cost;
  const serviceId = serviceUuid(ctx.site.url, e.id);
  if (!cost) return [];
  if (cost.free)
    return [
      {
        id: nestedUuid(ctx.site.url, e.id, 'cost_options', 0),
        service_id: serviceId,
        option: 'Free',
        amount: 0,
        currency: 'GBP',
      },
    ];
  if (cost.pay_what_you_can && !cost.amounts)
    return [
      { id: nestedUuid(ctx.site.url, e.id, 'cost_options', 0), service_id: serviceId, option: 'Pay what you can' },
    ];
  return (cost.amounts ?? []).map((a, i) =>
    compact({
      id: nestedUuid(ctx.site.url, e.id, 'cost_options', i),
      service_id: serviceId,
      option: cost.pay_what_you_can
        ? `Pay what you can (suggested${a.description ? ` ${a.description}` : ''})`
        : (a.description ?? 'Cost'),
      amount: a.amount,
      currency: 'GBP',
      amount_description: a.description,
    }),
  );
}

/** One fully nested HSDS 3.0 service (`GET /services/{id}`). */
export function hsdsService(e: ExportEntry, ctx: ExportContext): Json {
  const serviceId = serviceUuid(ctx.site.url, e.id);
  return {
    ...hsdsServiceBasics(e, ctx),
    schedules: e.data.schedules.flatMap((s, i) => hsdsSchedules(e, s, i, ctx)),
    service_areas: serviceAreasOf(e, ctx),
    service_at_locations: locationsOf(e, ctx),
    languages: e.data.languages.map((code) => ({
      id: nestedUuid(ctx.site.url, e.id, 'languages', code),
      service_id: serviceId,
      name: LANGUAGES[code as Language] ?? code,
      code,
    })),
    cost_options: costOptionsOf(e, ctx),
    contacts: contactsOf(e, ctx),
    attributes: attributesOf(e, ctx),
  };
}
