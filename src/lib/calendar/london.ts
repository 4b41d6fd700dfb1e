/**
 * Europe/London, the one time zone the book knows: the London date of an instant, and the
 * instant at which London clocks show a time on a date. Works from the platform's time-zone
 * data, so summer time needs no rules of its own here.
 */
import { toIsoDate } from '../../schema/dates';
import { MS_PER_DAY, ymd } from './dates';

let londonFormatter: Intl.DateTimeFormat | undefined;

/** London wall-clock reading of an instant, as the UTC milliseconds of that same wall-clock reading. */
function londonWallClock(ms: number): number {
  londonFormatter ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const p: Record<string, number> = {};
  for (const part of londonFormatter.formatToParts(new Date(ms))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second);
}

/** London's offset at an instant, read from the platform's time-zone data (one `formatToParts`). */
function readOffset(ms: number): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return londonWallClock(whole) - whole;
}

const HOUR = 3_600_000;
/**
 * London's offset through each UTC hour asked about, or NaN for an hour in which it changes.
 * London's clocks change on the hour (01:00 UTC), so an hour has one offset, and a build that
 * asks for thousands of sessions' instants reads the time-zone data once an hour of the
 * calendar instead of several times a session (it was 4 % of a 10,000-entry build).
 */
const offsetByHour = new Map<number, number>();

/** London's offset from UTC at an instant, in milliseconds (0 in winter, 3 600 000 in summer). */
function londonOffset(ms: number): number {
  const hour = Math.floor(ms / HOUR);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const first = readOffset(hour * HOUR);
    offset = first === readOffset(hour * HOUR + HOUR - 1000) ? first : NaN;
    offsetByHour.set(hour, offset);
  }
  return Number.isNaN(offset) ? readOffset(ms) : offset;
}

/** The London calendar date (`YYYY-MM-DD`) of an instant. */
export function londonDate(now: Date): string {
  return toIsoDate(new Date(now.getTime() + londonOffset(now.getTime())));
}

/** The hour (0–23) London clocks show at an instant. */
export function londonHour(now: Date): number {
  return new Date(now.getTime() + londonOffset(now.getTime())).getUTCHours();
}

/**
 * The instant at which London clocks read `time` on `date`.
 *
 * It tries the offsets in force half a day either side and keeps a candidate whose own offset
 * agrees, so it follows whatever rules the platform's time-zone data has:
 *  - a time that happens twice (clocks go back, e.g. 01:30 on 2026-10-25) gives the first one,
 *    still on summer time: 00:30Z;
 *  - a time that does not exist (clocks go forward, e.g. 01:30 on 2026-03-29) is read with the
 *    offset from before the change, i.e. pushed forward by the gap: 02:30 BST = 01:30Z.
 */
export function londonInstant(date: string, time = '00:00'): Date {
  const [y, m, d] = ymd(date);
  const wall = Date.UTC(y, m - 1, d, Number(time.slice(0, 2)), Number(time.slice(3, 5)));
  const before = londonOffset(wall - MS_PER_DAY / 2);
  const after = londonOffset(wall + MS_PER_DAY / 2);
  const valid = [...new Set([before, after])].map((o) => wall - o).filter((t) => londonOffset(t) === wall - t);
  return new Date(valid.length ? Math.min(...valid) : wall - before);
}

/**
 * A London wall-clock time as an ISO 8601 date-time with its offset, for schema.org and the
 * like: `2026-05-26T10:00:00+01:00` in summer, `2026-12-01T10:00:00+00:00` in winter.
 */
export function londonDateTime(date: string, time = '00:00'): string {
  const offset = Math.round(londonOffset(londonInstant(date, time).getTime()) / 60000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${date}T${time}:00${sign}${hh}:${mm}`;
}
