/**
 * Search: the pure logic behind `/search/`, shared by the build (what each entry page writes into
 * the Pagefind index) and the browser (how a filter state becomes Pagefind filter objects, how
 * results are grouped and counted, what a result card says). No DOM, no Pagefind import: the
 * island passes Pagefind's answers in, so everything here runs under Vitest.
 *
 * Index fields (see `indexFilters` / `IndexMeta`; the entry page also sorts by `name`):
 *  - filters: every facet of `entryFacets` under its URL name, plus `free` (`yes`), `status` and
 *    `sched` (schedule keys, below);
 *  - meta: `title` (the h1), `id`, `summary`, `places`, `cost`, `status`, `verified`, `schedules`
 *    (short text, see `compactSchedules`), read by the result card.
 *
 * Schedule keys make "on today" / "this week" exact inside Pagefind for regular rules:
 * `w-tue` (every Tuesday, no from/until), `m2-tue` / `mL-fri` (2nd Tuesday / last Friday of the
 * month, no from/until). Anything else (every 2+ weeks, one-off dates, from/until) is `x`: those
 * entries are pre-narrowed with the `day` filter and checked against the schedule rules in the
 * browser, once their data is loaded.
 */
import { DAYS, STATUS_LABELS, type BankHolidayRegion, type Day, type Status } from '../../schema/vocab';
import type { EntryData, Schedule } from '../../schema/entry';
import { addDays, dayOf } from '../calendar/dates';
import { FACETS, entryFacets, whenDates, type Facet, type FilterState, type When } from '../filters/filters';
import {
  formatTime,
  holidayNote,
  londonDate,
  nextOccurrencesForAll,
  formatDateLong,
  type Occurrence,
} from '../schedule/schedule';
import { isStale } from '../view/format';

// ---------------------------------------------------------------------------------------------
// What an entry page writes into the index (build time)
// ---------------------------------------------------------------------------------------------

/** Filter keys beyond the facets. */
export const EXTRA_FILTERS = ['free', 'status', 'sched'] as const;

/** The keys of an entry's schedules, for exact "on today" / "this week" inside Pagefind. */
export function scheduleKeys(schedules: readonly Schedule[]): string[] {
  const keys = new Set<string>();
  for (const s of schedules) {
    if (s.from || s.until || s.kind === 'dates' || (s.kind === 'weekly' && s.interval > 1)) {
      keys.add('x');
    } else if (s.kind === 'weekly') {
      s.days.forEach((d) => keys.add(`w-${d}`));
    } else {
      s.on.forEach((o) => keys.add(`m${o.nth === -1 ? 'L' : o.nth}-${o.day}`));
    }
  }
  return [...keys].sort();
}

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

/**
 * The schedules as short text for the search index's metadata: what a result card needs to work
 * out dates, without the notes. Pagefind holds every page's metadata in memory while it indexes
 * and sends it with every result, so it is kept short (a weekly session is 18 characters, where
 * JSON was 77 and, escaped in the page, 137). Schedules are separated by `;`, each
 * `rule|start-end|from|until` with empty trailing parts left off, and the rule one of
 *   `w<every>/mon.wed`   weekly, every N weeks, on those days
 *   `m/2tue.-1fri`       monthly: the 2nd Tuesday and the last Friday (-1 is last)
 *   `d/2026-12-12.2026-12-19`  dates
 * e.g. `w1/mon|09:30-11:30`, `m/1wed|10:00||2026-07-31`.
 */
export function compactSchedules(schedules: readonly Schedule[]): string {
  return schedules
    .map((s) => {
      const rule =
        s.kind === 'weekly'
          ? `w${s.interval}/${s.days.join('.')}`
          : s.kind === 'monthly'
            ? `m/${s.on.map((o) => `${o.nth}${o.day}`).join('.')}`
            : `d/${s.dates.join('.')}`;
      const times = s.start ? (s.end ? `${s.start}-${s.end}` : s.start) : '';
      return [rule, times, s.from ?? '', s.until ?? ''].join('|').replace(/\|+$/, '');
    })
    .join(';');
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
  /** `YYYY-MM-DD`. */
  verified: string;
  /** The schedules, as `compactSchedules` writes them. */
  schedules: string;
}

// ---------------------------------------------------------------------------------------------
// "On today" and "this week" (browser, at the moment of searching)
// ---------------------------------------------------------------------------------------------

export interface WhenPlan {
  /** The London dates covered: today, or today and the 6 days after. */
  dates: string[];
  /** Their weekdays. */
  days: Day[];
  /** Schedule keys that certainly meet on one of the dates. */
  exact: string[];
}

/** The dates and schedule keys for "on today" (`today`) or "this week" (`week`: the next 7 days). */
export function whenPlan(when: When, now: Date): WhenPlan {
  const dates = whenDates(when, now);
  const exact = new Set<string>();
  for (const date of dates) {
    const d = dayOf(date);
    const dayOfMonth = Number(date.slice(8, 10));
    exact.add(`w-${d}`);
    exact.add(`m${Math.ceil(dayOfMonth / 7)}-${d}`);
    if (addDays(date, 7).slice(5, 7) !== date.slice(5, 7)) exact.add(`mL-${d}`);
  }
  return { dates, days: DAYS.filter((d) => dates.some((date) => dayOf(date) === d)), exact: [...exact].sort() };
}

// ---------------------------------------------------------------------------------------------
// Filter state → Pagefind filter objects
// ---------------------------------------------------------------------------------------------

/** A Pagefind filter object (`{ key: value | { any: [...] }, all: [...], any: [...] }`). */
export type PagefindFilter = Record<string, unknown>;

/** A facet or the free switch: what may be left out when counting a filter's own values. */
export type CountedFilter = Facet | 'free';

/** The query's facet and free filters, optionally without one of them. Values within a facet are OR. */
export function facetFilter(state: FilterState, omit?: CountedFilter): PagefindFilter {
  const out: PagefindFilter = {};
  for (const facet of FACETS) {
    if (facet === omit || state.facets[facet].length === 0) continue;
    out[facet] = { any: [...state.facets[facet]] };
  }
  if (state.free && omit !== 'free') out.free = 'yes';
  return out;
}

/** Entries that may meet in the plan's dates: a certain schedule key, or an irregular rule on one of its weekdays. */
export function whenFilter(plan: WhenPlan): PagefindFilter {
  return { any: [{ sched: { any: plan.exact } }, { sched: 'x', day: { any: plan.days } }] };
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

// ---------------------------------------------------------------------------------------------
// Ranking
// ---------------------------------------------------------------------------------------------

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

/** How many entries have each facet value (and how many are free): for the counts before any search. */
export function facetTotals(
  all: readonly { facets: Record<Facet, readonly string[]>; free: boolean }[],
): Record<CountedFilter, Record<string, number>> {
  const out = Object.fromEntries([...FACETS, 'free'].map((f) => [f, {} as Record<string, number>])) as Record<
    CountedFilter,
    Record<string, number>
  >;
  for (const e of all) {
    for (const f of FACETS) for (const v of e.facets[f]) out[f][v] = (out[f][v] ?? 0) + 1;
    if (e.free) out.free.yes = (out.free.yes ?? 0) + 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Counts
// ---------------------------------------------------------------------------------------------

export type FilterCounts = Record<string, Record<string, number>>;

/**
 * The count beside each filter value. Values of one filter are OR-ed, so a value's count is the
 * number of results with that value under the query and every *other* filter (what you would get
 * with that value ticked alone in its group): for a filter with ticked values the counts come
 * from a search without that filter (`without[f]`), otherwise from the main search.
 */
export function facetCounts(
  main: FilterCounts,
  without: Partial<Record<CountedFilter, FilterCounts>>,
): Record<CountedFilter, Record<string, number>> {
  const out = {} as Record<CountedFilter, Record<string, number>>;
  for (const f of [...FACETS, 'free'] as CountedFilter[]) {
    out[f] = { ...((without[f] ?? main)[f] ?? {}) };
  }
  return out;
}

/** "1 result", "12 results", "No results"; with `atLeast`, "At least 20 results". */
export function resultCountText(count: number, atLeast = false): string {
  if (count === 0 && !atLeast) return 'No results';
  const noun = count === 1 ? 'result' : 'results';
  return atLeast ? `At least ${count.toLocaleString('en-GB')} ${noun}` : `${count.toLocaleString('en-GB')} ${noun}`;
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
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_NAMES: readonly string[] = DAYS;

/** Reads the text written by `compactSchedules`; a schedule that is malformed in any way is left out. */
export function parseSchedules(text: string | undefined): Schedule[] {
  if (!text) return [];
  const out: Schedule[] = [];
  for (const part of text.split(';')) {
    const [rule = '', times = '', from = '', until = '', ...extra] = part.split('|');
    const [start = '', end = '', ...moreTimes] = times ? times.split('-') : [];
    const m = /^(?:w([1-8])|m|d)\/(.+)$/.exec(rule);
    if (
      !m ||
      extra.length ||
      moreTimes.length ||
      (start && !TIME.test(start)) ||
      (end && !(start && TIME.test(end))) ||
      (from && !DATE.test(from)) ||
      (until && !DATE.test(until))
    )
      continue;
    const base = {
      start: start || undefined,
      end: end || undefined,
      from: from || undefined,
      until: until || undefined,
      note: undefined,
    };
    const items = m[2].split('.');
    if (rule[0] === 'w' && items.every((d) => DAY_NAMES.includes(d)))
      out.push({ kind: 'weekly', days: items as Day[], interval: Number(m[1]), ...base });
    else if (rule[0] === 'm' && items.every((o) => /^(-1|[1-5])(mon|tue|wed|thu|fri|sat|sun)$/.test(o))) {
      out.push({
        kind: 'monthly',
        on: items.map((o) => ({ nth: Number(o.slice(0, -3)), day: o.slice(-3) as Day })),
        ...base,
      });
    } else if (rule[0] === 'd' && items.every((d) => DATE.test(d))) out.push({ kind: 'dates', dates: items, ...base });
  }
  return out;
}

/** "Today, 10am to 11:30am", "Tomorrow, from 6pm", "Tuesday 14 April 2026, 10am to 11:30am". */
export function describeNext(o: Occurrence, now: Date, holidays: BankHolidayRegion): string {
  const today = londonDate(now);
  const day = o.date === today ? 'Today' : o.date === addDays(today, 1) ? 'Tomorrow' : formatDateLong(o.date);
  const time =
    o.start && o.end ? `${formatTime(o.start)} to ${formatTime(o.end)}` : o.start ? `from ${formatTime(o.start)}` : '';
  return (time ? `${day}, ${time}` : day) + holidayNote(o.date, holidays);
}

/** "Checked over a year ago" / "Checked over 18 months ago". */
export function staleLabel(staleAfterMonths: number): string {
  return staleAfterMonths === 12 ? 'Checked over a year ago' : `Checked over ${staleAfterMonths} months ago`;
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
  const schedules = parseSchedules(m.schedules);
  let next: string;
  if (status === 'closed') next = 'No longer meets';
  else if (!schedules.length) next = 'By arrangement';
  else {
    const [o] = nextOccurrencesForAll(schedules, now, 1);
    next = o ? `Next: ${describeNext(o, now, holidays)}` : 'No dates coming up';
  }
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
  };
}

// ---------------------------------------------------------------------------------------------
// Active filters, in words (for "remove this filter" when nothing matches)
// ---------------------------------------------------------------------------------------------

export type FilterLabels = Record<Facet, Record<string, string>>;

export interface ActiveFilter {
  /** Which part of the state it is. */
  kind: Facet | 'free' | 'when' | 'q';
  /** "Day: Tuesday or Thursday". */
  text: string;
}

function orList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** Every active part of a search, in words, in a fixed order. */
export function activeFilters(state: FilterState, labels: FilterLabels, names: Record<Facet, string>): ActiveFilter[] {
  const out: ActiveFilter[] = [];
  if (state.q.trim()) out.push({ kind: 'q', text: `Words: “${state.q.trim()}”` });
  if (state.when) out.push({ kind: 'when', text: state.when === 'today' ? 'On today' : 'This week' });
  for (const f of FACETS) {
    const values = state.facets[f];
    if (values.length) out.push({ kind: f, text: `${names[f]}: ${orList(values.map((v) => labels[f][v] ?? v))}` });
  }
  if (state.free) out.push({ kind: 'free', text: 'Free only' });
  return out;
}

/** The state with one active part removed. */
export function withoutFilter(state: FilterState, kind: ActiveFilter['kind']): FilterState {
  if (kind === 'q') return { ...state, q: '' };
  if (kind === 'when') return { ...state, when: '' };
  if (kind === 'free') return { ...state, free: false };
  return { ...state, facets: { ...state.facets, [kind]: [] } };
}
