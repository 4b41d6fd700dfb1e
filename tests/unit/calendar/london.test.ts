import { describe, expect, it } from 'vitest';
import { londonDate, londonDateTime, londonHour, londonInstant } from '../../../src/lib/calendar/london';

/** The platform's own reading of London's clocks, one formatter call per instant: the oracle. */
const oracle = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  timeZoneName: 'longOffset',
});
const read = (ms: number) => {
  const p = Object.fromEntries(oracle.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const offset = p.timeZoneName === 'GMT' ? '+00:00' : p.timeZoneName.slice(3);
  return { date: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour) % 24, offset };
};

describe('London clocks, with the offset kept per hour', () => {
  it('agrees with the platform every 5 minutes through the days the clocks change, and either side', () => {
    for (const day of ['2026-03-28', '2026-10-24', '2027-03-27', '2027-10-30', '1996-10-26']) {
      const start = Date.parse(`${day}T00:00:00Z`);
      for (let ms = start; ms < start + 3 * 86_400_000; ms += 5 * 60_000) {
        const at = new Date(ms);
        const want = read(ms);
        expect(londonDate(at), at.toISOString()).toBe(want.date);
        expect(londonHour(at), at.toISOString()).toBe(want.hour);
      }
    }
  });

  it('agrees with the platform at instants spread over a century, asked for in any order', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 5_000; i++) {
      const ms = Date.UTC(1972, 0, 1) + Math.floor(next() * 100 * 365.25 * 86_400_000);
      const want = read(ms);
      expect(londonDate(new Date(ms))).toBe(want.date);
      expect(londonHour(new Date(ms))).toBe(want.hour);
    }
  });

  it('gives each session time its instant and offset on either side of a change', () => {
    expect(londonInstant('2026-10-25', '01:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(londonInstant('2026-03-29', '01:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(londonDateTime('2026-03-28', '10:00')).toBe('2026-03-28T10:00:00+00:00');
    expect(londonDateTime('2026-03-29', '10:00')).toBe('2026-03-29T10:00:00+01:00');
    expect(londonDateTime('2026-10-25', '10:00')).toBe('2026-10-25T10:00:00+00:00');
    for (const date of ['2026-01-15', '2026-06-15', '2026-11-15'])
      expect(londonDateTime(date, '09:15').slice(-6)).toBe(read(londonInstant(date, '09:15').getTime()).offset);
  });
});
