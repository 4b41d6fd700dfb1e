/**
 * How the words in the box were read, under the box: "Showing results for dementia — search
 * instead for dementa", and the words taken as filters as chips ("Tuesday ×"). Removing a chip
 * or choosing "search instead" is one tap, and a link too (it works in a new tab).
 */
import { FACET_SPECS } from '../../../lib/filters/registry';
import { toQuery, type FilterState } from '../../../lib/filters/state';
import { searchInstead, withoutChip, type Reading } from '../../../lib/search/read-query';
import { t } from '../../../lib/text/messages';

interface Props {
  state: FilterState;
  reading: Reading;
  labels: Record<string, Record<string, string>>;
  /** New words for the box (a new history entry). */
  onWords: (q: string) => void;
}

export default function ReadingNote({ state, reading, labels, onWords }: Props) {
  const { chips, changes } = reading;
  if (!chips.length && !changes.length) return null;
  const link = (q: string) => `?${toQuery({ ...state, q, entry: '' })}`;
  const go = (q: string) => (e: { preventDefault: () => void }) => {
    e.preventDefault();
    onWords(q);
  };
  const instead = searchInstead(state.q, changes);
  return (
    <div className="search-reading">
      {changes.length > 0 && (
        <p className="search-reading__corrected">
          {t('search.showingFor')} <strong>{changes.map((c) => c.to).join(', ')}</strong> –{' '}
          <a href={link(instead)} onClick={go(instead)}>
            {t('search.insteadFor')} <em>{changes.map((c) => c.from).join(', ')}</em>
          </a>
        </p>
      )}
      {chips.length > 0 && (
        <div className="search-reading__chips">
          <p className="hint" id="search-reading-chips">
            {t('search.asFilters')}
          </p>
          <ul aria-labelledby="search-reading-chips">
            {chips.map((chip) => {
              const words = reading.read.slice(chip.start, chip.end);
              const label = labels[chip.facet]?.[chip.value] ?? chip.value;
              const q = withoutChip(reading, chip);
              return (
                <li key={`${chip.facet}:${chip.value}`}>
                  <a
                    className="chip"
                    href={link(q)}
                    onClick={go(q)}
                    aria-label={`${FACET_SPECS[chip.facet].name}: ${label}. Remove this filter and search for the words “${words}”`}
                  >
                    {label} <span aria-hidden="true">×</span>
                  </a>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
