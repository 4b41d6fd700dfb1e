/**
 * The facet values of an entry, as the search index and the map data carry them, and whether
 * an entry's values match a filter state. The build writes them and the browser reads them, so
 * search, map and counts always agree.
 */
import { BOROUGH_WIDE, DAYS, type Day } from '../../schema/vocab';
import type { EntryData } from '../../schema/entry';
import { daysOfWeek, timesOfDay } from '../schedule/occurrences';
import {
  AGE_BANDS,
  AGE_BAND_IDS,
  FACETS,
  FACET_SPECS,
  TIMES,
  type AgeBand,
  type Facet,
  type TimeOfDay,
} from './registry';
import type { FilterState } from './state';
import { entryCostBands } from './cost';

/** The age bands an age range overlaps. */
export function ageBands(min = 0, max = 120): AgeBand[] {
  return AGE_BAND_IDS.filter((band) => {
    const [lo, hi] = AGE_BANDS[band];
    return min <= hi && max >= lo;
  });
}

/** What working out an entry's facet values needs to know about its book. */
export interface FacetContext {
  /** The parent of a category, if it has one. */
  parentOf: (category: string) => string | undefined;
  /** Every neighbourhood id (borough-wide entries are in each). */
  neighbourhoods: readonly string[];
  /** site.yaml `cost_bands`. */
  costBands: readonly number[];
}

/**
 * The facet values of one entry, as written into the search index and the map data.
 * `category` includes parent categories, so choosing "Money" finds "Debt advice" entries.
 * Borough-wide entries are in every neighbourhood. `cost` holds the cost bands it is in.
 */
export function entryFacets(data: EntryData, ctx: FacetContext): Record<Facet, string[]> {
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
    cost: entryCostBands(data.cost, ctx.costBands),
  };
}

/** True when an entry with these facet values matches the state's filters (not `q`, not `when`). */
export function matchesFacets(facets: Record<Facet, readonly string[]>, state: FilterState): boolean {
  return FACETS.every((facet) => {
    const wanted = state.facets[facet];
    if (wanted.length === 0) return true;
    const has = (v: string) => facets[facet].includes(v);
    return FACET_SPECS[facet].combine === 'all' ? wanted.every(has) : wanted.some(has);
  });
}
