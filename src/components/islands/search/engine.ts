/**
 * The search page's link to Pagefind: loads the bundle built by `npm run build`, runs the
 * searches a filter state needs and loads result data page by page. The decisions (which
 * filters, which order, which counts, what a card says) are pure functions in src/lib/search/.
 * A very big book's index is in parts (src/lib/search/shards.ts): each "instance" below is then
 * one Pagefind instance per part, asked together (`ShardedInstance`).
 *
 * Two Pagefind instances, because Pagefind counts every value of every filter it has loaded on
 * every search, which in a big book makes every keystroke slow (docs/performance.md):
 *  - results: loads only the filters a search uses, and `free` (small), whose count it gives;
 *  - counts: made when a person first opens a filter group; loads the filters of the open groups
 *    and is asked after the results are on the page, so its counts follow them by a moment.
 */
import { FACETS, type Facet } from '../../../lib/filters/registry';
import { meetsOnAny } from '../../../lib/schedule/when';
import { type FilterState } from '../../../lib/filters/state';
import type { BankHolidayRegion } from '../../../schema/vocab';
import {
  allOf,
  certainFilter,
  facetFilter,
  whenFilter,
  type CountedFilter,
  type PagefindFilter,
} from '../../../lib/search/query';
import {
  byRank,
  facetCounts,
  toCard,
  type ActiveFilter,
  type FilterCounts,
  type ResultCard,
} from '../../../lib/search/results';
import { decodeSchedules } from '../../../lib/schedule/code';
import { planWhen, type WhenPlan } from '../../../lib/schedule/when';
import { mergeShardResults, shardBasePath, sumFilterCounts } from '../../../lib/search/shards';
import { ORDER_SORT } from '../../../lib/search/index-fields';

interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindFragment>;
}
export interface PagefindFragment {
  url: string;
  meta: Record<string, string | undefined>;
}
interface PagefindResponse {
  results: PagefindResult[];
  filters: FilterCounts;
}
interface PagefindInstance {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(term: string | null, o?: Record<string, unknown>): Promise<void>;
  search(
    term: string | null,
    o?: { filters?: PagefindFilter; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<PagefindResponse | null>;
}
interface PagefindModule extends PagefindInstance {
  createInstance(o?: Record<string, unknown>): PagefindInstance;
}

export type Result = PagefindResult & { certain: boolean };

export interface Outcome {
  /** Results (candidates, in "when" mode), in Pagefind's order. */
  results: Result[];
  /** "When" mode: the dates worked out at the moment of searching. */
  plan: WhenPlan | null;
  /** The count beside "Free only", when known. */
  free: number | undefined;
}

export interface Counts {
  /** Counts beside the values of the loaded filters. */
  counts: Partial<Record<CountedFilter, Record<string, number>>>;
  /** When nothing matches: how many results dropping each active part would give. */
  dropCounts: Partial<Record<ActiveFilter['kind'], number>>;
}

let loading: Promise<Engine> | undefined;

/**
 * Loads Pagefind once (computed path: Vite must not try to bundle it). A book indexed in `shards`
 * parts (src/lib/search/shards.ts) gets one Pagefind instance per part, asked together.
 */
export function loadEngine(shards = 1): Promise<Engine> {
  loading ??= (async () => {
    const url = `${shardBasePath(0)}pagefind.js`;
    const mod = (await import(/* @vite-ignore */ url)) as PagefindModule;
    const make = async () => {
      const part = (k: number) => mod.createInstance({ basePath: shardBasePath(k), excerptLength: 0 });
      const first = part(0);
      await first.init();
      if (shards <= 1) return first;
      // The other parts only once the first has set up Pagefind's WebAssembly (a search waits for
      // it): instances share one module, and parts starting together would each set it up, the
      // last replacing the memory the others had already used (results then go missing).
      await first.preload(null, { filters: { free: '_' } });
      const rest = Array.from({ length: shards - 1 }, (_, k) => part(k + 1));
      await Promise.all(rest.map((p) => p.init()));
      return new ShardedInstance([first, ...rest]);
    };
    const results = await make();
    // The "Free only" filter is small: load it now, so every search counts it.
    void results.preload(null, { filters: { free: '_' } });
    return new Engine(results, make);
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** Several Pagefind instances, one per part of the index, asked as one. */
class ShardedInstance implements PagefindInstance {
  constructor(private parts: PagefindInstance[]) {}

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
        all.map((r) => r?.results ?? []),
        !!o?.sort && Object.keys(o.sort).length > 0,
      ),
      filters: sumFilterCounts(all.map((r) => r?.filters)),
    };
  }
}

const term = (q: string) => q.trim() || null;

async function run(pf: PagefindInstance, q: string, filters: PagefindFilter): Promise<PagefindResponse> {
  const t = term(q);
  const res = await pf.search(t, { filters, ...(t ? {} : { sort: { [ORDER_SORT]: 'asc' } }) });
  return res ?? { results: [], filters: {} };
}

export class Engine {
  private fragments = new Map<string, Promise<PagefindFragment>>();
  private counter: Promise<PagefindInstance> | undefined;
  private loadedFilters = new Set<CountedFilter>();

  constructor(
    private results: PagefindInstance,
    private makeCounter: () => Promise<PagefindInstance>,
  ) {}

  preload(q: string) {
    if (q.trim()) void this.results.preload(q.trim());
  }

  /** The results of one state: the main search and, for "when", which results certainly meet. */
  async search(state: FilterState, now: Date): Promise<Outcome> {
    const plan = state.when ? planWhen(state.when, now) : null;
    const base = facetFilter(state);
    const main = await run(this.results, state.q, allOf(base, plan ? whenFilter(plan) : null));
    let certain: Set<string> | null = null;
    if (plan && main.results.length)
      certain = new Set((await run(this.results, state.q, allOf(base, certainFilter(plan)))).results.map((r) => r.id));
    const free = state.free ? main.results.length : main.filters.free ? (main.filters.free.yes ?? 0) : undefined;
    return { results: main.results.map((r) => ({ ...r, certain: !certain || certain.has(r.id) })), plan, free };
  }

  /**
   * Counts for the filters in `wanted`, from the counting instance. Values of a
   * filter with ticked values are counted without that filter (they are OR-ed). With no results,
   * also how many dropping each active part would give.
   */
  async counts(state: FilterState, wanted: readonly Facet[], now: Date, empty: boolean): Promise<Counts> {
    if (!wanted.length && !empty) return { counts: {}, dropCounts: {} };
    this.counter ??= this.makeCounter();
    this.counter.catch(() => (this.counter = undefined));
    const pf = await this.counter;
    const need = wanted.filter((f) => !this.loadedFilters.has(f));
    if (need.length) {
      // Loading a filter's index: a search that uses the filter, with nothing to search for.
      await pf.preload(null, { filters: Object.fromEntries(need.map((f) => [f, '_'])) });
      need.forEach((f) => this.loadedFilters.add(f));
    }
    const plan = state.when ? planWhen(state.when, now) : null;
    const when = plan ? whenFilter(plan) : null;
    const main = await run(pf, state.q, allOf(facetFilter(state), when));
    const without: Partial<Record<CountedFilter, FilterCounts>> = {};
    const dropCounts: Counts['dropCounts'] = {};
    for (const f of [...FACETS, 'free'] as CountedFilter[]) {
      const active = f === 'free' ? state.free : state.facets[f].length > 0;
      if (!active || (!empty && !(f !== 'free' && wanted.includes(f)))) continue;
      const res = await run(pf, state.q, allOf(facetFilter(state, f), when));
      without[f] = res.filters;
      dropCounts[f] = res.results.length;
    }
    if (empty) {
      if (state.when) dropCounts.when = (await run(pf, state.q, facetFilter(state))).results.length;
      if (state.q.trim() && (Object.keys(facetFilter(state)).length || when))
        dropCounts.q = (await run(pf, '', allOf(facetFilter(state), when))).results.length;
    }
    const all = facetCounts(main.filters, without);
    const counts: Counts['counts'] = {};
    for (const f of wanted) counts[f] = all[f];
    return { counts, dropCounts };
  }

  /** A result's data, loaded once. */
  private fragment(r: PagefindResult): Promise<PagefindFragment> {
    let f = this.fragments.get(r.id);
    if (!f) {
      f = r.data();
      this.fragments.set(r.id, f);
      f.catch(() => this.fragments.delete(r.id));
    }
    return f;
  }

  /**
   * Loads results from `start` until `size` are kept or the list ends, and orders them by group
   * (fresh, then stale or temporarily closed, then closed). In "when" mode a result that is not
   * certain is kept only if its schedules meet on one of the plan's dates; the uncertain ids looked
   * at are added to `checked`, those dropped are returned. A result whose data cannot load (offline,
   * and not cached) is neither shown nor dropped: its id is returned in `missing`, so the page can
   * say so instead of quietly showing fewer.
   */
  async page(
    outcome: Outcome,
    start: number,
    size: number,
    checked: Set<string>,
    now: Date,
    staleAfterMonths: number,
    holidays: BankHolidayRegion,
  ): Promise<{ cards: ResultCard[]; next: number; dropped: string[]; missing: string[] }> {
    const cards: ResultCard[] = [];
    const dropped: string[] = [];
    const missing: string[] = [];
    let i = start;
    while (cards.length < size && i < outcome.results.length) {
      const batch = outcome.results.slice(i, i + (size - cards.length));
      const fragments = await Promise.allSettled(batch.map((r) => this.fragment(r)));
      batch.forEach((result, k) => {
        const f = fragments[k];
        if (f.status === 'rejected') return void missing.push(result.id);
        if (!result.certain) checked.add(result.id);
        if (outcome.plan && !result.certain && !meetsOnAny(decodeSchedules(f.value.meta.schedules), outcome.plan.dates))
          dropped.push(result.id);
        else cards.push(toCard(f.value, now, staleAfterMonths, holidays));
      });
      i += batch.length;
      // Every result of a batch missing: the connection is gone; stop rather than try the rest.
      if (missing.length && fragments.every((f) => f.status === 'rejected')) break;
    }
    return { cards: byRank(cards), next: i, dropped, missing };
  }

  /** Checks up to `limit` not-yet-checked uncertain results (for an exact count). Returns the ids that do not meet. */
  async checkUncertain(outcome: Outcome, checked: Set<string>, limit: number): Promise<string[]> {
    if (!outcome.plan) return [];
    const todo = outcome.results.filter((r) => !r.certain && !checked.has(r.id)).slice(0, limit);
    const fragments = await Promise.allSettled(todo.map((r) => this.fragment(r)));
    const out: string[] = [];
    todo.forEach((r, k) => {
      const f = fragments[k];
      if (f.status === 'rejected') return; // left unchecked: the count stays "at least"
      checked.add(r.id);
      if (!meetsOnAny(decodeSchedules(f.value.meta.schedules), outcome.plan!.dates)) out.push(r.id);
    });
    return out;
  }
}
