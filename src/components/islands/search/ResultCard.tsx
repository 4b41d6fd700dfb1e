/**
 * One search result: name, status, summary, "Add to my list", then where, next session, cost and
 * the stale marker. Text only. `<add-to-list>` is a custom element (src/components/enhance/
 * add-to-list.ts), defined in the browser only: `defineAddToList` loads it as the island starts.
 */
import type { Ref } from 'react';
import type { ResultCard as Card } from '../../../lib/search/results';
import { t } from '../../../lib/text/messages';

export default function ResultCard({
  card,
  linkRef,
  level = 3,
}: {
  card: Card;
  linkRef?: Ref<HTMLAnchorElement>;
  /** The heading level of the name: 4 under a day's heading. */
  level?: 3 | 4;
}) {
  const Heading = level === 4 ? 'h4' : 'h3';
  return (
    <li
      className="card search-card"
      data-entry-id={card.id}
      data-status={card.status}
      data-stale={card.staleLabel ? 'yes' : 'no'}
    >
      <Heading className="search-card__name">
        <a href={card.url} ref={linkRef}>
          {card.name}
        </a>
      </Heading>
      {card.statusLabel && (
        <p>
          <strong className={`tag ${card.status === 'closed' ? 'tag--red' : 'tag--yellow'}`}>{card.statusLabel}</strong>
        </p>
      )}
      {card.book && <p className="search-card__book">{t('card.fromBook', { book: card.book })}</p>}
      <p>{card.summary}</p>
      <add-to-list data-id={card.id} data-name={card.name} />
      <ul className="search-card__meta meta">
        {card.places && <li>{card.places}</li>}
        <li>{card.next}</li>
        {card.cost && <li>{card.cost}</li>}
        {card.staleLabel && (
          <li>
            <strong className="tag tag--grey">{card.staleLabel}</strong>
          </li>
        )}
      </ul>
    </li>
  );
}

/** Defines `<add-to-list>` in the browser (it extends HTMLElement, so it cannot load on the server). */
export const defineAddToList = () => import('../../enhance/add-to-list-element');
