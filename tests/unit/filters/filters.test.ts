import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ageBands, entryFacets, matchesFacets } from '../../../src/lib/filters/facets';
import { emptyState, isEmpty, parseQuery, toggle, toQuery } from '../../../src/lib/filters/state';
import { facetValues, FACETS } from '../../../src/lib/filters/registry';
import { makeEntrySchema } from '../../../src/schema';

const allowed = facetValues({
  categories: ['walking', 'health', 'food', 'money'],
  neighbourhoods: ['leigh', 'hindley'],
});

describe('URL <-> filter state', () => {
  it('reads the documented example', () => {
    const s = parseQuery('?q=walk&neighbourhood=hindley&day=tue', allowed);
    expect(s.q).toBe('walk');
    expect(s.facets.neighbourhood).toEqual(['hindley']);
    expect(s.facets.day).toEqual(['tue']);
  });
  it('accepts repeated and comma-separated values, normalises order, drops unknown values', () => {
    const s = parseQuery('day=thu&day=mon,nonsense&category=FOOD&free=1&when=today&bogus=1', allowed);
    expect(s.facets.day).toEqual(['mon', 'thu']);
    expect(s.facets.category).toEqual(['food']);
    expect(s.free).toBe(true);
    expect(s.when).toBe('today');
    expect(toQuery(s)).toBe('category=food&day=mon&day=thu&free=1&when=today');
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
      free: fc.boolean(),
      when: fc.constantFrom('', 'today', 'week'),
      facets: fc.record(
        Object.fromEntries(FACETS.map((f) => [f, fc.subarray([...allowed[f]])])) as Record<
          (typeof FACETS)[number],
          fc.Arbitrary<string[]>
        >,
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
    const f = entryFacets(schema.parse(base), { parentOf, neighbourhoods: ['leigh', 'hindley'] });
    expect(f.category.sort()).toEqual(['health', 'walking']);
    expect(f.neighbourhood).toEqual(['leigh', 'hindley', 'borough-wide']);
    expect(f.day).toEqual(['tue', 'sat']);
    expect(f.time).toEqual(['morning', 'afternoon']);
    expect(f.age).toEqual(['18-64', '65-plus']);
  });
  it('ORs values within a filter and ANDs across filters', () => {
    const f = entryFacets(schema.parse(base), { parentOf, neighbourhoods: ['leigh', 'hindley'] });
    const q = (s: string) => parseQuery(s, allowed);
    expect(matchesFacets(f, true, q('day=mon,tue'))).toBe(true);
    expect(matchesFacets(f, true, q('day=mon,wed'))).toBe(false);
    expect(matchesFacets(f, true, q('day=tue&category=food'))).toBe(false);
    expect(matchesFacets(f, true, q('day=tue&category=health&neighbourhood=leigh'))).toBe(true);
    expect(matchesFacets(f, false, q('free=1'))).toBe(false);
  });
  it('maps age ranges to overlapping bands', () => {
    expect(ageBands(0, 3)).toEqual(['under-5']);
    expect(ageBands(11, 13)).toEqual(['5-11', '12-17']);
    expect(ageBands()).toEqual(['under-5', '5-11', '12-17', '18-64', '65-plus']);
  });
});
