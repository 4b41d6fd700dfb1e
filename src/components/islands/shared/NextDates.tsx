/**
 * The next three sessions, worked out in the reader's browser at the moment of reading (a static
 * page is read long after it was built). Renders nothing until then, so the plain-English rule
 * above it stands alone without JavaScript. A date on a bank holiday says "check it is on".
 */
import { useEffect, useState } from 'react';
import type { BankHolidayRegion, Schedule } from '../../../schema';
import { nextOccurrencesForAll, type Occurrence } from '../../../lib/schedule/occurrences';
import { formatOccurrence } from '../../../lib/schedule/describe';

export default function NextDates({
  schedules,
  holidays,
  count = 3,
}: {
  schedules: Schedule[];
  holidays: BankHolidayRegion;
  count?: number;
}) {
  const [dates, setDates] = useState<Occurrence[] | null>(null);
  useEffect(() => setDates(nextOccurrencesForAll(schedules, new Date(), count)), [schedules, count]);
  if (dates === null) return null;
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
