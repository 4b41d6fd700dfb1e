/**
 * The short code of a schedule: how the search index's result data and the map's venues file
 * carry an entry's schedules to the browser, which works out the next dates from them. Short
 * because every search result and every map entry carries it: a weekly session is 18
 * characters. The note is left out (neither shows it).
 *
 * One schedule is `rule|start-end|from|until|b`, trailing empty parts left off (`b`: not on bank
 * holidays), the rule one of
 *   `w<every>/mon.wed`          weekly, every N weeks, on those days
 *   `m/2tue.-1fri`              monthly: the 2nd Tuesday and the last Friday (-1 is last)
 *   `d/2026-12-12.2026-12-19`   one-off dates
 * e.g. `w1/mon|09:30-11:30`, `m/1wed|10:00||2026-07-31`. Several schedules are joined by `;`.
 */
import { DAYS, type Day } from '../../schema/vocab';
import type { Schedule } from '../../schema/entry';

/** The code of one schedule. */
export function encodeSchedule(s: Schedule): string {
  const rule =
    s.kind === 'weekly'
      ? `w${s.interval}/${s.days.join('.')}`
      : s.kind === 'monthly'
        ? `m/${s.on.map((o) => `${o.nth}${o.day}`).join('.')}`
        : `d/${s.dates.join('.')}`;
  const times = s.start ? (s.end ? `${s.start}-${s.end}` : s.start) : '';
  return [rule, times, s.from ?? '', s.until ?? '', s.not_on_bank_holidays ? 'b' : ''].join('|').replace(/\|+$/, '');
}

/** The code of several schedules. */
export function encodeSchedules(schedules: readonly Schedule[]): string {
  return schedules.map(encodeSchedule).join(';');
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTHLY = /^(-1|[1-5])(mon|tue|wed|thu|fri|sat|sun)$/;
const DAY_NAMES: readonly string[] = DAYS;

/** The schedule a code stands for (without its note); undefined for a code that is malformed in any way. */
export function decodeSchedule(code: string): Schedule | undefined {
  const [rule = '', times = '', from = '', until = '', flags = '', ...extra] = code.split('|');
  const [start = '', end = '', ...moreTimes] = times ? times.split('-') : [];
  const m = /^(?:w([1-8])|m|d)\/(.+)$/.exec(rule);
  if (!m || extra.length || moreTimes.length || (flags && flags !== 'b')) return undefined;
  if ((start && !TIME.test(start)) || (end && !(start && TIME.test(end)))) return undefined;
  if ((from && !DATE.test(from)) || (until && !DATE.test(until))) return undefined;
  const base = {
    start: start || undefined,
    end: end || undefined,
    from: from || undefined,
    until: until || undefined,
    note: undefined,
    ...(flags === 'b' ? { not_on_bank_holidays: true } : {}),
  };
  const items = m[2].split('.');
  if (rule[0] === 'w' && items.every((d) => DAY_NAMES.includes(d))) {
    return { kind: 'weekly', days: items as Day[], interval: Number(m[1]), ...base };
  }
  if (rule[0] === 'm' && items.every((o) => MONTHLY.test(o))) {
    return {
      kind: 'monthly',
      on: items.map((o) => ({ nth: Number(o.slice(0, -3)), day: o.slice(-3) as Day })),
      ...base,
    };
  }
  if (rule[0] === 'd' && items.every((d) => DATE.test(d))) return { kind: 'dates', dates: items, ...base };
  return undefined;
}

/** The schedules of a code of several; a malformed one is left out. */
export function decodeSchedules(text: string | undefined): Schedule[] {
  if (!text) return [];
  return text
    .split(';')
    .map(decodeSchedule)
    .filter((s): s is Schedule => s !== undefined);
}
