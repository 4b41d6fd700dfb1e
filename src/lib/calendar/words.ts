/**
 * Dates and clock times in words, as the book writes them everywhere: on pages, in the list's
 * text message, in calendars and in the open data. One spelling of each, in the site's words
 * (the messages `facts.date.`: the names of days and months and the order of a date's parts).
 */
import { isRealDate } from '../../schema/dates';
import { DAY_LABELS } from '../../schema/vocab';
import { t } from '../text/messages';
import { dayOf, ymd } from './dates';

type Month = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

/** The name of month `m` (1 to 12): "April". */
function monthName(m: number): string {
  return t(`facts.date.month.${m as Month}`);
}

/**
 * `2026-04-14` → "14 April 2026"; without the year, "14 April". Anything that is not a
 * real `YYYY-MM-DD` date comes back as it was.
 */
export function longDate(date: string, withYear = true): string {
  if (!isRealDate(date)) return date;
  const [y, m, d] = ymd(date);
  const words = { day: String(d), month: monthName(m) };
  return withYear ? t('facts.date.long', { ...words, year: String(y) }) : t('facts.date.noYear', words);
}

/** A date in full, with its weekday: `2026-04-14` → "Tuesday 14 April 2026". */
export function formatDateLong(date: string): string {
  return t('facts.date.weekday', { weekday: DAY_LABELS[dayOf(date)], date: longDate(date) });
}

/** A date in short, for a text message: `2026-04-14` → "Tue 14 Apr". */
export function shortDate(date: string): string {
  const [, m, d] = ymd(date);
  return t('facts.date.short', {
    weekday: t(`facts.date.dayShort.${dayOf(date)}`),
    day: String(d),
    month: t(`facts.date.monthShort.${m as Month}`),
  });
}

/**
 * A 24-hour `HH:MM` time on the 12-hour clock: "10am", "11:30am", "12 noon", "12:30pm", "6pm";
 * midnight is "12am".
 */
export function formatTime(time: string): string {
  const h = Number(time.slice(0, 2));
  const m = time.slice(3, 5);
  if (h === 12 && m === '00') return t('facts.date.noon');
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return t(h < 12 ? 'facts.date.am' : 'facts.date.pm', { time: `${hour12}${m === '00' ? '' : `:${m}`}` });
}

/**
 * Start and end times in words: "10am to 11:30am"; "from 10am" with only a start;
 * "until 11:30am" with only an end; "" with neither.
 */
export function describeTime(start?: string, end?: string): string {
  if (start && end) return t('facts.date.times', { start: formatTime(start), end: formatTime(end) });
  if (start) return t('facts.date.fromTime', { start: formatTime(start) });
  if (end) return t('facts.date.untilTime', { end: formatTime(end) });
  return '';
}
