/**
 * A group's sessions to come, as every place that shows next dates gives them: its page, search
 * cards, map popups, the list, the text message, the printed plan and the calendars. A closed
 * group has none. A temporarily closed group has none until the day it reopens (`reopens`), or
 * none at all when that day is not known: it must never look open.
 */
import type { Status } from '../../schema/vocab';
import type { Schedule } from '../../schema/entry';
import { londonDate, londonInstant } from '../calendar/london';
import { nextOccurrencesForAll, type Occurrence } from './occurrences';

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

/** The next `count` sessions of a group at `now` (see `sessionsStart`), soonest first. */
export function nextSessions(group: Running, schedules: readonly Schedule[], now: Date, count: number): Occurrence[] {
  const from = sessionsStart(group, now);
  return from ? nextOccurrencesForAll(schedules, from, count) : [];
}

/** True while a group is closed for now: temporarily closed, and its `reopens` day (if any) not yet come. */
export function isClosedNow(group: Running, now: Date): boolean {
  return group.status === 'temporarily-closed' && (!group.reopens || group.reopens > londonDate(now));
}
