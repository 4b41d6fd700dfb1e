/**
 * A calendar's EXDATEs (src/lib/exports/ics.ts) are the days a recurring schedule meets on and the
 * group is off: before it reopens, or a bank holiday the schedule skips. The writer looks only at
 * those days; here every day of the series is walked instead, as the definition says, over every
 * recurring schedule of the test book, with and without bank holidays skipped, closed until
 * several days, in each region.
 */
import { describe, expect, it } from 'vitest';
import { entryEvents } from '../../../src/lib/exports/ics';
import { addDays } from '../../../src/lib/calendar/dates';
import { bankHolidayOn } from '../../../src/lib/calendar/bank-holidays';
import { occursOn } from '../../../src/lib/schedule/occurrences';
import type { ExportEntry } from '../../../src/lib/exports/context';
import type { BankHolidayRegion } from '../../../src/schema/vocab';
import { loadTestBook } from '../../helpers/opendata-book';

const book = loadTestBook();
const siteUrl = book.ctx.site.url;

/** Every day from `date` to the horizon (the end of the second year after verification) or `until`. */
function walked(e: ExportEntry, index: number, date: string, region: BankHolidayRegion): string[] {
  const s = e.data.schedules[index];
  const horizon = `${Number(e.data.last_verified.slice(0, 4)) + 2}-12-31`;
  const last = s.until && s.until < horizon ? s.until : horizon;
  const reopens = e.data.status === 'temporarily-closed' ? e.data.reopens : undefined;
  const out: string[] = [];
  for (let day = date; day <= last; day = addDays(day, 1)) {
    const off = (reopens !== undefined && day < reopens) || (s.not_on_bank_holidays && bankHolidayOn(day, region));
    if (occursOn(s, day) && off) out.push(day);
  }
  return out;
}

describe('the EXDATEs of a calendar', () => {
  it('are every day of the series the group meets on and is off, and no other', () => {
    let checked = 0;
    let withDates = 0;
    for (const region of ['england-and-wales', 'scotland', 'none'] as BankHolidayRegion[])
      for (const base of book.entries)
        for (const reopens of [undefined, '2026-07-15', '2027-01-04'])
          for (const skip of [false, true]) {
            const data = {
              ...base.data,
              ...(reopens ? { status: 'temporarily-closed' as const, reopens } : {}),
              schedules: base.data.schedules.map((s) => ({ ...s, not_on_bank_holidays: skip })),
            };
            const e = { id: base.id, data };
            const events = entryEvents(e, siteUrl, { holidays: region });
            events.forEach((ev) => {
              if (!ev.rrule) return;
              // A recurring event's UID is `<id>-<schedule index>@<host>`.
              const index = Number(/-(\d+)@/.exec(ev.uid)![1]);
              const want = walked(e, index, ev.date, region);
              expect(ev.exdates ?? [], `${base.id} ${region} ${reopens} ${skip}`).toEqual(want);
              checked++;
              if (want.length) withDates++;
            });
          }
    expect(checked).toBeGreaterThan(50);
    expect(withDates).toBeGreaterThan(20);
  });
});
