/**
 * The /list/ page: my list (or a list someone shared), with everything needed to act on each
 * group; remove and reorder; share by link, QR code, text message, email or the Web Share API;
 * print as a support plan.
 *
 * A list holding a group from a sensitive category (domestic abuse and the like) gets the same
 * "Exit this page" button as that group's own page.
 *
 * Privacy: the list is ids in local storage (src/lib/list/store.ts) or in the link's fragment.
 * The name and note typed for printing live in this component's state only: never stored,
 * never put in a link or text.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { decodeFragment, merge, move, shareUrl as makeShareUrl } from '../../../lib/list/codec';
import { isPersistent, readList, subscribe, writeList } from '../../../lib/list/store';
import { fullText, mailtoHref, nextDatesFor, smsHref, smsText, type TextContext } from '../../../lib/list/text';
import type { ListEntry } from '../../../lib/list/data';
import type { BankHolidayRegion } from '../../../schema/vocab';
import { formatDateLong } from '../../../lib/calendar/words';
import { formatOccurrence } from '../../../lib/schedule/describe';
import { londonDate } from '../../../lib/calendar/london';
import { telHref } from '../../../lib/view/format';
import { loadEntries, type Loaded } from '../shared/list-client';
import QrCode from './QrCode';
import ExitThisPage from '../shared/ExitThisPage';

interface Props {
  /** The book's name, for the printout and the text versions. */
  title: string;
  /** The place it covers, for the printout. */
  place: string;
  /** Whose bank holidays to mark in next dates (site.yaml `bank_holidays`). */
  holidays: BankHolidayRegion;
}

type Focus = { id: string; control: 'up' | 'down' | 'heading' } | { id: ''; control: 'top' };

const domId = (id: string, part: string) => `list-${part}-${id}`;

export default function MyList({ title, place, holidays }: Props) {
  const [ready, setReady] = useState(false);
  const [mine, setMine] = useState<string[]>([]);
  const [shared, setShared] = useState<string[] | null>(null);
  const [badLink, setBadLink] = useState(false);
  const [data, setData] = useState<Map<string, Loaded>>(new Map());
  const [now, setNow] = useState(() => new Date(0));
  const [origin, setOrigin] = useState('');
  const [persistent, setPersistent] = useState(true);
  const [announce, setAnnounce] = useState('');
  const [shareMessage, setShareMessage] = useState('');
  const [confirmClear, setConfirmClear] = useState(false);
  const [person, setPerson] = useState('');
  const [note, setNote] = useState('');
  const [canShare, setCanShare] = useState(false);
  const focusNext = useRef<Focus | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Read the list and the link once in the browser; follow changes from other islands and tabs.
  useEffect(() => {
    const readHash = () => {
      const fromLink = decodeFragment(window.location.hash);
      const own = readList();
      setBadLink(fromLink !== null && fromLink.length === 0);
      if (fromLink === null || fromLink.length === 0 || fromLink.join() === own.join()) {
        if (fromLink !== null) history.replaceState(null, '', window.location.pathname + window.location.search);
        setShared(null);
      } else {
        setShared(fromLink);
      }
    };
    const syncMine = () => {
      setMine(readList());
      setPersistent(isPersistent());
    };
    const onPrint = () => setNow(new Date());
    syncMine();
    readHash();
    setNow(new Date());
    setOrigin(window.location.origin);
    setCanShare(typeof navigator.share === 'function');
    setReady(true);
    const unsubscribe = subscribe(syncMine);
    window.addEventListener('hashchange', readHash);
    window.addEventListener('beforeprint', onPrint);
    return () => {
      unsubscribe();
      window.removeEventListener('hashchange', readHash);
      window.removeEventListener('beforeprint', onPrint);
    };
  }, []);

  const ids = shared ?? mine;

  // Fetch the details of ids not known yet.
  const load = useCallback((wanted: readonly string[]) => {
    if (!wanted.length) return;
    void loadEntries(wanted).then((found) =>
      setData((old) => {
        const next = new Map(old);
        for (const [id, value] of found) next.set(id, value);
        return next;
      }),
    );
  }, []);
  useEffect(() => {
    if (ready) load(ids.filter((id) => !data.has(id)));
    // `data` is left out on purpose: a fetch is only wanted when the ids change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, ids.join(), load]);

  // Put focus back where the person was after a move or removal re-renders the list.
  useEffect(() => {
    const f = focusNext.current;
    if (!f) return;
    focusNext.current = null;
    if (f.control === 'top') headingRef.current?.focus();
    else {
      const el = document.getElementById(domId(f.id, f.control)) ?? document.getElementById(domId(f.id, 'heading'));
      el?.focus();
    }
  });

  const entries = ids.map((id) => ({ id, loaded: data.get(id) }));
  const found = entries.flatMap((e) => (e.loaded?.status === 'found' ? [e.loaded.entry] : []));
  const missing = entries.filter((e) => e.loaded?.status === 'missing').length;
  const loading = entries.some((e) => !e.loaded);
  const link = origin ? makeShareUrl(origin, ids) : '';
  const ctx: TextContext = useMemo(
    () => ({ now, origin, shareUrl: link, title, holidays }),
    [now, origin, link, title, holidays],
  );
  const short = useMemo(() => (found.length ? smsText(found, ctx) : ''), [found, ctx]);
  const full = useMemo(() => (found.length ? fullText(found, ctx, missing) : ''), [found, ctx, missing]);
  const editable = shared === null;

  const nameOf = (id: string) => {
    const l = data.get(id);
    return l?.status === 'found' ? l.entry.name : id;
  };

  const moveItem = (index: number, delta: -1 | 1) => {
    const next = move(mine, index, delta);
    const id = mine[index];
    const to = index + delta;
    focusNext.current = { id, control: to === 0 ? 'down' : to === next.length - 1 ? 'up' : delta < 0 ? 'up' : 'down' };
    writeList(next);
    setAnnounce(`Moved ${nameOf(id)} to number ${to + 1} of ${next.length}.`);
  };

  const removeItem = (index: number) => {
    const id = mine[index];
    const next = mine.filter((x) => x !== id);
    const neighbour = next[index] ?? next[index - 1];
    focusNext.current = neighbour ? { id: neighbour, control: 'heading' } : { id: '', control: 'top' };
    writeList(next);
    setAnnounce(`Removed ${nameOf(id)} from your list.`);
  };

  const saveShared = (how: 'replace' | 'merge') => {
    if (!shared) return;
    const saved = writeList(how === 'replace' ? shared : merge(mine, shared));
    history.replaceState(null, '', window.location.pathname + window.location.search);
    setShared(null);
    focusNext.current = { id: '', control: 'top' };
    setAnnounce(
      how === 'replace' || !mine.length
        ? `Saved. Your list now has ${saved.length} groups.`
        : `Added. Your list now has ${saved.length} groups.`,
    );
  };

  const showMine = () => {
    history.replaceState(null, '', window.location.pathname + window.location.search);
    setShared(null);
    focusNext.current = { id: '', control: 'top' };
  };

  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setShareMessage(`${what} copied. Paste it where you need it.`);
    } catch {
      setShareMessage(`Could not copy automatically. Select the ${what.toLowerCase()} and copy it.`);
    }
  };

  const share = async () => {
    try {
      await navigator.share({ title: `Local support from ${title}`, text: short });
    } catch {
      // Cancelled, or not allowed: nothing to do.
    }
  };

  if (!ready) {
    return (
      <div className="my-list">
        <h1>My list</h1>
        <p className="secondary">Loading your list…</p>
      </div>
    );
  }

  const printedOn = formatDateLong(londonDate(now));

  return (
    <div className="my-list">
      {found.some((e) => e.sensitive) && <ExitThisPage />}
      <div className="print-only print-head">
        <p className="print-head__title">Support plan</p>
        <p>
          {title} · {place}
        </p>
        <p>Printed on {printedOn}</p>
        {person.trim() && <p>For: {person}</p>}
        {note.trim() && <p className="print-head__note">Note: {note}</p>}
      </div>

      <h1 ref={headingRef} tabIndex={-1} className="no-print">
        {editable ? 'My list' : 'A shared list'}
      </h1>

      <p className="visually-hidden" role="status">
        {announce}
      </p>

      {badLink && (
        <div className="notice notice--warning no-print" role="note">
          <p>The link you opened has no groups in it. It may have been cut short when it was copied.</p>
        </div>
      )}

      {!editable && (
        <div className="notice no-print" role="region" aria-label="Shared list">
          <p>
            <strong>
              Someone shared this list of {shared.length} {shared.length === 1 ? 'group' : 'groups'} with you.
            </strong>{' '}
            It is not saved on this device.
          </p>
          {mine.length === 0 ? (
            <div className="button-group">
              <button type="button" className="button" onClick={() => saveShared('replace')}>
                Save as my list
              </button>
            </div>
          ) : (
            <>
              <p>
                You already have a list of {mine.length} {mine.length === 1 ? 'group' : 'groups'} on this device. Saving
                will not change it unless you choose to.
              </p>
              <div className="button-group">
                <button type="button" className="button" onClick={() => saveShared('merge')}>
                  Add these to my list
                </button>
                <button type="button" className="button button--secondary" onClick={() => saveShared('replace')}>
                  Replace my list with this one
                </button>
                <button type="button" className="button button--secondary" onClick={showMine}>
                  Show my list instead
                </button>
              </div>
            </>
          )}
        </div>
      )}

      {editable && !persistent && (
        <div className="notice notice--warning no-print" role="note">
          <p>
            This browser is not keeping your list (private browsing, or storage is turned off). It will be lost when you
            close this page: share or print it first.
          </p>
        </div>
      )}

      {ids.length === 0 ? (
        <div className="no-print">
          <p className="lead">Your list is empty.</p>
          <p>
            Use <strong>Add to my list</strong> on a group's page or in <a href="/search/">search results</a> to pick
            groups for someone. Then share the list as a link, a QR code or a text message, or print it as a support
            plan. It is kept on this device only.
          </p>
        </div>
      ) : (
        <>
          <p className="no-print">
            {ids.length} {ids.length === 1 ? 'group' : 'groups'}
            {editable ? ', kept on this device only.' : '.'}
            {loading && ' Loading details…'}
          </p>
          <ol className="my-list__items">
            {entries.map(({ id, loaded }, index) => (
              <li key={id} className={`my-list__item${loaded?.status === 'found' ? '' : ' my-list__item--gone'}`}>
                {loaded?.status === 'found' ? (
                  <EntryDetails holidays={holidays} entry={loaded.entry} now={now} headingId={domId(id, 'heading')} />
                ) : (
                  <GoneEntry
                    id={id}
                    state={loaded?.status}
                    headingId={domId(id, 'heading')}
                    onRetry={() => load([id])}
                  />
                )}
                {editable && (
                  <div className="my-list__controls no-print">
                    {index > 0 && (
                      <button
                        type="button"
                        id={domId(id, 'up')}
                        className="button button--secondary"
                        aria-label={`Move up: ${nameOf(id)}`}
                        onClick={() => moveItem(index, -1)}
                      >
                        Move up
                      </button>
                    )}
                    {index < ids.length - 1 && (
                      <button
                        type="button"
                        id={domId(id, 'down')}
                        className="button button--secondary"
                        aria-label={`Move down: ${nameOf(id)}`}
                        onClick={() => moveItem(index, 1)}
                      >
                        Move down
                      </button>
                    )}
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-label={`Remove: ${nameOf(id)}`}
                      onClick={() => removeItem(index)}
                    >
                      Remove
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ol>

          {editable && (
            <div className="no-print">
              {confirmClear ? (
                <div className="notice notice--warning" role="group" aria-label="Clear my list">
                  <p>Take all {ids.length} groups off your list on this device?</p>
                  <div className="button-group">
                    <button
                      type="button"
                      className="button button--warning"
                      onClick={() => {
                        writeList([]);
                        setConfirmClear(false);
                        focusNext.current = { id: '', control: 'top' };
                        setAnnounce('Your list is now empty.');
                      }}
                    >
                      Yes, clear my list
                    </button>
                    <button type="button" className="button button--secondary" onClick={() => setConfirmClear(false)}>
                      Cancel
                    </button>
                  </div>
                </div>
              ) : (
                <button type="button" className="button button--secondary" onClick={() => setConfirmClear(true)}>
                  Clear my list
                </button>
              )}
            </div>
          )}

          <section className="my-list__share no-print" aria-labelledby="share-heading">
            <h2 id="share-heading">Share this list</h2>
            <p>
              The link holds only the groups' ids, after the #, so it never reaches a server log. Whoever opens it sees
              this list and can save it.
            </p>
            <label htmlFor="share-link">Link to this list</label>
            <div className="my-list__copy">
              <input id="share-link" type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
              <button type="button" className="button" onClick={() => copy(link, 'Link')}>
                Copy link
              </button>
            </div>
            <figure className="my-list__qr">
              <QrCode text={link} label="QR code of the link to this list" className="qr" />
              <figcaption>Scan with a phone's camera to open this list.</figcaption>
            </figure>
            <h3>Send the details</h3>
            <ul className="my-list__actions">
              <li>
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={!short}
                  onClick={() => copy(short, 'Short text')}
                >
                  Copy short text (for a text message)
                </button>
              </li>
              <li>
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={!full}
                  onClick={() => copy(full, 'Full text')}
                >
                  Copy full text (for an email or case notes)
                </button>
              </li>
              {short && (
                <li>
                  <a href={smsHref(short)}>Send by text message</a>
                </li>
              )}
              {full && (
                <li>
                  <a href={mailtoHref(`Local support from ${title}`, full, short)}>Send by email</a>
                </li>
              )}
              {canShare && short && (
                <li>
                  <button type="button" className="button button--secondary" onClick={share}>
                    Share with an app…
                  </button>
                </li>
              )}
            </ul>
            <p className="my-list__message" role="status">
              {shareMessage}
            </p>
            {full && (
              <details className="my-list__texts">
                <summary>See the text before sending</summary>
                <label htmlFor="short-text">Short text ({short.length} characters)</label>
                <textarea id="short-text" readOnly rows={6} value={short} />
                <label htmlFor="full-text">Full text</label>
                <textarea id="full-text" readOnly rows={12} value={full} />
              </details>
            )}
          </section>

          <section className="my-list__print no-print" aria-labelledby="print-heading">
            <h2 id="print-heading">Print a support plan</h2>
            <p>
              An A4 page with each group's times, next dates, address, contacts and how to join, and a QR code back to
              this list.
            </p>
            <label htmlFor="print-name">Name (not saved)</label>
            <p className="hint" id="print-hint">
              Optional. Only printed on the page: never saved on this device or put in a link.
            </p>
            <input
              id="print-name"
              type="text"
              autoComplete="off"
              aria-describedby="print-hint"
              value={person}
              onChange={(e) => setPerson(e.target.value)}
            />
            <label htmlFor="print-note">Note (not saved)</label>
            <textarea
              id="print-note"
              autoComplete="off"
              aria-describedby="print-hint"
              rows={3}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <p>
              <button type="button" className="button" onClick={() => window.print()}>
                Print support plan
              </button>
            </p>
          </section>

          <div className="print-only print-foot">
            <QrCode text={link} label="QR code of the link to this list" className="qr qr--print" />
            <p>
              Scan to open this list, or go to:
              <br />
              <span className="print-foot__link">{link}</span>
            </p>
          </div>
        </>
      )}
    </div>
  );
}

function EntryDetails({
  entry: e,
  now,
  headingId,
  holidays,
}: {
  entry: ListEntry;
  now: Date;
  headingId: string;
  holidays: BankHolidayRegion;
}) {
  const next = nextDatesFor(e, now);
  return (
    <article className="my-list__entry">
      <h2 id={headingId} tabIndex={-1}>
        <a href={`/entries/${e.id}/`}>{e.name}</a>
      </h2>
      {e.statusLabel ? (
        <div className={`notice ${e.status === 'closed' ? 'notice--closed' : 'notice--warning'}`} role="note">
          <p>
            <strong>{e.statusLabel}.</strong>{' '}
            {e.alert ??
              (e.status === 'closed' ? 'This group has stopped meeting.' : 'Check with the group before going.')}
          </p>
        </div>
      ) : (
        e.alert && (
          <div className="notice notice--warning" role="note">
            <p>{e.alert}</p>
          </div>
        )
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
    </article>
  );
}

function GoneEntry({
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
          <a href={`/search/?q=${encodeURIComponent(id.replace(/-/g, ' '))}`}>Search for it</a>.
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
