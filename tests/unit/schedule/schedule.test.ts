import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  daysOfWeek,
  isActiveOn,
  nextOccurrences,
  nextOccurrencesForAll,
  occursOn,
  timesOfDay,
  type Occurrence,
} from '../../../src/lib/schedule/occurrences';
import { describeSchedule, formatOccurrence } from '../../../src/lib/schedule/describe';
import { describeTime, formatDateLong, formatTime } from '../../../src/lib/calendar/words';
import { londonDate, londonInstant } from '../../../src/lib/calendar/london';
import { scheduleSchema, type Day, type Schedule, type ScheduleInput } from '../../../src/schema';

// ---------------------------------------------------------------------------------------------
// Helpers: build normalised schedules directly, or through the schema as volunteers write them.
// ---------------------------------------------------------------------------------------------

type Extra = { start?: string; end?: string; from?: string; until?: string; note?: string };
const none = { start: undefined, end: undefined, from: undefined, until: undefined, note: undefined };
const weekly = (days: Day[], extra: Extra & { interval?: number } = {}): Schedule => ({
  kind: 'weekly',
  days,
  interval: 1,
  ...none,
  ...extra,
});
const monthly = (on: [number, Day][], extra: Extra = {}): Schedule => ({
  kind: 'monthly',
  on: on.map(([nth, day]) => ({ nth, day })),
  ...none,
  ...extra,
});
const oneOff = (dates: string[], extra: Extra = {}): Schedule => ({ kind: 'dates', dates, ...none, ...extra });
const parse = (input: ScheduleInput): Schedule => scheduleSchema.parse(input);

const at = (iso: string) => new Date(iso);
const datesOf = (os: Occurrence[]) => os.map((o) => o.date);
const iso = (d: Date | undefined) => d?.toISOString();
const londonClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

// ---------------------------------------------------------------------------------------------

describe('times in words', () => {
  it.each([
    ['10:00', '10am'],
    ['11:30', '11:30am'],
    ['12:00', '12 noon'],
    ['12:30', '12:30pm'],
    ['13:00', '1pm'],
    ['18:05', '6:05pm'],
    ['00:00', '12am'],
    ['00:30', '12:30am'],
    ['09:30', '9:30am'],
    ['23:59', '11:59pm'],
  ])('%s is %s', (time, words) => {
    expect(formatTime(time)).toBe(words);
  });

  it('describes a start and end, a start only, or nothing', () => {
    expect(describeTime('10:00', '11:30')).toBe('10am to 11:30am');
    expect(describeTime('12:00', '13:30')).toBe('12 noon to 1:30pm');
    expect(describeTime('18:00')).toBe('from 6pm');
    expect(describeTime()).toBe('');
    expect(describeTime(undefined, '11:30')).toBe('until 11:30am');
  });
});

describe('describeSchedule', () => {
  describe('weekly', () => {
    it('one day', () => {
      expect(describeSchedule(weekly(['tue'], { start: '10:00', end: '11:30' }))).toBe(
        'Every Tuesday, 10am to 11:30am',
      );
    });
    it('two and three days, in week order whatever order they were written', () => {
      expect(describeSchedule(weekly(['wed', 'mon'], { start: '18:00', end: '20:00' }))).toBe(
        'Every Monday and Wednesday, 6pm to 8pm',
      );
      expect(describeSchedule(weekly(['fri', 'mon', 'wed']))).toBe('Every Monday, Wednesday and Friday');
    });
    it('every day and every weekday', () => {
      expect(describeSchedule(weekly(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], { start: '09:00' }))).toBe(
        'Every day, from 9am',
      );
      expect(describeSchedule(weekly(['mon', 'tue', 'wed', 'thu', 'fri'], { start: '12:00', end: '13:00' }))).toBe(
        'Every weekday (Monday to Friday), 12 noon to 1pm',
      );
    });
    it('every other week names the week it counts from', () => {
      expect(describeSchedule(weekly(['thu'], { interval: 2, from: '2026-01-08', start: '09:30', end: '11:00' }))).toBe(
        'Every other Thursday from 8 January 2026, 9:30am to 11am',
      );
      expect(describeSchedule(weekly(['mon', 'thu'], { interval: 2, from: '2026-01-08' }))).toBe(
        'Every other Monday and Thursday from 8 January 2026',
      );
    });
    it('every 3 or more weeks', () => {
      expect(describeSchedule(weekly(['tue'], { interval: 3, from: '2026-01-06', start: '14:00', end: '15:00' }))).toBe(
        'Every 3 weeks on Tuesday from 6 January 2026, 2pm to 3pm',
      );
    });
    it('every other week with an end date says only the end in brackets', () => {
      expect(
        describeSchedule(
          weekly(['thu'], { interval: 2, from: '2026-01-08', until: '2026-07-16', start: '09:30', end: '11:00' }),
        ),
      ).toBe('Every other Thursday from 8 January 2026, 9:30am to 11am (until 16 July 2026)');
    });
  });

  describe('monthly', () => {
    it('2nd and 4th Monday', () => {
      expect(
        describeSchedule(
          monthly(
            [
              [2, 'mon'],
              [4, 'mon'],
            ],
            { start: '18:00', end: '20:00' },
          ),
        ),
      ).toBe('2nd and 4th Monday of the month, 6pm to 8pm');
    });
    it('ordinals are put in order, last at the end', () => {
      expect(
        describeSchedule(
          monthly([
            [-1, 'mon'],
            [3, 'mon'],
            [1, 'mon'],
          ]),
        ),
      ).toBe('1st, 3rd and last Monday of the month');
    });
    it('last Friday', () => {
      expect(describeSchedule(monthly([[-1, 'fri']], { start: '13:30', end: '15:00' }))).toBe(
        'Last Friday of the month, 1:30pm to 3pm',
      );
    });
    it('different days', () => {
      expect(
        describeSchedule(
          monthly(
            [
              [-1, 'fri'],
              [1, 'wed'],
            ],
            { start: '10:00' },
          ),
        ),
      ).toBe('1st Wednesday and last Friday of the month, from 10am');
      expect(
        describeSchedule(
          monthly([
            [1, 'mon'],
            [-1, 'fri'],
            [3, 'mon'],
          ]),
        ),
      ).toBe('1st and 3rd Monday, and last Friday of the month');
    });
    it('5th', () => {
      expect(describeSchedule(monthly([[5, 'sat']]))).toBe('5th Saturday of the month');
    });
  });

  describe('dates', () => {
    it('one date', () => {
      expect(describeSchedule(oneOff(['2026-12-12'], { start: '10:00', end: '14:00' }))).toBe(
        'Saturday 12 December 2026, 10am to 2pm',
      );
    });
    it('two dates', () => {
      expect(describeSchedule(oneOff(['2026-12-12', '2026-12-19'], { start: '10:00', end: '14:00' }))).toBe(
        'Saturday 12 December 2026 and Saturday 19 December 2026, 10am to 2pm',
      );
    });
    it('several dates', () => {
      expect(describeSchedule(oneOff(['2026-12-12', '2026-12-19', '2027-01-01']))).toBe(
        'Saturday 12 December 2026, Saturday 19 December 2026 and Friday 1 January 2027',
      );
    });
  });

  describe('validity', () => {
    it('from and until in the same year', () => {
      expect(
        describeSchedule(weekly(['mon'], { start: '10:00', end: '11:00', from: '2026-01-05', until: '2026-07-20' })),
      ).toBe('Every Monday, 10am to 11am (from 5 January until 20 July 2026)');
    });
    it('from and until in different years', () => {
      expect(describeSchedule(monthly([[1, 'tue']], { from: '2026-09-01', until: '2027-07-20' }))).toBe(
        '1st Tuesday of the month (from 1 September 2026 until 20 July 2027)',
      );
    });
    it('from only, until only', () => {
      expect(describeSchedule(weekly(['sat'], { from: '2026-05-02' }))).toBe('Every Saturday (from 2 May 2026)');
      expect(describeSchedule(weekly(['sat'], { until: '2026-08-29', start: '10:00' }))).toBe(
        'Every Saturday, from 10am (until 29 August 2026)',
      );
    });
    it('leaves the note out (pages show it beside the description)', () => {
      expect(describeSchedule(weekly(['tue'], { note: 'Term time only' }))).toBe('Every Tuesday');
    });
  });

  describe('through the schema, as volunteers write it', () => {
    it('every other Thursday with a YAML date and an unpadded time', () => {
      const s = parse({
        weekly: ['thu'],
        every: 2,
        from: new Date('2026-01-08T00:00:00Z'),
        start: '9:30',
        end: '11:00',
      });
      expect(describeSchedule(s)).toBe('Every other Thursday from 8 January 2026, 9:30am to 11am');
    });
    it('monthly rules', () => {
      expect(describeSchedule(parse({ monthly: ['2nd mon', '4th mon'], start: '18:00', end: '20:00' }))).toBe(
        '2nd and 4th Monday of the month, 6pm to 8pm',
      );
      expect(describeSchedule(parse({ monthly: ['Last Fri', '1st wed'] }))).toBe(
        '1st Wednesday and last Friday of the month',
      );
    });
    it('dates are de-duplicated and sorted', () => {
      expect(describeSchedule(parse({ dates: ['2026-12-19', '2026-12-12', '2026-12-19'] }))).toBe(
        'Saturday 12 December 2026 and Saturday 19 December 2026',
      );
    });
  });
});

describe('Europe/London', () => {
  it('londonDate reads the calendar date in London, not UTC', () => {
    expect(londonDate(at('2026-01-15T23:30:00Z'))).toBe('2026-01-15'); // GMT
    expect(londonDate(at('2026-06-30T23:30:00Z'))).toBe('2026-07-01'); // BST: 00:30 on 1 July
    expect(londonDate(at('2026-12-31T23:59:59Z'))).toBe('2026-12-31');
    expect(londonDate(at('2027-01-01T00:00:00Z'))).toBe('2027-01-01');
  });

  it('winter and summer times', () => {
    expect(iso(londonInstant('2026-01-15', '10:00'))).toBe('2026-01-15T10:00:00.000Z');
    expect(iso(londonInstant('2026-07-15', '10:00'))).toBe('2026-07-15T09:00:00.000Z');
    expect(iso(londonInstant('2026-07-01'))).toBe('2026-06-30T23:00:00.000Z');
  });

  it('clocks go forward on Sunday 29 March 2026', () => {
    expect(iso(londonInstant('2026-03-28', '10:00'))).toBe('2026-03-28T10:00:00.000Z');
    expect(iso(londonInstant('2026-03-29', '00:30'))).toBe('2026-03-29T00:30:00.000Z');
    // 01:00–01:59 does not exist that night: read as the same time after the change, i.e. 02:30 BST.
    expect(iso(londonInstant('2026-03-29', '01:30'))).toBe('2026-03-29T01:30:00.000Z');
    expect(londonClock.format(londonInstant('2026-03-29', '01:30'))).toBe('02:30');
    expect(iso(londonInstant('2026-03-29', '02:00'))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(londonInstant('2026-03-29', '10:00'))).toBe('2026-03-29T09:00:00.000Z');
  });

  it('clocks go back on Sunday 25 October 2026', () => {
    expect(iso(londonInstant('2026-10-24', '10:00'))).toBe('2026-10-24T09:00:00.000Z');
    // 01:00–01:59 happens twice that night: take the first, still on BST.
    expect(iso(londonInstant('2026-10-25', '01:30'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(londonInstant('2026-10-25', '00:59'))).toBe('2026-10-24T23:59:00.000Z');
    expect(iso(londonInstant('2026-10-25', '02:00'))).toBe('2026-10-25T02:00:00.000Z');
    expect(iso(londonInstant('2026-10-25', '10:00'))).toBe('2026-10-25T10:00:00.000Z');
  });

  it('any date and time comes back to the same London date and, outside the spring gap, the same clock time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1) / 86400000, max: Date.UTC(2040, 11, 31) / 86400000 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (day, h, m) => {
          const date = new Date(day * 86400000).toISOString().slice(0, 10);
          const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
          const instant = londonInstant(date, time);
          expect(londonDate(instant)).toBe(date);
          const clock = londonClock.format(instant);
          if (h === 1 && new Date(day * 86400000).getUTCMonth() === 2 && new Date(day * 86400000).getUTCDay() === 0) {
            expect([time, `02:${time.slice(3)}`]).toContain(clock); // last Sunday of March: 01:xx → 02:xx
          } else {
            expect(clock).toBe(time);
          }
        },
      ),
    );
  });
});

describe('isActiveOn and occursOn', () => {
  it('from and until are inclusive', () => {
    const s = weekly(['mon'], { from: '2026-01-05', until: '2026-01-26' });
    expect(isActiveOn(s, '2026-01-04')).toBe(false);
    expect(isActiveOn(s, '2026-01-05')).toBe(true);
    expect(isActiveOn(s, '2026-01-26')).toBe(true);
    expect(isActiveOn(s, '2026-01-27')).toBe(false);
    expect(isActiveOn(weekly(['mon']), '1999-01-01')).toBe(true);
    expect(occursOn(s, '2026-01-05')).toBe(true);
    expect(occursOn(s, '2026-01-26')).toBe(true);
    expect(occursOn(s, '2026-02-02')).toBe(false);
    expect(occursOn(s, '2026-01-06')).toBe(false); // a Tuesday
  });

  it('every other week', () => {
    const s = weekly(['thu'], { interval: 2, from: '2026-01-08' });
    expect(occursOn(s, '2026-01-01')).toBe(false); // before from
    expect(occursOn(s, '2026-01-08')).toBe(true);
    expect(occursOn(s, '2026-01-15')).toBe(false);
    expect(occursOn(s, '2026-01-22')).toBe(true);
  });

  it('monthly: nth and last weekday', () => {
    const s = monthly([
      [2, 'mon'],
      [-1, 'fri'],
    ]);
    expect(occursOn(s, '2026-01-12')).toBe(true);
    expect(occursOn(s, '2026-01-05')).toBe(false);
    expect(occursOn(s, '2026-01-30')).toBe(true);
    expect(occursOn(s, '2026-01-23')).toBe(false); // 4th of 5 Fridays is not the last
    expect(occursOn(s, '2026-02-27')).toBe(true); // 4th of 4 Fridays is
  });

  it('one-off dates', () => {
    const s = oneOff(['2026-12-12']);
    expect(occursOn(s, '2026-12-12')).toBe(true);
    expect(occursOn(s, '2026-12-19')).toBe(false);
  });

  it('a schedule every 2+ weeks without a from date (the schema rejects it) never occurs', () => {
    expect(occursOn(weekly(['tue'], { interval: 2 }), '2026-01-06')).toBe(false);
  });
});

describe('nextOccurrences', () => {
  it('weekly: the next Tuesdays with London times', () => {
    const os = nextOccurrences(weekly(['tue'], { start: '10:00', end: '11:30' }), at('2026-01-01T12:00:00Z'), 3);
    expect(os).toEqual([
      {
        date: '2026-01-06',
        start: '10:00',
        end: '11:30',
        startsAt: at('2026-01-06T10:00:00Z'),
        endsAt: at('2026-01-06T11:30:00Z'),
      },
      {
        date: '2026-01-13',
        start: '10:00',
        end: '11:30',
        startsAt: at('2026-01-13T10:00:00Z'),
        endsAt: at('2026-01-13T11:30:00Z'),
      },
      {
        date: '2026-01-20',
        start: '10:00',
        end: '11:30',
        startsAt: at('2026-01-20T10:00:00Z'),
        endsAt: at('2026-01-20T11:30:00Z'),
      },
    ]);
  });

  it('weekly on several days', () => {
    const os = nextOccurrences(weekly(['wed', 'mon'], { start: '18:00' }), at('2026-01-01T12:00:00Z'), 4);
    expect(datesOf(os)).toEqual(['2026-01-05', '2026-01-07', '2026-01-12', '2026-01-14']);
    expect(os[0].endsAt).toBeUndefined();
  });

  it('every other Thursday counts from the from date', () => {
    const s = weekly(['thu'], { interval: 2, from: '2026-01-08', start: '09:30', end: '11:00' });
    expect(datesOf(nextOccurrences(s, at('2026-01-01T12:00:00Z'), 4))).toEqual([
      '2026-01-08',
      '2026-01-22',
      '2026-02-05',
      '2026-02-19',
    ]);
    expect(datesOf(nextOccurrences(s, at('2026-01-15T12:00:00Z'), 2))).toEqual(['2026-01-22', '2026-02-05']);
  });

  it('every other week on two days uses whole Monday-to-Sunday weeks from the week of from', () => {
    // from is Thursday 8 January; its week starts Monday 5 January (before from, so not a session).
    const s = weekly(['mon', 'thu'], { interval: 2, from: '2026-01-08' });
    expect(datesOf(nextOccurrences(s, at('2026-01-01T12:00:00Z'), 5))).toEqual([
      '2026-01-08',
      '2026-01-19',
      '2026-01-22',
      '2026-02-02',
      '2026-02-05',
    ]);
  });

  it('every 3 weeks', () => {
    const s = weekly(['tue'], { interval: 3, from: '2026-01-06' });
    expect(datesOf(nextOccurrences(s, at('2026-01-01T12:00:00Z'), 3))).toEqual([
      '2026-01-06',
      '2026-01-27',
      '2026-02-17',
    ]);
  });

  it('every other week across the new year', () => {
    const s = parse({ weekly: ['thu'], every: 2, from: '2025-12-25', start: '10:00' });
    expect(datesOf(nextOccurrences(s, at('2025-12-26T12:00:00Z'), 2))).toEqual(['2026-01-08', '2026-01-22']);
  });

  it('2nd and 4th Monday', () => {
    const s = parse({ monthly: ['2nd mon', '4th mon'], start: '18:00', end: '20:00' });
    expect(datesOf(nextOccurrences(s, at('2026-01-01T12:00:00Z'), 6))).toEqual([
      '2026-01-12',
      '2026-01-26',
      '2026-02-09',
      '2026-02-23',
      '2026-03-09',
      '2026-03-23',
    ]);
  });

  it('last Friday, including months with five Fridays', () => {
    const s = monthly([[-1, 'fri']], { start: '13:30', end: '15:00' });
    // January and May 2026 have five Fridays; February to April have four.
    expect(datesOf(nextOccurrences(s, at('2026-01-01T12:00:00Z'), 5))).toEqual([
      '2026-01-30',
      '2026-02-27',
      '2026-03-27',
      '2026-04-24',
      '2026-05-29',
    ]);
  });

  it('a 5th weekday is skipped in months without one', () => {
    const s = monthly([[5, 'mon']]);
    expect(datesOf(nextOccurrences(s, at('2026-01-01T12:00:00Z'), 4))).toEqual([
      '2026-03-30',
      '2026-06-29',
      '2026-08-31',
      '2026-11-30',
    ]);
  });

  it('1st Wednesday and last Friday', () => {
    const s = monthly([
      [1, 'wed'],
      [-1, 'fri'],
    ]);
    expect(datesOf(nextOccurrences(s, at('2026-01-01T00:00:00Z'), 4))).toEqual([
      '2026-01-07',
      '2026-01-30',
      '2026-02-04',
      '2026-02-27',
    ]);
  });

  it('monthly across the new year', () => {
    const s = monthly([[1, 'mon']], { start: '10:00' });
    expect(datesOf(nextOccurrences(s, at('2026-12-15T12:00:00Z'), 2))).toEqual(['2027-01-04', '2027-02-01']);
  });

  it('weekly across the new year', () => {
    const s = weekly(['thu', 'fri'], { start: '10:00' });
    expect(datesOf(nextOccurrences(s, at('2026-12-30T12:00:00Z'), 3))).toEqual([
      '2026-12-31',
      '2027-01-01',
      '2027-01-07',
    ]);
  });

  it('a schedule that has ended has no occurrences', () => {
    expect(nextOccurrences(weekly(['tue'], { until: '2025-12-31' }), at('2026-04-14T12:00:00Z'), 3)).toEqual([]);
    expect(nextOccurrences(monthly([[1, 'mon']], { until: '2026-04-01' }), at('2026-04-14T12:00:00Z'), 3)).toEqual([]);
  });

  it('stops at until (inclusive)', () => {
    const s = weekly(['tue'], { until: '2026-04-28', start: '10:00' }); // 14 April's session has started
    expect(datesOf(nextOccurrences(s, at('2026-04-14T12:00:00Z'), 10))).toEqual(['2026-04-21', '2026-04-28']);
  });

  it('a schedule starting in the future begins at from', () => {
    const s = weekly(['tue'], { from: '2026-09-01', start: '10:00' });
    expect(datesOf(nextOccurrences(s, at('2026-04-14T12:00:00Z'), 2))).toEqual(['2026-09-01', '2026-09-08']);
  });

  it('one-off dates: past ones dropped, today kept until it ends', () => {
    const s = oneOff(['2026-03-01', '2026-04-14', '2026-12-12'], { start: '10:00', end: '11:30' });
    expect(datesOf(nextOccurrences(s, at('2026-04-14T09:00:00Z'), 5))).toEqual(['2026-04-14', '2026-12-12']);
    expect(datesOf(nextOccurrences(s, at('2026-04-14T12:00:00Z'), 5))).toEqual(['2026-12-12']);
    expect(nextOccurrences(s, at('2027-01-01T12:00:00Z'), 5)).toEqual([]);
  });

  describe("today's session", () => {
    // Tuesday 14 April 2026 is in BST: 10:00–11:30 London is 09:00Z–10:30Z.
    const s = weekly(['tue'], { start: '10:00', end: '11:30' });
    it('is listed before it starts and while it is on', () => {
      expect(nextOccurrences(s, at('2026-04-14T08:00:00Z'), 1)[0].date).toBe('2026-04-14');
      expect(nextOccurrences(s, at('2026-04-14T10:15:00Z'), 1)[0].date).toBe('2026-04-14');
      expect(nextOccurrences(s, at('2026-04-14T10:30:00Z'), 1)[0].date).toBe('2026-04-14'); // at the end time exactly
    });
    it('is gone once its end time has passed', () => {
      expect(nextOccurrences(s, at('2026-04-14T10:30:01Z'), 1)[0].date).toBe('2026-04-21');
      // 11:45Z would still be before 11:30 London in winter; in BST it is after.
      expect(nextOccurrences(s, at('2026-04-14T11:00:00Z'), 1)[0].date).toBe('2026-04-21');
    });
    it('with only a start time, is gone once the start has passed', () => {
      const startOnly = weekly(['tue'], { start: '10:00' });
      expect(nextOccurrences(startOnly, at('2026-04-14T09:00:00Z'), 1)[0].date).toBe('2026-04-14');
      expect(nextOccurrences(startOnly, at('2026-04-14T09:00:01Z'), 1)[0].date).toBe('2026-04-21');
    });
    it('with no times, counts all day', () => {
      const allDay = weekly(['tue']);
      const [o] = nextOccurrences(allDay, at('2026-04-14T22:59:00Z'), 1); // 23:59 BST
      expect(o).toEqual({ date: '2026-04-14', startsAt: at('2026-04-13T23:00:00Z') });
    });
    it('uses the London date just after midnight BST', () => {
      // 23:30Z on Monday 13 April is 00:30 on Tuesday 14 April in London.
      expect(nextOccurrences(s, at('2026-04-13T23:30:00Z'), 1)[0].date).toBe('2026-04-14');
    });
  });

  it('clock-change Sundays give the right instants', () => {
    const sunday10 = weekly(['sun'], { start: '10:00', end: '11:00' });
    const march = nextOccurrences(sunday10, at('2026-03-27T12:00:00Z'), 2);
    expect(march.map((o) => [o.date, iso(o.startsAt), iso(o.endsAt)])).toEqual([
      ['2026-03-29', '2026-03-29T09:00:00.000Z', '2026-03-29T10:00:00.000Z'],
      ['2026-04-05', '2026-04-05T09:00:00.000Z', '2026-04-05T10:00:00.000Z'],
    ]);
    const saturday10 = weekly(['sat'], { start: '10:00' });
    expect(iso(nextOccurrences(saturday10, at('2026-03-27T12:00:00Z'), 1)[0].startsAt)).toBe(
      '2026-03-28T10:00:00.000Z',
    );
    const october = nextOccurrences(sunday10, at('2026-10-20T12:00:00Z'), 1);
    expect(iso(october[0].startsAt)).toBe('2026-10-25T10:00:00.000Z');

    const sunday0130 = weekly(['sun'], { start: '01:30', end: '03:00' });
    const [spring] = nextOccurrences(sunday0130, at('2026-03-28T12:00:00Z'), 1);
    expect([spring.date, iso(spring.startsAt), iso(spring.endsAt)]).toEqual([
      '2026-03-29',
      '2026-03-29T01:30:00.000Z',
      '2026-03-29T02:00:00.000Z',
    ]);
    const [autumn] = nextOccurrences(sunday0130, at('2026-10-24T12:00:00Z'), 1);
    expect([autumn.date, iso(autumn.startsAt), iso(autumn.endsAt)]).toEqual([
      '2026-10-25',
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T03:00:00.000Z',
    ]);
  });

  it('looks no further than the horizon', () => {
    const s = weekly(['tue']);
    expect(datesOf(nextOccurrences(s, at('2026-01-01T12:00:00Z'), 100, 14))).toEqual(['2026-01-06', '2026-01-13']);
    expect(nextOccurrences(s, at('2026-01-01T12:00:00Z'), 1000)).toHaveLength(57); // 400 days ahead
    expect(nextOccurrences(oneOff(['2028-01-01']), at('2026-01-01T12:00:00Z'), 1)).toEqual([]);
  });

  it('count 0 gives nothing', () => {
    expect(nextOccurrences(weekly(['tue']), at('2026-01-01T12:00:00Z'), 0)).toEqual([]);
  });

  it('every result occurs on its date, is not over, and they come in order', () => {
    const schedules: Schedule[] = [
      weekly(['mon', 'thu'], { interval: 2, from: '2026-02-05', start: '19:00', end: '21:00' }),
      monthly(
        [
          [5, 'sun'],
          [-1, 'sun'],
        ],
        { start: '01:30', end: '02:30' },
      ),
      oneOff(['2026-03-29', '2026-10-25', '2027-03-28'], { start: '01:15' }),
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
        fc.constantFrom(...schedules),
        (ms, s) => {
          const now = new Date(ms);
          const os = nextOccurrences(s, now, 6);
          for (const o of os) {
            expect(occursOn(s, o.date)).toBe(true);
            expect(o.date >= londonDate(now)).toBe(true);
            expect((o.endsAt ?? o.startsAt).getTime()).toBeGreaterThanOrEqual(now.getTime());
          }
          for (let i = 1; i < os.length; i++)
            expect(os[i].startsAt.getTime()).toBeGreaterThan(os[i - 1].startsAt.getTime());
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('nextOccurrencesForAll', () => {
  it('merges, sorts by start and removes duplicates', () => {
    const schedules = [
      weekly(['thu'], { start: '18:00', end: '20:00' }),
      weekly(['tue'], { start: '10:00', end: '11:30' }),
      oneOff(['2026-01-06'], { start: '10:00', end: '11:30' }), // the same session as the first Tuesday
      monthly([[1, 'tue']], { start: '09:00', end: '09:30' }),
    ];
    const os = nextOccurrencesForAll(schedules, at('2026-01-02T12:00:00Z'), 5);
    expect(os.map((o) => `${o.date} ${o.start}`)).toEqual([
      '2026-01-06 09:00',
      '2026-01-06 10:00',
      '2026-01-08 18:00',
      '2026-01-13 10:00',
      '2026-01-15 18:00',
    ]);
  });

  it('keeps the longer of two sessions starting together', () => {
    const os = nextOccurrencesForAll(
      [weekly(['tue'], { start: '10:00', end: '11:00' }), weekly(['tue'], { start: '10:00', end: '12:00' })],
      at('2026-01-01T12:00:00Z'),
      1,
    );
    expect(os).toHaveLength(1);
    expect(os[0].end).toBe('12:00');
  });

  it('no schedules, no occurrences', () => {
    expect(nextOccurrencesForAll([], at('2026-01-01T12:00:00Z'), 3)).toEqual([]);
  });
});

describe('daysOfWeek', () => {
  it('weekly, in week order', () => {
    expect(daysOfWeek(parse({ weekly: ['thu', 'mon', 'thu'] }))).toEqual(['mon', 'thu']);
  });
  it('monthly', () => {
    expect(
      daysOfWeek(
        monthly([
          [-1, 'fri'],
          [1, 'wed'],
          [3, 'wed'],
        ]),
      ),
    ).toEqual(['wed', 'fri']);
  });
  it('dates: the weekdays of the dates within from/until', () => {
    expect(daysOfWeek(oneOff(['2026-12-12', '2026-12-19', '2027-01-01']))).toEqual(['fri', 'sat']);
    expect(daysOfWeek(oneOff(['2026-12-12', '2027-01-01'], { until: '2026-12-31' }))).toEqual(['sat']);
  });
});

describe('timesOfDay', () => {
  const t = (start?: string, end?: string) => timesOfDay(weekly(['mon'], { start, end }));
  it.each([
    [undefined, undefined, []],
    ['09:00', undefined, ['morning']],
    ['12:00', undefined, ['afternoon']],
    ['16:59', undefined, ['afternoon']],
    ['17:00', undefined, ['evening']],
    ['10:00', '11:30', ['morning']],
    ['10:00', '12:00', ['morning']],
    ['10:00', '14:00', ['morning', 'afternoon']],
    ['11:30', '17:30', ['morning', 'afternoon', 'evening']],
    ['13:00', '17:00', ['afternoon']],
    ['16:00', '18:00', ['afternoon', 'evening']],
    ['18:00', '20:00', ['evening']],
    ['00:00', '01:00', ['morning']],
  ])('%s to %s', (start, end, expected) => {
    expect(t(start, end)).toEqual(expected);
  });
  it('works through the schema', () => {
    expect(timesOfDay(parse({ monthly: ['2nd mon'], start: '18:00', end: '20:00' }))).toEqual(['evening']);
  });
});

describe('formatting dates and occurrences', () => {
  it('formatDateLong', () => {
    expect(formatDateLong('2026-04-14')).toBe('Tuesday 14 April 2026');
    expect(formatDateLong('2027-01-01')).toBe('Friday 1 January 2027');
    expect(formatDateLong('2024-02-29')).toBe('Thursday 29 February 2024');
  });
  it('formatOccurrence gives the full date with year, then the times', () => {
    const [o] = nextOccurrences(weekly(['tue'], { start: '10:00', end: '11:30' }), at('2026-04-13T12:00:00Z'), 1);
    expect(formatOccurrence(o, 'england-and-wales')).toBe('Tuesday 14 April 2026, 10am to 11:30am');
    const [allDay] = nextOccurrences(oneOff(['2026-12-12']), at('2026-04-13T12:00:00Z'), 1);
    expect(formatOccurrence(allDay, 'england-and-wales')).toBe('Saturday 12 December 2026');
  });
  it("formatOccurrence says when a session falls on a bank holiday of the book's region, and only then", () => {
    const [christmas] = nextOccurrences(
      weekly(['fri'], { start: '10:00', end: '12:00' }),
      at('2026-12-21T12:00:00Z'),
      1,
    );
    expect(formatOccurrence(christmas, 'england-and-wales')).toBe(
      'Friday 25 December 2026, 10am to 12 noon (Christmas Day: check it is on)',
    );
    expect(formatOccurrence(christmas, 'none')).toBe('Friday 25 December 2026, 10am to 12 noon');
    const [easterMonday] = nextOccurrences(oneOff(['2026-04-06']), at('2026-04-01T12:00:00Z'), 1);
    expect(formatOccurrence(easterMonday, 'england-and-wales')).toBe(
      'Monday 6 April 2026 (Easter Monday: check it is on)',
    );
    // Not a bank holiday in Scotland.
    expect(formatOccurrence(easterMonday, 'scotland')).toBe('Monday 6 April 2026');
  });
});
