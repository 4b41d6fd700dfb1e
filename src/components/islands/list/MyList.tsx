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
import { useCallback, useEffect, useRef, useState } from 'react';
import { decodeFragment, merge, move, shareUrl as makeShareUrl } from '../../../lib/list/codec';
import { isPersistent, readList, subscribe, writeList } from '../../../lib/list/store';
import type { TextContext } from '../../../lib/list/text';
import type { BankHolidayRegion } from '../../../schema/vocab';
import { loadEntries, type Loaded } from '../shared/list-client';
import QrCode from './LazyQrCode';
import ExitThisPage from '../shared/ExitThisPage';
import { useParts } from './useParts';
import './list.css';
import { href } from '../../../lib/site/paths';
import { plural } from '../../../lib/text/words';

interface Props {
  /** The book's name, for the printout and the text versions. */
  title: string;
  /** The place it covers, for the printout. */
  place: string;
  /** Whose bank holidays to mark in next dates (site.yaml `bank_holidays`). */
  holidays: BankHolidayRegion;
  /** site.yaml `stale_after_months`: details older than this are said to be due a check. */
  staleAfterMonths: number;
}

type Focus = { id: string; control: 'up' | 'down' | 'heading' } | { id: ''; control: 'top' };

const domId = (id: string, part: string) => `list-${part}-${id}`;

/**
 * What the page's link holds: a shared list (when it differs from my own), or nothing. A link
 * whose ids are all gone or garbled is `bad`; a link equal to my own list, or bad, is dropped
 * from the address (`drop`), so a reload shows my list.
 */
function readLink(own: readonly string[]): { shared: string[] | null; bad: boolean; drop: boolean } {
  const fromLink = decodeFragment(window.location.hash);
  const bad = fromLink !== null && fromLink.length === 0;
  if (fromLink === null || bad || fromLink.join() === own.join()) return { shared: null, bad, drop: fromLink !== null };
  return { shared: fromLink, bad, drop: false };
}

/** The address without its fragment, so a saved or dismissed shared list does not come back on reload. */
function dropFragment(): void {
  history.replaceState(null, '', window.location.pathname + window.location.search);
}

export default function MyList({ title, place, holidays, staleAfterMonths }: Props) {
  // A client:only island: the first render is in the browser, so it starts from the real list.
  const [mine, setMine] = useState<string[]>(readList);
  const [{ shared, bad: badLink, drop }, setLink] = useState(() => readLink(readList()));
  const setShared = (ids: string[] | null) => setLink((l) => ({ ...l, shared: ids, drop: false }));
  const [data, setData] = useState<Map<string, Loaded>>(new Map());
  const [now, setNow] = useState(() => new Date());
  // The book's root address (its path included, for a book at a project address): share links and texts.
  const [origin] = useState(() => window.location.origin + href('/').slice(0, -1));
  const [persistent, setPersistent] = useState(isPersistent);
  const [announce, setAnnounce] = useState('');
  const [confirmClear, setConfirmClear] = useState(false);
  const [person, setPerson] = useState('');
  const [note, setNote] = useState('');
  const focusNext = useRef<Focus | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Follow changes from other islands and tabs, a new link, and printing (next dates as printed).
  useEffect(() => {
    if (drop) dropFragment();
  }, [drop]);
  useEffect(() => {
    const onList = () => {
      setMine(readList());
      setPersistent(isPersistent());
    };
    const onHash = () => setLink(readLink(readList()));
    const onPrint = () => setNow(new Date());
    const unsubscribe = subscribe(onList);
    window.addEventListener('hashchange', onHash);
    window.addEventListener('beforeprint', onPrint);
    return () => {
      unsubscribe();
      window.removeEventListener('hashchange', onHash);
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
  // Fetch the details of the ids not known yet (only when the ids change, not when details arrive).
  const wantedKey = ids.join();
  const known = useRef(data);
  useEffect(() => {
    known.current = data;
  }, [data]);
  useEffect(() => {
    load(wantedKey.split(',').filter((id) => id && !known.current.has(id)));
  }, [wantedKey, load]);

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
  // The parts a list with groups draws (./parts.ts) load once it has any.
  const parts = useParts(ids.length > 0);
  // Nothing of the list is drawn until its details first arrive: drawn earlier, the groups grow
  // from placeholders into their details and push the page down as they load (a layout shift).
  const waiting = entries.length > 0 && entries.every((e) => !e.loaded);
  const link = origin ? makeShareUrl(origin, ids) : '';
  const ctx: TextContext = { now, origin, shareUrl: link, title, holidays, staleAfterMonths };
  const short = found.length && parts ? parts.smsText(found, ctx) : '';
  const full = found.length && parts ? parts.fullText(found, ctx, missing) : '';
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
    dropFragment();
    setShared(null);
    focusNext.current = { id: '', control: 'top' };
    setAnnounce(
      how === 'replace' || !mine.length
        ? `Saved. Your list now has ${plural(saved.length, 'group')}.`
        : `Added. Your list now has ${plural(saved.length, 'group')}.`,
    );
  };

  const showMine = () => {
    dropFragment();
    setShared(null);
    focusNext.current = { id: '', control: 'top' };
  };

  const printedOn = parts?.printedOn(now);

  return (
    <div className="my-list">
      {found.some((e) => e.sensitive) && <ExitThisPage />}
      <div className="print-only print-head">
        <p className="print-head__title">Support plan</p>
        <p>
          {title} · {place}
        </p>
        {printedOn && <p>Printed on {printedOn}</p>}
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
            Use <strong>Add to my list</strong> on a group's page or in <a href={href('/search/')}>search results</a> to
            pick groups for someone. Then share the list as a link, a QR code or a text message, or print it as a
            support plan. It is kept on this device only.
          </p>
        </div>
      ) : waiting || !parts ? (
        <p className="no-print">
          {ids.length} {ids.length === 1 ? 'group' : 'groups'}. Loading details…
        </p>
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
                  <parts.EntryDetails
                    holidays={holidays}
                    staleAfterMonths={staleAfterMonths}
                    entry={loaded.entry}
                    now={now}
                    headingId={domId(id, 'heading')}
                  />
                ) : (
                  <parts.GoneEntry
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
                  <p>Take all {plural(ids.length, 'group')} off your list on this device?</p>
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

          <parts.SharePanel link={link} short={short} full={full} title={title} />

          <parts.PrintPanel person={person} note={note} onPerson={setPerson} onNote={setNote} />

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
