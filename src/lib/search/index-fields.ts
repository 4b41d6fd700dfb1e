/**
 * What each entry page writes into the search index (Pagefind), at build time.
 *
 *  - filters (`indexFilters`, as `data-pagefind-filter`): every facet of `entryFacets` under its
 *    registry name (cost bands included), plus `status` and `sched` (the schedule keys of
 *    src/lib/schedule/when.ts, which answer "on today" and "this week");
 *  - meta (`IndexMeta`, as `data-pagefind-meta`): what a result card shows, read back by
 *    `toCard` (./results.ts); the schedules in their short code (src/lib/schedule/code.ts);
 *  - filters `ends-<day>` and sorts `start-<day>` (`indexSorts`): per weekday, the hours its
 *    sessions are still going in and its first start time, for "on today" and "this week";
 *  - sort: `order`, the entry's place in the book's order, for searches with no words.
 */
import type { Status } from '../../schema/vocab';
import type { EntryData } from '../../schema/entry';
import { entryFacets, type FacetContext } from '../filters/facets';
import { dayTimes, endsKey, scheduleKeys, startSortKey } from '../schedule/when';
import type { Day } from '../../schema/vocab';

/** The sort key of the book's order (src/lib/book/order.ts): each page's place in it, a number. */
export const ORDER_SORT = 'order';

/** Filter keys beyond the facets. */
export const EXTRA_FILTERS = ['status', 'sched'] as const;

/** Every filter value of an entry, as written into its page with `data-pagefind-filter`. */
export function indexFilters(data: EntryData, ctx: FacetContext): Record<string, string[]> {
  return {
    ...entryFacets(data, ctx),
    status: [data.status],
    sched: scheduleKeys(data.schedules, data),
    ...Object.fromEntries(
      Object.entries(dayTimes(data.schedules, data)).map(([day, t]) => [endsKey(day as Day), t.hours]),
    ),
  };
}

/** The sort keys of an entry beyond the book's order: its first start time on each weekday it meets. */
export function indexSorts(data: EntryData): Record<string, string> {
  return Object.fromEntries(
    Object.entries(dayTimes(data.schedules, data)).map(([day, t]) => [startSortKey(day as Day), t.first]),
  );
}

/** The metadata a result card needs, as written into the page with `data-pagefind-meta`. */
export interface IndexMeta {
  id: string;
  summary: string;
  /** Neighbourhood names, comma-separated. */
  places: string;
  /** One-line cost ("Free", "£2.50 per session"). */
  cost: string;
  status: Status;
  /** `YYYY-MM-DD` a temporary closure ends, or empty. */
  reopens: string;
  /** `YYYY-MM-DD`. */
  verified: string;
  /** The schedules, in their short code (`encodeSchedules`). */
  schedules: string;
}

/**
 * The metadata key a region's search adds to a member's result: the member book's name
 * (src/lib/region/search.ts), which the card shows. Never written into a page.
 */
export const BOOK_META = 'book';
