/**
 * Schedules in plain English and on the calendar. Pure, no dependencies and no Node imports: it
 * runs at build time and in the browser (next dates, "on today", "this week").
 *
 * Conventions:
 *  - A date is a `YYYY-MM-DD` string and a time an `HH:MM` 24-hour string, both local to
 *    Europe/London (the only time zone the book knows about).
 *  - Calendar arithmetic is done on whole days counted from 1970-01-01 ("day numbers"), so it
 *    never depends on the time zone of the machine running it.
 *  - Absolute instants (`Date`) only appear where a wall-clock London time meets "now":
 *    `londonDate`, `londonInstant` and the `startsAt` / `endsAt` of an occurrence.
 */
// Straight from the vocab (not the schema index) so the browser bundle does not pull in zod.
import { DAYS, DAY_LABELS, type BankHolidayRegion, type Day } from '../../schema/vocab';
import { bankHolidayOn } from '../calendar/bank-holidays';
import type { Schedule } from '../../schema/entry';

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

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

/** Part of the day a session touches, for the time-of-day search filter. */
export type TimeOfDay = 'morning' | 'afternoon' | 'evening';

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic on day numbers (days since 1970-01-01)
// ---------------------------------------------------------------------------------------------

const MS_PER_DAY = 86_400_000;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function ymd(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function dayNumber(date: string): number {
  const [y, m, d] = ymd(date);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

function fromDayNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Index in `DAYS` (0 = Monday). Day 0 (1970-01-01) was a Thursday. */
function weekdayIndex(n: number): number {
  return (((n + 3) % 7) + 7) % 7;
}

function weekdayOf(date: string): Day {
  return DAYS[weekdayIndex(dayNumber(date))];
}

/** Day number of the Monday of the week containing day `n`. */
function mondayOf(n: number): number {
  return n - weekdayIndex(n);
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function minutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function sortDays(days: Iterable<Day>): Day[] {
  const set = new Set(days);
  return DAYS.filter((d) => set.has(d));
}

// ---------------------------------------------------------------------------------------------
// Europe/London
// ---------------------------------------------------------------------------------------------

let londonFormatter: Intl.DateTimeFormat | undefined;

/** London wall-clock reading of an instant, as the UTC milliseconds of that same wall-clock reading. */
function londonWallClock(ms: number): number {
  londonFormatter ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const p: Record<string, number> = {};
  for (const part of londonFormatter.formatToParts(new Date(ms))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second);
}

/** London's offset from UTC at an instant, in milliseconds (0 in winter, 3 600 000 in summer). */
function londonOffset(ms: number): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return londonWallClock(whole) - whole;
}

/** The London calendar date (`YYYY-MM-DD`) of an instant. */
export function londonDate(now: Date): string {
  return new Date(londonWallClock(now.getTime())).toISOString().slice(0, 10);
}

/**
 * The instant at which London clocks read `time` on `date`.
 *
 * Works for any offset rules the platform's time-zone data has: it tries the offsets in force
 * half a day either side and keeps a candidate whose own offset agrees.
 *  - A time that happens twice (clocks go back, e.g. 01:30 on 2026-10-25) gives the first one,
 *    still on summer time: 00:30Z.
 *  - A time that does not exist (clocks go forward, e.g. 01:30 on 2026-03-29) is read with the
 *    offset from before the change, i.e. pushed forward by the gap: 02:30 BST = 01:30Z.
 */
export function londonInstant(date: string, time = '00:00'): Date {
  const [y, m, d] = ymd(date);
  const wall = Date.UTC(y, m - 1, d, Number(time.slice(0, 2)), Number(time.slice(3, 5)));
  const before = londonOffset(wall - MS_PER_DAY / 2);
  const after = londonOffset(wall + MS_PER_DAY / 2);
  const valid = [...new Set([before, after])].map((o) => wall - o).filter((t) => londonOffset(t) === wall - t);
  return new Date(valid.length ? Math.min(...valid) : wall - before);
}

// ---------------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------------

/** "a", "a and b", "a, b and c". */
function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function ordinal(n: number): string {
  if (n === -1) return 'last';
  return `${n}${n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'}`;
}

/**
 * A 24-hour `HH:MM` time on the 12-hour clock: "10am", "11:30am", "12 noon", "12:30pm", "6pm";
 * midnight is "12am".
 */
export function formatTime(time: string): string {
  const h = Number(time.slice(0, 2));
  const m = time.slice(3, 5);
  if (h === 12 && m === '00') return '12 noon';
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${hour12}${m === '00' ? '' : `:${m}`}${h < 12 ? 'am' : 'pm'}`;
}

/**
 * Start and end times in words: "10am to 11:30am"; "from 10am" with only a start;
 * "until 11:30am" with only an end; "" with neither.
 */
export function describeTime(start?: string, end?: string): string {
  if (start && end) return `${formatTime(start)} to ${formatTime(end)}`;
  if (start) return `from ${formatTime(start)}`;
  if (end) return `until ${formatTime(end)}`;
  return '';
}

/** "14 April 2026" (no weekday). */
function formatDay(date: string, withYear = true): string {
  const [y, m, d] = ymd(date);
  return `${d} ${MONTHS[m - 1]}${withYear ? ` ${y}` : ''}`;
}

/** A date in full: `2026-04-14` → "Tuesday 14 April 2026". */
export function formatDateLong(date: string): string {
  return `${DAY_LABELS[weekdayOf(date)]} ${formatDay(date)}`;
}

/**
 * The note for a session on a bank holiday: " (Christmas Day: check it is on)"; "" on other
 * days. Many groups do not meet on bank holidays; the schedules cannot say which.
 */
export function holidayNote(date: string, holidays: BankHolidayRegion): string {
  const name = bankHolidayOn(date, holidays);
  return name ? ` (${name}: check it is on)` : '';
}

/**
 * One occurrence in words, always with the weekday and year so it cannot be misread:
 * "Tuesday 14 April 2026, 10am to 11:30am"; just the date when there are no times. On a bank
 * holiday of the `holidays` region it says so: "Friday 25 December 2026, 10am to 12 noon
 * (Christmas Day: check it is on)".
 */
export function formatOccurrence(o: Occurrence, holidays: BankHolidayRegion): string {
  return (
    [formatDateLong(o.date), describeTime(o.start, o.end)].filter(Boolean).join(', ') + holidayNote(o.date, holidays)
  );
}

function dayList(days: Day[]): string {
  const sorted = sortDays(days);
  if (sorted.length === 7) return 'day';
  if (sorted.join() === 'mon,tue,wed,thu,fri') return 'weekday (Monday to Friday)';
  return joinAnd(sorted.map((d) => DAY_LABELS[d]));
}

function describeWeekly(s: Extract<Schedule, { kind: 'weekly' }>): string {
  const days = dayList(s.days);
  const from = s.from ? ` from ${formatDay(s.from)}` : '';
  if (s.interval <= 1) return `Every ${days}`;
  if (s.interval === 2) return `Every other ${days}${from}`;
  return `Every ${s.interval} weeks on ${days}${from}`;
}

/** "2nd and 4th Monday of the month", "1st Wednesday and last Friday of the month". */
function describeMonthly(s: Extract<Schedule, { kind: 'monthly' }>): string {
  const rank = (nth: number) => (nth === -1 ? 6 : nth);
  const byDay = new Map<Day, number[]>();
  for (const { nth, day } of s.on) {
    const list = byDay.get(day) ?? [];
    if (!list.includes(nth)) list.push(nth);
    byDay.set(day, list);
  }
  const groups = [...byDay.entries()]
    .map(([day, nths]) => ({ day, nths: nths.sort((a, b) => rank(a) - rank(b)) }))
    .sort((a, b) => rank(a.nths[0]) - rank(b.nths[0]) || DAYS.indexOf(a.day) - DAYS.indexOf(b.day));
  const phrases = groups.map((g) => `${joinAnd(g.nths.map(ordinal))} ${DAY_LABELS[g.day]}`);
  // "1st and 3rd Monday, and last Friday" keeps the groups apart when a group has its own "and".
  const joined =
    phrases.length > 1 && groups.some((g) => g.nths.length > 1)
      ? `${phrases.slice(0, -1).join(', ')}, and ${phrases[phrases.length - 1]}`
      : joinAnd(phrases);
  return capitalise(`${joined} of the month`);
}

function describePattern(s: Schedule): string {
  switch (s.kind) {
    case 'weekly':
      return describeWeekly(s);
    case 'monthly':
      return describeMonthly(s);
    case 'dates':
      return joinAnd(s.dates.map(formatDateLong));
  }
}

/**
 * When a schedule applies, in brackets: "(from 5 January until 20 July 2026)",
 * "(from 5 January 2026)", "(until 20 July 2026)". A rule every 2+ weeks already says its `from`.
 */
function describeValidity(s: Schedule): string {
  const from = s.kind === 'weekly' && s.interval > 1 ? undefined : s.from;
  const until = s.until;
  if (from && until) {
    const sameYear = from.slice(0, 4) === until.slice(0, 4);
    return `(from ${formatDay(from, !sameYear)} until ${formatDay(until)})`;
  }
  if (from) return `(from ${formatDay(from)})`;
  if (until) return `(until ${formatDay(until)})`;
  return '';
}

/**
 * A schedule in plain English: pattern, then times, then the dates it applies between.
 * "Every Tuesday, 10am to 11:30am"; "2nd and 4th Monday of the month, 6pm to 8pm";
 * "Every other Thursday from 8 January 2026, 9:30am to 11am";
 * "Saturday 12 December 2026, 10am to 2pm"; "Every Tuesday, 10am to 11:30am (from 5 January until 20 July 2026)".
 * The schedule's `note` is not included: show it beside this text.
 */
export function describeSchedule(s: Schedule): string {
  const text = [describePattern(s), describeTime(s.start, s.end)].filter(Boolean).join(', ');
  const validity = describeValidity(s);
  return validity ? `${text} ${validity}` : text;
}

// ---------------------------------------------------------------------------------------------
// The calendar
// ---------------------------------------------------------------------------------------------

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
      return s.days.includes(weekdayOf(date)) && inIntervalWeek(s, date);
    case 'monthly': {
      const day = weekdayOf(date);
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
      return sortDays(s.dates.filter((d) => isActiveOn(s, d)).map(weekdayOf));
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
 * nth/last weekdays and one-off dates; a session today is listed until it has ended.
 */
export function nextOccurrences(s: Schedule, now: Date, count: number, horizonDays = 400): Occurrence[] {
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
    if (!occursOn(s, date)) continue;
    const o = occurrenceOn(s, date);
    if (!isUpcoming(o, now, today)) continue;
    out.push(o);
    if (out.length >= count) break;
  }
  return out;
}

/**
 * The next `count` sessions across several schedules, merged and sorted by start. Sessions that
 * start at the same instant are listed once (the one that ends last is kept).
 */
export function nextOccurrencesForAll(
  schedules: Schedule[],
  now: Date,
  count: number,
  horizonDays = 400,
): Occurrence[] {
  const all = schedules.flatMap((s) => nextOccurrences(s, now, count, horizonDays));
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
