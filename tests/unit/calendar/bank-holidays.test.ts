import { describe, expect, it } from 'vitest';
import { bankHolidayOn, bankHolidays, easterSunday } from '../../../src/lib/calendar/bank-holidays';
import { addDays, dayOf } from '../../../src/lib/calendar/dates';
import type { BankHolidayRegion } from '../../../src/schema';

const dates = (year: number, region: BankHolidayRegion) => [...bankHolidays(year, region).keys()].sort();

describe('Easter', () => {
  it('falls on the dates the calendar gives', () => {
    const known: Record<number, string> = {
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2028: '2028-04-16',
      2038: '2038-04-25',
      2285: '2285-03-22', // the earliest possible
      1943: '1943-04-25', // the latest possible
      1818: '1818-03-22',
    };
    for (const [year, date] of Object.entries(known)) expect(easterSunday(Number(year))).toBe(date);
  });
});

// Published on gov.uk/bank-holidays.
describe('England and Wales', () => {
  it('2026: Boxing Day on a Saturday moves to Monday 28th', () => {
    expect(dates(2026, 'england-and-wales')).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-28',
    ]);
    expect(bankHolidayOn('2026-12-28', 'england-and-wales')).toBe('Bank holiday for Boxing Day');
  });
  it('2027: Christmas on a Saturday, so Monday 27th and Tuesday 28th', () => {
    expect(dates(2027, 'england-and-wales')).toEqual([
      '2027-01-01',
      '2027-03-26',
      '2027-03-29',
      '2027-05-03',
      '2027-05-31',
      '2027-08-30',
      '2027-12-27',
      '2027-12-28',
    ]);
  });
  it('2022: New Year on a Saturday, Christmas on a Sunday, and the one-off days', () => {
    expect(dates(2022, 'england-and-wales')).toEqual([
      '2022-01-03',
      '2022-04-15',
      '2022-04-18',
      '2022-05-02',
      '2022-06-02',
      '2022-06-03',
      '2022-08-29',
      '2022-09-19',
      '2022-12-26',
      '2022-12-27',
    ]);
    expect(bankHolidayOn('2022-12-27', 'england-and-wales')).toBe('Bank holiday for Christmas Day');
    expect(bankHolidayOn('2022-05-30', 'england-and-wales')).toBeUndefined();
  });
  it('2020 and 2023: the early May holiday moved for VE Day; the Coronation', () => {
    expect(dates(2020, 'england-and-wales')).toEqual([
      '2020-01-01',
      '2020-04-10',
      '2020-04-13',
      '2020-05-08',
      '2020-05-25',
      '2020-08-31',
      '2020-12-25',
      '2020-12-28',
    ]);
    expect(dates(2023, 'england-and-wales')).toEqual([
      '2023-01-02',
      '2023-04-07',
      '2023-04-10',
      '2023-05-01',
      '2023-05-08',
      '2023-05-29',
      '2023-08-28',
      '2023-12-25',
      '2023-12-26',
    ]);
  });
});

describe('Scotland and Northern Ireland', () => {
  it("Scotland 2026: 2 January, the first Monday of August, St Andrew's Day; no Easter Monday", () => {
    expect(dates(2026, 'scotland')).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-04-03',
      '2026-05-04',
      '2026-05-25',
      '2026-08-03',
      '2026-11-30',
      '2026-12-25',
      '2026-12-28',
    ]);
  });
  it('Scotland 2022: New Year on a Saturday and 2 January on a Sunday make Monday 3rd and Tuesday 4th', () => {
    expect(dates(2022, 'scotland').slice(0, 2)).toEqual(['2022-01-03', '2022-01-04']);
  });
  it("Northern Ireland 2026: St Patrick's Day, and the Twelfth on a Sunday moves to Monday", () => {
    expect(dates(2026, 'northern-ireland')).toEqual([
      '2026-01-01',
      '2026-03-17',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-07-13',
      '2026-08-31',
      '2026-12-25',
      '2026-12-28',
    ]);
  });
  it('none marks nothing', () => {
    expect(dates(2026, 'none')).toEqual([]);
    expect(bankHolidayOn('2026-12-25', 'none')).toBeUndefined();
  });
});

describe('every year', () => {
  it('gives the same number of weekday holidays, never on a weekend, for years far apart', () => {
    for (let year = 2024; year <= 2100; year++) {
      for (const [region, count] of [
        ['england-and-wales', 8],
        ['scotland', 9],
        ['northern-ireland', 10],
      ] as const) {
        const days = dates(year, region);
        expect(days, `${region} ${year}`).toHaveLength(count);
        for (const d of days) expect([0, 6], `${region} ${d}`).not.toContain(new Date(`${d}T12:00:00Z`).getUTCDay());
      }
    }
  });
});

describe('dates', () => {
  it('adds days across months, years and leap days, and names the weekday', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30'); // the clocks change; dates do not care
    expect(dayOf('2026-12-25')).toBe('fri');
    expect(dayOf('1970-01-01')).toBe('thu');
    expect(dayOf('2027-12-26')).toBe('sun');
  });
});
