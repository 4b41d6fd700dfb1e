import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  activeFilters,
  facetCounts,
  byRank,
  facetTotals,
  resultCountText,
  toCard,
  withoutFilter,
  type FilterLabels,
} from '../../../src/lib/search/results';
import { allOf, certainFilter, facetFilter, whenFilter, type PagefindFilter } from '../../../src/lib/search/query';
import { encodeSchedules } from '../../../src/lib/schedule/code';
import { indexFilters } from '../../../src/lib/search/index-fields';
import { planWhen } from '../../../src/lib/schedule/when';
import { emptyState, toggle, type FilterState } from '../../../src/lib/filters/state';
import { facetValues, FACETS, type Facet } from '../../../src/lib/filters/registry';
import { matchesFacets } from '../../../src/lib/filters/facets';
import { makeEntrySchema, type Day, type Schedule } from '../../../src/schema';

const weekly = (days: Day[], extra: Partial<Schedule> = {}): Schedule =>
  ({ kind: 'weekly', days, interval: 1, ...extra }) as Schedule;

/** Noon in London on a date (winter: UTC). */
const at = (date: string, time = '12:00') => new Date(`${date}T${time}:00Z`);

/**
 * A small evaluator for the part of Pagefind's filter syntax the search page uses, so the filter
 * objects can be checked against the reference semantics (`matchesFacets`, `occursOn`).
 * A page matches `{ key: 'v' }` when it has v under key; `{ key: { any: [...] } }` when it has
 * one of them; `{ any: [objects] }` when one object matches; `{ all: [objects] }` when all do.
 */
function matches(page: Record<string, string[]>, filter: PagefindFilter): boolean {
  return Object.entries(filter).every(([key, value]) => {
    if (key === 'any') return (value as PagefindFilter[]).some((f) => matches(page, f));
    if (key === 'all') return (value as PagefindFilter[]).every((f) => matches(page, f));
    if (typeof value === 'string') return (page[key] ?? []).includes(value);
    const any = (value as { any: string[] }).any;
    return any.some((v) => (page[key] ?? []).includes(v));
  });
}

describe('filter state to Pagefind filters', () => {
  const allowed = facetValues({ categories: ['walking', 'health', 'food'], neighbourhoods: ['leigh', 'hindley'] });
  let s = toggle(emptyState(), 'day', 'tue', allowed);
  s = toggle(s, 'day', 'thu', allowed);
  s = toggle(s, 'neighbourhood', 'leigh', allowed);
  s = { ...s, free: true };

  it('values within a filter are OR (any), filters are AND, free is a value', () => {
    expect(facetFilter(s)).toEqual({ neighbourhood: { any: ['leigh'] }, day: { any: ['tue', 'thu'] }, free: 'yes' });
    expect(facetFilter(s, 'day')).toEqual({ neighbourhood: { any: ['leigh'] }, free: 'yes' });
    expect(facetFilter(s, 'free')).toEqual({ neighbourhood: { any: ['leigh'] }, day: { any: ['tue', 'thu'] } });
    expect(facetFilter(emptyState())).toEqual({});
  });

  it('combines parts with all, leaving out empty ones', () => {
    expect(allOf({}, null, { a: 'x' })).toEqual({ a: 'x' });
    expect(allOf({ a: 'x' }, { b: 'y' })).toEqual({ all: [{ a: 'x' }, { b: 'y' }] });
    expect(allOf()).toEqual({});
  });

  it('selects exactly the entries matchesFacets selects (property, over generated pages)', () => {
    const pageArb = fc.record(
      Object.fromEntries(FACETS.map((f) => [f, fc.subarray([...allowed[f]], { maxLength: 3 })])) as Record<
        Facet,
        fc.Arbitrary<string[]>
      >,
    );
    const stateArb = fc.record({
      free: fc.boolean(),
      facets: fc.record(
        Object.fromEntries(FACETS.map((f) => [f, fc.subarray([...allowed[f]], { maxLength: 2 })])) as Record<
          Facet,
          fc.Arbitrary<string[]>
        >,
      ),
    });
    fc.assert(
      fc.property(pageArb, fc.boolean(), stateArb, (facets, free, partial) => {
        const state: FilterState = { ...emptyState(), ...partial };
        const page = { ...facets, free: free ? ['yes'] : [] };
        expect(matches(page, facetFilter(state))).toBe(matchesFacets(facets, free, state));
      }),
      { numRuns: 500 },
    );
  });

  it('"when" keeps certain keys and irregular timetables on one of the weekdays', () => {
    const plan = planWhen('today', at('2026-11-24'));
    expect(matches({ sched: ['w-tue'], day: ['tue'] }, whenFilter(plan))).toBe(true);
    expect(matches({ sched: ['m1-tue'], day: ['tue'] }, whenFilter(plan))).toBe(false);
    expect(matches({ sched: ['x'], day: ['tue'] }, whenFilter(plan))).toBe(true);
    expect(matches({ sched: ['x'], day: ['wed'] }, whenFilter(plan))).toBe(false);
    expect(matches({ sched: ['x'], day: ['tue'] }, certainFilter(plan))).toBe(false);
    expect(matches({ sched: ['mL-tue'], day: ['tue'] }, certainFilter(plan))).toBe(true);
  });
});

describe('ranking and counts', () => {
  it('fresh first, then stale or temporarily closed, then closed, keeping the order within each', () => {
    const card = (id: string, status: string, stale = false) => ({
      id,
      status: status as 'active',
      staleLabel: stale ? 'Checked over a year ago' : '',
    });
    const cards = [
      card('a', 'closed'),
      card('b', 'active'),
      card('c', 'active', true),
      card('d', 'temporarily-closed'),
      card('e', 'active'),
      card('f', 'closed', true),
    ];
    expect(byRank(cards).map((c) => c.id)).toEqual(['b', 'e', 'c', 'd', 'a', 'f']);
  });

  it('totals each value over the book', () => {
    const t = facetTotals([
      { facets: { ...emptyState().facets, day: ['tue', 'wed'] }, free: true },
      { facets: { ...emptyState().facets, day: ['tue'] }, free: false },
    ]);
    expect(t.day).toEqual({ tue: 2, wed: 1 });
    expect(t.free).toEqual({ yes: 1 });
    expect(t.category).toEqual({});
  });

  it('counts a filter with ticked values from the search without it', () => {
    const main = { day: { tue: 3, wed: 0 }, neighbourhood: { leigh: 3 }, free: { yes: 2 } };
    const withoutDay = { day: { tue: 3, wed: 5 }, neighbourhood: { leigh: 8 } };
    const c = facetCounts(main, { day: withoutDay });
    expect(c.day).toEqual({ tue: 3, wed: 5 });
    expect(c.neighbourhood).toEqual({ leigh: 3 });
    expect(c.free).toEqual({ yes: 2 });
    expect(c.language).toEqual({});
  });

  it('says the count in words', () => {
    expect(resultCountText(0)).toBe('No results');
    expect(resultCountText(1)).toBe('1 result');
    expect(resultCountText(1234)).toBe('1,234 results');
    expect(resultCountText(20, true)).toBe('At least 20 results');
  });
});

describe('result cards', () => {
  const meta = {
    title: 'Leigh Walk',
    id: 'leigh-walk',
    summary: 'A walk.',
    places: 'Leigh',
    cost: 'Free',
    status: 'active',
    verified: '2026-06-01',
    schedules: encodeSchedules([weekly(['tue'], { start: '10:00', end: '11:30', note: 'Bring boots' })]),
  };
  it('works out the next session at the moment of reading', () => {
    expect(toCard({ url: '/entries/leigh-walk/', meta }, at('2026-11-24', '09:00'), 12, 'england-and-wales').next).toBe(
      'Next: Today, 10am to 11:30am',
    );
    expect(toCard({ url: '/entries/leigh-walk/', meta }, at('2026-11-23'), 12, 'england-and-wales').next).toBe(
      'Next: Tomorrow, 10am to 11:30am',
    );
    expect(toCard({ url: '/entries/leigh-walk/', meta }, at('2026-11-24', '12:00'), 12, 'england-and-wales').next).toBe(
      'Next: Tuesday 1 December 2026, 10am to 11:30am',
    );

    // Boxing Day 2028 is a Tuesday: a bank holiday in England and Wales.
    expect(toCard({ url: '/entries/leigh-walk/', meta }, at('2028-12-20', '12:00'), 12, 'england-and-wales').next).toBe(
      'Next: Tuesday 26 December 2028, 10am to 11:30am (Boxing Day: check it is on)',
    );
    expect(toCard({ url: '/entries/leigh-walk/', meta }, at('2028-12-20', '12:00'), 12, 'none').next).toBe(
      'Next: Tuesday 26 December 2028, 10am to 11:30am',
    );
  });

  it('marks stale, temporarily closed and closed entries', () => {
    const fresh = toCard({ url: '/entries/leigh-walk/', meta }, at('2026-11-24'), 12, 'england-and-wales');
    expect(fresh).toMatchObject({ id: 'leigh-walk', name: 'Leigh Walk', statusLabel: '', staleLabel: '' });
    const stale = toCard(
      { url: '/entries/leigh-walk/', meta: { ...meta, verified: '2025-06-01' } },
      at('2026-11-24'),
      12,
      'england-and-wales',
    );
    expect(stale.staleLabel).toBe('Checked over a year ago');
    expect(
      toCard({ url: '/x/', meta: { ...meta, verified: '2025-06-01' } }, at('2026-11-24'), 18, 'england-and-wales')
        .staleLabel,
    ).toBe('');
    expect(
      toCard({ url: '/x/', meta: { ...meta, status: 'temporarily-closed' } }, at('2026-11-24'), 12, 'england-and-wales')
        .statusLabel,
    ).toBe('Temporarily closed');
    const closed = toCard(
      { url: '/x/', meta: { ...meta, status: 'closed' } },
      at('2026-11-24'),
      12,
      'england-and-wales',
    );
    expect(closed).toMatchObject({ statusLabel: 'Closed', next: 'No longer meets' });
    expect(
      toCard({ url: '/x/', meta: { ...meta, status: '<script>' } }, at('2026-11-24'), 12, 'england-and-wales').status,
    ).toBe('active');
    expect(
      toCard({ url: '/x/', meta: { ...meta, schedules: '[]' } }, at('2026-11-24'), 12, 'england-and-wales').next,
    ).toBe('By arrangement');
  });
});

describe('the index fields of an entry', () => {
  const schema = makeEntrySchema({
    bounds: [
      [53.42, -2.76],
      [53.63, -2.4],
    ],
    categoryIds: new Set(['walking', 'health']),
    neighbourhoodIds: new Set(['leigh', 'hindley']),
  });
  const entry = schema.parse({
    name: 'Walk',
    summary: 'A walk.',
    categories: ['walking'],
    neighbourhoods: ['leigh'],
    join: ['drop-in'],
    delivery: ['online'],
    contacts: [{ email: 'a@example.org' }],
    last_verified: '2026-01-01',
    schedules: [{ weekly: ['tue'], start: '10:00' }, { dates: ['2026-12-12'] }],
    cost: { free: true },
  });
  it('adds free, status and schedule keys to the facets', () => {
    const f = indexFilters(entry, {
      parentOf: (c) => (c === 'walking' ? 'health' : undefined),
      neighbourhoods: ['leigh', 'hindley'],
    });
    expect(f.category.sort()).toEqual(['health', 'walking']);
    expect(f.free).toEqual(['yes']);
    expect(f.status).toEqual(['active']);
    expect(f.verified).toBeUndefined();
    expect(f.sched).toEqual(['w-tue', 'x']);
    expect(f.day).toEqual(['tue', 'sat']);
  });
});

describe('active filters in words', () => {
  const allowed = facetValues({ categories: ['walking'], neighbourhoods: ['leigh'] });
  const labels = Object.fromEntries(FACETS.map((f) => [f, {}])) as FilterLabels;
  labels.day = { tue: 'Tuesday', thu: 'Thursday' };
  it('lists each active part and removes one at a time', () => {
    let s = toggle(toggle(emptyState(), 'day', 'tue', allowed), 'day', 'thu', allowed);
    s = { ...s, q: 'walk', when: 'today', free: true };
    const a = activeFilters(s, labels);
    expect(a.map((x) => x.text)).toEqual(['Words: “walk”', 'On today', 'Day: Tuesday or Thursday', 'Free only']);
    expect(withoutFilter(s, 'day').facets.day).toEqual([]);
    expect(withoutFilter(s, 'q').q).toBe('');
    expect(withoutFilter(s, 'when').when).toBe('');
    expect(withoutFilter(s, 'free').free).toBe(false);
  });
});
