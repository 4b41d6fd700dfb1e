/**
 * Dates and clock times in words, as the book writes them everywhere: on pages, in the list's
 * text message, in calendars and in the open data. One spelling of each.
 */
import { isRealDate } from '../../schema/dates';
import { DAY_LABELS } from '../../schema/vocab';
import { dayOf, ymd } from './dates';

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * `2026-04-14` → "14 April 2026"; without the year, "14 April". Anything that is not a
 * real `YYYY-MM-DD` date comes back as it was.
 */
export function longDate(date: string, withYear = true): string {
  if (!isRealDate(date)) return date;
  const [y, m, d] = ymd(date);
  return `${d} ${MONTHS[m - 1]}${withYear ? ` ${y}` : ''}`;
}

/** A date in full, with its weekday: `2026-04-14` → "Tuesday 14 April 2026". */
export function formatDateLong(date: string): string {
  return `${DAY_LABELS[dayOf(date)]} ${longDate(date)}`;
}

/** A date in short, for a text message: `2026-04-14` → "Tue 14 Apr". */
export function shortDate(date: string): string {
  const [, m, d] = ymd(date);
  return `${DAY_LABELS[dayOf(date)].slice(0, 3)} ${d} ${MONTHS[m - 1].slice(0, 3)}`;
}

/**
 * A 24-hour `HH:MM` time on the 12-hour clock: "10am", "11:30am", "12 noon", "12:30pm", "6pm";
 * midnight is "12am".
 */
export function formatTime(time: string): string {
  const h = Number(time.slice(0, 2));
  const m = time.slice(3, 5);
  if (h === 12 && m === '00') return '12 noon';
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${hour12}${m === '00' ? '' : `:${m}`}${h < 12 ? 'am' : 'pm'}`;
}

/**
 * Start and end times in words: "10am to 11:30am"; "from 10am" with only a start;
 * "until 11:30am" with only an end; "" with neither.
 */
export function describeTime(start?: string, end?: string): string {
  if (start && end) return `${formatTime(start)} to ${formatTime(end)}`;
  if (start) return `from ${formatTime(start)}`;
  if (end) return `until ${formatTime(end)}`;
  return '';
}
