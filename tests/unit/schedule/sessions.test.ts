import { describe, expect, it } from 'vitest';
import {
  holidayOff,
  isClosedNow,
  nextSessions,
  sessionsStart,
  skippedHolidays,
} from '../../../src/lib/schedule/sessions';
import { describeSchedule } from '../../../src/lib/schedule/describe';
import { nextSessionText } from '../../../src/lib/schedule/describe';
import { nextOccurrencesForAll } from '../../../src/lib/schedule/occurrences';
import type { Schedule } from '../../../src/schema';

const tuesdays: Schedule[] = [{ kind: 'weekly', days: ['tue'], interval: 1, start: '10:00', end: '11:30' } as Schedule];
/** Monday 30 November 2026, noon in London. */
const monday = new Date('2026-11-30T12:00:00Z');

describe('a group’s sessions to come', () => {
  it('are the schedule’s for a running group', () => {
    expect(nextSessions({ status: 'active' }, tuesdays, monday, 3)).toEqual(nextOccurrencesForAll(tuesdays, monday, 3));
    expect(nextSessions({ status: 'active' }, tuesdays, monday, 1)[0].date).toBe('2026-12-01');
  });

  it('are none for a closed group, and none for a temporarily closed one that does not say when it reopens', () => {
    expect(nextSessions({ status: 'closed' }, tuesdays, monday, 3)).toEqual([]);
    expect(nextSessions({ status: 'temporarily-closed' }, tuesdays, monday, 3)).toEqual([]);
    expect(sessionsStart({ status: 'temporarily-closed' }, monday)).toBeUndefined();
  });

  it('start on the day it reopens, and are the schedule’s once that day has come', () => {
    const closed = { status: 'temporarily-closed' as const, reopens: '2027-01-05' };
    expect(nextSessions(closed, tuesdays, monday, 2).map((o) => o.date)).toEqual(['2027-01-05', '2027-01-12']);
    expect(isClosedNow(closed, monday)).toBe(true);
    // On the day itself (London time), the session that day counts, and it is no longer closed.
    const reopening = new Date('2027-01-05T08:00:00Z');
    expect(isClosedNow(closed, reopening)).toBe(false);
    expect(nextSessions(closed, tuesdays, reopening, 1)[0].date).toBe('2027-01-05');
    // 23:30 UTC on 4 January is still 4 January in London (winter): still closed.
    expect(isClosedNow(closed, new Date('2027-01-04T23:30:00Z'))).toBe(true);
  });

  it('say so on cards and popups', () => {
    const h = 'england-and-wales';
    expect(nextSessionText({ status: 'active' }, tuesdays, monday, h)).toBe('Next: Tomorrow, 10am to 11:30am');
    expect(nextSessionText({ status: 'closed' }, tuesdays, monday, h)).toBe('No longer meets');
    expect(nextSessionText({ status: 'temporarily-closed' }, tuesdays, monday, h)).toBe('Temporarily closed');
    expect(nextSessionText({ status: 'temporarily-closed', reopens: '2027-01-05' }, tuesdays, monday, h)).toBe(
      'Temporarily closed: reopens on Tuesday 5 January 2027',
    );
    expect(nextSessionText({ status: 'temporarily-closed', reopens: '2026-11-01' }, tuesdays, monday, h)).toBe(
      'Next: Tomorrow, 10am to 11:30am',
    );
  });
});

describe('a schedule that does not meet on bank holidays', () => {
  const mondays = [
    {
      kind: 'weekly',
      days: ['mon'],
      interval: 1,
      start: '10:00',
      end: '12:00',
      not_on_bank_holidays: true,
    } as Schedule,
  ];
  /** Wednesday 20 May 2026: the next Mondays are 25 May (Spring bank holiday), 1, 8 and 15 June. */
  const may = new Date('2026-05-20T09:00:00Z');

  it('has no session on one, in the region the site names, and says so in words', () => {
    expect(nextSessions({ status: 'active' }, mondays, may, 3, 'england-and-wales').map((o) => o.date)).toEqual([
      '2026-06-01',
      '2026-06-08',
      '2026-06-15',
    ]);
    // Scotland has no Easter Monday.
    expect(holidayOff(mondays[0], '2026-04-06', 'england-and-wales')).toBe('Easter Monday');
    expect(holidayOff(mondays[0], '2026-04-06', 'scotland')).toBeUndefined();
    expect(nextSessions({ status: 'active' }, mondays, may, 1, 'none')[0].date).toBe('2026-05-25');
    expect(describeSchedule(mondays[0])).toBe('Every Monday, 10am to 12 noon, not on bank holidays');
  });

  it('marks the bank holidays it skips among the next sessions, and nothing when another schedule meets', () => {
    expect(skippedHolidays({ status: 'active' }, mondays, may, 3, 'england-and-wales')).toEqual([
      { date: '2026-05-25', holiday: 'Spring bank holiday' },
    ]);
    expect(
      skippedHolidays({ status: 'active' }, mondays, new Date('2026-06-02T09:00:00Z'), 3, 'england-and-wales'),
    ).toEqual([]);
    const alsoMondays = [...mondays, { kind: 'weekly', days: ['mon'], interval: 1, start: '18:00' } as Schedule];
    expect(skippedHolidays({ status: 'active' }, alsoMondays, may, 3, 'england-and-wales')).toEqual([]);
    expect(skippedHolidays({ status: 'closed' }, mondays, may, 3, 'england-and-wales')).toEqual([]);
    // Without the field, a bank holiday is a session like any other ("check it is on" elsewhere).
    const plain = [{ ...mondays[0], not_on_bank_holidays: undefined } as Schedule];
    expect(skippedHolidays({ status: 'active' }, plain, may, 3, 'england-and-wales')).toEqual([]);
  });
});
