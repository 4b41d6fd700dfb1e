/**
 * Search and map filters: the state, its URL form, and the facet values of an entry.
 * Pure and shared by the search page, the map and the build (which writes the facet values
 * into the search index and the map data), so all three always agree.
 *
 * URL form: `/search/?q=walk&neighbourhood=leigh&day=tue&day=thu&free=1&when=today`.
 * Several values of one filter mean OR; different filters mean AND. Values may repeat the
 * parameter or be comma-separated. Unknown values are dropped; the order of values is normalised
 * so one search has one URL.
 */
import {
  ACCESSIBILITY,
  AUDIENCES,
  BOROUGH_WIDE,
  DAYS,
  DELIVERY_MODES,
  JOIN_ROUTES,
  LANGUAGE_CODES,
  type Day,
} from '../../schema/vocab';
// Types only, and the vocab directly (not the schema index): browser bundles using filters stay free of zod.
import type { EntryData, Schedule } from '../../schema/entry';
import { daysOfWeek, londonDate, occursOn, timesOfDay } from '../schedule/schedule';

export const TIMES = ['morning', 'afternoon', 'evening'] as const;
export type TimeOfDay = (typeof TIMES)[number];
export const TIME_LABELS: Record<TimeOfDay, string> = {
  morning: 'Morning (before 12)',
  afternoon: 'Afternoon (12 to 5)',
  evening: 'Evening (after 5)',
};

/** Age bands a person falls in; an entry matches a band when its age range overlaps it. */
export const AGE_BANDS = {
  'under-5': [0, 4],
  '5-11': [5, 11],
  '12-17': [12, 17],
  '18-64': [18, 64],
  '65-plus': [65, 120],
} as const;
export type AgeBand = keyof typeof AGE_BANDS;
export const AGE_BAND_IDS = Object.keys(AGE_BANDS) as AgeBand[];
export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  'under-5': 'Under 5',
  '5-11': '5 to 11',
  '12-17': '12 to 17',
  '18-64': 'Adults 18 to 64',
  '65-plus': '65 and over',
};

export const WHEN = ['today', 'week'] as const;
export type When = (typeof WHEN)[number];

/**
 * The London dates a "when" filter covers at the moment `now`: today for `today`, today and the
 * six days after for `week`, none without one. The search and the map both use this.
 */
export function whenDates(when: When | '' | undefined, now: Date): string[] {
  if (!when) return [];
  const start = Date.parse(`${londonDate(now)}T12:00:00Z`);
  return Array.from({ length: when === 'today' ? 1 : 7 }, (_, i) =>
    new Date(start + i * 86_400_000).toISOString().slice(0, 10),
  );
}

/** True when any of the schedules has a session on one of the dates. */
export function meetsOnAny(schedules: readonly Schedule[], dates: readonly string[]): boolean {
  return dates.some((date) => schedules.some((s) => occursOn(s, date)));
}

/** The multi-valued filters, in display order, with the URL parameter each uses. */
export const FACETS = [
  'category',
  'neighbourhood',
  'day',
  'time',
  'age',
  'audience',
  'join',
  'delivery',
  'access',
  'language',
] as const;
export type Facet = (typeof FACETS)[number];

export interface FilterState {
  q: string;
  /** `true`: only free entries. */
  free: boolean;
  /** On today / this week, worked out in the browser from the schedule rules. */
  when: When | '';
  /** Centre the map on one entry's venues (`/map/?entry=<id>`). */
  entry: string;
  facets: Record<Facet, string[]>;
}

export function emptyState(): FilterState {
  return {
    q: '',
    free: false,
    when: '',
    entry: '',
    facets: Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as Record<Facet, string[]>,
  };
}

/** Allowed values of each facet; category and neighbourhood come from the content. */
export function facetValues(known: {
  categories: readonly string[];
  neighbourhoods: readonly string[];
}): Record<Facet, readonly string[]> {
  return {
    category: known.categories,
    neighbourhood: [...known.neighbourhoods, BOROUGH_WIDE],
    day: DAYS,
    time: TIMES,
    age: AGE_BAND_IDS,
    audience: AUDIENCES,
    join: JOIN_ROUTES,
    delivery: DELIVERY_MODES,
    access: ACCESSIBILITY,
    language: LANGUAGE_CODES,
  };
}

/** Reads a filter state from a query string. Unknown parameters and values are ignored. */
export function parseQuery(search: string | URLSearchParams, allowed: Record<Facet, readonly string[]>): FilterState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const state = emptyState();
  state.q = (params.get('q') ?? '').trim().slice(0, 200);
  state.free = ['1', 'true', 'yes', 'on'].includes(params.get('free') ?? '');
  const when = params.get('when') ?? '';
  state.when = (WHEN as readonly string[]).includes(when) ? (when as When) : '';
  const entry = params.get('entry') ?? '';
  state.entry = /^[a-z0-9-]{1,120}$/.test(entry) ? entry : '';
  for (const facet of FACETS) {
    const raw = params
      .getAll(facet)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim().toLowerCase());
    const set = new Set(raw);
    // Keep the canonical order of the allowed values, so one search has one URL.
    state.facets[facet] = allowed[facet].filter((v) => set.has(v));
  }
  return state;
}

/** The query string for a state (without `?`), empty parts left out, in a fixed order. */
export function toQuery(state: FilterState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const facet of FACETS) for (const v of state.facets[facet]) params.append(facet, v);
  if (state.free) params.set('free', '1');
  if (state.when) params.set('when', state.when);
  if (state.entry) params.set('entry', state.entry);
  return params.toString();
}

/** True when no filter or query is set. */
export function isEmpty(state: FilterState): boolean {
  return (
    !state.q.trim() && !state.free && !state.when && !state.entry && FACETS.every((f) => state.facets[f].length === 0)
  );
}

/** A copy of the state with one value of a facet turned on or off. */
export function toggle(
  state: FilterState,
  facet: Facet,
  value: string,
  allowed: Record<Facet, readonly string[]>,
): FilterState {
  const current = new Set(state.facets[facet]);
  if (current.has(value)) current.delete(value);
  else current.add(value);
  return { ...state, facets: { ...state.facets, [facet]: allowed[facet].filter((v) => current.has(v)) } };
}

/** The age bands an age range overlaps. */
export function ageBands(min = 0, max = 120): AgeBand[] {
  return AGE_BAND_IDS.filter((band) => {
    const [lo, hi] = AGE_BANDS[band];
    return min <= hi && max >= lo;
  });
}

/**
 * The facet values of one entry, as written into the search index and the map data.
 * `category` includes parent categories, so choosing "Money" finds "Debt advice" entries.
 * Borough-wide entries are in every neighbourhood.
 */
export function entryFacets(
  data: EntryData,
  ctx: { parentOf: (category: string) => string | undefined; neighbourhoods: readonly string[] },
): Record<Facet, string[]> {
  const categories = new Set<string>();
  for (const c of data.categories) {
    categories.add(c);
    const parent = ctx.parentOf(c);
    if (parent) categories.add(parent);
  }
  const days = new Set<Day>();
  const times = new Set<TimeOfDay>();
  for (const s of data.schedules) {
    daysOfWeek(s).forEach((d) => days.add(d));
    timesOfDay(s).forEach((t) => times.add(t));
  }
  const boroughWide = data.neighbourhoods.includes(BOROUGH_WIDE);
  return {
    category: [...categories],
    neighbourhood: boroughWide ? [...ctx.neighbourhoods, BOROUGH_WIDE] : [...data.neighbourhoods],
    day: DAYS.filter((d) => days.has(d)),
    time: TIMES.filter((t) => times.has(t)),
    age: ageBands(data.min_age, data.max_age),
    audience: [...data.audience],
    join: [...data.join],
    delivery: [...data.delivery],
    access: [...data.accessibility],
    language: [...data.languages],
  };
}

/** True when an entry with these facet values (and cost) matches the state's filters (not `q`, not `when`). */
export function matchesFacets(facets: Record<Facet, readonly string[]>, free: boolean, state: FilterState): boolean {
  if (state.free && !free) return false;
  return FACETS.every((facet) => {
    const wanted = state.facets[facet];
    return wanted.length === 0 || wanted.some((v) => facets[facet].includes(v));
  });
}
