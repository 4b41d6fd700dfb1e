/** One search result: name, status, summary, "Add to my list", then where, next session, cost and the stale marker. Text only. */
import type { Ref } from 'react';
import type { ResultCard as Card } from '../../../lib/search/results';
import { AddToListButton } from '../shared/AddToList';

export default function ResultCard({ card, linkRef }: { card: Card; linkRef?: Ref<HTMLAnchorElement> }) {
  return (
    <li
      className="card search-card"
      data-entry-id={card.id}
      data-status={card.status}
      data-stale={card.staleLabel ? 'yes' : 'no'}
    >
      <h3>
        <a href={card.url} ref={linkRef}>
          {card.name}
        </a>
      </h3>
      {card.statusLabel && (
        <p>
          <strong className={`tag ${card.status === 'closed' ? 'tag--red' : 'tag--yellow'}`}>{card.statusLabel}</strong>
        </p>
      )}
      <p>{card.summary}</p>
      <AddToListButton id={card.id} name={card.name} />
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
