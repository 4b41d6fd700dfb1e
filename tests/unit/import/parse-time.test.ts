import { describe, expect, it } from 'vitest';
import { parseTime } from '../../../src/lib/import/schedule-text';

describe('a time as people write it', () => {
  it('reads am and pm, dots and colons, and noon', () => {
    expect(parseTime('10am')).toBe('10:00');
    expect(parseTime('1.30pm')).toBe('13:30');
    expect(parseTime('1.30 pm')).toBe('13:30');
    expect(parseTime('10.30 a.m.')).toBe('10:30');
    expect(parseTime('12pm')).toBe('12:00');
    expect(parseTime('12am')).toBe('00:00');
    expect(parseTime('noon')).toBe('12:00');
    expect(parseTime('7PM')).toBe('19:00');
  });

  it('keeps the 24-hour clock as it is, and reads a bare hour as the schedules text does', () => {
    expect(parseTime('13:30')).toBe('13:30');
    expect(parseTime('07:00')).toBe('07:00');
    expect(parseTime('7:00')).toBe('07:00');
    expect(parseTime('2')).toBe('14:00');
    expect(parseTime('10')).toBe('10:00');
  });

  it('is undefined for what is not a time', () => {
    for (const t of ['', 'morning', '25:00', '13pm', '10:75', '0pm', '10:00:00']) expect(parseTime(t)).toBeUndefined();
  });
});
