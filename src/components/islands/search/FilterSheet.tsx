/**
 * Where the filters live. On a wide screen, a column beside the results. On a phone, a "Filters"
 * button opens them as a full-height sheet over the page (a modal dialog: focus moves in, Tab
 * stays in, Escape or "Close" shuts it), with a sticky "Show N results" button whose count
 * follows the boxes as they are ticked, and which shuts the sheet onto the results.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useMediaQuery } from '../shared/useMediaQuery';
import { t } from '../../../lib/text/messages';

interface Props {
  open: boolean;
  onOpen: (open: boolean) => void;
  /** How many filter values are chosen, for the button. */
  selected: number;
  /** "Show 12 results" while searching settles: the latest count. */
  showText: string;
  /** Called by "Show N results": close and go to the results. */
  onShow: () => void;
  /** Shown at the top of the sheet: "Exit this page" on a sensitive search (the page's own is under the sheet). */
  head?: ReactNode;
  children: ReactNode;
}

/** The width from which the filters are a column rather than a sheet (as in search.css). */
export const WIDE = '(min-width: 48em)';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

export default function FilterSheet({ open, onOpen, selected, showText, onShow, head, children }: Props) {
  const wide = useMediaQuery(WIDE);
  const sheet = !wide && open;
  const panelRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const wasSheet = useRef(false);

  // Into the sheet when it opens; back to the button when it closes (unless "Show" moved focus).
  useEffect(() => {
    if (sheet) titleRef.current?.focus();
    else if (wasSheet.current && document.activeElement === document.body) toggleRef.current?.focus();
    wasSheet.current = sheet;
    document.documentElement.classList.toggle('has-sheet', sheet);
    return () => document.documentElement.classList.remove('has-sheet');
  }, [sheet]);

  // While a sheet: Escape closes it, and Tab goes round inside it.
  useEffect(() => {
    const panel = panelRef.current;
    if (!sheet || !panel) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Escape') return onOpen(false);
      if (e.key !== 'Tab') return;
      const items = [...panel.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent);
      const first = items[0];
      const last = items[items.length - 1];
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    };
    panel.addEventListener('keydown', onKeyDown);
    return () => panel.removeEventListener('keydown', onKeyDown);
  }, [sheet, onOpen]);

  return (
    <section className="search-filters" aria-labelledby="search-filters-heading">
      <h2 id="search-filters-heading" className="search-filters__heading">
        <button
          ref={toggleRef}
          type="button"
          className="search-filters__toggle"
          aria-expanded={open}
          aria-controls="search-filters-panel"
          onClick={() => onOpen(!open)}
        >
          {t('search.filters')}
          {selected > 0 && ` ${t('search.selected', { count: selected })}`}
        </button>
        <span className="search-filters__title">{t('search.filters')}</span>
      </h2>
      <div
        id="search-filters-panel"
        ref={panelRef}
        className={`search-filters__panel${open ? ' is-open' : ''}${sheet ? ' is-sheet' : ''}`}
        {...(sheet && { role: 'dialog', 'aria-modal': true, 'aria-labelledby': 'search-sheet-title' })}
      >
        {sheet && (
          <div className="search-sheet__head">
            <h2 id="search-sheet-title" ref={titleRef} tabIndex={-1}>
              {t('search.filters')}
            </h2>
            {head}
            <button type="button" className="button button--secondary" onClick={() => onOpen(false)}>
              {t('search.close')}
            </button>
          </div>
        )}
        <div className="search-sheet__body">{children}</div>
        {sheet && (
          <div className="search-sheet__foot">
            <button type="button" className="button search-sheet__show" onClick={onShow}>
              {showText}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
