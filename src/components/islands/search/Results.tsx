/**
 * The results column: the count as its heading, "Show these on the map", then the cards. In
 * "on today" / "this week" the cards are in one list per day under a heading ("On today,
 * Tuesday 1 December"; "Tomorrow, Wednesday 2 December"), soonest first.
 */
import type { Ref } from 'react';
import { toQuery, type FilterState, type Sort } from '../../../lib/filters/state';
import { dayHeading } from '../../../lib/schedule/describe';
import type { ActiveFilter, ResultCard as Card } from '../../../lib/search/results';
import { LATER, type Counts } from './engine';
import NoResults from './NoResults';
import ResultCard from './ResultCard';
import { countOf, hasMore, missingText, type Results as SearchResults } from './useSearch';
import { href } from '../../../lib/site/paths';
import { t } from '../../../lib/text/messages';

interface Props {
  state: FilterState;
  phase: 'loading' | 'ready' | 'error';
  results: SearchResults | null;
  busy: boolean;
  blank: boolean;
  announcement: string;
  active: ActiveFilter[];
  counts: Counts | null;
  headingRef: Ref<HTMLHeadingElement>;
  /** The first card shown by the last "Show more", and the ref its link gets. */
  focusIndex?: number;
  firstNewRef: Ref<HTMLAnchorElement>;
  onRemove: (kind: ActiveFilter['kind']) => void;
  onShowMore: () => void;
  /** A new order: best match or soonest first. */
  onSort: (sort: Sort) => void;
}

/** Consecutive cards of the same day, with that day. */
function byDay(cards: Card[]): { date?: string; cards: { card: Card; index: number }[] }[] {
  const out: { date?: string; cards: { card: Card; index: number }[] }[] = [];
  cards.forEach((card, index) => {
    const last = out[out.length - 1];
    if (last && last.date === card.section) last.cards.push({ card, index });
    else out.push({ date: card.section, cards: [{ card, index }] });
  });
  return out;
}

export default function Results({
  state,
  phase,
  results,
  busy,
  blank,
  announcement,
  active,
  counts,
  headingRef,
  focusIndex,
  firstNewRef,
  onRemove,
  onShowMore,
  onSort,
}: Props) {
  const count = results ? countOf(results) : null;
  const qs = toQuery({ ...state, entry: '' });
  const now = new Date();
  const heading =
    phase === 'error' ? t('search.broken') : blank ? t('search.results') : count ? count.text : t('search.searching');
  return (
    <section className="search-results" aria-labelledby="search-results-heading" aria-busy={busy}>
      <div className="search-results__top">
        <h2 id="search-results-heading" ref={headingRef} tabIndex={-1}>
          {heading}
        </h2>
        <a className="search-results__map" href={href(`/map/${qs ? `?${qs}` : ''}`)}>
          {t('search.onMap')}
        </a>
        {!blank && !state.when && (
          <div className="search-results__sort">
            <label htmlFor="search-sort">{t('search.order')}</label>
            <select
              id="search-sort"
              value={state.sort}
              onChange={(e) => onSort(e.currentTarget.value === 'soonest' ? 'soonest' : '')}
            >
              <option value="">{t('search.bestMatch')}</option>
              <option value="soonest">{t('search.soonest')}</option>
            </select>
          </div>
        )}
      </div>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      {/* Blank, nothing is loading: the page as drawn before first use says what to do. */}
      {phase === 'loading' && !blank && <p>{t('search.loading')}</p>}
      {phase === 'error' && (
        <p>
          {t('search.couldNotLoad')} <a href={href('/neighbourhoods/')}>{t('layout.noscript.neighbourhoods')}</a>,{' '}
          <a href={href('/categories/')}>{t('layout.noscript.categories')}</a> {t('page.list.or')}{' '}
          <a href={href('/a-z/')}>{t('layout.noscript.az')}</a>
          {t('page.notFound.end')}
        </p>
      )}
      {phase !== 'error' && blank && <p>{t('search.blank')}</p>}
      {phase === 'ready' && !blank && results && count?.n === 0 && !count.atLeast && (
        <NoResults active={active} dropCounts={counts?.dropCounts ?? {}} onRemove={onRemove} />
      )}
      {phase === 'ready' && !blank && results && results.missing > 0 && (
        <div className="notice notice--warning" role="status">
          <p>{missingText(results.missing)}</p>
        </div>
      )}
      {phase === 'ready' && !blank && results && results.cards.length > 0 && (
        <>
          {state.when && count?.atLeast && <p className="hint">{t('search.irregular')}</p>}
          {byDay(results.cards).map((day) => (
            <div className="search-day" key={day.date ?? 'all'}>
              {day.date && (
                <h3 className="search-day__heading">
                  {day.date === LATER ? t('search.later') : dayHeading(day.date, now, state.when === 'today')}
                </h3>
              )}
              <ol className="card-list search-list">
                {day.cards.map(({ card, index }) => (
                  <ResultCard
                    key={card.id}
                    card={card}
                    level={day.date ? 4 : 3}
                    linkRef={focusIndex === index ? firstNewRef : undefined}
                  />
                ))}
              </ol>
            </div>
          ))}
          {hasMore(results) && (
            <button type="button" className="button button--secondary" onClick={onShowMore} disabled={busy}>
              {t('search.showMore')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
