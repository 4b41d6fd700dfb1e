/** The search field: words, a Search button, and a skip link to the results. */
import type { FormEvent } from 'react';

interface Props {
  q: string;
  onType: (q: string) => void;
  onSubmit: (event: FormEvent) => void;
  /** Moves focus to the results. */
  onSkip: () => void;
}

export default function SearchField({ q, onType, onSubmit, onSkip }: Props) {
  return (
    <form className="search__form" role="search" onSubmit={onSubmit}>
      <div className="search__field">
        <label htmlFor="search-q">Search for a group or a need</label>
        <p className="hint" id="search-q-hint">
          For example: walking, lonely, food bank, toddler
        </p>
        <div className="search__row">
          <input
            id="search-q"
            name="q"
            type="search"
            aria-describedby="search-q-hint"
            autoComplete="off"
            enterKeyHint="search"
            maxLength={200}
            value={q}
            onChange={(e) => onType(e.currentTarget.value)}
          />
          <button className="button" type="submit">
            Search
          </button>
        </div>
        <a
          className="search__skip"
          href="#search-results-heading"
          onClick={(e) => {
            e.preventDefault();
            onSkip();
          }}
        >
          Skip to results
        </a>
      </div>
    </form>
  );
}
