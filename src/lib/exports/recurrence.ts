/**
 * A schedule as an iCalendar recurrence, shared by the HSDS feed (`freq`, `byday`, `dtstart`) and
 * the .ics calendars (RRULE), so both say the same thing. Pure.
 *
 * The rules match `src/lib/schedule/schedule.ts` exactly:
 *  - weekly → FREQ=WEEKLY;INTERVAL=n;BYDAY=TU,TH;WKST=MO. Weeks run Monday to Sunday and are
 *    counted from the first session, which lies in a week `schedule.ts` counts as a meeting week;
 *  - monthly → FREQ=MONTHLY;BYDAY=2MO,-1FR (a 5th weekday a month lacks is skipped, as on the site);
 *  - one-off dates are not a recurrence: each date is its own event.
 *
 * The first session (DTSTART / `dtstart`) is a fixed date, never the build date, so two builds of
 * the same content are byte-identical: the first session on or after the schedule's `from`, or,
 * without `from`, on or after the day the entry was last verified.
 */
import { DAY_ICAL } from '../../schema/vocab';
import type { Schedule } from '../../schema/entry';
import { occursOn } from '../schedule/occurrences';
import { addDays } from '../calendar/dates';

type Recurring = Extract<Schedule, { kind: 'weekly' | 'monthly' }>;

/** True for weekly and monthly schedules. */
export function isRecurring(s: Schedule): s is Recurring {
  return s.kind === 'weekly' || s.kind === 'monthly';
}

/**
 * The first date on or after `date` with a session (within the schedule's from/until), looking at
 * most `horizonDays` ahead; undefined when there is none.
 */
export function firstSessionOnOrAfter(s: Schedule, date: string, horizonDays = 400): string | undefined {
  for (let i = 0; i <= horizonDays; i++) {
    const day = addDays(date, i);
    if (s.until && day > s.until) return undefined;
    if (occursOn(s, day)) return day;
  }
  return undefined;
}

/**
 * The date a recurring schedule's calendar starts (DTSTART): its first session on or after `from`,
 * or on or after `lastVerified` when it has no `from`. Undefined when it has no session in that
 * time (its `until` has passed).
 */
export function recurrenceStart(s: Recurring, lastVerified: string): string | undefined {
  return firstSessionOnOrAfter(s, s.from ?? lastVerified);
}

/** HSDS / iCalendar `byday`: `TU,TH` for weekly, `2MO,-1FR` for monthly. */
export function byDay(s: Recurring): string {
  if (s.kind === 'weekly') return s.days.map((d) => DAY_ICAL[d]).join(',');
  return s.on.map((o) => `${o.nth}${DAY_ICAL[o.day]}`).join(',');
}

/** The parts of the RRULE before UNTIL: `FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;WKST=MO`. */
export function rruleBody(s: Recurring): string {
  if (s.kind === 'weekly') return `FREQ=WEEKLY;INTERVAL=${s.interval};BYDAY=${byDay(s)};WKST=MO`;
  return `FREQ=MONTHLY;BYDAY=${byDay(s)}`;
}
