/**
 * A search's filter state as Pagefind filter objects: the facets (OR or AND within a facet, as
 * the registry says; AND between facets), "free only", and "on today" / "this week" through the
 * schedule keys of src/lib/schedule/when.ts.
 */
import { FACETS, FACET_SPECS, type Facet } from '../filters/registry';
import type { FilterState } from '../filters/state';
import { IRREGULAR, type WhenPlan } from '../schedule/when';

/** A Pagefind filter object (`{ key: value | { any: [...] }, all: [...], any: [...] }`). */
export type PagefindFilter = Record<string, unknown>;

/** A facet or the free switch: what may be left out when counting a filter's own values. */
export type CountedFilter = Facet | 'free';

/** The query's facet and free filters, optionally without one of them. */
export function facetFilter(state: FilterState, omit?: CountedFilter): PagefindFilter {
  const out: PagefindFilter = {};
  for (const facet of FACETS) {
    if (facet === omit || state.facets[facet].length === 0) continue;
    out[facet] = { [FACET_SPECS[facet].combine]: [...state.facets[facet]] };
  }
  if (state.free && omit !== 'free') out.free = 'yes';
  return out;
}

/** Entries that may meet in the plan's dates: a certain schedule key, or an irregular rule on one of its weekdays. */
export function whenFilter(plan: WhenPlan): PagefindFilter {
  return { any: [{ sched: { any: plan.exact } }, { sched: IRREGULAR, day: { any: plan.days } }] };
}

/** Entries that certainly meet in the plan's dates. */
export function certainFilter(plan: WhenPlan): PagefindFilter {
  return { sched: { any: plan.exact } };
}

/** Several filter objects that must all hold, as one. Empty parts are left out. */
export function allOf(...parts: (PagefindFilter | null | undefined)[]): PagefindFilter {
  const kept = parts.filter((p): p is PagefindFilter => !!p && Object.keys(p).length > 0);
  if (kept.length === 0) return {};
  if (kept.length === 1) return kept[0];
  return { all: kept };
}
