import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toIsoDate, tomorrowIso } from '../../../src/schema/primitives';

describe('toIsoDate', () => {
  it('gives the first ten characters of toISOString for any date', () => {
    fc.assert(
      fc.property(fc.date({ noInvalidDate: true }), (d) => {
        expect(toIsoDate(d)).toBe(d.toISOString().slice(0, 10));
      }),
      { numRuns: 5000 },
    );
  });

  it('pads small years, months and days, and leaves years past 9999 to toISOString', () => {
    for (const iso of ['0001-01-01', '0999-12-31', '1000-02-03', '2026-03-09', '9999-12-31']) {
      expect(toIsoDate(new Date(`${iso}T00:00:00Z`))).toBe(iso);
    }
    const far = new Date(Date.UTC(10000, 0, 1));
    expect(toIsoDate(far)).toBe(far.toISOString().slice(0, 10));
    const before = new Date(Date.UTC(-1, 5, 1));
    expect(toIsoDate(before)).toBe(before.toISOString().slice(0, 10));
  });

  it('reads the date in UTC, whatever the time of day', () => {
    expect(toIsoDate(new Date('2026-03-29T23:59:59.999Z'))).toBe('2026-03-29');
    expect(toIsoDate(new Date('2026-10-25T00:30:00+01:00'))).toBe('2026-10-24');
  });
});

describe('tomorrowIso', () => {
  it('is the day after the given moment, in UTC', () => {
    expect(tomorrowIso(Date.UTC(2026, 11, 31, 12))).toBe('2027-01-01');
    expect(tomorrowIso(Date.UTC(2028, 1, 28, 23, 59))).toBe('2028-02-29');
  });
});
