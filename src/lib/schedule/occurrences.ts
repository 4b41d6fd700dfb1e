/**
 * Schedules on the calendar: whether a schedule meets on a date, the weekdays and parts of the
 * day it can fall on, and its next sessions. Runs at build time and in the browser (next dates,
 * "on today", "this week"), on dates local to Europe/London.
 */
import { DAYS, type Day } from '../../schema/vocab';
import type { Schedule } from '../../schema/entry';
import { dayNumber, daysInMonth, dayOf, fromDayNumber, mondayOf, ymd } from '../calendar/dates';
import { londonDate, londonInstant } from '../calendar/london';

/** One session on the calendar. */
export interface Occurrence {
  /** London calendar date, `YYYY-MM-DD`. */
  date: string;
  /** Start time `HH:MM` (London), when the schedule gives one. */
  start?: string;
  /** End time `HH:MM` (London), when the schedule gives one. */
  end?: string;
  /** The instant it starts; London midnight at the start of `date` when there is no start time. */
  startsAt: Date;
  /** The instant it ends, when there is an end time. */
  endsAt?: Date;
}

/** Parts of the day, for the time-of-day filter. */
export const TIMES = ['morning', 'afternoon', 'evening'] as const;
export type TimeOfDay = (typeof TIMES)[number];

function minutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** The days, without repeats, in week order (Monday first). */
export function sortDays(days: Iterable<Day>): Day[] {
  const set = new Set(days);
  return DAYS.filter((d) => set.has(d));
}

/** Whether the schedule's `from` / `until` (both inclusive) cover `date`. */
export function isActiveOn(s: Schedule, date: string): boolean {
  return (!s.from || date >= s.from) && (!s.until || date <= s.until);
}

/**
 * Whether a week-interval rule meets in the week of `date`: weeks are counted Monday to Sunday
 * from the week containing `from`. A rule every 2+ weeks without `from` (the schema rejects
 * it) has no known weeks and never meets.
 */
function inIntervalWeek(s: Extract<Schedule, { kind: 'weekly' }>, date: string): boolean {
  if (s.interval <= 1) return true;
  if (!s.from) return false;
  const weeks = (mondayOf(dayNumber(date)) - mondayOf(dayNumber(s.from))) / 7;
  return ((weeks % s.interval) + s.interval) % s.interval === 0;
}

/** Whether `date` is the `nth` (1–5, or -1 for last) of its weekday in its month. */
function isNthWeekday(date: string, nth: number): boolean {
  const [y, m, d] = ymd(date);
  if (nth === -1) return d + 7 > daysInMonth(y, m);
  return Math.ceil(d / 7) === nth;
}

/** Whether the rule itself (ignoring from/until) meets on `date`. */
function ruleMatches(s: Schedule, date: string): boolean {
  switch (s.kind) {
    case 'weekly':
      return s.days.includes(dayOf(date)) && inIntervalWeek(s, date);
    case 'monthly': {
      const day = dayOf(date);
      return s.on.some((o) => o.day === day && isNthWeekday(date, o.nth));
    }
    case 'dates':
      return s.dates.includes(date);
  }
}

/**
 * Whether there is a session on the London calendar date `date` (`YYYY-MM-DD`), within
 * from/until. A 5th weekday that a month does not have is simply skipped.
 */
export function occursOn(s: Schedule, date: string): boolean {
  return isActiveOn(s, date) && ruleMatches(s, date);
}

/**
 * The weekdays a schedule can fall on, Monday first. For one-off dates, the weekdays of the
 * dates within from/until.
 */
export function daysOfWeek(s: Schedule): Day[] {
  switch (s.kind) {
    case 'weekly':
      return sortDays(s.days);
    case 'monthly':
      return sortDays(s.on.map((o) => o.day));
    case 'dates':
      return sortDays(s.dates.filter((d) => isActiveOn(s, d)).map(dayOf));
  }
}

const NOON = 12 * 60;
const FIVE_PM = 17 * 60;

/**
 * Parts of the day a session touches: morning (before 12:00), afternoon (12:00–16:59),
 * evening (17:00 on). With an end time, every part the session overlaps (10:00–14:00 is morning
 * and afternoon; ending exactly at 12:00 is morning only); with only a start, the part it
 * starts in; with no start, none.
 */
export function timesOfDay(s: Schedule): TimeOfDay[] {
  if (!s.start) return [];
  const start = minutes(s.start);
  if (!s.end) return [start < NOON ? 'morning' : start < FIVE_PM ? 'afternoon' : 'evening'];
  const end = minutes(s.end);
  const out: TimeOfDay[] = [];
  if (start < NOON) out.push('morning');
  if (start < FIVE_PM && end > NOON) out.push('afternoon');
  if (end > FIVE_PM || start >= FIVE_PM) out.push('evening');
  return out;
}

function occurrenceOn(s: Schedule, date: string): Occurrence {
  const o: Occurrence = { date, startsAt: londonInstant(date, s.start ?? '00:00') };
  if (s.start) o.start = s.start;
  if (s.end) {
    o.end = s.end;
    o.endsAt = londonInstant(date, s.end);
  }
  return o;
}

/**
 * Whether an occurrence is still to come (or under way) at `now`: any later date; today until
 * its end time has passed (or, without an end, its start time), so it still counts at exactly
 * that instant; today all day when it has no times.
 */
function isUpcoming(o: Occurrence, now: Date, today: string): boolean {
  if (o.date !== today) return o.date > today;
  const cutoff = o.endsAt ?? (o.start ? o.startsAt : undefined);
  return !cutoff || now.getTime() <= cutoff.getTime();
}

/**
 * The next `count` sessions at or after `now` (an instant; "today" is its London date), soonest
 * first, looking at most `horizonDays` days ahead of today. Respects from/until, week intervals,
 * nth/last weekdays and one-off dates; a session today is listed until it has ended. `skip`
 * leaves out dates the rule gives but the group does not meet on.
 */
export function nextOccurrences(
  s: Schedule,
  now: Date,
  count: number,
  horizonDays = 400,
  skip?: (s: Schedule, date: string) => boolean,
): Occurrence[] {
  const out: Occurrence[] = [];
  if (count <= 0) return out;
  const today = londonDate(now);
  let first = dayNumber(today);
  let last = first + horizonDays;
  if (s.from) first = Math.max(first, dayNumber(s.from));
  if (s.until) last = Math.min(last, dayNumber(s.until));
  const candidates =
    s.kind === 'dates'
      ? s.dates
          .map(dayNumber)
          .filter((n) => n >= first && n <= last)
          .sort((a, b) => a - b)
      : Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
  for (const n of candidates) {
    const date = fromDayNumber(n);
    if (!occursOn(s, date) || skip?.(s, date)) continue;
    const o = occurrenceOn(s, date);
    if (!isUpcoming(o, now, today)) continue;
    out.push(o);
    if (out.length >= count) break;
  }
  return out;
}

/**
 * The next `count` sessions across several schedules, merged and sorted by start. Sessions that
 * start at the same instant are listed once (the one that ends last is kept). `skip` leaves out
 * the dates a schedule's rule gives but it does not meet on (src/lib/schedule/sessions.ts).
 */
export function nextOccurrencesForAll(
  schedules: readonly Schedule[],
  now: Date,
  count: number,
  horizonDays = 400,
  skip?: (s: Schedule, date: string) => boolean,
): Occurrence[] {
  const all = schedules.flatMap((s) => nextOccurrences(s, now, count, horizonDays, skip));
  all.sort(
    (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (b.endsAt?.getTime() ?? 0) - (a.endsAt?.getTime() ?? 0),
  );
  const seen = new Set<number>();
  const out: Occurrence[] = [];
  for (const o of all) {
    if (seen.has(o.startsAt.getTime())) continue;
    seen.add(o.startsAt.getTime());
    out.push(o);
    if (out.length >= count) break;
  }
  return out;
}
