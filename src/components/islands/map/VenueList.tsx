/**
 * The groups with a place in view, as a list of links: updated when the map moves, so the map is
 * never the only way to reach an entry. The count is announced politely.
 */
import { formatDistance } from '../../../lib/map/geometry';
import { type ListItem } from '../../../lib/map/in-view';
import { STATUS_LABELS } from '../../../schema/vocab';
import { entryPage, fromBook } from '../../../lib/map/popup';
import { t } from '../../../lib/text/messages';

interface Props {
  items: ListItem[];
  total: number;
  places: number;
  sortedBy: string;
  /** Shown instead of the list while there is nothing to list yet. */
  loading?: boolean;
}

export default function VenueList({ items, total, places, sortedBy, loading }: Props) {
  const status = loading
    ? t('map.list.loading')
    : total === 0
      ? t('map.list.none')
      : t('map.list.status', {
          groups: t('common.groups', { count: total }),
          places: t('map.places', { count: places }),
          order: sortedBy || t('map.list.az'),
        });
  return (
    <section className="map-list" aria-labelledby="map-list-heading">
      <h2 id="map-list-heading">{t('map.list.heading')}</h2>
      <p role="status" className="map-list__status">
        {status}
      </p>
      {items.length > 0 && (
        <ol className="map-list__items">
          {items.map((item) => (
            <li key={item.entry.id} data-entry={item.entry.id} data-distance-km={item.distanceKm?.toFixed(4)}>
              <a href={entryPage(item.entry)}>{item.entry.name}</a>
              {item.entry.status !== 'active' && (
                <>
                  {' '}
                  <strong className={`tag ${item.entry.status === 'closed' ? 'tag--red' : 'tag--yellow'}`}>
                    {STATUS_LABELS[item.entry.status]}
                  </strong>
                </>
              )}
              <span className="map-list__meta">
                {item.venues.map((v) => item.entry.venues[v]?.name).join('; ')}
                {item.distanceKm !== undefined && (
                  <span className="map-list__distance">{` · ${formatDistance(item.distanceKm)}`}</span>
                )}
              </span>
              <span className="map-list__summary">{item.entry.summary}</span>
              {item.entry.member && <span className="map-list__from">{fromBook(item.entry)}</span>}
            </li>
          ))}
        </ol>
      )}
      {total > items.length && <p className="map-list__more">{t('map.list.more', { count: total - items.length })}</p>}
    </section>
  );
}
