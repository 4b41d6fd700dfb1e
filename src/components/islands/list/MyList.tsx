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
import { setMessages, t, type Catalogue } from '../../../lib/text/messages';

interface Props {
  /** The book's name, for the printout and the text versions. */
  title: string;
  /** The place it covers, for the printout. */
  place: string;
  /** Whose bank holidays to mark in next dates (site.yaml `bank_holidays`). */
  holidays: BankHolidayRegion;
  /** site.yaml `stale_after_months`: details older than this are said to be due a check. */
  staleAfterMonths: number;
  /** The island's words (src/lib/text/messages.ts), from the page. */
  messages: Catalogue;
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

export default function MyList({ title, place, holidays, staleAfterMonths, messages }: Props) {
  setMessages(messages);
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

  /**
   * Writes my list and shows it at once: the page does not wait to hear of its own change (a
   * change made before the subscription above is in place would otherwise not be shown).
   */
  const keep = (next: readonly string[]) => {
    const saved = writeList(next);
    setMine(saved);
    setPersistent(isPersistent());
    return saved;
  };

  const moveItem = (index: number, delta: -1 | 1) => {
    const next = move(mine, index, delta);
    const id = mine[index];
    const to = index + delta;
    focusNext.current = { id, control: to === 0 ? 'down' : to === next.length - 1 ? 'up' : delta < 0 ? 'up' : 'down' };
    keep(next);
    setAnnounce(t('list.moved', { name: nameOf(id), position: to + 1, count: next.length }));
  };

  const removeItem = (index: number) => {
    const id = mine[index];
    const next = mine.filter((x) => x !== id);
    const neighbour = next[index] ?? next[index - 1];
    focusNext.current = neighbour ? { id: neighbour, control: 'heading' } : { id: '', control: 'top' };
    keep(next);
    setAnnounce(t('list.removed', { name: nameOf(id) }));
  };

  const saveShared = (how: 'replace' | 'merge') => {
    if (!shared) return;
    const saved = keep(how === 'replace' ? shared : merge(mine, shared));
    dropFragment();
    setShared(null);
    focusNext.current = { id: '', control: 'top' };
    setAnnounce(
      how === 'replace' || !mine.length
        ? t('list.saved', { count: saved.length })
        : t('list.added', { count: saved.length }),
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
        <p className="print-head__title">{t('list.print.title')}</p>
        <p>
          {title} · {place}
        </p>
        {printedOn && <p>{t('list.print.on', { date: printedOn })}</p>}
        {person.trim() && <p>{t('list.print.for', { person })}</p>}
        {note.trim() && <p className="print-head__note">{t('list.print.note', { note })}</p>}
      </div>

      <h1 ref={headingRef} tabIndex={-1} className="no-print">
        {editable ? t('layout.nav.list') : t('list.shared')}
      </h1>

      <p className="visually-hidden" role="status">
        {announce}
      </p>

      {badLink && (
        <div className="notice notice--warning no-print" role="note">
          <p>{t('list.badLink')}</p>
        </div>
      )}

      {!editable && (
        <div className="notice no-print" role="region" aria-label={t('list.sharedLabel')}>
          <p>
            <strong>{t('list.sharedWithYou', { count: shared.length })}</strong> {t('list.notSaved')}
          </p>
          {mine.length === 0 ? (
            <div className="button-group">
              <button type="button" className="button" onClick={() => saveShared('replace')}>
                {t('list.saveAs')}
              </button>
            </div>
          ) : (
            <>
              <p>{t('list.already', { count: mine.length })}</p>
              <div className="button-group">
                <button type="button" className="button" onClick={() => saveShared('merge')}>
                  {t('list.merge')}
                </button>
                <button type="button" className="button button--secondary" onClick={() => saveShared('replace')}>
                  {t('list.replace')}
                </button>
                <button type="button" className="button button--secondary" onClick={showMine}>
                  {t('list.showMine')}
                </button>
              </div>
            </>
          )}
        </div>
      )}

      {editable && !persistent && (
        <div className="notice notice--warning no-print" role="note">
          <p>{t('list.notKept')}</p>
        </div>
      )}

      {ids.length === 0 ? (
        <div className="no-print">
          <p className="lead">{t('list.empty')}</p>
          <p>
            {t('list.emptyUse')} <strong>{t('enhance.add.add')}</strong> {t('list.emptyOn')}{' '}
            <a href={href('/search/')}>{t('list.emptyResults')}</a> {t('list.emptyThen')}
          </p>
        </div>
      ) : waiting || !parts ? (
        <p className="no-print">{t('list.countLoading', { count: ids.length })}</p>
      ) : (
        <>
          <p className="no-print">
            {editable ? t('list.countKept', { count: ids.length }) : t('list.count', { count: ids.length })}
            {loading && ` ${t('list.loadingDetails')}`}
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
                        aria-label={t('list.moveUpLabel', { name: nameOf(id) })}
                        onClick={() => moveItem(index, -1)}
                      >
                        {t('list.moveUp')}
                      </button>
                    )}
                    {index < ids.length - 1 && (
                      <button
                        type="button"
                        id={domId(id, 'down')}
                        className="button button--secondary"
                        aria-label={t('list.moveDownLabel', { name: nameOf(id) })}
                        onClick={() => moveItem(index, 1)}
                      >
                        {t('list.moveDown')}
                      </button>
                    )}
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-label={t('list.removeLabel', { name: nameOf(id) })}
                      onClick={() => removeItem(index)}
                    >
                      {t('list.remove')}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ol>

          {editable && (
            <div className="no-print">
              {confirmClear ? (
                <div className="notice notice--warning" role="group" aria-label={t('list.clear')}>
                  <p>{t('list.clearAsk', { count: ids.length })}</p>
                  <div className="button-group">
                    <button
                      type="button"
                      className="button button--warning"
                      onClick={() => {
                        keep([]);
                        setConfirmClear(false);
                        focusNext.current = { id: '', control: 'top' };
                        setAnnounce(t('list.nowEmpty'));
                      }}
                    >
                      {t('list.clearYes')}
                    </button>
                    <button type="button" className="button button--secondary" onClick={() => setConfirmClear(false)}>
                      {t('list.cancel')}
                    </button>
                  </div>
                </div>
              ) : (
                <button type="button" className="button button--secondary" onClick={() => setConfirmClear(true)}>
                  {t('list.clear')}
                </button>
              )}
            </div>
          )}

          <parts.SharePanel link={link} short={short} full={full} title={title} />

          <parts.PrintPanel person={person} note={note} onPerson={setPerson} onNote={setNote} />

          <div className="print-only print-foot">
            <QrCode text={link} label={t('list.qr')} className="qr qr--print" />
            <p>
              {t('list.scan')}
              <br />
              <span className="print-foot__link">{link}</span>
            </p>
          </div>
        </>
      )}
    </div>
  );
}
