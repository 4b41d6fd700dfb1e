import { describe, expect, it } from 'vitest';
import { isClosedNow, nextSessions, sessionsStart } from '../../../src/lib/schedule/sessions';
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
