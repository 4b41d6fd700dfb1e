import { describe, expect, it } from 'vitest';
import { nextDateLines } from '../../../src/lib/schedule/next-dates';
import type { Schedule } from '../../../src/schema';

const mondays = (extra: Partial<Schedule> = {}): Schedule[] => [
  { kind: 'weekly', days: ['mon'], interval: 1, start: '10:00', end: '12:00', ...extra } as Schedule,
];
/** Wednesday 16 December 2026, noon in London: the next Mondays are 21 and 28 December (a bank holiday), 4 January. */
const now = new Date('2026-12-16T12:00:00Z');

describe("an entry page's next dates", () => {
  it('are the next three sessions, in date order, with the bank holiday one saying to check', () => {
    const lines = nextDateLines({ status: 'active' }, mondays(), 'england-and-wales', now);
    expect(lines.map((l) => l.date)).toEqual(['2026-12-21', '2026-12-28', '2027-01-04']);
    expect(lines.every((l) => !l.skipped)).toBe(true);
    expect(lines[0].text).toMatch(/^Monday 21 December 2026/);
    expect(lines[1].text).toMatch(/bank holiday/i);
  });

  it('mark a bank holiday a schedule does not meet on as "no session", among the sessions', () => {
    const lines = nextDateLines(
      { status: 'active' },
      mondays({ not_on_bank_holidays: true }),
      'england-and-wales',
      now,
    );
    expect(lines.map((l) => [l.date, !!l.skipped])).toEqual([
      ['2026-12-21', false],
      ['2026-12-28', true],
      ['2027-01-04', false],
      ['2027-01-11', false],
    ]);
    expect(lines[1].text).toBe('No session on Monday 28 December 2026 (Bank holiday for Boxing Day)');
  });

  it('are none for a closed group, and start on the day a temporarily closed one reopens', () => {
    expect(nextDateLines({ status: 'closed' }, mondays(), 'england-and-wales', now)).toEqual([]);
    const reopening = nextDateLines({ status: 'temporarily-closed', reopens: '2027-01-01' }, mondays(), 'none', now);
    expect(reopening.map((l) => l.date)).toEqual(['2027-01-04', '2027-01-11', '2027-01-18']);
  });
});
