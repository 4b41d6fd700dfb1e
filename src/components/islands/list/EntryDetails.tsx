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
        <a href={href(`/entries/${e.id}/`)}>{e.name}</a>
      </h2>
      {flags.length > 0 && (
        <ul className="tags my-list__flags" aria-label="Check before going">
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
            <strong>{staleNote(e.lastVerified, today)}</strong> (on {longDate(e.lastVerified)}): check with the group
            before going.
          </p>
        </div>
      )}
      <p>{e.summary}</p>
      <dl className="summary-list">
        <div>
          <dt>When</dt>
          <dd>
            {e.when.length ? (
              <ul>
                {e.when.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            ) : (
              'No regular sessions: get in touch to arrange.'
            )}
          </dd>
        </div>
        {next.length > 0 && (
          <div>
            <dt>Next dates</dt>
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
          <dt>Where</dt>
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
          <dt>How to join</dt>
          <dd>{e.join.join('; ')}</dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd>{e.cost}</dd>
        </div>
        <div>
          <dt>Contact</dt>
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
                    Website:{' '}
                    <a href={e.website} rel="noopener noreferrer">
                      {e.website}
                    </a>
                  </li>
                )}
              </ul>
            ) : (
              'Not given.'
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
        Loading {id}…
      </p>
    );
  }
  if (state === 'missing') {
    return (
      <div className="my-list__gone">
        <h2 id={headingId} tabIndex={-1}>
          No longer listed
        </h2>
        <p>
          The group “<span className="my-list__id">{id}</span>” is no longer in the book: it may have closed, merged or
          been renamed since this list was made.{' '}
          <a href={href(`/search/?q=${encodeURIComponent(id.replace(/-/g, ' '))}`)}>Search for it</a>.
        </p>
      </div>
    );
  }
  return (
    <div className="my-list__gone">
      <h2 id={headingId} tabIndex={-1}>
        Details not available
      </h2>
      <p>
        The details of “<span className="my-list__id">{id}</span>” could not be loaded. This device may be offline and
        has not saved them yet.{' '}
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Try again
        </button>
      </p>
    </div>
  );
}
