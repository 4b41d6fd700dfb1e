import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ageBands, entryFacets, matchesFacets } from '../../../src/lib/filters/facets';
import { emptyState, isEmpty, parseQuery, toggle, toQuery } from '../../../src/lib/filters/state';
import { facetValues, FACETS, FACET_SPECS } from '../../../src/lib/filters/registry';
import { makeEntrySchema } from '../../../src/schema';

const allowed = facetValues({
  categories: ['walking', 'health', 'food', 'money'],
  neighbourhoods: ['leigh', 'hindley'],
  costBands: [3, 5],
});

describe('URL <-> filter state', () => {
  it('reads the documented example', () => {
    const s = parseQuery('?q=walk&neighbourhood=hindley&day=tue', allowed);
    expect(s.q).toBe('walk');
    expect(s.facets.neighbourhood).toEqual(['hindley']);
    expect(s.facets.day).toEqual(['tue']);
  });
  it('accepts repeated and comma-separated values, normalises order, drops unknown values', () => {
    const s = parseQuery('day=thu&day=mon,nonsense&category=FOOD&cost=up-to-3&when=today&bogus=1', allowed);
    expect(s.facets.day).toEqual(['mon', 'thu']);
    expect(s.facets.category).toEqual(['food']);
    expect(s.facets.cost).toEqual(['up-to-3']);
    expect(s.when).toBe('today');
    expect(toQuery(s)).toBe('category=food&day=mon&day=thu&cost=up-to-3&when=today');
  });
  it('reads an old link\'s free=1 as the cost band "free", and keeps one cost band only', () => {
    expect(parseQuery('free=1', allowed).facets.cost).toEqual(['free']);
    expect(toQuery(parseQuery('free=1', allowed))).toBe('cost=free');
    expect(parseQuery('cost=up-to-5&cost=up-to-3', allowed).facets.cost).toEqual(['up-to-3']);
    expect(parseQuery('cost=up-to-4', allowed).facets.cost).toEqual([]);
  });
  it('rejects a malformed entry id and an unknown when', () => {
    const s = parseQuery('entry=<script>&when=yesterday', allowed);
    expect(s.entry).toBe('');
    expect(s.when).toBe('');
    expect(isEmpty(s)).toBe(true);
  });
  it('round-trips any state it produces', () => {
    const stateArb = fc.record({
      q: fc.string({ maxLength: 30 }).map((q) => q.trim()),
      when: fc.constantFrom('', 'today', 'week'),
      facets: fc.record(
        Object.fromEntries(
          FACETS.map((f) => [
            f,
            fc.subarray([...allowed[f]], { maxLength: FACET_SPECS[f].combine === 'one' ? 1 : undefined }),
          ]),
        ) as Record<(typeof FACETS)[number], fc.Arbitrary<string[]>>,
      ),
    });
    fc.assert(
      fc.property(stateArb, (partial) => {
        const state = { ...emptyState(), ...partial } as ReturnType<typeof emptyState>;
        const back = parseQuery(toQuery(state), allowed);
        expect(back).toEqual(state);
      }),
    );
  });
  it('toggles values on and off', () => {
    let s = toggle(emptyState(), 'day', 'fri', allowed);
    s = toggle(s, 'day', 'mon', allowed);
    expect(s.facets.day).toEqual(['mon', 'fri']);
    s = toggle(s, 'day', 'mon', allowed);
    expect(s.facets.day).toEqual(['fri']);
  });
  it('chooses one cost band at a time, and none with an empty value', () => {
    let s = toggle(emptyState(), 'cost', 'up-to-5', allowed);
    s = toggle(s, 'cost', 'free', allowed);
    expect(s.facets.cost).toEqual(['free']);
    expect(toggle(s, 'cost', '', allowed).facets.cost).toEqual([]);
  });
});

describe('entry facets', () => {
  const schema = makeEntrySchema({
    bounds: [
      [53.42, -2.76],
      [53.63, -2.4],
    ],
    categoryIds: new Set(['walking', 'health', 'food', 'money']),
    neighbourhoodIds: new Set(['leigh', 'hindley']),
  });
  const base = {
    name: 'Walk',
    summary: 'A walk.',
    categories: ['walking'],
    neighbourhoods: ['borough-wide'],
    join: ['drop-in'],
    delivery: ['online'],
    contacts: [{ email: 'a@example.org' }],
    last_verified: '2026-01-01',
    min_age: 60,
    schedules: [{ weekly: ['tue', 'sat'], start: '10:00', end: '13:00' }],
    cost: { free: true },
  };
  const parentOf = (c: string) => ({ walking: 'health', food: 'money' })[c];
  it('adds parent categories, spreads borough-wide over every neighbourhood, and derives days, times and ages', () => {
    const f = entryFacets(schema.parse(base), { parentOf, neighbourhoods: ['leigh', 'hindley'], costBands: [3, 5] });
    expect(f.category.sort()).toEqual(['health', 'walking']);
    expect(f.neighbourhood).toEqual(['leigh', 'hindley', 'borough-wide']);
    expect(f.day).toEqual(['tue', 'sat']);
    expect(f.time).toEqual(['morning', 'afternoon']);
    expect(f.age).toEqual(['18-64', '65-plus']);
  });
  it('ORs values within a filter and ANDs across filters', () => {
    const f = entryFacets(schema.parse(base), { parentOf, neighbourhoods: ['leigh', 'hindley'], costBands: [3, 5] });
    const q = (s: string) => parseQuery(s, allowed);
    expect(matchesFacets(f, q('day=mon,tue'))).toBe(true);
    expect(matchesFacets(f, q('day=mon,wed'))).toBe(false);
    expect(matchesFacets(f, q('day=tue&category=food'))).toBe(false);
    expect(matchesFacets(f, q('day=tue&category=health&neighbourhood=leigh'))).toBe(true);
    expect(matchesFacets(f, q('cost=free'))).toBe(true);
  });
  it('accessibility features combine with AND: a person needs all of them', () => {
    const ctx = { parentOf, neighbourhoods: ['leigh', 'hindley'], costBands: [3, 5] };
    const both = entryFacets(schema.parse({ ...base, accessibility: ['step-free', 'accessible-toilet'] }), ctx);
    const one = entryFacets(schema.parse({ ...base, accessibility: ['step-free'] }), ctx);
    const q = parseQuery('access=step-free,accessible-toilet', allowed);
    expect(matchesFacets(both, q)).toBe(true);
    expect(matchesFacets(one, q)).toBe(false);
    expect(matchesFacets(one, parseQuery('access=step-free', allowed))).toBe(true);
  });
  it('maps age ranges to overlapping bands', () => {
    expect(ageBands(0, 3)).toEqual(['under-5']);
    expect(ageBands(11, 13)).toEqual(['5-11', '12-17']);
    expect(ageBands()).toEqual(['under-5', '5-11', '12-17', '18-64', '65-plus']);
  });
});
