/** One group on the list: everything needed to act on it, or why its details are not there. */
import type { BankHolidayRegion } from '../../../schema/vocab';
import type { ListEntry } from '../../../lib/list/data';
import { entryFlags, nextDatesFor } from '../../../lib/list/text';
import { isStale, staleNote } from '../../../lib/book/stale';
import { londonDate } from '../../../lib/calendar/london';
import { longDate } from '../../../lib/calendar/words';
import '../../handover/introduce-someone';
import { formatOccurrence } from '../../../lib/schedule/describe';
import { statusNote, telHref } from '../../../lib/view/format';
import { href } from '../../../lib/site/paths';
import { t } from '../../../lib/text/messages';

export function EntryDetails({
  entry: e,
  now,
  headingId,
  holidays,
  staleAfterMonths,
}: {
  entry: ListEntry;
  now: Date;
  headingId: string;
  holidays: BankHolidayRegion;
  staleAfterMonths: number;
}) {
  const next = nextDatesFor(e, now, 3, holidays);
  const note = statusNote(e.status, e.alert, e.reopens);
  const today = londonDate(now);
  const stale = isStale(e.lastVerified, today, staleAfterMonths);
  const flags = entryFlags(e, { now, staleAfterMonths });
  return (
    <article className="my-list__entry">
      <h2 id={headingId} tabIndex={-1}>
        <a href={e.url ?? href(`/entries/${e.id}/`)}>{e.name}</a>
      </h2>
      {e.book && <p className="my-list__book">{t('card.fromBook', { book: e.book })}</p>}
      {flags.length > 0 && (
        <ul className="tags my-list__flags" aria-label={t('list.flags')}>
          {flags.map((f) => (
            <li key={f}>
              <strong className={`tag ${e.status === 'closed' ? 'tag--red' : 'tag--yellow'}`}>{f}</strong>
            </li>
          ))}
        </ul>
      )}
      {note && (
        <div className={`notice ${e.status === 'closed' ? 'notice--closed' : 'notice--warning'}`} role="note">
          <p>
            {note.label && <strong>{note.label}. </strong>}
            {note.text}
          </p>
        </div>
      )}
      {stale && (
        <div className="notice notice--warning" role="note">
          <p>
            <strong>{staleNote(e.lastVerified, today)}</strong> {t('list.staleOn', { date: longDate(e.lastVerified) })}
          </p>
        </div>
      )}
      <p>{e.summary}</p>
      <dl className="summary-list">
        <div>
          <dt>{t('page.entry.when')}</dt>
          <dd>
            {e.when.length ? (
              <ul>
                {e.when.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            ) : (
              t('page.entry.noSessions')
            )}
          </dd>
        </div>
        {next.length > 0 && (
          <div>
            <dt>{t('enhance.dates.heading')}</dt>
            <dd>
              <ul>
                {next.map((o) => (
                  <li key={o.startsAt.toISOString()}>{formatOccurrence(o, holidays)}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('page.entry.where')}</dt>
          <dd>
            {e.venues.length ? (
              <ul>
                {e.venues.map((v) => (
                  <li key={`${v.name}|${v.address}`}>
                    {v.name}, {v.address}
                  </li>
                ))}
              </ul>
            ) : (
              e.delivery.join(', ')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('page.entry.join')}</dt>
          <dd>{e.join.join('; ')}</dd>
        </div>
        <div>
          <dt>{t('page.entry.cost')}</dt>
          <dd>{e.cost}</dd>
        </div>
        <div>
          <dt>{t('page.entry.contact')}</dt>
          <dd>
            {e.contacts.length || e.website ? (
              <ul>
                {e.contacts.map((c, i) => (
                  <li key={i}>
                    {c.name && `${c.name}: `}
                    {c.phone && <a href={telHref(c.phone)}>{c.phone}</a>}
                    {c.phone && c.email && ', '}
                    {c.email && <a href={`mailto:${c.email}`}>{c.email}</a>}
                  </li>
                ))}
                {e.website && (
                  <li>
                    {t('page.entry.website')}{' '}
                    <a href={e.website} rel="noopener noreferrer">
                      {e.website}
                    </a>
                  </li>
                )}
              </ul>
            ) : (
              t('list.notGiven')
            )}
          </dd>
        </div>
      </dl>
      {e.status !== 'closed' && <introduce-someone data-group={e.name} data-contacts={JSON.stringify(e.contacts)} />}
    </article>
  );
}

export function GoneEntry({
  id,
  state,
  headingId,
  onRetry,
}: {
  id: string;
  state?: 'missing' | 'unavailable';
  headingId: string;
  onRetry: () => void;
}) {
  if (!state) {
    return (
      <p id={headingId} tabIndex={-1} className="secondary">
        {t('list.loadingId', { id })}
      </p>
    );
  }
  if (state === 'missing') {
    return (
      <div className="my-list__gone">
        <h2 id={headingId} tabIndex={-1}>
          {t('list.gone')}
        </h2>
        <p>
          {t('list.goneBefore')}
          <span className="my-list__id">{id}</span>
          {t('list.goneAfter')}{' '}
          <a href={href(`/search/?q=${encodeURIComponent(id.replace(/-/g, ' '))}`)}>{t('list.searchForIt')}</a>
          {t('page.notFound.end')}
        </p>
      </div>
    );
  }
  return (
    <div className="my-list__gone">
      <h2 id={headingId} tabIndex={-1}>
        {t('list.unavailable')}
      </h2>
      <p>
        {t('list.unavailableBefore')}
        <span className="my-list__id">{id}</span>
        {t('list.unavailableAfter')}{' '}
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('list.retry')}
        </button>
      </p>
    </div>
  );
}
