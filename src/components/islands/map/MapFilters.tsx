/**
 * The map's filters: the same state and URL parameters as /search/ (src/lib/filters/filters.ts). Boxes
 * and choices apply at once; words apply when the form is sent. Filters the map has no control
 * for (time of day, age …) still apply when they come in the URL, and are listed with a way to
 * drop them.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { DAYS, DAY_LABELS } from '../../../schema/vocab';
import { FACETS, emptyState, toggle, type Facet, type FilterState } from '../../../lib/filters/filters';
import type { MapData } from '../../../lib/map/map';

interface Props {
  data: MapData;
  state: FilterState;
  onChange: (state: FilterState) => void;
  /** Place name for "All of …". */
  place: string;
}

const SHOWN: Facet[] = ['category', 'neighbourhood', 'day'];
const OTHER_LABELS: Partial<Record<Facet, string>> = {
  time: 'time of day',
  age: 'age',
  audience: 'who it is for',
  join: 'how to join',
  delivery: 'how it is delivered',
  access: 'accessibility',
  language: 'language',
};

function Checkbox({
  id,
  label,
  checked,
  onToggle,
}: {
  id: string;
  label: string;
  checked: boolean;
  onToggle: () => void;
}) {
  return (
    <div className="map-check">
      <input type="checkbox" id={id} checked={checked} onChange={onToggle} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

export default function MapFilters({ data, state, onChange, place }: Props) {
  const uid = useId();
  const [q, setQ] = useState(state.q);
  useEffect(() => setQ(state.q), [state.q]);
  const flip = (facet: Facet, value: string) => onChange(toggle(state, facet, value, data.allowed));
  const chosen = (facet: Facet, value: string) => state.facets[facet].includes(value);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ ...state, q: q.trim().slice(0, 200) });
  };
  const chosenCount =
    FACETS.reduce((n, f) => n + state.facets[f].length, 0) + (state.free ? 1 : 0) + (state.when ? 1 : 0);
  // Open on wide screens, or when filters are set; on a phone, closed so the map comes sooner.
  // Decided once: closing a disclosure while someone is using it would lose their place.
  const [showAll] = useState(() => chosenCount > 0 || window.matchMedia('(min-width: 40em)').matches);
  const [initiallyOpen] = useState(() => ({
    category: state.facets.category.length > 0,
    neighbourhood: state.facets.neighbourhood.length > 0,
  }));
  const tops = data.categories.filter((c) => !c.parent);
  const others = FACETS.filter((f) => !SHOWN.includes(f) && state.facets[f].length > 0);
  const hoodName = (id: string) =>
    id === 'borough-wide'
      ? `Borough-wide services (all of ${place})`
      : (data.neighbourhoods.find((n) => n.id === id)?.name ?? id);

  return (
    <form className="map-filters" role="search" aria-label="Filter the map" onSubmit={submit}>
      <div className="map-filters__words">
        <label htmlFor={`${uid}-q`}>Words</label>
        <p className="hint" id={`${uid}-q-hint`}>
          On the map, words match group names, summaries and needs. The list view also searches each group’s full
          description.
        </p>
        <div className="map-filters__row">
          <input
            type="search"
            id={`${uid}-q`}
            name="q"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            aria-describedby={`${uid}-q-hint`}
            autoComplete="off"
          />
          <button type="submit" className="button">
            Search
          </button>
        </div>
      </div>

      <details className="map-filters__all" open={showAll}>
        <summary>Filters{chosenCount > 0 && ` (${chosenCount} chosen)`}</summary>
        <details className="map-filters__group" open={initiallyOpen.category}>
          <summary>Needs{state.facets.category.length > 0 && ` (${state.facets.category.length} chosen)`}</summary>
          <fieldset>
            <legend className="visually-hidden">Needs</legend>
            {tops.map((top) => (
              <div className="map-filters__cat" key={top.id}>
                <Checkbox
                  id={`${uid}-c-${top.id}`}
                  label={top.name}
                  checked={chosen('category', top.id)}
                  onToggle={() => flip('category', top.id)}
                />
                <div className="map-filters__children">
                  {data.categories
                    .filter((c) => c.parent === top.id)
                    .map((c) => (
                      <Checkbox
                        key={c.id}
                        id={`${uid}-c-${c.id}`}
                        label={c.name}
                        checked={chosen('category', c.id)}
                        onToggle={() => flip('category', c.id)}
                      />
                    ))}
                </div>
              </div>
            ))}
          </fieldset>
        </details>

        <details className="map-filters__group" open={initiallyOpen.neighbourhood}>
          <summary>
            Neighbourhoods{state.facets.neighbourhood.length > 0 && ` (${state.facets.neighbourhood.length} chosen)`}
          </summary>
          <fieldset>
            <legend className="visually-hidden">Neighbourhoods</legend>
            {data.allowed.neighbourhood.map((id) => (
              <Checkbox
                key={id}
                id={`${uid}-n-${id}`}
                label={hoodName(id)}
                checked={chosen('neighbourhood', id)}
                onToggle={() => flip('neighbourhood', id)}
              />
            ))}
          </fieldset>
        </details>

        <fieldset className="map-filters__days">
          <legend>Days</legend>
          <div className="map-filters__inline">
            {DAYS.map((d) => (
              <Checkbox
                key={d}
                id={`${uid}-d-${d}`}
                label={DAY_LABELS[d]}
                checked={chosen('day', d)}
                onToggle={() => flip('day', d)}
              />
            ))}
          </div>
        </fieldset>

        <fieldset className="map-filters__when">
          <legend>When</legend>
          <div className="map-filters__inline">
            {(
              [
                ['', 'Any time'],
                ['today', 'On today'],
                ['week', 'This week (next 7 days)'],
              ] as const
            ).map(([value, label]) => (
              <div className="map-check" key={value || 'any'}>
                <input
                  type="radio"
                  id={`${uid}-w-${value || 'any'}`}
                  name="when"
                  value={value}
                  checked={state.when === value}
                  onChange={() => onChange({ ...state, when: value })}
                />
                <label htmlFor={`${uid}-w-${value || 'any'}`}>{label}</label>
              </div>
            ))}
          </div>
        </fieldset>

        <Checkbox
          id={`${uid}-free`}
          label="Free only"
          checked={state.free}
          onToggle={() => onChange({ ...state, free: !state.free })}
        />

        {others.length > 0 && (
          <p className="map-filters__others">
            Also filtered by {others.map((f) => OTHER_LABELS[f] ?? f).join(', ')} (set in the list view).{' '}
            <button
              type="button"
              className="link-button"
              onClick={() =>
                onChange({ ...state, facets: { ...state.facets, ...Object.fromEntries(others.map((f) => [f, []])) } })
              }
            >
              Drop these filters
            </button>
          </p>
        )}

        <p className="map-filters__clear">
          <button type="button" className="button button--secondary" onClick={() => onChange(emptyState())}>
            Clear all filters
          </button>
        </p>
      </details>
    </form>
  );
}
