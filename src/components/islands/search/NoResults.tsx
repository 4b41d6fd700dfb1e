/** No results: says so, offers to drop each part of the search (with what that would give), and links to browsing. */
import { resultCountText, type ActiveFilter } from '../../../lib/search/results';
import { href } from '../../../lib/site/paths';
import { t } from '../../../lib/text/messages';

interface Props {
  active: ActiveFilter[];
  /** How many results dropping each part would give, when known. */
  dropCounts: Partial<Record<ActiveFilter['kind'], number>>;
  onRemove: (kind: ActiveFilter['kind']) => void;
}

export default function NoResults({ active, dropCounts, onRemove }: Props) {
  return (
    <div className="search-none">
      <p>{t('search.none')}</p>
      {active.length > 0 && (
        <>
          <p>{t('search.tryRemoving')}</p>
          <ul className="search-none__list">
            {active.map((a) => {
              const n = dropCounts[a.kind];
              return (
                <li key={a.kind}>
                  <button type="button" className="button button--secondary" onClick={() => onRemove(a.kind)}>
                    {t('search.remove', { what: a.text })}
                    {n !== undefined && ` (${resultCountText(n).toLowerCase()})`}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <p>
        {t('search.orBrowse')} <a href={href('/neighbourhoods/')}>{t('layout.noscript.neighbourhoods')}</a>,{' '}
        <a href={href('/categories/')}>{t('layout.noscript.categories')}</a> {t('page.list.or')}{' '}
        <a href={href('/a-z/')}>{t('layout.noscript.az')}</a>
        {t('page.notFound.end')}
      </p>
    </div>
  );
}
