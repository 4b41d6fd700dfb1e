/**
 * Arithmetic on calendar dates written `YYYY-MM-DD`. A date here is a day on the calendar, not an
 * instant: no time zone is involved (Europe/London instants are in src/lib/schedule/schedule.ts). Pure.
 */
import { DAYS, type Day } from '../../schema/vocab';

/** `date` plus `days` days (negative to go back). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The day of the week as in `DAYS` (`mon` … `sun`). */
export function dayOf(date: string): Day {
  const [y, m, d] = date.split('-').map(Number);
  return DAYS[(new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7];
}
