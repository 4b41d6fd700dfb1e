/**
 * A search's filter state as Pagefind filter objects: the facets (OR or AND within a facet, as
 * the registry says; AND between facets; the cost band is a facet too), and "on today" / "this
 * week" through the schedule keys of src/lib/schedule/when.ts.
 */
import { FACETS, FACET_SPECS, type Facet } from '../filters/registry';
import type { FilterState } from '../filters/state';
import { IRREGULAR, endsKey, startSortKey, type WhenDay, type WhenPlan } from '../schedule/when';

/** A Pagefind filter object (`{ key: value | { any: [...] }, all: [...], any: [...] }`). */
export type PagefindFilter = Record<string, unknown>;

/** A facet: what may be left out when counting a filter's own values. */
export type CountedFilter = Facet;

/** The query's facet filters, optionally without one of them. */
export function facetFilter(state: FilterState, omit?: CountedFilter): PagefindFilter {
  const out: PagefindFilter = {};
  for (const facet of FACETS) {
    if (facet === omit || state.facets[facet].length === 0) continue;
    out[facet] = { [FACET_SPECS[facet].combine === 'all' ? 'all' : 'any']: [...state.facets[facet]] };
  }
  return out;
}

/**
 * Entries that may meet on one day of a plan: a certain schedule key, or an irregular rule on its
 * weekday; today, also a session still going after this hour began (`ends-<day>`).
 */
export function dayFilter(d: WhenDay): PagefindFilter {
  const may: PagefindFilter = { any: [{ sched: { any: d.exact } }, { sched: IRREGULAR, day: d.day }] };
  return d.fromHour === undefined ? may : allOf(may, { [endsKey(d.day)]: String(d.fromHour) });
}

/**
 * Entries that certainly meet on one day: a certain key; today, also a session still going
 * after the *next* hour begins (so surely not over yet). Undefined when nothing can be certain
 * (today in the last hour).
 */
export function certainDayFilter(d: WhenDay): PagefindFilter | undefined {
  const sure: PagefindFilter = { sched: { any: d.exact } };
  if (d.fromHour === undefined) return sure;
  return d.fromHour < 23 ? allOf(sure, { [endsKey(d.day)]: String(d.fromHour + 1) }) : undefined;
}

/** Entries that may meet on one of the plan's days (see `dayFilter`). */
export function whenFilter(plan: WhenPlan): PagefindFilter {
  return plan.byDate.length === 1 ? dayFilter(plan.byDate[0]) : { any: plan.byDate.map(dayFilter) };
}

/** The sort of one day's list: first start time that weekday, soonest first. */
export function daySort(d: WhenDay): Record<string, 'asc'> {
  return { [startSortKey(d.day)]: 'asc' };
}

/** Several filter objects that must all hold, as one. Empty parts are left out. */
export function allOf(...parts: (PagefindFilter | null | undefined)[]): PagefindFilter {
  const kept = parts.filter((p): p is PagefindFilter => !!p && Object.keys(p).length > 0);
  if (kept.length === 0) return {};
  if (kept.length === 1) return kept[0];
  return { all: kept };
}
