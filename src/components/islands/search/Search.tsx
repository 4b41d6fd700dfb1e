/**
 * The search page: a search field and filters on Pagefind's JavaScript API, with the query and
 * filters in the URL (`/search/?q=walk&neighbourhood=leigh&day=tue`). The state, history and
 * searching are in ./useSearch.ts; the filters' column or phone sheet in ./FilterSheet.tsx; the
 * results in ./Results.tsx. "Exit this page" appears while the words or filters touch a
 * sensitive category (src/lib/safety/sensitive.ts).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { OPEN_GROUPS, bookFacetValues, facetLabels, type FacetBook } from '../../../lib/filters/registry';
import { filterGroups, type Group } from '../../../lib/filters/panel';
import { emptyState, isEmpty, selectedCount, toggle } from '../../../lib/filters/state';
import { activeFilters, resultCountText, withoutFilter } from '../../../lib/search/results';
import { type CountedFilter } from '../../../lib/search/query';
import { isSensitiveSearch, type SensitiveTerms } from '../../../lib/safety/sensitive';
import Filters from './Filters';
import FilterSheet from './FilterSheet';
import Results from './Results';
import SearchField from './SearchField';
import { defineAddToList } from './ResultCard';
import { sayReady } from '../../../client/ready';
import ReadingNote from './ReadingNote';
import type { SearchTerms } from '../../../lib/search/terms';
import type { SearchPart } from '../../../lib/search/shards';
import type { SuggestSources } from '../../../lib/search/suggest';
import ExitThisPage from '../shared/ExitThisPage';
import { countOf, useSearch } from './useSearch';
import type { BankHolidayRegion } from '../../../schema/vocab';
import './search.css';
import { setMessages, t, type Catalogue } from '../../../lib/text/messages';

export interface SearchProps {
  /** The book's categories, neighbourhoods, place and cost bands, for the filters. */
  book: FacetBook;
  staleAfterMonths: number;
  /** Whose bank holidays to mark in next dates (site.yaml `bank_holidays`). */
  holidays: BankHolidayRegion;
  /**
   * The Pagefind bundles to ask (src/lib/search/shards.ts): one for most books, several for a very
   * big book's parts or a region's members.
   */
  searchParts: readonly SearchPart[];
  /** How many entries have each filter value, from the build: the counts before any search, and which values to offer. */
  totals: Record<CountedFilter, Record<string, number>>;
  /** The sensitive categories and their words: "Exit this page" shows when a search touches them. */
  sensitive: SensitiveTerms;
  /** The book's words for facts and needs (src/lib/search/terms.ts): "wheelchair", "tuesday", "free". */
  terms: SearchTerms;
  /** The categories with their synonyms, for suggestions while typing. */
  needs: SuggestSources['categories'];
  /** The island's words (src/lib/text/messages.ts), from the page. */
  messages: Catalogue;
}

export default function Search({
  book,
  staleAfterMonths,
  holidays,
  totals,
  sensitive,
  terms,
  needs,
  searchParts,
  messages,
}: SearchProps) {
  setMessages(messages);
  const allowed = useMemo(() => bookFacetValues(book), [book]);
  const labels = useMemo(() => facetLabels(book), [book]);
  const groups: Group[] = useMemo(() => filterGroups(book), [book]);
  const [openGroups, setOpenGroups] = useState<Set<string>>(() => new Set(OPEN_GROUPS));
  const openRef = useRef(openGroups);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstNewRef = useRef<HTMLAnchorElement>(null);
  const fieldRef = useRef<HTMLInputElement>(null);

  const search = useSearch({
    allowed,
    staleAfterMonths,
    holidays,
    searchParts,
    terms,
    typedBefore: () => fieldRef.current?.value ?? '',
    countedFacets: () => groups.filter((g) => openRef.current.has(g.id)).flatMap((g) => g.facets.map((f) => f.facet)),
  });
  const { state, stateRef, results, counts } = search;

  // Hydrated (src/client/interaction.ts): what was done before now can be answered. And "Add to
  // my list" on the result cards, ready before the first results.
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    sayReady(rootRef.current);
    void defineAddToList();
  }, []);

  // After "Show more", move focus to the first new result.
  useEffect(() => {
    if (search.focusFrom) firstNewRef.current?.focus();
  }, [search.focusFrom]);

  // Groups with a chosen value open too, so a shared link shows what it filters by.
  const { opened } = search;
  useEffect(() => {
    const chosen = opened ? groups.filter((g) => g.facets.some((f) => opened.facets[f.facet].length > 0)) : [];
    if (!chosen.length) return;
    const n = new Set([...openRef.current, ...chosen.map((g) => g.id)]);
    openRef.current = n;
    setOpenGroups(n);
  }, [opened, groups]);

  const blank = isEmpty(state);
  const count = results ? countOf(results) : null;
  const shownCounts = blank ? totals : (counts?.counts ?? {});
  const showText = blank
    ? t('search.showResults')
    : search.busy || !count
      ? t('search.showResults')
      : t('search.show', { what: resultCountText(count.n, count.atLeast).toLowerCase() });

  const exit = isSensitiveSearch(state, sensitive);
  const sources: SuggestSources = {
    categories: needs,
    neighbourhoods: book.neighbourhoods,
    groups: results?.cards ?? [],
  };
  return (
    <div className="search" ref={rootRef}>
      {exit && <ExitThisPage />}
      <SearchField
        inputRef={fieldRef}
        q={state.q}
        onType={search.type}
        onSubmit={(ev) => {
          ev.preventDefault();
          search.submit();
          headingRef.current?.focus();
        }}
        onSkip={() => headingRef.current?.focus()}
        sources={sources}
        onChoose={(s) => {
          if (s.kind === 'group') return window.location.assign(s.value);
          const facet = s.kind === 'need' ? 'category' : 'neighbourhood';
          const now = stateRef.current;
          const next = now.facets[facet].includes(s.value) ? now : toggle(now, facet, s.value, allowed);
          search.update({ ...next, q: '' });
        }}
      />
      {results && (
        <ReadingNote
          state={state}
          reading={results.reading}
          labels={labels}
          onWords={(q) => search.update({ ...stateRef.current, q })}
        />
      )}

      <div className="search__layout">
        <FilterSheet
          open={filtersOpen}
          onOpen={setFiltersOpen}
          selected={selectedCount(state)}
          showText={showText}
          head={exit && filtersOpen ? <ExitThisPage /> : undefined}
          onShow={() => {
            setFiltersOpen(false);
            headingRef.current?.focus();
          }}
        >
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
              if (open) search.recount();
            }}
            onToggle={(facet, value) => search.update(toggle(stateRef.current, facet, value, allowed))}
            onWhen={(when) => search.update({ ...stateRef.current, when })}
            onClear={() => search.update({ ...emptyState(), q: stateRef.current.q })}
          />
        </FilterSheet>

        <Results
          state={state}
          phase={search.phase}
          results={results}
          busy={search.busy}
          blank={blank}
          announcement={search.announcement}
          active={activeFilters(state, labels)}
          counts={counts}
          headingRef={headingRef}
          focusIndex={search.focusFrom?.index}
          firstNewRef={firstNewRef}
          onRemove={(kind) => search.update(withoutFilter(stateRef.current, kind))}
          onShowMore={() => void search.showMore()}
          onSort={(sort) => search.update({ ...stateRef.current, sort })}
        />
      </div>
    </div>
  );
}
