/**
 * The search page: a search field and filters on Pagefind's JavaScript API, with the query and
 * filters in the URL (`/search/?q=walk&neighbourhood=leigh&day=tue`).
 *
 * History: the first keystroke of a bout of typing adds a history entry, later keystrokes replace
 * it, and a pause of a second ends the bout; every filter change adds an entry. Back and Forward
 * (popstate) restore the state from the URL, so a reload or a pasted link gives the same search.
 * Results update as you type: searches are coalesced (one at a time, the latest state next), so a
 * fast typist causes a few searches, not one per key, and nothing waits on a timer.
 * The result count is announced in a polite live region once results settle, not per keystroke.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { bookFacetValues, facetLabels } from '../../../lib/filters/registry';
import { filterGroups, type Group } from '../../../lib/filters/panel';
import {
  emptyState,
  isEmpty,
  parseQuery,
  selectedCount,
  toQuery,
  toggle,
  type FilterState,
} from '../../../lib/filters/state';
import { activeFilters, resultCountText, withoutFilter, type ResultCard as Card } from '../../../lib/search/results';
import { type CountedFilter } from '../../../lib/search/query';
import { loadEngine, type Counts, type Engine, type Outcome } from './engine';
import Filters from './Filters';
import ResultCard from './ResultCard';
import NoResults from './NoResults';
import { useCoalesced } from '../shared/coalesce';
import SearchField from './SearchField';
import type { BankHolidayRegion } from '../../../schema/vocab';
import './search.css';

export interface SearchProps {
  categories: { id: string; name: string; parent?: string }[];
  neighbourhoods: { id: string; name: string }[];
  /** "Wigan borough". */
  place: string;
  staleAfterMonths: number;
  /** Whose bank holidays to mark in next dates (site.yaml `bank_holidays`). */
  holidays: BankHolidayRegion;
  /** How many parts the search index is in (src/lib/search/shards.ts); 1 for most books. */
  searchShards?: number;
  /** How many entries have each filter value, from the build: the counts before any search, and which values to offer. */
  totals: Record<CountedFilter, Record<string, number>>;
}

const PAGE_SIZE = 20;
const TYPING_BOUT = 1000;
const ANNOUNCE_DELAY = 700;
/** In "when" mode, how many irregular timetables to check up front for an exact count. */
const CHECK_AHEAD = 60;

interface Results {
  outcome: Outcome;
  cards: Card[];
  next: number;
  dropped: Set<string>;
  checked: Set<string>;
  /** Results whose data could not load (offline and not cached): said on the page, not hidden. */
  missing: number;
}

export default function Search({
  categories,
  neighbourhoods,
  place,
  staleAfterMonths,
  holidays,
  totals,
  searchShards = 1,
}: SearchProps) {
  const book = useMemo(() => ({ categories, neighbourhoods, place }), [categories, neighbourhoods, place]);
  const allowed = useMemo(() => bookFacetValues(book), [book]);
  const labels = useMemo(() => facetLabels(book), [book]);
  const groups: Group[] = useMemo(() => filterGroups(book), [book]);

  const [state, setStateNow] = useState<FilterState>(() => parseQuery(window.location.search, allowed));
  const [phase, setPhase] = useState<'loading' | 'ready' | 'error'>('loading');
  const [results, setResults] = useState<Results | null>(null);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [openGroups, setOpenGroups] = useState<Set<string>>(
    () => new Set(groups.filter((g) => g.facets.some((f) => state.facets[f.facet].length > 0)).map((g) => g.id)),
  );
  /** After "Show more": the first new result, to move focus to (`n` tells one request from the next). */
  const [focusFrom, setFocusFrom] = useState<{ index: number; n: number } | null>(null);
  const [counts, setCounts] = useState<Counts | null>(null);

  const engine = useRef<Engine | null>(null);
  /** The latest state, for callbacks: set together with the state, never during a render. */
  const stateRef = useRef(state);
  const setState = (next: FilterState) => {
    stateRef.current = next;
    setStateNow(next);
  };
  /** The query whose results were just set, until the performance mark is made. */
  const renderedQuery = useRef<string | null>(null);
  const boutTimer = useRef<number | undefined>(undefined);
  const typing = useRef(false);
  const announceTimer = useRef<number | undefined>(undefined);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstNewRef = useRef<HTMLAnchorElement>(null);
  const openRef = useRef(openGroups);

  const announce = useCallback((text: string) => {
    window.clearTimeout(announceTimer.current);
    announceTimer.current = window.setTimeout(() => setAnnouncement(text), ANNOUNCE_DELAY);
  }, []);

  /** Counts for the open filter groups, after the results are on the page; the latest request wins. */
  const counter = useCoalesced<{ s: FilterState; empty: boolean }>(async ({ s, empty }, isCurrent) => {
    const e = engine.current;
    if (!e || isEmpty(s)) return;
    const wanted = groups.filter((g) => openRef.current.has(g.id)).flatMap((g) => g.facets.map((f) => f.facet));
    const c = await e.counts(s, wanted, new Date(), empty);
    if (isCurrent()) setCounts(c);
  });
  const requestCounts = counter.request;

  const runSearch = useCallback(
    async (s: FilterState, isCurrent: () => boolean) => {
      const e = engine.current;
      if (!e) return;
      if (isEmpty(s)) {
        setResults(null);
        setBusy(false);
        announce('');
        return;
      }
      setBusy(true);
      try {
        const now = new Date();
        const outcome = await e.search(s, now);
        if (!isCurrent()) return;
        const checked = new Set<string>();
        const first = await e.page(outcome, 0, PAGE_SIZE, checked, now, staleAfterMonths, holidays);
        if (!isCurrent()) return;
        const more = await e.checkUncertain(outcome, checked, CHECK_AHEAD);
        if (!isCurrent()) return;
        const dropped = new Set([...first.dropped, ...more]);
        const r = { outcome, cards: first.cards, next: first.next, dropped, checked, missing: first.missing.length };
        setResults(r);
        setBusy(false);
        renderedQuery.current = s.q;
        const c = countOf(r);
        announce(r.missing ? `${c.text}. ${missingText(r.missing)}` : c.text);
        requestCounts({ s, empty: c.n === 0 && !c.atLeast });
      } catch (err) {
        if (!isCurrent()) return;
        console.error(err);
        setPhase('error');
        setBusy(false);
      }
    },
    [announce, staleAfterMonths, holidays, requestCounts],
  );

  /** Searches run one at a time, the latest state next (src/components/islands/shared/coalesce.ts). */
  const searcher = useCoalesced<FilterState>(runSearch);
  const requestSearch = searcher.request;

  const writeHistory = useCallback((s: FilterState, mode: 'push' | 'replace') => {
    const qs = toQuery(s);
    const url = `${window.location.pathname}${qs ? `?${qs}` : ''}`;
    if (url === `${window.location.pathname}${window.location.search}`) return;
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }, []);

  // Start: canonical URL, load Pagefind, follow Back and Forward.
  useEffect(() => {
    writeHistory(stateRef.current, 'replace');
    loadEngine(searchShards).then(
      (e) => {
        engine.current = e;
        setPhase('ready');
        requestSearch(stateRef.current);
      },
      (err) => {
        console.error(err);
        setPhase('error');
      },
    );
    const onPop = () => {
      typing.current = false;
      const s = parseQuery(window.location.search, allowed);
      setState(s);
      requestSearch(s);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [allowed, requestSearch, writeHistory, searchShards]);

  // A performance mark once results are in the page (read by scripts/bench/measure-search.ts).
  useEffect(() => {
    if (results && renderedQuery.current !== null) {
      performance.mark('search:results', {
        detail: { q: renderedQuery.current, count: results.outcome.results.length },
      });
      renderedQuery.current = null;
    }
  }, [results]);

  // After "Show more", move focus to the first new result.
  useEffect(() => {
    if (focusFrom) firstNewRef.current?.focus();
  }, [focusFrom]);

  /** A filter change: new history entry, search now. */
  const update = (s: FilterState) => {
    typing.current = false;
    setState(s);
    writeHistory(s, 'push');
    requestSearch(s);
  };

  const onType = (q: string) => {
    const s = { ...stateRef.current, q };
    setState(s);
    engine.current?.preload(q);
    writeHistory(s, typing.current ? 'replace' : 'push');
    typing.current = true;
    window.clearTimeout(boutTimer.current);
    boutTimer.current = window.setTimeout(() => (typing.current = false), TYPING_BOUT);
    requestSearch(s);
  };

  const onSubmit = (ev: React.FormEvent) => {
    ev.preventDefault();
    typing.current = false;
    requestSearch(stateRef.current);
    headingRef.current?.focus();
  };

  const showMore = async () => {
    const e = engine.current;
    if (!e || !results) return;
    const isCurrent = searcher.current();
    setBusy(true);
    try {
      const now = new Date();
      const page = await e.page(
        results.outcome,
        results.next,
        PAGE_SIZE,
        results.checked,
        now,
        staleAfterMonths,
        holidays,
      );
      if (!isCurrent()) return;
      const dropped = new Set([...results.dropped, ...page.dropped]);
      const from = results.cards.length;
      const next = {
        ...results,
        cards: [...results.cards, ...page.cards],
        next: page.next,
        dropped,
        missing: results.missing + page.missing.length,
      };
      setResults(next);
      if (page.cards.length) setFocusFrom((f) => ({ index: from, n: (f?.n ?? 0) + 1 }));
      announce(
        `${page.cards.length} more shown. ${countOf(next).text}${page.missing.length ? `. ${missingText(page.missing.length)}` : ''}`,
      );
    } finally {
      if (isCurrent()) setBusy(false);
    }
  };

  const selected = selectedCount(state);
  const blank = isEmpty(state);
  const count = results ? countOf(results) : null;
  const active = activeFilters(state, labels);
  const shownCounts = blank
    ? totals
    : {
        ...(counts?.counts ?? {}),
        ...(results?.outcome.free !== undefined ? { free: { yes: results.outcome.free } } : {}),
      };

  return (
    <div className="search">
      <SearchField q={state.q} onType={onType} onSubmit={onSubmit} onSkip={() => headingRef.current?.focus()} />

      <div className="search__layout">
        <section className="search-filters" aria-labelledby="search-filters-heading">
          <h2 id="search-filters-heading" className="search-filters__heading">
            <button
              type="button"
              className="search-filters__toggle"
              aria-expanded={filtersOpen}
              aria-controls="search-filters-panel"
              onClick={() => setFiltersOpen(!filtersOpen)}
            >
              Filters{selected > 0 && ` (${selected} selected)`}
            </button>
            <span className="search-filters__title">Filters</span>
          </h2>
          <div id="search-filters-panel" className={`search-filters__panel${filtersOpen ? ' is-open' : ''}`}>
            <Filters
              state={state}
              groups={groups}
              counts={shownCounts}
              present={totals}
              open={openGroups}
              onToggleGroup={(id, open) => {
                if (openRef.current.has(id) === open) return;
                const n = new Set(openRef.current);
                if (open) n.add(id);
                else n.delete(id);
                openRef.current = n;
                setOpenGroups(n);
                if (open && results && !blank) requestCounts({ s: stateRef.current, empty: countOf(results).n === 0 });
              }}
              onToggle={(facet, value) => update(toggle(stateRef.current, facet, value, allowed))}
              onWhen={(when) => update({ ...stateRef.current, when })}
              onFree={(free) => update({ ...stateRef.current, free })}
              onClear={() => update({ ...emptyState(), q: stateRef.current.q })}
            />
          </div>
        </section>

        <section className="search-results" aria-labelledby="search-results-heading" aria-busy={busy}>
          <h2 id="search-results-heading" ref={headingRef} tabIndex={-1}>
            {phase === 'error' ? 'Search is not working' : blank ? 'Results' : count ? count.text : 'Searching…'}
          </h2>
          <div className="visually-hidden" aria-live="polite" aria-atomic="true">
            {announcement}
          </div>
          {phase === 'loading' && <p>Loading search…</p>}
          {phase === 'error' && (
            <p>
              Search could not load. You can still find every group <a href="/neighbourhoods/">by neighbourhood</a>,{' '}
              <a href="/categories/">by need</a> or <a href="/a-z/">from A to Z</a>.
            </p>
          )}
          {phase === 'ready' && blank && (
            <p>Type what you are looking for, or choose a filter. Results appear as you type.</p>
          )}
          {phase === 'ready' && !blank && results && count?.n === 0 && !count.atLeast && (
            <NoResults
              active={active}
              dropCounts={counts?.dropCounts ?? {}}
              onRemove={(kind) => update(withoutFilter(stateRef.current, kind))}
            />
          )}
          {phase === 'ready' && !blank && results && results.missing > 0 && (
            <div className="notice notice--warning" role="status">
              <p>{missingText(results.missing)}</p>
            </div>
          )}
          {phase === 'ready' && !blank && results && results.cards.length > 0 && (
            <>
              {state.when && count?.atLeast && (
                <p className="hint">More groups with irregular timetables are checked as you show more.</p>
              )}
              <ol className="card-list search-list">
                {results.cards.map((c, i) => (
                  <ResultCard key={c.id} card={c} linkRef={focusFrom?.index === i ? firstNewRef : undefined} />
                ))}
              </ol>
              {results.next < results.outcome.results.length && (
                <button type="button" className="button button--secondary" onClick={showMore} disabled={busy}>
                  Show more results
                </button>
              )}
            </>
          )}
        </section>
      </div>
    </div>
  );
}

/** Said when some results' details could not load: usually no connection and not seen before. */
function missingText(n: number): string {
  return `${n === 1 ? '1 result' : `${n} results`} could not be loaded, perhaps because there is no connection. Search again when you are back online to see ${n === 1 ? 'it' : 'them'}.`;
}

/** The count of a search: exact, or "at least" while irregular timetables are still unchecked. */
function countOf(r: Pick<Results, 'outcome' | 'dropped' | 'checked'>): { n: number; atLeast: boolean; text: string } {
  const unchecked = r.outcome.plan ? r.outcome.results.filter((x) => !x.certain && !r.checked.has(x.id)).length : 0;
  const n = r.outcome.results.length - r.dropped.size - unchecked;
  return { n, atLeast: unchecked > 0, text: resultCountText(n, unchecked > 0) };
}
