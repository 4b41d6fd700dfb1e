import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  activeFilters,
  facetCounts,
  countsWithout,
  byRank,
  facetTotals,
  resultCountText,
  toCard,
  withoutFilter,
  type FilterLabels,
} from '../../../src/lib/search/results';
import {
  allOf,
  certainDayFilter,
  dayFilter,
  facetFilter,
  whenFilter,
  type PagefindFilter,
} from '../../../src/lib/search/query';
import { encodeSchedules } from '../../../src/lib/schedule/code';
import { indexFilters, indexSorts } from '../../../src/lib/search/index-fields';
import { meetsOn, planWhen } from '../../../src/lib/schedule/when';
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
 * one of them; `{ key: { all: [...] } }` when it has all of them; `{ any: [objects] }` when one
 * object matches; `{ all: [objects] }` when all do.
 */
function matches(page: Record<string, string[]>, filter: PagefindFilter): boolean {
  return Object.entries(filter).every(([key, value]) => {
    if (key === 'any') return (value as PagefindFilter[]).some((f) => matches(page, f));
    if (key === 'all') return (value as PagefindFilter[]).every((f) => matches(page, f));
    if (typeof value === 'string') return (page[key] ?? []).includes(value);
    const { any, all } = value as { any?: string[]; all?: string[] };
    if (all) return all.every((v) => (page[key] ?? []).includes(v));
    return any!.some((v) => (page[key] ?? []).includes(v));
  });
}

describe('filter state to Pagefind filters', () => {
  const allowed = facetValues({
    categories: ['walking', 'health', 'food'],
    neighbourhoods: ['leigh', 'hindley'],
    costBands: [3, 5],
  });
  let s = toggle(emptyState(), 'day', 'tue', allowed);
  s = toggle(s, 'day', 'thu', allowed);
  s = toggle(s, 'neighbourhood', 'leigh', allowed);
  s = toggle(s, 'cost', 'up-to-3', allowed);

  it('values within a filter are OR (any), accessibility is AND (all), filters are AND, a cost band is a value', () => {
    expect(facetFilter(s)).toEqual({
      neighbourhood: { any: ['leigh'] },
      day: { any: ['tue', 'thu'] },
      cost: { any: ['up-to-3'] },
    });
    expect(facetFilter(s, 'day')).toEqual({ neighbourhood: { any: ['leigh'] }, cost: { any: ['up-to-3'] } });
    expect(facetFilter(s, 'cost')).toEqual({ neighbourhood: { any: ['leigh'] }, day: { any: ['tue', 'thu'] } });
    const access = toggle(toggle(emptyState(), 'access', 'step-free', allowed), 'access', 'accessible-toilet', allowed);
    expect(facetFilter(access)).toEqual({ access: { all: ['step-free', 'accessible-toilet'] } });
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
      facets: fc.record(
        Object.fromEntries(FACETS.map((f) => [f, fc.subarray([...allowed[f]], { maxLength: 2 })])) as Record<
          Facet,
          fc.Arbitrary<string[]>
        >,
      ),
    });
    fc.assert(
      fc.property(pageArb, stateArb, (facets, partial) => {
        const state: FilterState = { ...emptyState(), ...partial };
        expect(matches(facets, facetFilter(state))).toBe(matchesFacets(facets, state));
      }),
      { numRuns: 500 },
    );
  });

  it('"when" keeps certain keys and irregular timetables on one of the weekdays', () => {
    const plan = planWhen('week', at('2026-11-24'));
    const [, wed] = plan.byDate;
    expect(matches({ sched: ['w-wed'], day: ['wed'] }, whenFilter(plan))).toBe(true);
    expect(matches({ sched: ['x'], day: ['wed'] }, dayFilter(wed))).toBe(true);
    expect(matches({ sched: ['x'], day: ['thu'] }, dayFilter(wed))).toBe(false);
    expect(matches({ sched: ['x'], day: ['wed'] }, certainDayFilter(wed)!)).toBe(false);
    expect(matches({ sched: ['m4-wed'], day: ['wed'] }, certainDayFilter(wed)!)).toBe(true);
    expect(matches({ sched: ['m1-wed'], day: ['wed'] }, dayFilter(wed))).toBe(false);
  });

  it('"on today" asks only for sessions still going this hour, and is sure of those going on after the next', () => {
    const today = planWhen('today', at('2026-11-24', '19:10')).byDate[0];
    expect(today.fromHour).toBe(19);
    const page = (ends: string[]) => ({ sched: ['w-tue'], day: ['tue'], 'ends-tue': ends });
    const hours = (n: number) => Array.from({ length: n }, (_, h) => String(h));
    expect(matches(page(hours(12)), dayFilter(today))).toBe(false); // over at 11:30
    expect(matches(page(hours(20)), dayFilter(today))).toBe(true); // ends 19:30: may still be on
    expect(matches(page(hours(20)), certainDayFilter(today)!)).toBe(false);
    expect(matches(page(hours(21)), certainDayFilter(today)!)).toBe(true); // still going at 20:00
    expect(certainDayFilter(planWhen('today', at('2026-11-24', '23:20')).byDate[0])).toBeUndefined();
  });

  it('the index keys give exactly what the browser check gives, for "on today" at any hour (property)', () => {
    const schema = makeEntrySchema({
      bounds: [
        [53.42, -2.76],
        [53.63, -2.4],
      ],
      categoryIds: new Set(['walking']),
      neighbourhoodIds: new Set(['leigh']),
    });
    const timeArb = fc
      .integer({ min: 0, max: 47 })
      .map((h) => `${String(Math.floor(h / 2)).padStart(2, '0')}:${h % 2 ? '30' : '00'}`);
    const ruleArb = fc.record({
      weekly: fc.subarray(['mon', 'tue', 'wed'], { minLength: 1 }),
      start: timeArb,
      length: fc.integer({ min: 1, max: 8 }),
    });
    let checked = 0;
    fc.assert(
      fc.property(
        fc.array(ruleArb, { minLength: 1, maxLength: 2 }),
        fc.integer({ min: 0, max: 23 * 60 + 59 }),
        fc.constantFrom('active', 'temporarily-closed', 'closed'),
        (rules, minute, status) => {
          const schedules = rules.map((r) => {
            const end = Math.min(
              23 * 60 + 59,
              Number(r.start.slice(0, 2)) * 60 + Number(r.start.slice(3)) + r.length * 30,
            );
            return {
              weekly: r.weekly,
              start: r.start,
              end: `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`,
            };
          });
          const data = schema.safeParse({
            name: 'Walk',
            summary: 'A walk.',
            categories: ['walking'],
            neighbourhoods: ['leigh'],
            join: ['drop-in'],
            delivery: ['in-person'],
            venues: [{ name: 'Hall', address: '1 Road', postcode: 'WN1 1AA', lat: 53.5, lng: -2.5 }],
            contacts: [{ email: 'a@example.org' }],
            last_verified: '2026-01-01',
            status,
            schedules,
          });
          if (!data.success) throw new Error(data.error.message);
          checked++;
          const now = new Date(Date.UTC(2026, 10, 24, 0, minute)); // Tuesday, London on UTC
          const day = planWhen('today', now).byDate[0];
          const page = indexFilters(data.data, {
            parentOf: () => undefined,
            neighbourhoods: ['leigh'],
            costBands: [3],
          });
          const meets = meetsOn(data.data, data.data.schedules, day.date, now);
          // The index never leaves out a group that meets; when it is sure, the group meets.
          if (meets) expect(matches(page, dayFilter(day))).toBe(true);
          const sure = certainDayFilter(day);
          if (sure && matches(page, sure)) expect(meets).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
    expect(checked).toBe(400);
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
      { ...emptyState().facets, day: ['tue', 'wed'], cost: ['free', 'up-to-3'] },
      { ...emptyState().facets, day: ['tue'] },
    ]);
    expect(t.day).toEqual({ tue: 2, wed: 1 });
    expect(t.cost).toEqual({ free: 1, 'up-to-3': 1 });
    expect(t.category).toEqual({});
  });

  it('counts an OR filter with ticked values from the search without it, an AND filter from the search itself', () => {
    const main = { day: { tue: 3, wed: 0 }, neighbourhood: { leigh: 3 }, access: { 'step-free': 3, parking: 1 } };
    const withoutDay = { day: { tue: 3, wed: 5 }, neighbourhood: { leigh: 8 } };
    const withoutAccess = { access: { 'step-free': 9, parking: 6 } };
    const c = facetCounts(main, { day: withoutDay, access: withoutAccess });
    expect(c.day).toEqual({ tue: 3, wed: 5 });
    expect(c.neighbourhood).toEqual({ leigh: 3 });
    // "Has all of these": ticking parking too would leave the one result that has both.
    expect(c.access).toEqual({ 'step-free': 3, parking: 1 });
    expect(c.language).toEqual({});
    expect(countsWithout('access')).toBe(false);
    expect(countsWithout('day')).toBe(true);
    expect(countsWithout('cost')).toBe(true);
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
  const ctx = {
    parentOf: (c: string) => (c === 'walking' ? 'health' : undefined),
    neighbourhoods: ['leigh', 'hindley'],
    costBands: [3, 5],
  };
  it('adds cost bands, status, schedule keys and the hours still to go to the facets', () => {
    const f = indexFilters(entry, ctx);
    expect(f.category.sort()).toEqual(['health', 'walking']);
    expect(f.cost).toEqual(['free', 'up-to-3', 'up-to-5']);
    expect(f.status).toEqual(['active']);
    expect(f.verified).toBeUndefined();
    expect(f.sched).toEqual(['w-tue', 'x']);
    expect(f.day).toEqual(['tue', 'sat']);
    // Tuesday from 10:00 (no end): going until it starts. Saturday 12 December: no times, all day.
    expect(f['ends-tue']).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(f['ends-sat']).toHaveLength(24);
    expect(indexSorts(entry)).toEqual({ 'start-tue': '1000', 'start-sat': '0000' });
  });
  it('a closed group, or one closed with no reopening day, has no "when" keys; one that reopens is checked', () => {
    const closed = indexFilters({ ...entry, status: 'closed' }, ctx);
    expect(closed.sched).toEqual([]);
    expect(closed['ends-tue']).toBeUndefined();
    expect(indexFilters({ ...entry, status: 'temporarily-closed' }, ctx).sched).toEqual([]);
    const reopening = indexFilters({ ...entry, status: 'temporarily-closed', reopens: '2026-12-08' }, ctx);
    expect(reopening.sched).toEqual(['x']);
    expect(reopening['ends-tue']).toBeDefined();
    expect(indexSorts({ ...entry, status: 'closed' })).toEqual({});
  });
});

describe('active filters in words', () => {
  const allowed = facetValues({ categories: ['walking'], neighbourhoods: ['leigh'], costBands: [3] });
  const labels = Object.fromEntries(FACETS.map((f) => [f, {}])) as FilterLabels;
  labels.day = { tue: 'Tuesday', thu: 'Thursday' };
  labels.access = { 'step-free': 'Step-free access', 'accessible-toilet': 'Accessible toilet' };
  labels.cost = { free: 'Free' };
  it('lists each active part and removes one at a time', () => {
    let s = toggle(toggle(emptyState(), 'day', 'tue', allowed), 'day', 'thu', allowed);
    s = toggle(toggle(s, 'access', 'step-free', allowed), 'access', 'accessible-toilet', allowed);
    s = { ...toggle(s, 'cost', 'free', allowed), q: 'walk', when: 'today' };
    const a = activeFilters(s, labels);
    expect(a.map((x) => x.text)).toEqual([
      'Words: “walk”',
      'On today',
      'Day: Tuesday or Thursday',
      'Accessibility: Step-free access and Accessible toilet',
      'Cost: Free',
    ]);
    expect(withoutFilter(s, 'day').facets.day).toEqual([]);
    expect(withoutFilter(s, 'q').q).toBe('');
    expect(withoutFilter(s, 'when').when).toBe('');
    expect(withoutFilter(s, 'cost').facets.cost).toEqual([]);
  });
});
