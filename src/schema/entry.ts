/**
 * The entry schema: the contract between volunteers who write `content/entries/<id>.md` and
 * everything the site builds from it. One zod schema, imported by the Astro content collection,
 * by `npm run validate` and by the contribute form in the browser. It runs in Node and in the
 * browser alike: no Node imports here.
 *
 * Every field carries a doc comment (purpose, format, example). `scripts/content/field-reference.ts`
 * turns these comments into the volunteers' field reference in CONTRIBUTING.md; an example in
 * braces (`{group}`, `{postcode}`, `{lat}` …) is the book's own, from site.yaml `examples` and
 * `map.centre`, filled in there.
 *
 * Messages follow one pattern: what is wrong, then `Fix:` and what to write instead.
 */
import { z } from './zod';
import { ACCESSIBILITY, AUDIENCES, BOROUGH_WIDE, DELIVERY_MODES, JOIN_ROUTES } from './vocab';
import { LANGUAGE_CODES, STATUSES } from './vocab';
import { tomorrowIso, quoted } from './primitives';
import { pointExample, type SchemaContext } from './context';
import { dayField, monthlyDay } from './schedule-days';
import { coordinateField } from './fields';
import { dateField, emailField, list, phoneFieldFor, plainText, postcodeFieldFor, timeField, urlField } from './fields';

export { MAX_URL, dateField, phoneField, plainText, timeField, urlField } from './fields';

export type { SchemaContext } from './context';

/**
 * One schedule: when the group meets. Write exactly one of `weekly`, `monthly` or `dates`.
 * Examples (each line one schedule):
 *   - { weekly: [tue] }                                # every Tuesday
 *   - { weekly: [thu], every: 2, from: 2026-01-08 }   # every other Thursday from 8 January
 *   - { monthly: ["2nd mon", "4th mon"] }              # 2nd and 4th Monday of the month
 *   - { dates: [2026-12-12] }                          # one-off dates
 *   - { weekly: [mon], not_on_bank_holidays: true }    # every Monday except bank holidays
 */
export const scheduleSchema = z
  .strictObject({
    /** Days of the week it meets: `[mon, wed]`. */
    weekly: z.array(dayField).min(1, 'No days given. Fix: list at least one day, e.g. weekly: [tue].').optional(),
    /** With `weekly`: meets every N weeks (2 = every other week). Needs `from` to know which weeks. */
    every: z
      .number()
      .int('`every` must be a whole number of weeks.')
      .min(1)
      .max(8, '`every` is more than 8 weeks. Fix: use a monthly rule or dates.')
      .optional(),
    /** Days of the month it meets: `["2nd tue", "last fri"]`. */
    monthly: z.array(monthlyDay).min(1, 'No days given. Fix: list at least one, e.g. monthly: ["1st wed"].').optional(),
    /** One-off dates, YYYY-MM-DD: `[2026-12-12, 2026-12-19]`. */
    dates: z.array(dateField).min(1, 'No dates given. Fix: list at least one date.').optional(),
    /** Start time, 24-hour clock in quotes: `"10:00"`. */
    start: timeField.optional(),
    /** End time, 24-hour clock in quotes: `"11:30"`. Must be after `start`. */
    end: timeField.optional(),
    /** First day this schedule applies (term starts, season opens), YYYY-MM-DD. */
    from: dateField.optional(),
    /** Last day this schedule applies (term ends, season closes), YYYY-MM-DD. */
    until: dateField.optional(),
    /** A short note in plain words: "Term time only", "Bring a packed lunch". */
    note: plainText(200, 'The schedule note').optional(),
    /** `true` when it does not meet on bank holidays: the site then shows those days as "no session" and calendars leave them out. */
    not_on_bank_holidays: z.boolean({ error: '`not_on_bank_holidays` must be true or false.' }).optional(),
  })
  .superRefine((s, ctx) => {
    const kinds = [s.weekly && 'weekly', s.monthly && 'monthly', s.dates && 'dates'].filter(Boolean);
    if (kinds.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message:
          'This schedule does not say when. Fix: add one of `weekly: [tue]`, `monthly: ["2nd tue"]` or `dates: [2026-12-12]`.',
      });
    } else if (kinds.length > 1) {
      ctx.addIssue({
        code: 'custom',
        message: `This schedule has both ${kinds.join(' and ')}. Fix: split it into two schedules, one rule each.`,
      });
    }
    if (s.every !== undefined && !s.weekly) {
      ctx.addIssue({
        code: 'custom',
        path: ['every'],
        message: '`every` only goes with `weekly`. Fix: remove it, or use weekly days.',
      });
    }
    if (s.every !== undefined && s.every > 1 && !s.from) {
      ctx.addIssue({
        code: 'custom',
        path: ['from'],
        message: `Meeting every ${s.every} weeks needs a start date to count from. Fix: add \`from: YYYY-MM-DD\` with the date of one meeting.`,
      });
    }
    if (s.end && !s.start) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: 'There is an end time but no start time. Fix: add `start: "HH:MM"`.',
      });
    }
    if (s.start && s.end && s.end <= s.start) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: `The end time ${s.end} is not after the start time ${s.start}. Fix: check the times (24-hour clock: 6pm is "18:00").`,
      });
    }
    if (s.from && s.until && s.until < s.from) {
      ctx.addIssue({
        code: 'custom',
        path: ['until'],
        message: `\`until\` (${s.until}) is before \`from\` (${s.from}). Fix: swap them or correct the dates.`,
      });
    }
  })
  .transform((s) => {
    const base = {
      start: s.start,
      end: s.end,
      from: s.from,
      until: s.until,
      note: s.note,
      ...(s.not_on_bank_holidays ? { not_on_bank_holidays: true } : {}),
    };
    if (s.weekly) return { kind: 'weekly' as const, days: [...new Set(s.weekly)], interval: s.every ?? 1, ...base };
    if (s.monthly) return { kind: 'monthly' as const, on: s.monthly, ...base };
    return { kind: 'dates' as const, dates: [...new Set(s.dates!)].sort(), ...base };
  });
export type Schedule = z.output<typeof scheduleSchema>;
export type ScheduleInput = z.input<typeof scheduleSchema>;

/** A contact for the group. Give a phone number or an email, or both. Use a role rather than a private person where you can. */
export const contactSchemaFor = (examples: SchemaContext['examples'] = {}) =>
  z
    .strictObject({
      /** Who answers: a role or first name, e.g. "Group organiser" or "Jo (organiser)". */
      name: plainText(80, 'The contact name').optional(),
      /** Phone number in quotes: `"{phone}"`. */
      phone: phoneFieldFor(examples.phone).optional(),
      /** Email address: `hello@example.org`. */
      email: emailField.optional(),
    })
    .refine((c) => c.phone || c.email, {
      message: `This contact has no phone or email. Fix: add \`phone: "${examples.phone ?? '01632 960123'}"\` or \`email: name@example.org\`.`,
    });
export const contactSchema = contactSchemaFor();
export type Contact = z.output<typeof contactSchema>;

/** A cost. */
const amountSchema = z.strictObject({
  /** Amount in pounds, a number: `2.5` for £2.50. */
  amount: z
    .number({ error: 'The amount must be a number of pounds, e.g. 2.5 for £2.50 (no £ sign).' })
    .min(0)
    .max(10000),
  /** What it pays for: "per session", "a year". */
  description: plainText(120, 'The cost description').optional(),
});

/** What it costs. Either `free: true`, or `pay_what_you_can: true`, or one or more `amounts`. */
export const costSchema = z
  .strictObject({
    /** `true` when taking part costs nothing. */
    free: z.boolean({ error: '`free` must be true or false.' }).optional(),
    /**
     * `true` when there is no fixed charge: pay what you can, or a donation only. Amounts, if
     * given too, are what is suggested. The cost filter counts it as low cost.
     */
    pay_what_you_can: z.boolean({ error: '`pay_what_you_can` must be true or false.' }).optional(),
    /** What it costs: `[{ amount: 2.5, description: per session }]`. */
    amounts: z.array(amountSchema).min(1).optional(),
    /** Anything else about cost: "Donations welcome", "Concessions available". */
    note: plainText(200, 'The cost note').optional(),
  })
  .superRefine((c, ctx) => {
    if (c.free && c.amounts)
      ctx.addIssue({
        code: 'custom',
        message: 'The cost says both free and amounts. Fix: keep `free: true` or the `amounts`, not both.',
      });
    if (c.free && c.pay_what_you_can)
      ctx.addIssue({
        code: 'custom',
        message:
          'The cost says both free and pay what you can. Fix: keep `free: true` when nothing is asked, or `pay_what_you_can: true` when a donation is.',
      });
    if (!c.free && !c.amounts && !c.pay_what_you_can)
      ctx.addIssue({
        code: 'custom',
        message: 'The cost is not given. Fix: write `free: true`, `pay_what_you_can: true`, or list `amounts`.',
      });
  });
export type Cost = z.output<typeof costSchema>;

/** A venue: where people go. */
export const venueSchema = (ctx: SchemaContext) =>
  z
    .strictObject({
      /** Name of the building or place: "{venue}". */
      name: plainText(120, 'The venue name'),
      /** Street address without the town or postcode: "Market Street". */
      address: plainText(200, 'The address'),
      /** Town or village, if the address needs it. */
      town: plainText(80, 'The town').optional(),
      /** Postcode: `{postcode}`. */
      postcode: postcodeFieldFor(ctx.examples?.postcode),
      /** Latitude in decimal degrees (north), e.g. {lat}. Find it by right-clicking the place on a map. */
      lat: coordinateField('latitude', pointExample(ctx).lat),
      /** Longitude in decimal degrees (east of Greenwich is positive, west of it negative), e.g. {lng}. */
      lng: coordinateField('longitude', pointExample(ctx).lng),
    })
    .superRefine((v, issue) => {
      const [[south, west], [north, east]] = ctx.bounds;
      if (v.lat < south || v.lat > north || v.lng < west || v.lng > east) {
        const swapped = v.lng >= south && v.lng <= north && v.lat >= west && v.lat <= east;
        issue.addIssue({
          code: 'custom',
          path: ['lat'],
          message: `The point ${v.lat}, ${v.lng} is outside the area (latitude ${south} to ${north}, longitude ${west} to ${east}). Fix: ${swapped ? 'lat and lng look swapped: swap them.' : `check the numbers${east < 0 ? ' (longitude here is negative)' : west > 0 ? ' (longitude here is positive)' : ''}.`}`,
        });
      }
    });
export type Venue = z.output<ReturnType<typeof venueSchema>>;

/** Where an imported entry came from (`npm run import`). */
export const sourceSchema = z.strictObject({
  /** The system it came from: a feed's address, or a file name: `https://directory.example.org/api`. */
  system: plainText(300, 'The source system'),
  /** The record's id in that system (a feed's service id, or a spreadsheet's row key). */
  id: plainText(200, 'The source id'),
  /** The importer's fingerprint of the file it wrote (40 hex digits). */
  checksum: z
    .string()
    .regex(/^[0-9a-f]{40}$/, 'The source checksum is 40 hex digits written by `npm run import`. Fix: leave it out.')
    .optional(),
});
export type Source = z.output<typeof sourceSchema>;

/** Makes the entry schema for a given place (its bounds, categories and neighbourhoods). */
export function makeEntrySchema(ctx: SchemaContext) {
  const categoryId = z.string().refine((id) => ctx.categoryIds.has(id), {
    error: (iss) =>
      `${quoted(iss.input)} is not a category. Fix: use an id from content/categories.yaml, e.g. ${[...ctx.categoryIds]
        .slice(0, 3)
        .map((c) => `\`${c}\``)
        .join(', ')}.`,
  });
  const neighbourhoodId = z.string().refine((id) => id === BOROUGH_WIDE || ctx.neighbourhoodIds.has(id), {
    error: (iss) =>
      `${quoted(iss.input)} is not a neighbourhood. Fix: use one of ${list([...ctx.neighbourhoodIds, BOROUGH_WIDE])}.`,
  });
  return z
    .strictObject({
      /** The group's name as people know it: "{group}". Required. */
      name: plainText(120, 'The name'),
      /** One sentence saying what happens, at most 160 characters. Shown in search results. Required. */
      summary: plainText(160, 'The summary'),
      /** The organisation that runs it, if any: "Riverside Family Support". */
      organisation: plainText(120, 'The organisation').optional(),
      /** What needs it meets: category ids from content/categories.yaml, e.g. `[walking, loneliness]`. At least one. */
      categories: z.array(categoryId).min(1, 'No category given. Fix: add at least one, e.g. categories: [walking].'),
      /** Where it serves: neighbourhood ids, or `[borough-wide]`. At least one. */
      neighbourhoods: z
        .array(neighbourhoodId)
        .min(1, 'No neighbourhood given. Fix: add one, or write neighbourhoods: [borough-wide].'),
      /** `active` (default), `temporarily-closed` or `closed`. */
      status: z
        .enum(STATUSES, { error: (iss) => `${quoted(iss.input)} is not a status. Fix: use ${list(STATUSES)}.` })
        .default('active'),
      /** A short notice shown at the top of the page: "Closed over Christmas, back 6 January". */
      alert: plainText(200, 'The alert').optional(),
      /** With `status: temporarily-closed`: the day it opens again, YYYY-MM-DD. Its next dates start from that day. */
      reopens: dateField.optional(),
      /** How to take part: any of `drop-in`, `self-referral`, `professional-referral`, `booking`, `membership`. At least one. */
      join: z
        .array(
          z.enum(JOIN_ROUTES, {
            error: (iss) => `${quoted(iss.input)} is not a way to join. Fix: use ${list(JOIN_ROUTES)}.`,
          }),
        )
        .min(1, 'No way to join given. Fix: add one, e.g. join: [drop-in].'),
      /** How it is delivered: any of `in-person` (default), `online`, `phone`, `home-visit`. */
      delivery: z
        .array(
          z.enum(DELIVERY_MODES, {
            error: (iss) => `${quoted(iss.input)} is not a delivery mode. Fix: use ${list(DELIVERY_MODES)}.`,
          }),
        )
        .min(1)
        .default(['in-person']),
      /** Youngest age welcome, in years: `18`. Leave out if any age. */
      min_age: z.number({ error: 'min_age must be a whole number of years.' }).int().min(0).max(120).optional(),
      /** Oldest age welcome, in years: `25`. Leave out if no upper limit. */
      max_age: z.number({ error: 'max_age must be a whole number of years.' }).int().min(0).max(120).optional(),
      /** Who it is especially for: any of the audience tags, e.g. `[carers, older-people]`. */
      audience: z
        .array(
          z.enum(AUDIENCES, {
            error: (iss) => `${quoted(iss.input)} is not an audience tag. Fix: use ${list(AUDIENCES)}.`,
          }),
        )
        .default([]),
      /** Who can take part, in plain words, if there are rules: "{eligibility}". */
      eligibility: plainText(300, 'The eligibility').optional(),
      /** What it costs: `free: true`, or `amounts`. */
      cost: costSchema.optional(),
      /** Accessibility features, e.g. `[step-free, hearing-loop]`. */
      accessibility: z
        .array(
          z.enum(ACCESSIBILITY, {
            error: (iss) => `${quoted(iss.input)} is not an accessibility feature. Fix: use ${list(ACCESSIBILITY)}.`,
          }),
        )
        .default([]),
      /** Languages spoken, as two-letter codes: `[en, pl]`. Defaults to English. */
      languages: z
        .array(
          z.enum([...LANGUAGE_CODES] as [string, ...string[]], {
            error: (iss) =>
              `${quoted(iss.input)} is not a language code we know. Fix: use a two-letter code such as ${list(LANGUAGE_CODES.slice(0, 6))}.`,
          }),
        )
        .min(1)
        .default(['en']),
      /** Where it happens: one or more venues. Leave out for online, phone or home-visit only. */
      venues: z.array(venueSchema(ctx)).default([]),
      /** When it meets: one or more schedules. Leave out if by appointment only. */
      schedules: z.array(scheduleSchema).default([]),
      /** Who to contact: one or more, each with a phone or an email. */
      contacts: z.array(contactSchemaFor(ctx.examples)).default([]),
      /** The group's own website: `https://example.org`. */
      website: urlField.optional(),
      /** The day someone last checked these details with the group, YYYY-MM-DD. Required. */
      last_verified: dateField,
      /** Who checked them: a team or role, e.g. "{verified_by}". */
      verified_by: plainText(120, 'verified_by').optional(),
      /**
       * Where an imported entry came from, written by `npm run import`: the system and the record's
       * id there, e.g. `{ system: "https://directory.example.org/api", id: "ac148810-…" }`. A
       * re-import updates the entry with the same source instead of adding a second one. `checksum`
       * is the import's fingerprint of the file it wrote: when the file no longer matches it, the
       * entry was edited by hand and a re-import leaves it alone (unless `--force`). Leave it as
       * it is; entries typed by hand have no `source`.
       */
      source: sourceSchema.optional(),
    })
    .superRefine((e, issue) => {
      if (e.min_age !== undefined && e.max_age !== undefined && e.max_age < e.min_age) {
        issue.addIssue({
          code: 'custom',
          path: ['max_age'],
          message: `max_age (${e.max_age}) is below min_age (${e.min_age}). Fix: swap them.`,
        });
      }
      if (e.delivery.includes('in-person') && e.venues.length === 0) {
        issue.addIssue({
          code: 'custom',
          path: ['venues'],
          message:
            'It is delivered in person but has no venue. Fix: add a venue, or set delivery to online, phone or home-visit.',
        });
      }
      if (!e.delivery.includes('in-person') && e.venues.length > 0) {
        issue.addIssue({
          code: 'custom',
          path: ['delivery'],
          message: 'It has a venue but is not delivered in person. Fix: add `in-person` to delivery.',
        });
      }
      if (e.neighbourhoods.includes(BOROUGH_WIDE) && e.neighbourhoods.length > 1) {
        issue.addIssue({
          code: 'custom',
          path: ['neighbourhoods'],
          message: '`borough-wide` already covers every neighbourhood. Fix: write only neighbourhoods: [borough-wide].',
        });
      }
      if (!e.contacts.length && !e.website) {
        issue.addIssue({
          code: 'custom',
          path: ['contacts'],
          message: 'There is no way to get in touch. Fix: add a contact (phone or email) or a website.',
        });
      }
      if (e.reopens !== undefined && e.status !== 'temporarily-closed') {
        issue.addIssue({
          code: 'custom',
          path: ['reopens'],
          message:
            '`reopens` only goes with `status: temporarily-closed`. Fix: set the status, or remove the `reopens` line.',
        });
      }
      if (e.last_verified > tomorrowIso()) {
        issue.addIssue({
          code: 'custom',
          path: ['last_verified'],
          message: `last_verified (${e.last_verified}) is in the future. Fix: use the date the details were checked.`,
        });
      }
    });
}
export type EntryData = z.output<ReturnType<typeof makeEntrySchema>>;
export type EntryInput = z.input<ReturnType<typeof makeEntrySchema>>;
