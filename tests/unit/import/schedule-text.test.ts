/**
 * The day/time column parser: what people write in spreadsheets, read into the book's schedule
 * shapes; what it cannot read is returned, never guessed.
 */
import { describe, expect, it } from 'vitest';
import { parseDate, parseScheduleText } from '../../../src/lib/import/schedule-text';
import { scheduleSchema } from '../../../src/schema/entry';

const W = (days: string[], start?: string, end?: string, more: Record<string, unknown> = {}) => ({
  weekly: days,
  ...(start ? { start } : {}),
  ...(end ? { end } : {}),
  ...more,
});
const M = (on: string[], start?: string, end?: string, more: Record<string, unknown> = {}) => ({
  monthly: on,
  ...(start ? { start } : {}),
  ...(end ? { end } : {}),
  ...more,
});

const CASES: [string, unknown[]][] = [
  ['Tuesdays 10am–12', [W(['tue'], '10:00', '12:00')]],
  ['Tues & Thurs 10-12', [W(['tue', 'thu'], '10:00', '12:00')]],
  ['2nd and 4th Monday, 1.30-3pm', [M(['2nd mon', '4th mon'], '13:30', '15:00')]],
  ['Every Monday 1.30-3pm', [W(['mon'], '13:30', '15:00')]],
  ['Mon-Fri 9am-5pm', [W(['mon', 'tue', 'wed', 'thu', 'fri'], '09:00', '17:00')]],
  ['Monday to Friday, 9 to 5', [W(['mon', 'tue', 'wed', 'thu', 'fri'], '09:00', '17:00')]],
  ['Weekdays 9.30am - 4.30pm', [W(['mon', 'tue', 'wed', 'thu', 'fri'], '09:30', '16:30')]],
  ['weekends 10-4', [W(['sat', 'sun'], '10:00', '16:00')]],
  ['Daily 8am-8pm', [W(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], '08:00', '20:00')]],
  ['last Friday of the month, 7pm', [M(['last fri'], '19:00')]],
  ['1st Wed of each month 10:00-12:00', [M(['1st wed'], '10:00', '12:00')]],
  ['First and third Tuesday 2-4', [M(['1st tue', '3rd tue'], '14:00', '16:00')]],
  ['1st & 3rd Tue 6.30pm-8pm', [M(['1st tue', '3rd tue'], '18:30', '20:00')]],
  ['every 2nd Tuesday 10-11.30', [M(['2nd tue'], '10:00', '11:30')]],
  ['Thursday 6.30pm-8pm', [W(['thu'], '18:30', '20:00')]],
  ['Wed 10.00 - 11.30', [W(['wed'], '10:00', '11:30')]],
  ['Mondays and Wednesdays, 2pm to 4pm', [W(['mon', 'wed'], '14:00', '16:00')]],
  ['Monday 10-12 and Thursday 2-4', [W(['mon'], '10:00', '12:00'), W(['thu'], '14:00', '16:00')]],
  ['Mon 10am-12noon; Fri 1-3pm', [W(['mon'], '10:00', '12:00'), W(['fri'], '13:00', '15:00')]],
  ['10am-12pm Saturdays', [W(['sat'], '10:00', '12:00')]],
  ['7-9pm Tuesdays', [W(['tue'], '19:00', '21:00')]],
  ['Tuesday 7-9', [W(['tue'], '19:00', '21:00')]],
  ['Friday 10-2pm', [W(['fri'], '10:00', '14:00')]],
  ['Friday 10am-2', [W(['fri'], '10:00', '14:00')]],
  ['Sundays 11:00', [W(['sun'], '11:00')]],
  ['SUNDAY 11AM', [W(['sun'], '11:00')]],
  ['every week on tuesday 14:00-16:00', [W(['tue'], '14:00', '16:00')]],
  ['Wednesday', [W(['wed'])]],
  ['Weds 12 noon - 1.30', [W(['wed'], '12:00', '13:30')]],
  ['Thurs 11-1', [W(['thu'], '11:00', '13:00')]],
  ['Monday 10am-12 term time only', [W(['mon'], '10:00', '12:00', { note: 'Term time only' })]],
  ['Tuesdays 10-12 (term time)', [W(['tue'], '10:00', '12:00', { note: 'Term time only' })]],
  ['Mondays 6-8pm except bank holidays', [W(['mon'], '18:00', '20:00', { not_on_bank_holidays: true })]],
  ['Mon 9-5, closed bank holidays', [W(['mon'], '09:00', '17:00', { not_on_bank_holidays: true })]],
  ['12/12/2026 2-4pm', [{ dates: ['2026-12-12'], start: '14:00', end: '16:00' }]],
  ['Saturday 12 December 2026, 10am-2pm', [{ dates: ['2026-12-12'], start: '10:00', end: '14:00' }]],
  ['2026-12-12 and 2026-12-19', [{ dates: ['2026-12-12', '2026-12-19'] }]],
  ['tue thu 13:00-15:00', [W(['tue', 'thu'], '13:00', '15:00')]],
  ['Mon, Wed & Fri 9:30-10:30', [W(['mon', 'wed', 'fri'], '09:30', '10:30')]],
  ['Every Saturday morning 10–11.30am', [W(['sat'], '10:00', '11:30')]],
  ['2nd Monday 7pm-9pm', [M(['2nd mon'], '19:00', '21:00')]],
  ['Last Sat 10-12', [M(['last sat'], '10:00', '12:00')]],
  ['Tuesdays — 10am until 12', [W(['tue'], '10:00', '12:00')]],
];

describe('parseScheduleText', () => {
  it.each(CASES)('reads "%s"', (text, expected) => {
    const got = parseScheduleText(text);
    expect(got.problems).toEqual([]);
    expect(got.schedules).toEqual(expected);
    for (const s of got.schedules) expect(scheduleSchema.safeParse(s).success).toBe(true);
  });

  it('has at least 40 phrasings', () => expect(CASES.length).toBeGreaterThanOrEqual(40));

  it('keeps "morning" as a word it did not place, rather than a time', () => {
    expect(parseScheduleText('Every Saturday morning 10–11.30am').unknown).toEqual(['morning']);
  });

  it('does not guess which weeks "every other week" means without a date', () => {
    const got = parseScheduleText('Every other Wednesday 10-12');
    expect(got.schedules).toEqual([]);
    expect(got.problems[0]).toMatch(/every other week/);
    expect(parseScheduleText('Fortnightly on Thursday 2-4', '2026-01-08').schedules).toEqual([
      W(['thu'], '14:00', '16:00', { every: 2, from: '2026-01-08' }),
    ]);
  });

  it('returns what it does not understand', () => {
    expect(parseScheduleText('By appointment').schedules).toEqual([]);
    expect(parseScheduleText('By appointment').unknown).toEqual(['by', 'appointment']);
    expect(parseScheduleText('Term time only').problems[0]).toMatch(/not which days/);
    expect(parseScheduleText('10-12').unknown).toContain('(a time with no day)');
  });
});

describe('parseDate', () => {
  it.each([
    ['2026-03-01', '2026-03-01'],
    ['01/03/2026', '2026-03-01'],
    ['1/3/26', '2026-03-01'],
    ['1 March 2026', '2026-03-01'],
    ['1st Mar 2026', '2026-03-01'],
    ['March 1, 2026', '2026-03-01'],
    ['31/02/2026', undefined],
    ['soon', undefined],
  ])('%s → %s', (text, iso) => expect(parseDate(text)).toBe(iso));
});
