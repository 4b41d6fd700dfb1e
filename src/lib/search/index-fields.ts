/**
 * What each entry page writes into the search index (Pagefind), at build time.
 *
 *  - filters (`indexFilters`, as `data-pagefind-filter`): every facet of `entryFacets` under its
 *    registry name, plus `free` (`yes`), `status` and `sched` (the schedule keys of
 *    src/lib/schedule/when.ts, which answer "on today" and "this week");
 *  - meta (`IndexMeta`, as `data-pagefind-meta`): what a result card shows, read back by
 *    `toCard` (./results.ts); the schedules in their short code (src/lib/schedule/code.ts);
 *  - sort: `order`, the entry's place in the book's order, for searches with no words.
 */
import type { Status } from '../../schema/vocab';
import type { EntryData } from '../../schema/entry';
import { entryFacets } from '../filters/facets';
import { scheduleKeys } from '../schedule/when';

/** The sort key of the book's order (src/lib/book/order.ts): each page's place in it, a number. */
export const ORDER_SORT = 'order';

/** Filter keys beyond the facets. */
export const EXTRA_FILTERS = ['free', 'status', 'sched'] as const;

/** Every filter value of an entry, as written into its page with `data-pagefind-filter`. */
export function indexFilters(
  data: EntryData,
  ctx: { parentOf: (category: string) => string | undefined; neighbourhoods: readonly string[] },
): Record<string, string[]> {
  return {
    ...entryFacets(data, ctx),
    free: data.cost?.free ? ['yes'] : [],
    status: [data.status],
    sched: scheduleKeys(data.schedules),
  };
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
