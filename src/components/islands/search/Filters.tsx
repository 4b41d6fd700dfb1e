/**
 * The filters: a group of checkboxes per filter in <details> disclosures, each value with its
 * count, "When" as radio buttons, "Free only", and "Clear filters". Controlled: every change is
 * handed up as a whole new state.
 */
import { useId } from 'react';
import { WHEN_OPTIONS, type Facet } from '../../../lib/filters/registry';
import type { Group, Option } from '../../../lib/filters/panel';
import type { FilterState } from '../../../lib/filters/state';
import type { When } from '../../../lib/schedule/when';
import type { CountedFilter } from '../../../lib/search/query';

interface Props {
  state: FilterState;
  groups: Group[];
  /** Counts per filter value; a filter without counts yet shows none. */
  counts: Partial<Record<CountedFilter, Record<string, number>>> | null;
  /** Filter values present anywhere in the index: others are not offered (unless ticked). */
  present: Record<string, Record<string, number>>;
  open: ReadonlySet<string>;
  onToggleGroup: (id: string, open: boolean) => void;
  onToggle: (facet: Facet, value: string) => void;
  onWhen: (when: When | '') => void;
  onFree: (free: boolean) => void;
  onClear: () => void;
}

function Count({ n }: { n: number | undefined }) {
  if (n === undefined) return null;
  return <span className="search-count"> ({n.toLocaleString('en-GB')})</span>;
}

export default function Filters(props: Props) {
  const { state, counts, present } = props;
  const uid = useId();
  const shown = (facet: Facet, o: Option): boolean =>
    state.facets[facet].includes(o.value) ||
    (present[facet]?.[o.value] ?? 0) > 0 ||
    (o.children ?? []).some((c) => shown(facet, c));

  const checkbox = (facet: Facet, o: Option) => {
    const id = `${uid}-${facet}-${o.value}`;
    const kids = (o.children ?? []).filter((c) => shown(facet, c));
    return (
      <li key={o.value}>
        <div className="search-option">
          <input
            type="checkbox"
            id={id}
            name={facet}
            value={o.value}
            checked={state.facets[facet].includes(o.value)}
            onChange={() => props.onToggle(facet, o.value)}
          />
          <label htmlFor={id}>
            {o.label}
            <Count n={counts?.[facet] ? (counts[facet][o.value] ?? 0) : undefined} />
          </label>
        </div>
        {kids.length > 0 && (
          <ul className="search-options search-options--nested">{kids.map((c) => checkbox(facet, c))}</ul>
        )}
      </li>
    );
  };

  const anyFilter = state.free || !!state.when || Object.values(state.facets).some((v) => v.length > 0);
  return (
    <div className="search-filters__body">
      {anyFilter && (
        <button type="button" className="button button--secondary search-clear" onClick={props.onClear}>
          Clear filters
        </button>
      )}
      <fieldset className="search-fieldset">
        <legend>When</legend>
        <div className="search-options">
          {WHEN_OPTIONS.map((w) => (
            <div className="search-option" key={w.value || 'any'}>
              <input
                type="radio"
                id={`${uid}-when-${w.value || 'any'}`}
                name="when"
                value={w.value}
                checked={state.when === w.value}
                onChange={() => props.onWhen(w.value)}
              />
              <label htmlFor={`${uid}-when-${w.value || 'any'}`}>{w.label}</label>
            </div>
          ))}
        </div>
        {state.when && (
          <p className="hint small">
            Worked out from each group’s timetable for today’s date. Counts beside the other filters may include a few
            groups with irregular timetables that turn out not to meet then.
          </p>
        )}
      </fieldset>
      <div className="search-option search-option--free">
        <input
          type="checkbox"
          id={`${uid}-free`}
          name="free"
          value="1"
          checked={state.free}
          onChange={(e) => props.onFree(e.currentTarget.checked)}
        />
        <label htmlFor={`${uid}-free`}>
          Free only
          <Count n={counts?.free ? (counts.free.yes ?? 0) : undefined} />
        </label>
      </div>
      {props.groups.map((g) => {
        const selected = g.facets.reduce((n, f) => n + state.facets[f.facet].length, 0);
        return (
          <details
            key={g.id}
            className="search-group"
            open={props.open.has(g.id)}
            onToggle={(e) => props.onToggleGroup(g.id, e.currentTarget.open)}
          >
            <summary>
              {g.legend}
              {selected > 0 && <span className="search-group__selected"> ({selected} selected)</span>}
            </summary>
            {g.facets.map((f) => (
              <fieldset className="search-fieldset" key={f.facet}>
                <legend className={f.legend ? undefined : 'visually-hidden'}>{f.legend ?? g.legend}</legend>
                <ul className="search-options">
                  {f.options.filter((o) => shown(f.facet, o)).map((o) => checkbox(f.facet, o))}
                </ul>
              </fieldset>
            ))}
          </details>
        );
      })}
    </div>
  );
}
