/**
 * The next three sessions, worked out in the reader's browser at the moment of reading (a static
 * page is read long after it was built). Without JavaScript the plain-English rule above it
 * stands alone. A date on a bank holiday says "check it is on"; a bank holiday a schedule does
 * not meet on (`not_on_bank_holidays`) is marked "no session", in date order among the sessions.
 */
import { useState } from 'react';
import type { BankHolidayRegion, Schedule, Status } from '../../../schema';
import { nextSessions, skippedHolidays } from '../../../lib/schedule/sessions';
import { formatOccurrence } from '../../../lib/schedule/describe';
import { formatDateLong } from '../../../lib/calendar/words';

type Line = { date: string; key: string; text: string; skipped?: boolean };

export default function NextDates({
  schedules,
  holidays,
  status,
  reopens,
  count = 3,
}: {
  schedules: Schedule[];
  holidays: BankHolidayRegion;
  status: Status;
  reopens?: string;
  count?: number;
}) {
  // A client:only island: its first render is in the reader's browser, at the moment of reading.
  // A temporarily closed group has none until it reopens (src/lib/schedule/sessions.ts).
  const [lines] = useState<Line[]>(() => {
    const now = new Date();
    const group = { status, reopens };
    const sessions: Line[] = nextSessions(group, schedules, now, count, holidays).map((o) => ({
      date: o.date,
      key: o.startsAt.toISOString(),
      text: formatOccurrence(o, holidays),
    }));
    const skipped: Line[] = skippedHolidays(group, schedules, now, count, holidays).map((d) => ({
      date: d.date,
      key: `no-session-${d.date}`,
      text: `No session on ${formatDateLong(d.date)} (${d.holiday})`,
      skipped: true,
    }));
    return [...sessions, ...skipped].sort((a, b) => a.date.localeCompare(b.date));
  });
  return (
    <div className="next-dates">
      <h3>Next dates</h3>
      {lines.some((l) => !l.skipped) ? (
        <ul className="link-list">
          {lines.map((l) => (
            <li
              key={l.key}
              data-date={l.date}
              data-no-session={l.skipped ? '' : undefined}
              className={l.skipped ? 'secondary' : undefined}
            >
              {l.text}
            </li>
          ))}
        </ul>
      ) : (
        <p>No dates coming up. Check with the group.</p>
      )}
    </div>
  );
}
