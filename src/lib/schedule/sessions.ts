/**
 * A group's sessions to come, as every place that shows next dates gives them: its page, search
 * cards, map popups, the list, the text message, the printed plan and the calendars. A closed
 * group has none. A temporarily closed group has none until the day it reopens (`reopens`), or
 * none at all when that day is not known: it must never look open. A schedule that does not meet
 * on bank holidays (`not_on_bank_holidays`) has no session on one: its page marks the day instead,
 * and its calendar leaves it out (an EXDATE).
 */
import type { BankHolidayRegion, Status } from '../../schema/vocab';
import type { Schedule } from '../../schema/entry';
import { bankHolidayOn } from '../calendar/bank-holidays';
import { londonDate, londonInstant } from '../calendar/london';
import { nextOccurrencesForAll, occursOn, type Occurrence } from './occurrences';

/** What decides whether a group runs: its status, and the day a temporary closure ends. */
export interface Running {
  status: Status;
  /** `YYYY-MM-DD`: the day a temporarily closed group opens again. */
  reopens?: string;
}

/**
 * The moment from which a group's sessions count at `now`: `now` for a running group (or one
 * whose `reopens` day has come), the start of its `reopens` day while closed until then, and
 * undefined when it has no sessions to come at all.
 */
export function sessionsStart(group: Running, now: Date): Date | undefined {
  if (group.status === 'closed') return undefined;
  if (group.status === 'temporarily-closed') {
    if (!group.reopens) return undefined;
    if (group.reopens > londonDate(now)) return londonInstant(group.reopens);
  }
  return now;
}

/**
 * The bank holiday (its name) on which schedule `s` has no session although its rule falls on
 * that day: the schedule says `not_on_bank_holidays` and `date` is a bank holiday of `holidays`.
 */
export function holidayOff(s: Schedule, date: string, holidays: BankHolidayRegion): string | undefined {
  return s.not_on_bank_holidays ? bankHolidayOn(date, holidays) : undefined;
}

/**
 * The next `count` sessions of a group at `now` (see `sessionsStart`), soonest first, leaving out
 * the bank holidays its schedules do not meet on (of the `holidays` region).
 */
export function nextSessions(
  group: Running,
  schedules: readonly Schedule[],
  now: Date,
  count: number,
  holidays: BankHolidayRegion = 'none',
): Occurrence[] {
  const from = sessionsStart(group, now);
  if (!from) return [];
  return nextOccurrencesForAll(schedules, from, count, 400, (s, date) => holidayOff(s, date, holidays) !== undefined);
}

/** A day a schedule's rule gives but the group does not meet: a bank holiday it skips. */
export interface SkippedDay {
  /** `YYYY-MM-DD`. */
  date: string;
  /** The bank holiday's name: "Spring bank holiday". */
  holiday: string;
}

/**
 * The bank holidays without a session among a group's next `count` sessions at `now`: the days
 * its rules fall on before the last of those sessions (or, when it has fewer, within the next
 * 400 days) that are bank holidays it does not meet on. Soonest first, each day once.
 */
export function skippedHolidays(
  group: Running,
  schedules: readonly Schedule[],
  now: Date,
  count: number,
  holidays: BankHolidayRegion,
): SkippedDay[] {
  const from = sessionsStart(group, now);
  const skipping = schedules.filter((s) => s.not_on_bank_holidays);
  if (!from || !skipping.length || holidays === 'none') return [];
  const next = nextSessions(group, schedules, now, count, holidays);
  const last = next.length === count ? next[next.length - 1].date : undefined;
  const days = new Map<string, string>();
  // Each bank holiday is in the rule's sessions without the skip; a year has at most 10.
  for (const o of nextOccurrencesForAll(skipping, from, count + 12)) {
    if (last && o.date > last) break;
    const holiday = bankHolidayOn(o.date, holidays);
    // A day another schedule meets on still has a session.
    const met = schedules.some((s) => !s.not_on_bank_holidays && occursOn(s, o.date));
    if (holiday && !met) days.set(o.date, holiday);
  }
  return [...days].map(([date, holiday]) => ({ date, holiday }));
}

/** True while a group is closed for now: temporarily closed, and its `reopens` day (if any) not yet come. */
export function isClosedNow(group: Running, now: Date): boolean {
  return group.status === 'temporarily-closed' && (!group.reopens || group.reopens > londonDate(now));
}
