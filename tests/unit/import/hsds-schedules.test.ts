/**
 * HSDS `schedules` as the book's schedule shapes (src/lib/import/hsds-schedules.ts, through
 * serviceToCandidate): `freq`, `interval`, `byday` with ordinals, `opens_at`/`closes_at`,
 * `valid_from`/`valid_to`, `dtstart`/`until`.
 */
import { describe, expect, it } from 'vitest';
import { serviceToCandidate } from '../../../src/lib/import/hsds';
import { importBook } from '../../helpers/import-book';

const book = importBook();
const schedulesOf = (...schedules: Record<string, unknown>[]) =>
  serviceToCandidate({ id: 's1', name: 'Tea Dance', status: 'active', schedules }, { system: 'feed' }, book).input
    .schedules;

describe('HSDS schedules', () => {
  it('reads a weekly rule with its days, times and dates', () => {
    expect(
      schedulesOf({
        freq: 'WEEKLY',
        byday: 'TU,TH',
        opens_at: '10:00:00',
        closes_at: '12:00',
        valid_from: '2026-01-06',
        valid_to: '2026-07-23',
      }),
    ).toEqual([{ weekly: ['tue', 'thu'], start: '10:00', end: '12:00', from: '2026-01-06', until: '2026-07-23' }]);
  });
  it('reads every other week from its interval, starting at dtstart, and until as the last day', () => {
    expect(
      schedulesOf({
        freq: 'WEEKLY',
        byday: 'WE',
        interval: 2,
        dtstart: '2026-01-07',
        until: '2026-12-16',
        opens_at: '14:00',
      }),
    ).toEqual([{ weekly: ['wed'], every: 2, start: '14:00', from: '2026-01-07', until: '2026-12-16' }]);
  });
  it('reads ordinal days of the month: the 2nd and 4th Monday, the last Friday', () => {
    expect(schedulesOf({ freq: 'MONTHLY', byday: '2MO,4MO', opens_at: '13:30', closes_at: '15:00' })).toEqual([
      { monthly: ['2nd mon', '4th mon'], start: '13:30', end: '15:00' },
    ]);
    expect(schedulesOf({ freq: 'MONTHLY', byday: '-1FR', opens_at: '19:00' })).toEqual([
      { monthly: ['last fri'], start: '19:00' },
    ]);
  });
});
