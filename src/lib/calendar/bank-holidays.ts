/**
 * UK bank holidays, worked out from the rules (no list to keep up to date, nothing fetched):
 * many groups do not meet on them, so a session that falls on one is shown with a "check it is
 * on" note instead of as if nothing were different. Pure; used in the browser (next dates on
 * entry pages, the list, search results and the map).
 *
 * Which rules apply is a setting (site.yaml `bank_holidays`): England and Wales, Scotland,
 * Northern Ireland, or none. The rules are those on gov.uk/bank-holidays: when a holiday falls on
 * a weekend, the next weekday that is not already a holiday is the substitute day. One-off
 * changes made by proclamation since 2020 are in MOVED and ONE_OFFS; a new one is a line there.
 */

import { DAYS, type BankHolidayRegion } from '../../schema/vocab';
import { addDays, dayOf, daysInMonth, isoDate } from './dates';
import { t } from '../text/messages';

/** One-off changes by proclamation: the date a rule gives → where it moved (or null: not a holiday that year). */
const MOVED: Record<string, string | null> = {
  '2020-05-04': '2020-05-08', // Early May bank holiday moved for the 75th anniversary of VE Day
  '2022-05-30': '2022-06-02', // Spring bank holiday moved for the Platinum Jubilee
};

/** One-off extra bank holidays. */
const ONE_OFFS: Record<string, Holiday> = {
  '2022-06-03': 'platinumJubilee',
  '2022-09-19': 'stateFuneral',
  '2023-05-08': 'coronation',
};

const iso = isoDate;
const isWeekend = (date: string) => dayOf(date) === 'sat' || dayOf(date) === 'sun';

/** Easter Sunday in the Gregorian calendar (the anonymous algorithm, as in Meeus). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

/** Days from Monday: 0 for a Monday, 6 for a Sunday. */
const sinceMonday = (date: string) => DAYS.indexOf(dayOf(date));

function firstMonday(year: number, month: number): string {
  const first = iso(year, month, 1);
  return addDays(first, (7 - sinceMonday(first)) % 7);
}

function lastMonday(year: number, month: number): string {
  const last = iso(year, month, daysInMonth(year, month));
  return addDays(last, -sinceMonday(last));
}

/** A bank holiday, by the id of its name in the messages (`facts.date.holiday.christmas`: "Christmas Day"). */
type Holiday =
  | 'newYear'
  | 'secondJanuary'
  | 'stPatrick'
  | 'goodFriday'
  | 'easterMonday'
  | 'earlyMay'
  | 'spring'
  | 'boyne'
  | 'summer'
  | 'stAndrew'
  | 'christmas'
  | 'boxingDay'
  | 'platinumJubilee'
  | 'stateFuneral'
  | 'coronation';

type Rule = (year: number) => [date: string, holiday: Holiday];

const newYear: Rule = (y) => [iso(y, 1, 1), 'newYear'];
const goodFriday: Rule = (y) => [addDays(easterSunday(y), -2), 'goodFriday'];
const easterMonday: Rule = (y) => [addDays(easterSunday(y), 1), 'easterMonday'];
const earlyMay: Rule = (y) => [firstMonday(y, 5), 'earlyMay'];
const spring: Rule = (y) => [lastMonday(y, 5), 'spring'];
const christmas: Rule = (y) => [iso(y, 12, 25), 'christmas'];
const boxingDay: Rule = (y) => [iso(y, 12, 26), 'boxingDay'];

const RULES: Record<BankHolidayRegion, Rule[]> = {
  'england-and-wales': [
    newYear,
    goodFriday,
    easterMonday,
    earlyMay,
    spring,
    (y) => [lastMonday(y, 8), 'summer'],
    christmas,
    boxingDay,
  ],
  scotland: [
    newYear,
    (y) => [iso(y, 1, 2), 'secondJanuary'],
    goodFriday,
    earlyMay,
    spring,
    (y) => [firstMonday(y, 8), 'summer'],
    (y) => [iso(y, 11, 30), 'stAndrew'],
    christmas,
    boxingDay,
  ],
  'northern-ireland': [
    newYear,
    (y) => [iso(y, 3, 17), 'stPatrick'],
    goodFriday,
    easterMonday,
    earlyMay,
    spring,
    (y) => [iso(y, 7, 12), 'boyne'],
    (y) => [lastMonday(y, 8), 'summer'],
    christmas,
    boxingDay,
  ],
  none: [],
};

/** A day off: the holiday, and whether it is the weekday in place of one on a weekend. */
interface DayOff {
  holiday: Holiday;
  substitute?: boolean;
}

const cache = new Map<string, Map<string, DayOff>>();

/** A day off's name in the site's words: "Christmas Day", "Bank holiday for Boxing Day". */
function dayOffName({ holiday, substitute }: DayOff): string {
  const name = t(`facts.date.holiday.${holiday}`);
  return substitute ? t('facts.date.holiday.substitute', { name }) : name;
}

/** Every day off in a year: date (`YYYY-MM-DD`) → which holiday (kept: the names are the messages'). */
function daysOff(year: number, region: BankHolidayRegion): Map<string, DayOff> {
  const key = `${region} ${year}`;
  const known = cache.get(key);
  if (known) return known;
  const out = new Map<string, DayOff>();
  const days = RULES[region].map((rule) => rule(year));
  for (const [date, holiday] of days) {
    const moved = date in MOVED ? MOVED[date] : date;
    if (!moved) continue;
    if (!isWeekend(moved)) {
      out.set(moved, { holiday });
      continue;
    }
    // The substitute: the next weekday that is not a holiday already (Christmas on a Saturday
    // makes Monday 27th Christmas's substitute and Tuesday 28th Boxing Day's).
    let sub = addDays(moved, 1);
    while (isWeekend(sub) || out.has(sub) || days.some(([d]) => d === sub)) sub = addDays(sub, 1);
    out.set(sub, { holiday, substitute: true });
  }
  if (region !== 'none')
    for (const [date, holiday] of Object.entries(ONE_OFFS)) if (date.startsWith(`${year}-`)) out.set(date, { holiday });
  cache.set(key, out);
  return out;
}

/** Every bank holiday in a year: date (`YYYY-MM-DD`) → its name. */
export function bankHolidays(year: number, region: BankHolidayRegion): Map<string, string> {
  return new Map([...daysOff(year, region)].map(([date, day]) => [date, dayOffName(day)]));
}

/** The bank holiday on a date (`YYYY-MM-DD`), or undefined. */
export function bankHolidayOn(date: string, region: BankHolidayRegion): string | undefined {
  const year = Number(date.slice(0, 4));
  const day = region !== 'none' && Number.isInteger(year) ? daysOff(year, region).get(date) : undefined;
  return day && dayOffName(day);
}
