/**
 * Schedules in plain English: "Every Tuesday, 10am to 11:30am", "2nd and 4th Monday of the
 * month", a session "Tuesday 14 April 2026, 10am to 11:30am", and what a card or popup says about
 * the next session. Every page, card, popup, text message and export uses these words.
 */
import { DAYS, DAY_LABELS, type BankHolidayRegion, type Day } from '../../schema/vocab';
import type { Schedule } from '../../schema/entry';
import { addDays, dayOf } from '../calendar/dates';
import { londonDate } from '../calendar/london';
import { describeTime, formatDateLong, longDate } from '../calendar/words';
import { capitalise, joinAnd } from '../text/words';
import { sortDays, type Occurrence } from './occurrences';
import { isClosedNow, nextSessions, type Running } from './sessions';
import { holidayNote } from './occurrence-text';

export { formatOccurrence, holidayNote } from './occurrence-text';

function ordinal(n: number): string {
  if (n === -1) return 'last';
  return `${n}${n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'}`;
}

function dayList(days: Day[]): string {
  const sorted = sortDays(days);
  if (sorted.length === 7) return 'day';
  if (sorted.join() === 'mon,tue,wed,thu,fri') return 'weekday (Monday to Friday)';
  return joinAnd(sorted.map((d) => DAY_LABELS[d]));
}

function describeWeekly(s: Extract<Schedule, { kind: 'weekly' }>): string {
  const days = dayList(s.days);
  const from = s.from ? ` from ${longDate(s.from)}` : '';
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
    return `(from ${longDate(from, !sameYear)} until ${longDate(until)})`;
  }
  if (from) return `(from ${longDate(from)})`;
  if (until) return `(until ${longDate(until)})`;
  return '';
}

/**
 * A schedule in plain English: pattern, then times, then the dates it applies between.
 * "Every Tuesday, 10am to 11:30am"; "2nd and 4th Monday of the month, 6pm to 8pm";
 * "Every other Thursday from 8 January 2026, 9:30am to 11am";
 * "Saturday 12 December 2026, 10am to 2pm"; "Every Tuesday, 10am to 11:30am (from 5 January until 20 July 2026)";
 * "Every Monday, 10am to 12 noon, not on bank holidays".
 * The schedule's `note` is not included: show it beside this text.
 */
export function describeSchedule(s: Schedule): string {
  const text = [describePattern(s), describeTime(s.start, s.end), s.not_on_bank_holidays && 'not on bank holidays']
    .filter(Boolean)
    .join(', ');
  const validity = describeValidity(s);
  return validity ? `${text} ${validity}` : text;
}

/** "Today, 10am to 11:30am", "Tomorrow, from 6pm", "Tuesday 14 April 2026, 10am to 11:30am". */
export function describeNext(o: Occurrence, now: Date, holidays: BankHolidayRegion): string {
  const today = londonDate(now);
  const day = o.date === today ? 'Today' : o.date === addDays(today, 1) ? 'Tomorrow' : formatDateLong(o.date);
  const time = describeTime(o.start, o.end);
  return (time ? `${day}, ${time}` : day) + holidayNote(o.date, holidays);
}

/**
 * What a search result, a map popup or a list card says about when to go: "Next: Today, 10am
 * to 11:30am"; "No longer meets" for a closed group; "Temporarily closed" (and "reopens …" when
 * the day is known) for one closed for now; "By arrangement" without schedules; "No dates coming
 * up" when none of its sessions is still to come.
 */
export function nextSessionText(
  group: Running,
  schedules: readonly Schedule[],
  now: Date,
  holidays: BankHolidayRegion,
): string {
  if (group.status === 'closed') return 'No longer meets';
  if (isClosedNow(group, now)) return reopensText(group.reopens);
  if (!schedules.length) return 'By arrangement';
  const [next] = nextSessions(group, schedules, now, 1, holidays);
  return next ? `Next: ${describeNext(next, now, holidays)}` : 'No dates coming up';
}

/**
 * The heading of one day's groups in "on today" and "this week": "On today, Tuesday 1 December"
 * (`onToday`), else "Today, Tuesday 1 December", "Tomorrow, Wednesday 2 December",
 * "Thursday 3 December".
 */
export function dayHeading(date: string, now: Date, onToday = false): string {
  const today = londonDate(now);
  const day = `${DAY_LABELS[dayOf(date)]} ${longDate(date, false)}`;
  if (date === today) return `${onToday ? 'On today' : 'Today'}, ${day}`;
  return date === addDays(today, 1) ? `Tomorrow, ${day}` : day;
}

/** "Temporarily closed", or "Temporarily closed: reopens on Monday 5 January 2027". */
export function reopensText(reopens: string | undefined): string {
  return reopens ? `Temporarily closed: reopens on ${formatDateLong(reopens)}` : 'Temporarily closed';
}
