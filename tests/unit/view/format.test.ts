import { describe, expect, it } from 'vitest';
import { ageLabel, azLetter, costLabel, telHref, venueAddress } from '../../../src/lib/view/format';
import { byName } from '../../../src/lib/book/order';
import { isStale } from '../../../src/lib/book/stale';
import { longDate } from '../../../src/lib/calendar/words';
import { monthsBetween } from '../../../src/lib/calendar/dates';

describe('costLabel', () => {
  it('says free, a single amount with its description, or a range', () => {
    expect(costLabel({ free: true })).toBe('Free');
    expect(costLabel({ amounts: [{ amount: 2.5, description: 'per session' }] })).toBe('£2.50 per session');
    expect(costLabel({ amounts: [{ amount: 3 }, { amount: 1 }] })).toBe('£1 to £3');
    expect(costLabel(undefined)).toBe('Ask about cost');
  });
});

describe('dates', () => {
  it('counts whole months', () => {
    expect(monthsBetween('2025-11-22', '2026-11-22')).toBe(12);
    expect(monthsBetween('2025-11-23', '2026-11-22')).toBe(11);
    expect(monthsBetween('2026-01-31', '2026-02-28')).toBe(0);
  });
  it('writes dates out in full, and leaves anything that is not a date as it was', () => {
    expect(longDate('2026-06-28')).toBe('28 June 2026');
    expect(longDate('2024-02-29')).toBe('29 February 2024');
    expect(longDate('2026-13-01')).toBe('2026-13-01');
    expect(longDate('soon')).toBe('soon');
  });
  it('marks entries stale at 12 months', () => {
    expect(isStale('2025-11-22', '2026-11-22')).toBe(true);
    expect(isStale('2025-11-23', '2026-11-22')).toBe(false);
    expect(isStale('2026-05-01', '2026-11-22', 6)).toBe(true);
  });
});

describe('small formatters', () => {
  it('builds tel: links from written numbers', () => {
    expect(telHref('01942 123 456')).toBe('tel:01942123456');
    expect(telHref('+44 (0)1942 123456')).toBe('tel:+4401942123456');
  });
  it('joins address parts', () => {
    expect(venueAddress({ address: 'Market Street', town: 'Hindley', postcode: 'WN2 3AN' })).toBe(
      'Market Street, Hindley, WN2 3AN',
    );
    expect(venueAddress({ address: 'Market Street', postcode: 'WN2 3AN' })).toBe('Market Street, WN2 3AN');
  });
  it('words age ranges', () => {
    expect(ageLabel()).toBe('All ages');
    expect(ageLabel(18)).toBe('Ages 18 and over');
    expect(ageLabel(0, 5)).toBe('Up to age 5');
    expect(ageLabel(12, 17)).toBe('Ages 12 to 17');
  });
  it('orders names as people expect in an A–Z: case and accents folded, like localeCompare', () => {
    const names = ['zumba', 'Écoute', 'apple Club', 'Apple club', 'École', 'Bingo', 'ecology', '1st Scouts', 'Æsop'];
    const sorted = names
      .map((name) => ({ name }))
      .sort(byName)
      .map((n) => n.name);
    expect(sorted).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en-GB', { sensitivity: 'base' })));
    expect(sorted.indexOf('Bingo')).toBeLessThan(sorted.indexOf('École'));
    expect(sorted.indexOf('École')).toBeLessThan(sorted.indexOf('ecology'));
  });
  it('files names under a letter, accents folded', () => {
    expect(azLetter('Élan Dance')).toBe('E');
    expect(azLetter('  walking')).toBe('W');
    expect(azLetter('1st Hindley Scouts')).toBe('#');
  });
});
