/**
 * The search field: words, a Search button, and a skip link to the results. While typing it
 * offers needs, places and groups that start with the words (src/lib/search/suggest.ts) as a
 * WAI-ARIA combobox (the "list autocomplete" pattern): Down and Up move through the options,
 * Enter chooses one, Escape closes the list, and the number of suggestions is announced.
 * Focus stays in the box; the options are never needed to search.
 */
import { useEffect, useId, useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { href } from '../../../lib/site/paths';
import { suggestions, type Suggestion, type SuggestSources } from '../../../lib/search/suggest';
import { t } from '../../../lib/text/messages';

interface Props {
  /** The words box, read as the island starts (letters typed before it loaded). */
  inputRef: RefObject<HTMLInputElement | null>;
  q: string;
  onType: (q: string) => void;
  onSubmit: (event: FormEvent) => void;
  /** Moves focus to the results. */
  onSkip: () => void;
  /** What the options are drawn from. */
  sources: SuggestSources;
  /** A need or place chosen: filter by it; a group chosen: its page opens. */
  onChoose: (s: Suggestion) => void;
}

export default function SearchField({ inputRef, q, onType, onSubmit, onSkip, sources, onChoose }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const options = open ? suggestions(q, sources) : [];
  const shown = options.length > 0;
  const optionId = (i: number) => `${id}-option-${i}`;

  // Letters typed before the island loaded: their suggestions show, as if typed now.
  useEffect(() => {
    const box = inputRef.current;
    if (box && box.value && document.activeElement === box) setOpen(true);
  }, [inputRef]);

  const choose = (s: Suggestion) => {
    setOpen(false);
    setActive(-1);
    onChoose(s);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const list = suggestions(q, sources);
      if (!list.length) return;
      e.preventDefault();
      setOpen(true);
      const n = list.length;
      setActive((i) => (e.key === 'ArrowDown' ? (i + 1) % n : i <= 0 ? n - 1 : i - 1));
    } else if (e.key === 'Enter' && shown && active >= 0 && options[active]) {
      e.preventDefault();
      choose(options[active]);
    } else if (e.key === 'Escape' && shown) {
      e.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <form className="search__form" role="search" action={href('/search/')} onSubmit={onSubmit}>
      <div className="search__field">
        <label htmlFor="search-q">{t('page.home.searchLabel')}</label>
        <p className="hint" id="search-q-hint">
          {t('page.home.searchHint')}
        </p>
        <div className="search__row">
          <div className="combobox">
            <input
              ref={inputRef}
              id="search-q"
              name="q"
              // text, not search: the HTML standard lets role="combobox" sit on a text field only
              // (the Nu HTML checker holds the page drawn on the server to it); the phone's
              // keyboard still shows a Search key (inputMode, enterKeyHint).
              type="text"
              inputMode="search"
              role="combobox"
              aria-autocomplete="list"
              aria-expanded={shown}
              aria-controls={`${id}-listbox`}
              aria-activedescendant={shown && active >= 0 ? optionId(active) : undefined}
              aria-describedby="search-q-hint"
              autoComplete="off"
              enterKeyHint="search"
              maxLength={200}
              value={q}
              onChange={(e) => {
                setOpen(true);
                setActive(-1);
                onType(e.currentTarget.value);
              }}
              onKeyDown={onKeyDown}
              onBlur={() => {
                setOpen(false);
                setActive(-1);
              }}
            />
            <ul
              className="combobox__list"
              id={`${id}-listbox`}
              role="listbox"
              aria-label={t('search.suggestions')}
              hidden={!shown}
            >
              {options.map((s, i) => (
                <li
                  key={`${s.kind}:${s.value}`}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  className="combobox__option"
                  // mousedown, not click: before the box loses focus and closes the list.
                  onMouseDown={(e) => {
                    e.preventDefault();
                    choose(s);
                  }}
                >
                  <span className="combobox__kind">
                    {s.kind === 'need'
                      ? t('search.kind.need')
                      : s.kind === 'place'
                        ? t('search.kind.place')
                        : t('search.kind.group')}
                  </span>{' '}
                  {s.label}
                  {s.matched && <span className="combobox__matched"> ({s.matched})</span>}
                </li>
              ))}
            </ul>
          </div>
          <button className="button" type="submit">
            {t('page.home.searchButton')}
          </button>
        </div>
        <div className="visually-hidden" role="status">
          {shown ? t('search.suggestionCount', { count: options.length }) : ''}
        </div>
        <a
          className="search__skip"
          href="#search-results-heading"
          onClick={(e) => {
            e.preventDefault();
            onSkip();
          }}
        >
          {t('search.skip')}
        </a>
      </div>
    </form>
  );
}
