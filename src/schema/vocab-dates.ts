/**
 * The vocabularies next dates are worked out with: days of the week, a group's status, and whose
 * bank holidays count. Part of the fixed vocabularies (./vocab.ts re-exports them; import from
 * there), in a module of their own so the small scripts that work out next dates in the browser
 * (src/components/enhance/next-dates.ts) load these lists and not every label of every
 * vocabulary: the bundler splits code by module, and keeps every export some page uses.
 *
 * The labels shown for the values are the site's words: they come from the messages
 * (src/lib/text/en/facts.ts), looked up when read.
 */
import { messageLabels } from '../lib/text/messages';

/** Days of the week as written in entries (`weekly: [tue, thu]`), Monday first. */
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];
/** The days' names, from the messages (`facts.date.day.mon`), read when used. */
export const DAY_LABELS = /* @__PURE__ */ messageLabels(DAYS, (d) => `facts.date.day.${d}` as const);
/** iCalendar / HSDS `byday` codes. */
export const DAY_ICAL: Record<Day, string> = {
  mon: 'MO',
  tue: 'TU',
  wed: 'WE',
  thu: 'TH',
  fri: 'FR',
  sat: 'SA',
  sun: 'SU',
};

/** Whether the group is running. `closed` entries stay listed (marked) so old links still work. */
export const STATUSES = ['active', 'temporarily-closed', 'closed'] as const;
export type Status = (typeof STATUSES)[number];
/** The statuses' labels, from the messages (`facts.label.status.closed`), read when used. */
export const STATUS_LABELS = /* @__PURE__ */ messageLabels(STATUSES, (s) => `facts.label.status.${s}` as const);
/** HSDS 3.0 `service.status`. */
export const STATUS_HSDS: Record<Status, string> = {
  active: 'active',
  'temporarily-closed': 'temporarily closed',
  closed: 'defunct',
};

/** Whose bank holidays next dates are checked against (site.yaml `bank_holidays`; src/lib/calendar/bank-holidays.ts). */
export const BANK_HOLIDAY_REGIONS = ['england-and-wales', 'scotland', 'northern-ireland', 'none'] as const;
export type BankHolidayRegion = (typeof BANK_HOLIDAY_REGIONS)[number];
