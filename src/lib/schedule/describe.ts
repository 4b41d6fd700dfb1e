/**
 * Schedules in words (the messages `facts.schedule.`): "Every Tuesday, 10am to 11:30am", "2nd and 4th Monday of the
 * month", a session "Tuesday 14 April 2026, 10am to 11:30am", and what a card or popup says about
 * the next session. Every page, card, popup, text message and export uses these words.
 */
import { DAYS, DAY_LABELS, type BankHolidayRegion, type Day } from '../../schema/vocab';
import type { Schedule } from '../../schema/entry';
import { addDays, dayOf } from '../calendar/dates';
import { londonDate } from '../calendar/london';
import { describeTime, formatDateLong, longDate } from '../calendar/words';
import { capitalise, joinAnd } from '../text/words';
import { t } from '../text/messages';
import { sortDays, type Occurrence } from './occurrences';
import { isClosedNow, nextSessions, type Running } from './sessions';
import { holidayNote } from './occurrence-text';

export { formatOccurrence, holidayNote } from './occurrence-text';

/** "1st" … "5th", "last": the places a monthly rule names. */
function ordinal(n: number): string {
  return t(n === -1 ? 'facts.schedule.nth.last' : `facts.schedule.nth.${n as 1 | 2 | 3 | 4 | 5}`);
}

function dayList(days: Day[]): string {
  const sorted = sortDays(days);
  if (sorted.length === 7) return t('facts.schedule.everyDay');
  if (sorted.join() === 'mon,tue,wed,thu,fri') return t('facts.schedule.weekdays');
  return joinAnd(sorted.map((d) => DAY_LABELS[d]));
}

function describeWeekly(s: Extract<Schedule, { kind: 'weekly' }>): string {
  const days = dayList(s.days);
  if (s.interval <= 1) return t('facts.schedule.every', { days });
  const from = s.from ? longDate(s.from) : undefined;
  if (s.interval === 2)
    return from ? t('facts.schedule.everyOtherFrom', { days, date: from }) : t('facts.schedule.everyOther', { days });
  const count = s.interval;
  return from
    ? t('facts.schedule.everyWeeksFrom', { count, days, date: from })
    : t('facts.schedule.everyWeeks', { count, days });
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
  const phrases = groups.map((g) =>
    t('facts.schedule.nthDay', { nth: joinAnd(g.nths.map(ordinal)), day: DAY_LABELS[g.day] }),
  );
  // "1st and 3rd Monday, and last Friday" keeps the groups apart when a group has its own "and".
  const joined =
    phrases.length > 1 && groups.some((g) => g.nths.length > 1)
      ? t('facts.schedule.groupsAnd', {
          groups: phrases.slice(0, -1).join(t('facts.list.separator')),
          last: phrases[phrases.length - 1]!,
        })
      : joinAnd(phrases);
  return capitalise(t('facts.schedule.ofMonth', { days: joined }));
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
    return t('facts.schedule.fromUntil', { from: longDate(from, !sameYear), until: longDate(until) });
  }
  if (from) return t('facts.schedule.from', { from: longDate(from) });
  if (until) return t('facts.schedule.until', { until: longDate(until) });
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
  const text = [
    describePattern(s),
    describeTime(s.start, s.end),
    s.not_on_bank_holidays && t('facts.schedule.notOnBankHolidays'),
  ]
    .filter(Boolean)
    .join(', ');
  const validity = describeValidity(s);
  return validity ? `${text} ${validity}` : text;
}

/** "Today, 10am to 11:30am", "Tomorrow, from 6pm", "Tuesday 14 April 2026, 10am to 11:30am". */
export function describeNext(o: Occurrence, now: Date, holidays: BankHolidayRegion): string {
  const today = londonDate(now);
  const day =
    o.date === today
      ? t('facts.schedule.today')
      : o.date === addDays(today, 1)
        ? t('facts.schedule.tomorrow')
        : formatDateLong(o.date);
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
  if (group.status === 'closed') return t('facts.schedule.noLonger');
  if (isClosedNow(group, now)) return reopensText(group.reopens);
  if (!schedules.length) return t('facts.schedule.byArrangement');
  const [next] = nextSessions(group, schedules, now, 1, holidays);
  return next ? t('facts.schedule.next', { when: describeNext(next, now, holidays) }) : t('facts.schedule.noDates');
}

/**
 * The heading of one day's groups in "on today" and "this week": "On today, Tuesday 1 December"
 * (`onToday`), else "Today, Tuesday 1 December", "Tomorrow, Wednesday 2 December",
 * "Thursday 3 December".
 */
export function dayHeading(date: string, now: Date, onToday = false): string {
  const today = londonDate(now);
  const day = t('facts.date.weekday', { weekday: DAY_LABELS[dayOf(date)], date: longDate(date, false) });
  if (date === today) return t(onToday ? 'facts.schedule.onTodayHeading' : 'facts.schedule.todayHeading', { day });
  return date === addDays(today, 1) ? t('facts.schedule.tomorrowHeading', { day }) : day;
}

/** "Temporarily closed", or "Temporarily closed: reopens on Monday 5 January 2027". */
export function reopensText(reopens: string | undefined): string {
  return reopens ? t('facts.schedule.reopens', { date: formatDateLong(reopens) }) : t('facts.schedule.closedForNow');
}
