/**
 * The next three sessions, worked out in the reader's browser at the moment of reading (a static
 * page is read long after it was built). Without JavaScript the plain-English rule above it
 * stands alone. A date on a bank holiday says "check it is on".
 */
import { useState } from 'react';
import type { BankHolidayRegion, Schedule, Status } from '../../../schema';
import type { Occurrence } from '../../../lib/schedule/occurrences';
import { nextSessions } from '../../../lib/schedule/sessions';
import { formatOccurrence } from '../../../lib/schedule/describe';

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
  const [dates] = useState<Occurrence[]>(() => nextSessions({ status, reopens }, schedules, new Date(), count));
  return (
    <div className="next-dates">
      <h3>Next dates</h3>
      {dates.length ? (
        <ul className="link-list">
          {dates.map((o) => (
            <li key={o.startsAt.toISOString()}>{formatOccurrence(o, holidays)}</li>
          ))}
        </ul>
      ) : (
        <p>No dates coming up. Check with the group.</p>
      )}
    </div>
  );
}
