/**
 * The search page's state: the filter state and its URL, the engine, the results page by page
 * and the counts beside filter values.
 *
 * History: the first keystroke of typing adds one history entry and every later keystroke
 * replaces it (`replaceState`), until something other than typing happens (a filter, Search,
 * Back): ten letters leave one entry, so a sensitive search is not spelled out in the history,
 * and "Exit this page" replaces that one entry. Every filter change adds an entry. Back and
 * Forward (popstate) restore the state from the URL, so a reload or a pasted link gives the
 * same search. Searches are coalesced (one at a time, the latest state next), so a fast typist
 * causes a few searches, not one per key, and nothing waits on a timer. The result count is
 * announced in a polite live region once results settle, not per keystroke.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Facet } from '../../../lib/filters/registry';
import { emptyState, isEmpty, parseQuery, toQuery, type FilterState } from '../../../lib/filters/state';
import { resultCountText, type ResultCard as Card } from '../../../lib/search/results';
import { readQuery, type Reading } from '../../../lib/search/read-query';
import { WORDS_PATH, parseWordList, type WordList } from '../../../lib/search/spelling';
import type { SearchTerms } from '../../../lib/search/terms';
import type { SearchPart } from '../../../lib/search/shards';
import { href } from '../../../lib/site/paths';
import type { BankHolidayRegion } from '../../../schema/vocab';
import { useCoalesced } from '../shared/coalesce';
import { t } from '../../../lib/text/messages';
import { loadEngine, type Counts, type Cursor, type Engine, type Outcome } from './engine';

const PAGE_SIZE = 20;
const ANNOUNCE_DELAY = 700;
/** In "when" mode, how many irregular timetables to check up front for an exact count. */
const CHECK_AHEAD = 60;

export interface Results {
  outcome: Outcome;
  cards: Card[];
  cursor: Cursor;
  dropped: Set<string>;
  /** Results whose data could not load (offline and not cached): said on the page, not hidden. */
  missing: number;
  /** How the words were read: corrections, and the words taken as filters (chips). */
  reading: Reading;
}

export interface SearchOptions {
  allowed: Record<Facet, readonly string[]>;
  staleAfterMonths: number;
  holidays: BankHolidayRegion;
  searchParts: readonly SearchPart[];
  /** The facets whose counts are wanted now (those of the open filter groups). */
  countedFacets: () => Facet[];
  /** The book's words for facts and needs, for reading the words typed (src/lib/search/terms.ts). */
  terms: SearchTerms;
  /**
   * The words in the search box as the island starts: letters typed into the page as the server
   * drew it, before the island had loaded (src/client/interaction.ts). Kept, never lost.
   */
  typedBefore: () => string;
}

/** The book's word list (src/lib/search/spelling.ts), loaded once; null if it cannot load (no corrections then). */
let wordList: Promise<WordList | null> | undefined;
function loadWords(): Promise<WordList | null> {
  wordList ??= fetch(href(WORDS_PATH))
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${WORDS_PATH}: ${r.status}`))))
    .then(parseWordList)
    .catch((err: unknown) => {
      console.warn(err);
      wordList = undefined;
      return null;
    });
  return wordList;
}

/** The count of a search: exact, or "at least" while irregular timetables are still unchecked. */
export function countOf(r: Pick<Results, 'outcome' | 'dropped' | 'cursor'>): {
  n: number;
  atLeast: boolean;
  text: string;
} {
  // "Soonest first" lists every result (r.outcome.rest), so nothing is uncertain.
  const unchecked =
    r.outcome.plan && !r.outcome.rest
      ? r.outcome.results.filter((x) => !x.certain && !r.cursor.checked.has(x.id)).length
      : 0;
  const n = r.outcome.results.length - r.dropped.size - unchecked;
  return { n, atLeast: unchecked > 0, text: resultCountText(n, unchecked > 0) };
}

/** Said when some results' details could not load: usually no connection and not seen before. */
export function missingText(n: number): string {
  return t('search.missing', { count: n });
}

/** Whether more results can be shown: in "when" mode, the days' lists one after another. */
export function hasMore(r: Results): boolean {
  const total = r.outcome.plan
    ? r.outcome.sections.reduce((n, s) => n + s.results.length, 0) + (r.outcome.rest?.length ?? 0)
    : r.outcome.results.length;
  return r.cursor.next < total;
}

export function useSearch({
  allowed,
  staleAfterMonths,
  holidays,
  searchParts,
  countedFacets,
  terms,
  typedBefore,
}: SearchOptions) {
  // Empty as the server drew the page; the address's search and any letters typed are read as
  // the island starts (below), so hydration finds what the server drew.
  const [state, setStateNow] = useState<FilterState>(emptyState);
  /** The state the page opened with (its address, letters typed before it loaded): set once. */
  const [opened, setOpened] = useState<FilterState | null>(null);
  const typedRef = useRef(typedBefore);
  const [phase, setPhase] = useState<'loading' | 'ready' | 'error'>('loading');
  const [results, setResults] = useState<Results | null>(null);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [counts, setCounts] = useState<Counts | null>(null);
  /** After "Show more": the first new result, to move focus to (`n` tells one request from the next). */
  const [focusFrom, setFocusFrom] = useState<{ index: number; n: number } | null>(null);

  const engine = useRef<Engine | null>(null);
  const words = useRef<WordList | null>(null);
  /** The state as read (corrections, words as filters): what searches and counts use. */
  const read = useCallback((s: FilterState) => readQuery(s, terms, words.current, allowed), [terms, allowed]);
  /** The latest state, for callbacks: set together with the state, never during a render. */
  const stateRef = useRef(state);
  const setState = (next: FilterState) => {
    stateRef.current = next;
    setStateNow(next);
  };
  /** The query whose results were just set, until the performance mark is made. */
  const renderedQuery = useRef<string | null>(null);
  /** True while typing: later keystrokes replace the history entry the first one added. */
  const typing = useRef(false);
  const announceTimer = useRef<number | undefined>(undefined);
  const countedRef = useRef(countedFacets);
  useEffect(() => {
    countedRef.current = countedFacets;
  });

  const announce = useCallback((text: string) => {
    window.clearTimeout(announceTimer.current);
    announceTimer.current = window.setTimeout(() => setAnnouncement(text), ANNOUNCE_DELAY);
  }, []);

  /** Counts for the open filter groups, after the results are on the page; the latest request wins. */
  const counter = useCoalesced<{ s: FilterState; empty: boolean }>(async ({ s, empty }, isCurrent) => {
    const e = engine.current;
    if (!e || isEmpty(s)) return;
    // The counts are of the search as read (src/lib/search/read-query.ts).
    const c = await e.counts(s, countedRef.current(), new Date(), empty);
    if (isCurrent()) setCounts(c);
  });
  const countNow = counter.request;
  /**
   * The counts of a search wait until typing pauses (as the announcement does): they need a
   * second Pagefind instance and its filter indexes, which must not compete with the next
   * keystroke's search or with the first search's own download.
   */
  const countTimer = useRef<number | undefined>(undefined);
  const requestCounts = useCallback(
    (req: { s: FilterState; empty: boolean }) => {
      window.clearTimeout(countTimer.current);
      countTimer.current = window.setTimeout(() => countNow(req), ANNOUNCE_DELAY);
    },
    [countNow],
  );

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
        const reading = read(s);
        const outcome = await e.search(reading.effective, now, holidays);
        if (!isCurrent()) return;
        const cursor: Cursor = { next: 0, checked: new Set(), shown: new Set() };
        const first = await e.page(outcome, cursor, PAGE_SIZE, now, staleAfterMonths, holidays);
        if (!isCurrent()) return;
        const more = await e.checkUncertain(outcome, cursor.checked, CHECK_AHEAD);
        if (!isCurrent()) return;
        const dropped = new Set([...first.dropped, ...more]);
        const r: Results = { outcome, cards: first.cards, cursor, dropped, missing: first.missing.length, reading };
        setResults(r);
        setBusy(false);
        renderedQuery.current = s.q;
        const c = countOf(r);
        announce(r.missing ? `${c.text}. ${missingText(r.missing)}` : c.text);
        requestCounts({ s: reading.effective, empty: c.n === 0 && !c.atLeast });
      } catch (err) {
        if (!isCurrent()) return;
        console.error(err);
        setPhase('error');
        setBusy(false);
      }
    },
    [announce, staleAfterMonths, holidays, requestCounts, read],
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

  // Start: the address's search and letters typed before the island loaded, canonical URL,
  // load Pagefind, follow Back and Forward.
  useEffect(() => {
    const fromUrl = parseQuery(window.location.search, allowed);
    const typed = typedRef.current();
    const start = typed && typed !== fromUrl.q ? { ...fromUrl, q: typed } : fromUrl;
    writeHistory(fromUrl, 'replace');
    if (start !== fromUrl) {
      // As typing does: one history entry for the words, replaced by the next keystrokes.
      writeHistory(start, 'push');
      typing.current = true;
    }
    setState(start);
    setOpened(start);
    loadEngine(searchParts).then(
      (e) => {
        engine.current = e;
        setPhase('ready');
        requestSearch(stateRef.current);
        // The word list (cached offline with the index) after the first search, so it never delays
        // it; if it corrects the words on the page, search again. Without it nothing is corrected.
        void loadWords().then((list) => {
          words.current = list;
          if (list && read(stateRef.current).changes.length) requestSearch(stateRef.current);
        });
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
  }, [allowed, requestSearch, writeHistory, searchParts, read]);

  // A performance mark once results are in the page (read by scripts/bench/measure-search.ts).
  useEffect(() => {
    if (results && renderedQuery.current !== null) {
      performance.mark('search:results', {
        detail: { q: renderedQuery.current, count: results.outcome.results.length },
      });
      renderedQuery.current = null;
    }
  }, [results]);

  /** A filter change: new history entry, search now. */
  const update = (s: FilterState) => {
    typing.current = false;
    setState(s);
    writeHistory(s, 'push');
    requestSearch(s);
  };

  /** A keystroke in the words box: the first adds a history entry, the rest replace it. */
  const type = (q: string) => {
    const s = { ...stateRef.current, q };
    setState(s);
    engine.current?.preload(read(s).effective.q);
    writeHistory(s, typing.current ? 'replace' : 'push');
    typing.current = true;
    requestSearch(s);
  };

  /** The Search button (or Enter): search now; the next keystroke starts a new history entry. */
  const submit = () => {
    typing.current = false;
    requestSearch(stateRef.current);
  };

  const showMore = async () => {
    const e = engine.current;
    if (!e || !results) return;
    const isCurrent = searcher.current();
    setBusy(true);
    try {
      const now = new Date();
      const cursor = { ...results.cursor };
      const page = await e.page(results.outcome, cursor, PAGE_SIZE, now, staleAfterMonths, holidays);
      if (!isCurrent()) return;
      const dropped = new Set([...results.dropped, ...page.dropped]);
      const from = results.cards.length;
      const next: Results = {
        ...results,
        cards: [...results.cards, ...page.cards],
        cursor,
        dropped,
        missing: results.missing + page.missing.length,
      };
      setResults(next);
      if (page.cards.length) setFocusFrom((f) => ({ index: from, n: (f?.n ?? 0) + 1 }));
      announce(
        `${t('search.moreShown', { count: page.cards.length, results: countOf(next).text })}${page.missing.length ? `. ${missingText(page.missing.length)}` : ''}`,
      );
    } catch (err) {
      // As a failed search does: said, never a button that quietly does nothing.
      if (!isCurrent()) return;
      console.error(err);
      setPhase('error');
    } finally {
      if (isCurrent()) setBusy(false);
    }
  };

  /** Counts again, for filter groups just opened. */
  const recount = () => {
    if (results && !isEmpty(stateRef.current))
      countNow({ s: read(stateRef.current).effective, empty: countOf(results).n === 0 });
  };

  return {
    state,
    stateRef,
    opened,
    phase,
    results,
    busy,
    announcement,
    counts,
    focusFrom,
    update,
    type,
    submit,
    showMore,
    recount,
  };
}
