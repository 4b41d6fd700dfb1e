import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeSchedule, decodeSchedules, encodeSchedule, encodeSchedules } from '../../../src/lib/schedule/code';
import { DAYS, scheduleSchema, type Day, type Schedule } from '../../../src/schema';

const weekly = (days: Day[], extra: Partial<Schedule> = {}): Schedule =>
  ({ kind: 'weekly', days, interval: 1, ...extra }) as Schedule;

/**
 * The one short code of schedules: the search index's result data and the map's venues file
 * both carry schedules in it, so a card and a popup read the same sessions.
 */
describe('the schedule code', () => {
  it('writes the three kinds briefly', () => {
    const parse = (s: unknown) => scheduleSchema.parse(s);
    expect(encodeSchedule(parse({ weekly: ['tue', 'thu'], start: '10:00', end: '11:30' }))).toBe(
      'w1/tue.thu|10:00-11:30',
    );
    expect(encodeSchedule(parse({ monthly: ['2nd sat', 'last fri'] }))).toBe('m/2sat.-1fri');
    expect(encodeSchedule(parse({ dates: ['2026-12-12'], until: '2026-12-31' }))).toBe('d/2026-12-12|||2026-12-31');
    expect(encodeSchedule(parse({ weekly: ['thu'], every: 2, from: '2026-01-08', start: '09:30' }))).toBe(
      'w2/thu|09:30|2026-01-08',
    );
  });

  it('gives undefined for a code it does not know', () => {
    expect(decodeSchedule('x/tue')).toBeUndefined();
    expect(decodeSchedule('m/9tue')).toBeUndefined();
    expect(decodeSchedule('w1/tuesday')).toBeUndefined();
    expect(decodeSchedule('w1/tue|10:00-11:00|||extra')).toBeUndefined();
  });

  it('keeps only what the calendar needs: no notes', () => {
    const code = encodeSchedules([weekly(['tue'], { start: '10:00', end: '11:30', note: 'Bring boots' })]);
    expect(code).not.toContain('Bring boots');
    expect(decodeSchedules(code)).toEqual([
      { kind: 'weekly', days: ['tue'], interval: 1, start: '10:00', end: '11:30' },
    ]);
    expect(code).toBe('w1/tue|10:00-11:30');
    expect(decodeSchedules('not a schedule')).toEqual([]);
    // `b`: not on bank holidays; any other flag is malformed.
    expect(decodeSchedules('w1/mon|10:00-12:00|||b')).toEqual([
      { kind: 'weekly', days: ['mon'], interval: 1, start: '10:00', end: '12:00', not_on_bank_holidays: true },
    ]);
    expect(decodeSchedules('w1/mon|10:00-12:00|||x')).toEqual([]);
    expect(decodeSchedules('[{"kind":"weekly"}]')).toEqual([]);
    // A malformed schedule is left out; the good one beside it is kept.
    expect(decodeSchedules('w1/tue|25:00;w2/xyz;m/6mon;d/2026-1-1;w1/fri|10:00-11:00|2026-01-02')).toEqual([
      { kind: 'weekly', days: ['fri'], interval: 1, start: '10:00', end: '11:00', from: '2026-01-02' },
    ]);
  });

  it('reads back every schedule it writes, without the notes (property)', () => {
    const time = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const date = fc
      .date({ min: new Date('2024-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const base = fc.record(
      {
        times: fc.option(fc.tuple(time, fc.option(time, { nil: undefined })), { nil: undefined }),
        from: fc.option(date, { nil: undefined }),
        until: fc.option(date, { nil: undefined }),
        note: fc.option(fc.string(), { nil: undefined }),
        skipsHolidays: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    const rule = fc.oneof(
      fc.record({
        kind: fc.constant('weekly' as const),
        days: fc.uniqueArray(fc.constantFrom(...DAYS), { minLength: 1 }),
        interval: fc.integer({ min: 1, max: 8 }),
      }),
      fc.record({
        kind: fc.constant('monthly' as const),
        on: fc.array(fc.record({ nth: fc.constantFrom(1, 2, 3, 4, 5, -1), day: fc.constantFrom(...DAYS) }), {
          minLength: 1,
          maxLength: 4,
        }),
      }),
      fc.record({
        kind: fc.constant('dates' as const),
        dates: fc.uniqueArray(date, { minLength: 1, maxLength: 6 }).map((d) => d.sort()),
      }),
    );
    const schedule = fc.tuple(rule, base).map(([r, b]) => {
      const [start, end] = b.times ?? [];
      return {
        ...r,
        start,
        end: start && end && end > start ? end : undefined,
        from: b.from,
        until: b.until,
        note: b.note,
        ...(b.skipsHolidays ? { not_on_bank_holidays: true } : {}),
      } as Schedule;
    });
    fc.assert(
      fc.property(fc.array(schedule, { maxLength: 4 }), (schedules) => {
        const text = encodeSchedules(schedules);
        expect(decodeSchedules(text)).toEqual(schedules.map((sc) => ({ ...sc, note: undefined })));
        expect(text).not.toMatch(/["<>&]/);
      }),
      { numRuns: 500 },
    );
  });

  it('reads back every valid schedule as the schema makes it (property)', () => {
    const day = fc.constantFrom(...DAYS);
    const date = fc
      .date({ min: new Date('2025-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const time = fc
      .tuple(fc.integer({ min: 0, max: 22 }), fc.constantFrom('00', '15', '30', '45'))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${m}`);
    const rule = fc.oneof(
      fc.record({ weekly: fc.uniqueArray(day, { minLength: 1, maxLength: 7 }) }),
      fc.record({
        weekly: fc.uniqueArray(day, { minLength: 1, maxLength: 3 }),
        every: fc.integer({ min: 2, max: 8 }),
        from: date,
      }),
      fc.record({
        monthly: fc.uniqueArray(
          fc.tuple(fc.constantFrom('1st', '2nd', '3rd', '4th', '5th', 'last'), day).map(([n, d]) => `${n} ${d}`),
          { minLength: 1, maxLength: 3 },
        ),
      }),
      fc.record({ dates: fc.uniqueArray(date, { minLength: 1, maxLength: 4 }) }),
    );
    fc.assert(
      fc.property(rule, fc.option(time, { nil: undefined }), (r, start) => {
        const s = scheduleSchema.parse({ ...r, ...(start ? { start } : {}) }) as Schedule;
        expect(decodeSchedule(encodeSchedule(s))).toEqual({ ...s, note: undefined });
      }),
    );
  });
});
