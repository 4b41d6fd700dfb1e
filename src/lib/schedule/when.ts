/**
 * "On today" and "this week": which London dates a `when` filter covers at a moment, which
 * groups meet then, and how the search index can answer it. The search page and the map both
 * plan with `planWhen` and check with `meetsOn`, so they always agree.
 *
 *  - "On today" means still to come today, or under way now: a session that has ended is not
 *    "on today" any more.
 *  - "This week" is today (what is still to come) and the six days after, listed by day.
 *  - A closed group is never on; a temporarily closed one only from its `reopens` day
 *    (src/lib/schedule/sessions.ts).
 *
 * The index side: every entry page carries
 *  - schedule keys (`scheduleKeys`, filter `sched`) that say exactly on which dates a regular
 *    rule meets: `w-tue` (every Tuesday), `m2-tue` / `mL-fri` (the 2nd Tuesday / the last Friday
 *    of the month). A day of a plan lists the keys that certainly meet that day (`exact`).
 *    Anything else (every 2+ weeks, one-off dates, a from/until, a closure with a reopening day)
 *    is keyed `x`: those entries are narrowed by weekday in the index and checked against their
 *    rules in the browser. A closed group, or one closed with no reopening day, has no keys;
 *  - per weekday, the hours its sessions are still going in (`ends-tue`: `"19"` when a Tuesday
 *    session ends at 19:00 or later), so "on today" in the evening asks only for what is left;
 *  - per weekday, a sort key with its first start time that day (`start-tue`: `"1930"`), so each
 *    day's groups come soonest first.
 */
import { DAYS, type BankHolidayRegion, type Day } from '../../schema/vocab';
import type { Schedule } from '../../schema/entry';
import { addDays, datesFrom, dayOf, ymd } from '../calendar/dates';
import { londonDate, londonHour } from '../calendar/london';
import { daysOfWeek, occursOn } from './occurrences';
import { holidayOff, nextSessions, sessionsStart, type Running } from './sessions';

export const WHEN = ['today', 'week'] as const;
export type When = (typeof WHEN)[number];

/** One day of a plan. */
export interface WhenDay {
  /** London date, `YYYY-MM-DD`. */
  date: string;
  day: Day;
  /** Schedule keys that certainly meet on this date, sorted. */
  exact: string[];
  /** Today only: the London hour now; sessions must still be going after it starts. */
  fromHour?: number;
}

export interface WhenPlan {
  /** The London dates covered: today, or today and the 6 days after. */
  dates: string[];
  /** Their weekdays, in week order. */
  days: Day[];
  /** Schedule keys that certainly meet on one of the dates, sorted. */
  exact: string[];
  /** Each date with what the index needs to answer it, soonest first. */
  byDate: WhenDay[];
  /** The moment planned at. */
  now: Date;
  /** Whose bank holidays count: a schedule that skips them has no session on one. */
  holidays: BankHolidayRegion;
}

/** The key of irregular schedules (every 2+ weeks, one-off dates, a from/until). */
export const IRREGULAR = 'x';

/** The filter saying in which hours of a weekday an entry's sessions are still going. */
export function endsKey(day: Day): string {
  return `ends-${day}`;
}

/** The sort key holding an entry's first start time on a weekday (`HHMM`). */
export function startSortKey(day: Day): string {
  return `start-${day}`;
}

/** Schedule keys that certainly meet on one date. */
function exactKeys(date: string): string[] {
  const d = dayOf(date);
  const [, month, day] = ymd(date);
  const keys = [`w-${d}`, `m${Math.ceil(day / 7)}-${d}`];
  if (ymd(addDays(date, 7))[1] !== month) keys.push(`mL-${d}`);
  return keys.sort();
}

/**
 * The plan for "on today" (`today`) or "this week" (`week`: today and the next 6 days) at the
 * moment `now`; `holidays`: whose bank holidays the schedules that skip them skip.
 */
export function planWhen(when: When, now: Date, holidays: BankHolidayRegion = 'none'): WhenPlan {
  const dates = datesFrom(londonDate(now), when === 'today' ? 1 : 7);
  const byDate = dates.map((date, i) => ({
    date,
    day: dayOf(date),
    exact: exactKeys(date),
    ...(i === 0 && { fromHour: londonHour(now) }),
  }));
  const exact = new Set(byDate.flatMap((d) => d.exact));
  return {
    dates,
    days: DAYS.filter((d) => dates.some((date) => dayOf(date) === d)),
    exact: [...exact].sort(),
    byDate,
    now,
    holidays,
  };
}

/** A group's running state as the index sees it (status and reopening day). */
type Group = Running;

/** The keys of an entry's schedules, for answering "on today" / "this week" in the index. */
export function scheduleKeys(schedules: readonly Schedule[], group: Group = { status: 'active' }): string[] {
  if (group.status === 'closed') return [];
  if (group.status === 'temporarily-closed') return group.reopens && schedules.length ? [IRREGULAR] : [];
  const keys = new Set<string>();
  for (const s of schedules) {
    // A rule that skips bank holidays is not certain on every date its pattern gives.
    if (s.from || s.until || s.not_on_bank_holidays || s.kind === 'dates' || (s.kind === 'weekly' && s.interval > 1)) {
      keys.add(IRREGULAR);
    } else if (s.kind === 'weekly') {
      s.days.forEach((d) => keys.add(`w-${d}`));
    } else {
      s.on.forEach((o) => keys.add(`m${o.nth === -1 ? 'L' : o.nth}-${o.day}`));
    }
  }
  return [...keys].sort();
}

const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * Per weekday: the hours (`"0"`–`"23"`) in which one of the entry's sessions that day is still
 * going (ends at or after the hour begins: a session is listed until its end time, 09:00 included,
 * as src/lib/schedule/occurrences.ts has it; a session with only a start counts until it starts; one
 * with no times, all day), and its first start time (`"HHMM"`, `"0000"` without one).
 * Nothing for a group that has no keys (closed, or closed with no reopening day).
 */
export function dayTimes(
  schedules: readonly Schedule[],
  group: Group = { status: 'active' },
): Partial<Record<Day, { hours: string[]; first: string }>> {
  if (scheduleKeys(schedules, group).length === 0) return {};
  const out: Partial<Record<Day, { until: number; first: number }>> = {};
  for (const s of schedules) {
    const start = s.start ? toMinutes(s.start) : 0;
    const until = s.end ? toMinutes(s.end) : s.start ? start + 1 : 24 * 60;
    for (const day of daysOfWeek(s)) {
      const seen = out[day];
      out[day] = { until: Math.max(seen?.until ?? 0, until), first: Math.min(seen?.first ?? Infinity, start) };
    }
  }
  return Object.fromEntries(
    Object.entries(out).map(([day, t]) => [
      day,
      {
        hours: Array.from({ length: Math.min(24, Math.floor(t.until / 60) + 1) }, (_, h) => String(h)),
        first: `${String(Math.floor(t.first / 60)).padStart(2, '0')}${String(t.first % 60).padStart(2, '0')}`,
      },
    ]),
  );
}

/**
 * True when a group has a session on `date` that counts at `now`: on today's date, one still
 * to come or under way; on a later date, any; never before it reopens, never when closed, never
 * on a bank holiday (of `holidays`) that its schedule skips.
 */
export function meetsOn(
  group: Group,
  schedules: readonly Schedule[],
  date: string,
  now: Date,
  holidays: BankHolidayRegion = 'none',
): boolean {
  const from = sessionsStart(group, now);
  if (!from) return false;
  const start = londonDate(from);
  if (date < start) return false;
  if (date === londonDate(now)) return nextSessions(group, schedules, now, 1, holidays)[0]?.date === date;
  return schedules.some((s) => occursOn(s, date) && !holidayOff(s, date, holidays));
}

/** True when a group meets on one of the plan's dates (see `meetsOn`). */
export function meetsDuring(group: Group, schedules: readonly Schedule[], plan: WhenPlan): boolean {
  return plan.dates.some((date) => meetsOn(group, schedules, date, plan.now, plan.holidays));
}

/** The first of the plan's dates a group meets on, if any: the day it is listed under. */
export function firstMeeting(group: Group, schedules: readonly Schedule[], plan: WhenPlan): string | undefined {
  return plan.dates.find((date) => meetsOn(group, schedules, date, plan.now, plan.holidays));
}
