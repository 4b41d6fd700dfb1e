/** No results: says so, offers to drop each part of the search (with what that would give), and links to browsing. */
import { resultCountText, type ActiveFilter } from '../../../lib/search/results';
import { href } from '../../../lib/site/paths';

interface Props {
  active: ActiveFilter[];
  /** How many results dropping each part would give, when known. */
  dropCounts: Partial<Record<ActiveFilter['kind'], number>>;
  onRemove: (kind: ActiveFilter['kind']) => void;
}

export default function NoResults({ active, dropCounts, onRemove }: Props) {
  return (
    <div className="search-none">
      <p>No groups match your search.</p>
      {active.length > 0 && (
        <>
          <p>Try removing one of these:</p>
          <ul className="search-none__list">
            {active.map((a) => {
              const n = dropCounts[a.kind];
              return (
                <li key={a.kind}>
                  <button type="button" className="button button--secondary" onClick={() => onRemove(a.kind)}>
                    Remove {a.text}
                    {n !== undefined && ` (${resultCountText(n).toLowerCase()})`}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <p>
        Or browse <a href={href('/neighbourhoods/')}>by neighbourhood</a>, <a href={href('/categories/')}>by need</a> or{' '}
        <a href={href('/a-z/')}>from A to Z</a>.
      </p>
    </div>
  );
}
