/**
 * The lines of an entry page's "Next dates" at the moment of reading: the next sessions, and the
 * bank holidays a schedule skips among them ("No session on …"), in date order. Pure; the page's
 * small script (src/components/enhance/next-dates.ts) shows them.
 */
import type { BankHolidayRegion, Status } from '../../schema/vocab';
import type { Schedule } from '../../schema/entry';
import { formatDateLong } from '../calendar/words';
import { formatOccurrence } from './occurrence-text';
import { nextSessions, skippedHolidays } from './sessions';
import { t } from '../text/messages';

export interface NextDateLine {
  /** `YYYY-MM-DD` */
  date: string;
  text: string;
  /** A bank holiday with no session. */
  skipped?: boolean;
}

/** The lines to show at `now`: the next `count` sessions and the bank holidays skipped among them. */
export function nextDateLines(
  group: { status: Status; reopens?: string },
  schedules: Schedule[],
  holidays: BankHolidayRegion,
  now: Date,
  count = 3,
): NextDateLine[] {
  const sessions: NextDateLine[] = nextSessions(group, schedules, now, count, holidays).map((o) => ({
    date: o.date,
    text: formatOccurrence(o, holidays),
  }));
  const skipped: NextDateLine[] = skippedHolidays(group, schedules, now, count, holidays).map((d) => ({
    date: d.date,
    text: t('facts.date.noSession', { date: formatDateLong(d.date), holiday: d.holiday }),
    skipped: true,
  }));
  return [...sessions, ...skipped].sort((a, b) => a.date.localeCompare(b.date));
}
