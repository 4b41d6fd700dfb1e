/**
 * Search results in the browser: the card each result becomes, the order of cards, the counts
 * beside filter values, and the active filters in words. No DOM and no Pagefind: the island
 * passes Pagefind's answers in, so all of it runs under Vitest.
 */
import { STATUS_LABELS, type BankHolidayRegion, type Status } from '../../schema/vocab';
import { FACETS, FACET_SPECS, type Facet } from '../filters/registry';
import type { FilterState } from '../filters/state';
import { isStale, staleLabel } from '../book/stale';
import { londonDate } from '../calendar/london';
import { decodeSchedules } from '../schedule/code';
import { nextSessionText } from '../schedule/describe';
import { nextSessions } from '../schedule/sessions';
import { joinAnd, joinOr } from '../text/words';
import { t } from '../text/messages';
import type { CountedFilter } from './query';
import { BOOK_META } from './index-fields';

export type Rank = 'fresh' | 'lower' | 'closed';

/** A card's group: fresh running entries, then stale or temporarily closed ones, then closed ones. */
export function rankOf(card: Pick<ResultCard, 'status' | 'staleLabel'>): Rank {
  if (card.status === 'closed') return 'closed';
  return card.status === 'temporarily-closed' || card.staleLabel ? 'lower' : 'fresh';
}

const RANK_ORDER: Record<Rank, number> = { fresh: 0, lower: 1, closed: 2 };

/**
 * Orders loaded results in the three groups, keeping the incoming order (Pagefind's relevance,
 * or name order with no query) within each. Applied to each page of results as its data loads:
 * Pagefind cannot rank by data it only returns with each result.
 */
export function byRank<T extends Pick<ResultCard, 'status' | 'staleLabel'>>(cards: readonly T[]): T[] {
  return cards
    .map((card, i) => ({ card, i, r: RANK_ORDER[rankOf(card)] }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.card);
}

/** How many entries have each facet value: for the counts before any search. */
export function facetTotals(all: readonly Record<Facet, readonly string[]>[]): Record<Facet, Record<string, number>> {
  const out = Object.fromEntries(FACETS.map((f) => [f, {} as Record<string, number>])) as Record<
    Facet,
    Record<string, number>
  >;
  for (const facets of all) for (const f of FACETS) for (const v of facets[f]) out[f][v] = (out[f][v] ?? 0) + 1;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Counts
// ---------------------------------------------------------------------------------------------

export type FilterCounts = Record<string, Record<string, number>>;

/**
 * The count beside each filter value: what ticking it would give, under the registry's rule.
 *  - `all` (has all of these): the results that also have the value, so the main search's
 *    counts (a ticked value's count is then the number of results);
 *  - `any` and `one` (any of these; one of these): the results with that value under the query
 *    and every *other* filter, so for a filter with ticked values the counts come from a search
 *    without it (`without[f]`), otherwise from the main search.
 */
export function facetCounts(
  main: FilterCounts,
  without: Partial<Record<CountedFilter, FilterCounts>>,
): Record<CountedFilter, Record<string, number>> {
  const out = {} as Record<CountedFilter, Record<string, number>>;
  for (const f of FACETS) {
    const from = FACET_SPECS[f].combine === 'all' ? main : (without[f] ?? main);
    out[f] = { ...(from[f] ?? {}) };
  }
  return out;
}

/** True when the counts of a filter with ticked values need a search without it (see `facetCounts`). */
export function countsWithout(facet: Facet): boolean {
  return FACET_SPECS[facet].combine !== 'all';
}

/** "1 result", "12 results", "No results"; with `atLeast`, "At least 20 results". */
export function resultCountText(count: number, atLeast = false): string {
  if (count === 0 && !atLeast) return t('facts.results.none');
  return t(atLeast ? 'facts.results.atLeast' : 'facts.results.count', { count });
}

// ---------------------------------------------------------------------------------------------
// Result cards
// ---------------------------------------------------------------------------------------------

export interface ResultCard {
  id: string;
  url: string;
  name: string;
  summary: string;
  places: string;
  cost: string;
  status: Status;
  /** "Temporarily closed", "Closed"; empty when running. */
  statusLabel: string;
  /** Marker text when the details are stale ("Checked over a year ago"), else empty. */
  staleLabel: string;
  /** The next session in words ("Next: Today, 10am to 11:30am"), or why there is none. */
  next: string;
  /** When the next session starts (ms since 1970), for soonest-first lists; absent when there is none. */
  nextAt?: number;
  /** In "on today" / "this week": the date (`YYYY-MM-DD`) whose list the card is in. */
  section?: string;
  /** In a region's search: the member book the entry is in (src/lib/region/search.ts). */
  book?: string;
}

/** The card for one result, from its Pagefind data, at the moment `now`; `holidays`: whose bank holidays to mark. */
export function toCard(
  fragment: { url: string; meta: Record<string, string | undefined> },
  now: Date,
  staleAfterMonths: number,
  holidays: BankHolidayRegion,
): ResultCard {
  const m = fragment.meta;
  const status = (Object.keys(STATUS_LABELS) as Status[]).includes(m.status as Status)
    ? (m.status as Status)
    : 'active';
  const today = londonDate(now);
  const verified = m.verified && /^\d{4}-\d{2}-\d{2}$/.test(m.verified) ? m.verified : '';
  const reopens = m.reopens && /^\d{4}-\d{2}-\d{2}$/.test(m.reopens) ? m.reopens : undefined;
  const schedules = decodeSchedules(m.schedules);
  const next = nextSessionText({ status, reopens }, schedules, now, holidays);
  const [first] = nextSessions({ status, reopens }, schedules, now, 1, holidays);
  return {
    id: m.id || fragment.url.replace(/^\/entries\/|\/$/g, ''),
    url: fragment.url,
    name: m.title ?? '',
    summary: m.summary ?? '',
    places: m.places ?? '',
    cost: m.cost ?? '',
    status,
    statusLabel: status === 'active' ? '' : STATUS_LABELS[status],
    staleLabel: verified && isStale(verified, today, staleAfterMonths) ? staleLabel(staleAfterMonths) : '',
    next,
    ...(first && { nextAt: first.startsAt.getTime() }),
    ...(m[BOOK_META] && { book: m[BOOK_META] }),
  };
}

/**
 * Cards of "on today" / "this week" in their lists: by section (day), and within a day by when
 * the next session starts, soonest first (stable, so ties keep the index's order).
 */
export function bySession<T extends Pick<ResultCard, 'nextAt' | 'section'>>(cards: readonly T[]): T[] {
  return cards
    .map((card, i) => ({ card, i }))
    .sort(
      (a, b) =>
        (a.card.section ?? '').localeCompare(b.card.section ?? '') ||
        (a.card.nextAt ?? Infinity) - (b.card.nextAt ?? Infinity) ||
        a.i - b.i,
    )
    .map((x) => x.card);
}

// ---------------------------------------------------------------------------------------------
// Active filters, in words (for "remove this filter" when nothing matches)
// ---------------------------------------------------------------------------------------------

export type FilterLabels = Record<Facet, Record<string, string>>;

export interface ActiveFilter {
  /** Which part of the state it is. */
  kind: Facet | 'when' | 'q';
  /** "Day: Tuesday or Thursday". */
  text: string;
}

/** Every active part of a search, in words, in a fixed order. */
export function activeFilters(state: FilterState, labels: FilterLabels): ActiveFilter[] {
  const out: ActiveFilter[] = [];
  if (state.q.trim()) out.push({ kind: 'q', text: t('facts.results.words', { words: state.q.trim() }) });
  if (state.when)
    out.push({ kind: 'when', text: t(state.when === 'today' ? 'facts.results.today' : 'facts.results.week') });
  for (const f of FACETS) {
    const values = state.facets[f];
    const join = FACET_SPECS[f].combine === 'all' ? joinAnd : joinOr;
    if (values.length)
      out.push({
        kind: f,
        text: t('facts.results.filter', {
          name: FACET_SPECS[f].name,
          values: join(values.map((v) => labels[f][v] ?? v)),
        }),
      });
  }
  return out;
}

/** The state with one active part removed. */
export function withoutFilter(state: FilterState, kind: ActiveFilter['kind']): FilterState {
  if (kind === 'q') return { ...state, q: '' };
  if (kind === 'when') return { ...state, when: '' };
  return { ...state, facets: { ...state.facets, [kind]: [] } };
}
