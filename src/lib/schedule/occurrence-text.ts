/**
 * One session in words: "Tuesday 14 April 2026, 10am to 11:30am (Christmas Day: check it is
 * on)". Part of the schedule words (./describe.ts re-exports these), in a module of their own so
 * the small script that shows an entry's next dates (src/lib/schedule/next-dates.ts) does not
 * bring the rest of describe.ts onto the pages that show facts: the bundler splits code by
 * module, and keeps every export some page uses.
 */
import type { BankHolidayRegion } from '../../schema/vocab';
import { bankHolidayOn } from '../calendar/bank-holidays';
import { describeTime, formatDateLong } from '../calendar/words';
import type { Occurrence } from './occurrences';
import { t } from '../text/messages';

/**
 * The note for a session on a bank holiday: " (Christmas Day: check it is on)"; "" on other
 * days. Many groups do not meet on bank holidays; the schedules cannot say which.
 */
export function holidayNote(date: string, holidays: BankHolidayRegion): string {
  const name = bankHolidayOn(date, holidays);
  return name ? ` ${t('facts.date.holidayNote', { holiday: name })}` : '';
}

/**
 * One occurrence in words, always with the weekday and year so it cannot be misread:
 * "Tuesday 14 April 2026, 10am to 11:30am"; just the date when there are no times. On a bank
 * holiday of the `holidays` region it says so: "Friday 25 December 2026, 10am to 12 noon
 * (Christmas Day: check it is on)".
 */
export function formatOccurrence(o: Occurrence, holidays: BankHolidayRegion): string {
  return (
    [formatDateLong(o.date), describeTime(o.start, o.end)].filter(Boolean).join(', ') + holidayNote(o.date, holidays)
  );
}
