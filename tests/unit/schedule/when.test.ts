import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayTimes, firstMeeting, meetsDuring, meetsOn, planWhen, scheduleKeys } from '../../../src/lib/schedule/when';
import { occursOn } from '../../../src/lib/schedule/occurrences';
import { DAYS, type Day, type Schedule } from '../../../src/schema';

const weekly = (days: Day[], extra: Partial<Schedule> = {}): Schedule =>
  ({ kind: 'weekly', days, interval: 1, ...extra }) as Schedule;
const monthly = (on: { nth: number; day: Day }[], extra: Partial<Schedule> = {}): Schedule =>
  ({ kind: 'monthly', on, ...extra }) as Schedule;

/** Noon in London on a date (winter: UTC). */
const at = (date: string, time = '12:00') => new Date(`${date}T${time}:00Z`);

describe('"on today" and "this week"', () => {
  it('names regular weekly and monthly rules, and marks everything else for checking', () => {
    expect(scheduleKeys([weekly(['tue', 'thu'])])).toEqual(['w-thu', 'w-tue']);
    expect(
      scheduleKeys([
        monthly([
          { nth: 2, day: 'mon' },
          { nth: -1, day: 'fri' },
        ]),
      ]),
    ).toEqual(['m2-mon', 'mL-fri']);
    expect(scheduleKeys([weekly(['tue'], { interval: 2, from: '2026-01-06' })])).toEqual(['x']);
    expect(scheduleKeys([weekly(['tue'], { from: '2026-09-01', until: '2027-07-20' })])).toEqual(['x']);
    expect(scheduleKeys([{ kind: 'dates', dates: ['2026-12-12'] } as Schedule])).toEqual(['x']);
    expect(scheduleKeys([])).toEqual([]);
  });

  it('"on today" for the 4th and last Tuesday of November 2026', () => {
    const plan = planWhen('today', at('2026-11-24'));
    expect(plan.dates).toEqual(['2026-11-24']);
    expect(plan.days).toEqual(['tue']);
    expect(plan.exact).toEqual(['m4-tue', 'mL-tue', 'w-tue']);
  });

  it('"this week" is today and the next six days, across a month end', () => {
    const plan = planWhen('week', at('2026-11-28'));
    expect(plan.dates).toEqual([
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
    ]);
    expect(plan.days).toEqual([...DAYS]);
    expect(plan.exact).toContain('m1-tue'); // 1 December
    expect(plan.exact).toContain('mL-mon'); // 30 November
    expect(plan.exact).toContain('mL-sat'); // 28 November: the 4th and last Saturday
    expect(plan.exact).not.toContain('m5-sat');
    expect(plan.exact).not.toContain('mL-tue'); // 1 December is the first Tuesday, not the last
  });

  it('uses the London date, not the UTC one', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (summer time).
    expect(planWhen('today', new Date('2026-06-30T23:30:00Z')).dates).toEqual(['2026-07-01']);
    // Late on a Monday evening in summer, "today" is still Monday in London.
    expect(planWhen('today', new Date('2026-07-13T22:30:00Z')).dates).toEqual(['2026-07-13']);
  });

  it('a regular rule has a certain key on a date exactly when it meets then (property)', () => {
    const dayArb = fc.constantFrom(...DAYS);
    const ruleArb = fc.oneof(
      fc.uniqueArray(dayArb, { minLength: 1, maxLength: 3 }).map((days) => weekly(days)),
      fc
        .array(fc.record({ nth: fc.constantFrom(1, 2, 3, 4, 5, -1), day: dayArb }), { minLength: 1, maxLength: 3 })
        .map((on) => monthly(on)),
    );
    const dateArb = fc
      .integer({ min: 0, max: 3000 })
      .map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(ruleArb, dateArb, (rule, date) => {
        const plan = planWhen('today', at(date));
        const certain = scheduleKeys([rule]).some((k) => plan.exact.includes(k));
        expect(certain).toBe(occursOn(rule, date));
      }),
      { numRuns: 500 },
    );
  });

  it('checks irregular rules against the calendar', () => {
    const fortnightly = weekly(['tue'], { interval: 2, from: '2026-11-10', start: '13:00', end: '14:00' });
    const active = { status: 'active' } as const;
    expect(meetsDuring(active, [fortnightly], planWhen('today', at('2026-11-24')))).toBe(true);
    expect(meetsDuring(active, [fortnightly], planWhen('today', at('2026-11-17')))).toBe(false);
    expect(meetsDuring(active, [fortnightly], planWhen('week', at('2026-11-18')))).toBe(true);
  });

  it('"on today" is what is still to come today, or under way', () => {
    const tue = [weekly(['tue'], { start: '10:00', end: '11:30' }), weekly(['tue'], { start: '19:30', end: '21:00' })];
    const active = { status: 'active' } as const;
    expect(meetsOn(active, tue.slice(0, 1), '2026-11-24', at('2026-11-24', '11:00'))).toBe(true); // under way
    expect(meetsOn(active, tue.slice(0, 1), '2026-11-24', at('2026-11-24', '19:00'))).toBe(false); // over
    expect(meetsOn(active, tue, '2026-11-24', at('2026-11-24', '19:00'))).toBe(true); // the evening one is to come
    // This week at 19:00 on a Tuesday: next Tuesday is 7 days on, outside the week.
    expect(meetsDuring(active, tue.slice(0, 1), planWhen('week', at('2026-11-24', '19:00')))).toBe(false);
  });

  it('a closed group is never on; a temporarily closed one from its reopening day', () => {
    const tueThu = [weekly(['tue', 'thu'], { start: '10:00', end: '11:30' })];
    const week = planWhen('week', at('2026-11-24', '09:00'));
    expect(meetsDuring({ status: 'closed' }, tueThu, week)).toBe(false);
    expect(meetsDuring({ status: 'temporarily-closed' }, tueThu, week)).toBe(false);
    expect(firstMeeting({ status: 'temporarily-closed', reopens: '2026-11-26' }, tueThu, week)).toBe('2026-11-26');
    expect(firstMeeting({ status: 'temporarily-closed', reopens: '2026-11-20' }, tueThu, week)).toBe('2026-11-24');
    expect(firstMeeting({ status: 'active' }, tueThu, week)).toBe('2026-11-24');
    expect(scheduleKeys(tueThu, { status: 'temporarily-closed', reopens: '2026-11-26' })).toEqual(['x']);
  });

  it('says per weekday the hours sessions are still going in, and the first start', () => {
    const t = dayTimes([weekly(['tue'], { start: '10:00', end: '11:30' }), weekly(['tue', 'fri'], { start: '18:15' })]);
    expect(t.tue).toEqual({ hours: Array.from({ length: 19 }, (_, h) => String(h)), first: '1000' });
    expect(t.fri?.first).toBe('1815');
    expect(t.mon).toBeUndefined();
    expect(dayTimes([weekly(['tue'], { start: '10:00' })], { status: 'closed' })).toEqual({});
  });

  it('keeps a session in the hour its end time begins, as next dates list it until then (found by the property test)', () => {
    const early = [weekly(['tue'], { start: '06:00', end: '09:00' })];
    expect(dayTimes(early).tue?.hours).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(meetsOn({ status: 'active' }, early, '2026-11-24', at('2026-11-24', '09:00'))).toBe(true);
    expect(meetsOn({ status: 'active' }, early, '2026-11-24', at('2026-11-24', '09:01'))).toBe(false);
    expect(dayTimes([weekly(['sat'], { start: '20:00', end: '23:59' })]).sat?.hours).toHaveLength(24);
  });
});
