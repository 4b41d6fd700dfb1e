/**
 * The state of a search or a map view, and its URL form:
 * `/search/?q=walk&neighbourhood=leigh&day=tue&day=thu&cost=free&when=today`.
 *
 * Values may repeat the parameter or be comma-separated; unknown values are dropped, and the
 * values come back in the registry's order, so one search has one URL. How several values of one
 * filter combine is the registry's `combine` (a `one` filter keeps only its first value);
 * different filters always combine with AND. `free=1`, from links made before cost bands, reads
 * as `cost=free`.
 */
import { FACETS, FACET_SPECS, type Facet } from './registry';
import { FREE_BAND } from './cost';
import { isListId } from '../../schema/ids';
import { WHEN, type When } from '../schedule/when';

export interface FilterState {
  q: string;
  /** On today / this week, worked out in the browser from the schedule rules. */
  when: When | '';
  /** Centre the map on one entry's venues (`/map/?entry=<id>`). */
  entry: string;
  /** The order of results: best match (empty), or soonest first (`sort=soonest`). */
  sort: Sort;
  facets: Record<Facet, string[]>;
}

/** The orders a search can list results in, beyond best match (the default, empty). */
export const SORTS = ['soonest'] as const;
export type Sort = (typeof SORTS)[number] | '';

export function emptyState(): FilterState {
  return {
    q: '',
    when: '',
    entry: '',
    sort: '',
    facets: Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as Record<Facet, string[]>,
  };
}

/** Reads a filter state from a query string. Unknown parameters and values are ignored. */
export function parseQuery(search: string | URLSearchParams, allowed: Record<Facet, readonly string[]>): FilterState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const state = emptyState();
  state.q = (params.get('q') ?? '').trim().slice(0, 200);
  const when = params.get('when') ?? '';
  state.when = (WHEN as readonly string[]).includes(when) ? (when as When) : '';
  const entry = params.get('entry') ?? '';
  // A book's own id, or in a region's map a member's entry (`wigan.food-bank`).
  state.entry = isListId(entry) ? entry : '';
  const sort = params.get('sort') ?? '';
  state.sort = (SORTS as readonly string[]).includes(sort) ? (sort as Sort) : '';
  for (const facet of FACETS) {
    const raw = params
      .getAll(facet)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim().toLowerCase());
    if (facet === 'cost' && raw.length === 0 && ['1', 'true', 'yes', 'on'].includes(params.get('free') ?? ''))
      raw.push(FREE_BAND);
    const set = new Set(raw);
    // Keep the canonical order of the allowed values, so one search has one URL.
    const values = allowed[facet].filter((v) => set.has(v));
    state.facets[facet] = FACET_SPECS[facet].combine === 'one' ? values.slice(0, 1) : values;
  }
  return state;
}

/** The query string for a state (without `?`), empty parts left out, in a fixed order. */
export function toQuery(state: FilterState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const facet of FACETS) for (const v of state.facets[facet]) params.append(facet, v);
  if (state.when) params.set('when', state.when);
  if (state.entry) params.set('entry', state.entry);
  if (state.sort) params.set('sort', state.sort);
  return params.toString();
}

/** True when no words and no filter are set (`entry` only centres the map and `sort` orders, so they do not count). */
export function isEmpty(state: FilterState): boolean {
  return !state.q.trim() && !state.when && FACETS.every((f) => state.facets[f].length === 0);
}

/**
 * A copy of the state with one value of a facet turned on or off; for a `one` facet, that value
 * chosen instead of any other (or none, with `value` empty).
 */
export function toggle(
  state: FilterState,
  facet: Facet,
  value: string,
  allowed: Record<Facet, readonly string[]>,
): FilterState {
  if (FACET_SPECS[facet].combine === 'one')
    return { ...state, facets: { ...state.facets, [facet]: allowed[facet].includes(value) ? [value] : [] } };
  const current = new Set(state.facets[facet]);
  if (current.has(value)) current.delete(value);
  else current.add(value);
  return { ...state, facets: { ...state.facets, [facet]: allowed[facet].filter((v) => current.has(v)) } };
}

/** How many filter values are chosen, counting "on today" / "this week" as one (words aside). */
export function selectedCount(state: FilterState): number {
  return FACETS.reduce((n, f) => n + state.facets[f].length, 0) + (state.when ? 1 : 0);
}
