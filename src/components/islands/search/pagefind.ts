/**
 * Pagefind as the search engine (./engine.ts) sees it: its types, results kept alive, and several
 * bundles asked as one (a big book's parts, a region's members: src/lib/search/shards.ts).
 */
import { mergeShardResults, sumFilterCounts, type PartBook } from '../../../lib/search/shards';
import type { PagefindFilter } from '../../../lib/search/query';
import type { FilterCounts } from '../../../lib/search/results';
import { memberFragment } from '../../../lib/region/search';

export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindFragment>;
}
export interface PagefindFragment {
  url: string;
  meta: Record<string, string | undefined>;
}
export interface PagefindResponse {
  results: PagefindResult[];
  filters: FilterCounts;
}
export interface PagefindInstance {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(term: string | null, o?: Record<string, unknown>): Promise<void>;
  search(
    term: string | null,
    o?: { filters?: PagefindFilter; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<PagefindResponse | null>;
}
export interface PagefindModule extends PagefindInstance {
  createInstance(o?: Record<string, unknown>): PagefindInstance;
}

/**
 * Pagefind's results as this engine can keep them. Pagefind running in its web worker holds each
 * result's data there until the result object it returned is garbage-collected (a
 * FinalizationRegistry on that object), and then answers `data()` with null. Every copy made of a
 * result here (the parts merged, `certain` added) would lose it: "Show more results" then found
 * nothing once the browser had collected garbage. So the copy's `data` calls the original's, which
 * keeps the original, and its data, alive as long as the copy; and data that is gone anyway
 * counts as not loaded (the page says so) rather than as a result with no details.
 */
export function kept(results: readonly PagefindResult[]): PagefindResult[] {
  return results.map((r) => ({
    ...r,
    data: async () => {
      const data = await r.data();
      if (!data) throw new Error(`Pagefind no longer holds the data of result ${r.id}`);
      return data;
    },
  }));
}

/** A member book's results as the region shows them: its own pages, the region's ids, its name. */
function fromBook(results: PagefindResult[], book: PartBook | undefined): PagefindResult[] {
  if (!book) return results;
  return results.map((r) => ({ ...r, data: async () => memberFragment(await r.data(), book) }));
}

/** Several Pagefind instances, one per part of the search, asked as one. */
export class ShardedInstance implements PagefindInstance {
  constructor(
    private parts: PagefindInstance[],
    /** Whose each part is, in a region (src/lib/region/search.ts); undefined for a book's own. */
    private books: readonly (PartBook | undefined)[] = [],
  ) {}

  async options(o: Record<string, unknown>) {
    await Promise.all(this.parts.map((p) => p.options(o)));
  }

  async init() {
    await Promise.all(this.parts.map((p) => p.init()));
  }

  async preload(term: string | null, o?: Record<string, unknown>) {
    await Promise.all(this.parts.map((p) => p.preload(term, o)));
  }

  async search(term: string | null, o?: Parameters<PagefindInstance['search']>[1]): Promise<PagefindResponse> {
    const all = await Promise.all(this.parts.map((p) => p.search(term, o)));
    return {
      results: mergeShardResults(
        all.map((r, k) => fromBook(kept(r?.results ?? []), this.books[k])),
        !!o?.sort && Object.keys(o.sort).length > 0,
      ),
      filters: sumFilterCounts(all.map((r) => r?.filters)),
    };
  }
}
