/**
 * "On today" and "this week": which London dates a `when` filter covers at a moment, and how
 * the search index can answer it. The search page and the map both plan with `planWhen`, so
 * they always cover the same days.
 *
 * The index side: every entry page carries schedule keys (`scheduleKeys`) that say exactly on
 * which dates a regular rule meets: `w-tue` (every Tuesday), `m2-tue` / `mL-fri` (the 2nd Tuesday
 * / the last Friday of the month). A plan lists the keys that certainly meet on its dates
 * (`exact`). Anything else (every 2+ weeks, one-off dates, a from/until) is keyed `x`: those
 * entries are narrowed by weekday in the index and checked against their rules in the browser.
 */
import { DAYS, type Day } from '../../schema/vocab';
import type { Schedule } from '../../schema/entry';
import { addDays, datesFrom, dayOf, ymd } from '../calendar/dates';
import { londonDate } from '../calendar/london';
import { occursOn } from './occurrences';

export const WHEN = ['today', 'week'] as const;
export type When = (typeof WHEN)[number];

export interface WhenPlan {
  /** The London dates covered: today, or today and the 6 days after. */
  dates: string[];
  /** Their weekdays, in week order. */
  days: Day[];
  /** Schedule keys that certainly meet on one of the dates, sorted. */
  exact: string[];
}

/** The key of irregular schedules (every 2+ weeks, one-off dates, a from/until). */
export const IRREGULAR = 'x';

/** The plan for "on today" (`today`) or "this week" (`week`: today and the next 6 days) at the moment `now`. */
export function planWhen(when: When, now: Date): WhenPlan {
  const dates = datesFrom(londonDate(now), when === 'today' ? 1 : 7);
  const exact = new Set<string>();
  for (const date of dates) {
    const d = dayOf(date);
    const [, month, day] = ymd(date);
    exact.add(`w-${d}`);
    exact.add(`m${Math.ceil(day / 7)}-${d}`);
    if (ymd(addDays(date, 7))[1] !== month) exact.add(`mL-${d}`);
  }
  return { dates, days: DAYS.filter((d) => dates.some((date) => dayOf(date) === d)), exact: [...exact].sort() };
}

/** The keys of an entry's schedules, for answering "on today" / "this week" in the index. */
export function scheduleKeys(schedules: readonly Schedule[]): string[] {
  const keys = new Set<string>();
  for (const s of schedules) {
    if (s.from || s.until || s.kind === 'dates' || (s.kind === 'weekly' && s.interval > 1)) {
      keys.add(IRREGULAR);
    } else if (s.kind === 'weekly') {
      s.days.forEach((d) => keys.add(`w-${d}`));
    } else {
      s.on.forEach((o) => keys.add(`m${o.nth === -1 ? 'L' : o.nth}-${o.day}`));
    }
  }
  return [...keys].sort();
}

/** True when any of the schedules has a session on one of the dates. */
export function meetsOnAny(schedules: readonly Schedule[], dates: readonly string[]): boolean {
  return dates.some((date) => schedules.some((s) => occursOn(s, date)));
}
