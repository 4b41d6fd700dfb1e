/**
 * The search page's link to Pagefind: loads the bundle built by `npm run build`, runs the
 * searches a filter state needs and loads result data page by page. The decisions (which
 * filters, which order, which counts, what a card says) are pure functions in src/lib/search/.
 * A very big book's index is in parts (src/lib/search/shards.ts): each "instance" below is then
 * one Pagefind instance per part, asked together (`ShardedInstance`).
 *
 * Two Pagefind instances, because Pagefind counts every value of every filter it has loaded on
 * every search, which in a big book makes every keystroke slow (docs/performance.md):
 *  - results: loads only the filters a search uses;
 *  - counts: made when a person first opens a filter group; loads the filters of the open groups
 *    and is asked after the results are on the page, so its counts follow them by a moment.
 */
import { FACETS, type Facet } from '../../../lib/filters/registry';
import { type FilterState } from '../../../lib/filters/state';
import { STATUSES, type BankHolidayRegion, type Status } from '../../../schema/vocab';
import {
  allOf,
  certainDayFilter,
  dayFilter,
  daySort,
  facetFilter,
  whenFilter,
  type CountedFilter,
  type PagefindFilter,
} from '../../../lib/search/query';
import {
  byRank,
  bySession,
  countsWithout,
  facetCounts,
  toCard,
  type ActiveFilter,
  type FilterCounts,
  type ResultCard,
} from '../../../lib/search/results';
import { decodeSchedules } from '../../../lib/schedule/code';
import { meetsDuring, meetsOn, planWhen, type WhenPlan } from '../../../lib/schedule/when';
import type { Running } from '../../../lib/schedule/sessions';
import type { SearchPart } from '../../../lib/search/shards';
import { MEMBER_BASE_URL } from '../../../lib/region/search';
import {
  ShardedInstance,
  kept,
  type PagefindFragment,
  type PagefindInstance,
  type PagefindModule,
  type PagefindResponse,
  type PagefindResult,
} from './pagefind';
import { ORDER_SORT } from '../../../lib/search/index-fields';

export type { PagefindFragment };
export type Result = PagefindResult & { certain: boolean };

/** "On today" / "this week": one day's candidates, soonest first (certain: surely meet that day). */
export interface Section {
  date: string;
  results: Result[];
}

export interface Outcome {
  /**
   * Results in Pagefind's order; in "when" mode the candidates of every day, each once
   * (`certain` when they surely meet on one of the days).
   */
  results: Result[];
  /** "When" mode: the dates worked out at the moment of searching. */
  plan: WhenPlan | null;
  /** "When" mode and "Soonest first": each day's candidates, in the order they are listed. */
  sections: Section[];
  /**
   * "Soonest first" (`sort=soonest`, without "when"): every result, listed after the week's days
   * under "Later" unless already listed under a day, so nothing is left out.
   */
  rest?: Result[];
}

/** The section of "Soonest first" after the week's days. */
export const LATER = 'later';

/** Where "Show more" goes on from, and what has been shown: kept with the results. */
export interface Cursor {
  /** Position in the results (or, in "when" mode, in the days' lists one after another). */
  next: number;
  /** Uncertain results checked against their timetables. */
  checked: Set<string>;
  /** "When" mode: results already listed under an earlier day. */
  shown: Set<string>;
}

export interface Counts {
  /** Counts beside the values of the loaded filters. */
  counts: Partial<Record<CountedFilter, Record<string, number>>>;
  /** When nothing matches: how many results dropping each active part would give. */
  dropCounts: Partial<Record<ActiveFilter['kind'], number>>;
}

let loading: Promise<Engine> | undefined;

/**
 * Loads Pagefind once (computed path: Vite must not try to bundle it). Each part of the search
 * (src/lib/search/shards.ts) is a Pagefind instance of its own, asked together: a very big
 * book's index is in parts, and a region's search asks every member's.
 */
export function loadEngine(parts: readonly SearchPart[]): Promise<Engine> {
  loading ??= (async () => {
    const url = `${parts[0].base}pagefind.js`;
    const mod = (await import(/* @vite-ignore */ url)) as PagefindModule;
    const make = async () => {
      const part = (p: SearchPart) =>
        mod.createInstance({ basePath: p.base, excerptLength: 0, ...(p.book && { baseUrl: MEMBER_BASE_URL }) });
      const first = part(parts[0]);
      await first.init();
      if (parts.length === 1 && !parts[0].book) return first;
      // The other parts only once the first has set up Pagefind's WebAssembly (a search waits for
      // it): instances share one module, and parts starting together would each set it up, the
      // last replacing the memory the others had already used (results then go missing).
      await first.preload(null, { filters: { cost: '_' } });
      const rest = parts.slice(1).map(part);
      await Promise.all(rest.map((p) => p.init()));
      return new ShardedInstance(
        [first, ...rest],
        parts.map((p) => p.book),
      );
    };
    return new Engine(await make(), make);
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

const term = (q: string) => q.trim() || null;

/** One search: by relevance with words, else in the book's order, unless `sort` is given. */
async function run(
  pf: PagefindInstance,
  q: string,
  filters: PagefindFilter,
  sort?: Record<string, 'asc' | 'desc'>,
): Promise<PagefindResponse> {
  const t = term(q);
  const res = await pf.search(t, { filters, ...(sort ? { sort } : t ? {} : { sort: { [ORDER_SORT]: 'asc' } }) });
  return res ? { ...res, results: kept(res.results) } : { results: [], filters: {} };
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

  /**
   * The results of one state. In "when" mode, one search per day, sorted by first start time
   * that weekday (so each day's list is soonest first), and which of them surely meet then.
   */
  async search(state: FilterState, now: Date, holidays: BankHolidayRegion): Promise<Outcome> {
    const base = facetFilter(state);
    if (!state.when) {
      const main = await run(this.results, state.q, base);
      const results = main.results.map((r) => ({ ...r, certain: true }));
      if (state.sort !== 'soonest' || !results.length) return { results, plan: null, sections: [] };
      // Soonest first: the coming week's days, soonest first within each, then the rest.
      const plan = planWhen('week', now, holidays);
      return { results, plan, sections: await this.daySections(plan, state.q, base), rest: results };
    }
    const plan = planWhen(state.when, now, holidays);
    const sections = await this.daySections(plan, state.q, base);
    const union = new Map<string, Result>();
    for (const section of sections)
      for (const r of section.results) {
        const seen = union.get(r.id);
        if (!seen || (!seen.certain && r.certain)) union.set(r.id, r);
      }
    return { results: [...union.values()], plan, sections };
  }

  /** One list per day of a plan, sorted by first start time that weekday, with which surely meet then. */
  private daySections(plan: WhenPlan, q: string, base: PagefindFilter): Promise<Section[]> {
    return Promise.all(
      plan.byDate.map(async (d): Promise<Section> => {
        const sort = daySort(d);
        const may = await run(this.results, q, allOf(base, dayFilter(d)), sort);
        const sure = certainDayFilter(d);
        const certain =
          sure && may.results.length
            ? new Set((await run(this.results, q, allOf(base, sure), sort)).results.map((r) => r.id))
            : new Set<string>();
        return { date: d.date, results: may.results.map((r) => ({ ...r, certain: certain.has(r.id) })) };
      }),
    );
  }

  /**
   * Counts for the filters in `wanted`, from the counting instance: for a filter with ticked
   * values that combine with OR, from a search without that filter; see `facetCounts`. With no
   * results, also how many dropping each active part would give.
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
    for (const f of FACETS) {
      if (state.facets[f].length === 0) continue;
      const forCounts = wanted.includes(f) && countsWithout(f);
      if (!empty && !forCounts) continue;
      const res = await run(pf, state.q, allOf(facetFilter(state, f), when));
      if (forCounts) without[f] = res.filters;
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
   * Loads results from the cursor until `size` are kept or the list ends. Without "when", orders
   * them by group (fresh, then stale or temporarily closed, then closed). In "when" mode it walks
   * the days' lists in turn: a result is listed under the first day it meets on (certain, or
   * checked against its timetable in the browser) and each day's cards are soonest first; an
   * uncertain result that meets on none of the days is returned in `dropped`. A result whose
   * data cannot load (offline, and not cached) is neither shown nor dropped: its id is returned
   * in `missing`, so the page can say so instead of quietly showing fewer.
   */
  async page(
    outcome: Outcome,
    cursor: Cursor,
    size: number,
    now: Date,
    staleAfterMonths: number,
    holidays: BankHolidayRegion,
  ): Promise<{ cards: ResultCard[]; dropped: string[]; missing: string[] }> {
    const cards: ResultCard[] = [];
    const dropped: string[] = [];
    const missing: string[] = [];
    const list = walkOrder(outcome);
    const sure = new Set(outcome.results.filter((r) => r.certain).map((r) => r.id));
    while (cards.length < size && cursor.next < list.length) {
      const batch = list.slice(cursor.next, cursor.next + (size - cards.length));
      const fragments = await Promise.allSettled(batch.map(({ result }) => this.fragment(result)));
      batch.forEach(({ result, date }, k) => {
        const f = fragments[k];
        if (f.status === 'rejected') return void missing.push(result.id);
        if (!outcome.plan || !date) return void cards.push(toCard(f.value, now, staleAfterMonths, holidays));
        if (cursor.shown.has(result.id)) return;
        if (date === LATER) {
          cursor.shown.add(result.id);
          return void cards.push({ ...toCard(f.value, now, staleAfterMonths, holidays), section: LATER });
        }
        const group = runningOf(f.value.meta);
        const schedules = decodeSchedules(f.value.meta.schedules);
        if (!sure.has(result.id) && !cursor.checked.has(result.id)) {
          cursor.checked.add(result.id);
          // Soonest first drops nothing: a group that does not meet this week is listed under "Later".
          if (!meetsDuring(group, schedules, outcome.plan))
            return outcome.rest ? undefined : void dropped.push(result.id);
        }
        // `certain` here is for this day; otherwise the day it is listed under is the first it meets on.
        if (!result.certain && !meetsOn(group, schedules, date, now, holidays)) return;
        cursor.shown.add(result.id);
        cards.push({ ...toCard(f.value, now, staleAfterMonths, holidays), section: date });
      });
      cursor.next += batch.length;
      // Every result of a batch missing: the connection is gone; stop rather than try the rest.
      if (missing.length && fragments.every((f) => f.status === 'rejected')) break;
    }
    return { cards: outcome.plan ? bySession(cards) : byRank(cards), dropped, missing };
  }

  /** Checks up to `limit` not-yet-checked uncertain results (for an exact count). Returns the ids that do not meet. */
  async checkUncertain(outcome: Outcome, checked: Set<string>, limit: number): Promise<string[]> {
    if (!outcome.plan || outcome.rest) return [];
    const plan = outcome.plan;
    const todo = outcome.results.filter((r) => !r.certain && !checked.has(r.id)).slice(0, limit);
    const fragments = await Promise.allSettled(todo.map((r) => this.fragment(r)));
    const out: string[] = [];
    todo.forEach((r, k) => {
      const f = fragments[k];
      if (f.status === 'rejected') return; // left unchecked: the count stays "at least"
      checked.add(r.id);
      if (!meetsDuring(runningOf(f.value.meta), decodeSchedules(f.value.meta.schedules), plan)) out.push(r.id);
    });
    return out;
  }
}

/** The order results are looked at: as found, or in "when" mode each day's list in turn. */
function walkOrder(outcome: Outcome): { result: Result; date?: string }[] {
  if (!outcome.plan) return outcome.results.map((result) => ({ result }));
  return [
    ...outcome.sections.flatMap((s) => s.results.map((result) => ({ result, date: s.date }))),
    ...(outcome.rest ?? []).map((result) => ({ result, date: LATER })),
  ];
}

/** A result's status and reopening day, from its index metadata. */
function runningOf(meta: Record<string, string | undefined>): Running {
  const status = (STATUSES as readonly string[]).includes(meta.status ?? '') ? (meta.status as Status) : 'active';
  const reopens = meta.reopens && /^\d{4}-\d{2}-\d{2}$/.test(meta.reopens) ? meta.reopens : undefined;
  return { status, ...(reopens && { reopens }) };
}
