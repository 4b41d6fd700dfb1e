/**
 * Arithmetic on calendar dates written `YYYY-MM-DD`: a day on the calendar, not an instant, so
 * no time zone is involved (instants in London are in ./london.ts). Every date sum in the book
 * goes through here.
 *
 * Sums are done on day numbers (whole days since 1970-01-01), which never depend on the clock or
 * time zone of the machine running them.
 */
import { toIsoDate } from '../../schema/dates';
import { DAYS, type Day } from '../../schema/vocab';

export const MS_PER_DAY = 86_400_000;

/** The year, month (1–12) and day of a `YYYY-MM-DD` date. */
export function ymd(date: string): [year: number, month: number, day: number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/** `YYYY-MM-DD` from a year, month (1–12) and day, which may run past the month (32 January is 1 February). */
export function isoDate(year: number, month: number, day: number): string {
  return toIsoDate(new Date(Date.UTC(year, month - 1, day)));
}

/** Days since 1970-01-01. */
export function dayNumber(date: string): number {
  const [y, m, d] = ymd(date);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

/** The date of a day number. */
export function fromDayNumber(n: number): string {
  return toIsoDate(new Date(n * MS_PER_DAY));
}

/** `date` plus `days` days (negative to go back). */
export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** Index in `DAYS` (0 = Monday) of a day number. Day 0 (1970-01-01) was a Thursday. */
export function weekdayIndex(n: number): number {
  return (((n + 3) % 7) + 7) % 7;
}

/** The day of the week as in `DAYS` (`mon` … `sun`). */
export function dayOf(date: string): Day {
  return DAYS[weekdayIndex(dayNumber(date))];
}

/** Day number of the Monday of the week holding day number `n` (weeks run Monday to Sunday). */
export function mondayOf(n: number): number {
  return n - weekdayIndex(n);
}

/** Days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `date` moved by whole months, the day kept where the month has it, else its last day (31 March − 1 month = 28 February). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = ymd(date);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, daysInMonth(year, month))).padStart(2, '0')}`;
}

/** Whole months from one date to another (negative when `to` is earlier): 14 March to 13 April is 0, to 14 April 1. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = ymd(from);
  const [ty, tm, td] = ymd(to);
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/** `count` consecutive dates from `start`. */
export function datesFrom(start: string, count: number): string[] {
  const first = dayNumber(start);
  return Array.from({ length: Math.max(0, count) }, (_, i) => fromDayNumber(first + i));
}
