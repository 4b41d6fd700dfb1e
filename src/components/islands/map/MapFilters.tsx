/**
 * The map's filters: the same state, URL and registry as /search/ (src/lib/filters/). The map
 * offers needs, neighbourhoods, days, cost and accessibility, each group saying how its boxes
 * combine; boxes and choices apply at once, words when the form is sent. Filters the map has no
 * boxes for (time of day, age …) still apply when they come in the URL, and are listed with a
 * way to drop them. On a phone it all folds away under one summary, so the map comes first.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { FACETS, FACET_SPECS, WHEN_OPTIONS, facetHint, type Facet } from '../../../lib/filters/registry';
import { filterGroups, type Option, type PanelFacet } from '../../../lib/filters/panel';
import { emptyState, selectedCount, toggle, type FilterState } from '../../../lib/filters/state';
import type { MapData } from '../../../lib/map/venue-file';
import { t } from '../../../lib/text/messages';

interface Props {
  data: MapData;
  state: FilterState;
  onChange: (state: FilterState) => void;
  /** site.yaml `place`, for the name of the whole area. */
  place: string;
}

/** The facets the map has boxes for; the rest are set in the list view. */
const SHOWN: Facet[] = ['category', 'neighbourhood', 'day', 'cost', 'access'];

function Checkbox({
  id,
  label,
  checked,
  onToggle,
  radio,
}: {
  id: string;
  label: string;
  checked: boolean;
  onToggle: () => void;
  /** One of a group of radio buttons (named `radio`) rather than a checkbox. */
  radio?: string;
}) {
  return (
    <div className="map-check">
      <input type={radio ? 'radio' : 'checkbox'} name={radio} id={id} checked={checked} onChange={onToggle} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

export default function MapFilters({ data, state, onChange, place }: Props) {
  const uid = useId();
  // The words box follows the URL's words when they change from outside (Back, "Clear all").
  const [q, setQ] = useState(state.q);
  const [urlQ, setUrlQ] = useState(state.q);
  if (state.q !== urlQ) {
    setUrlQ(state.q);
    setQ(state.q);
  }
  const groups = useMemo(
    () =>
      filterGroups(
        { categories: data.categories, neighbourhoods: data.neighbourhoods, place, costBands: data.costBands },
        SHOWN,
      ),
    [data, place],
  );
  const flip = (facet: Facet, value: string) => onChange(toggle(state, facet, value, data.allowed));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ ...state, q: q.trim().slice(0, 200) });
  };
  const chosenCount = selectedCount(state);
  // Open on wide screens, or when filters are set; on a phone, closed so the controls fold away.
  // Decided once: closing a disclosure while someone is using it would lose their place.
  const [showAll] = useState(() => chosenCount > 0 || window.matchMedia('(min-width: 40em)').matches);
  const [initiallyOpen] = useState(() => new Set(SHOWN.filter((f) => state.facets[f].length > 0)));
  const others = FACETS.filter((f) => !SHOWN.includes(f) && state.facets[f].length > 0);

  const box = (facet: Facet, o: Option) => (
    <Checkbox
      key={o.value}
      id={`${uid}-${facet}-${o.value}`}
      label={o.label}
      checked={state.facets[facet].includes(o.value)}
      onToggle={() => flip(facet, o.value)}
    />
  );
  const boxes = ({ facet, options }: PanelFacet) =>
    FACET_SPECS[facet].combine === 'one'
      ? [{ value: '', label: FACET_SPECS[facet].anyLabel ?? 'Any' }, ...options].map((o) => (
          <Checkbox
            key={o.value || 'any'}
            radio={`${uid}-${facet}`}
            id={`${uid}-${facet}-${o.value || 'any'}`}
            label={o.label}
            checked={o.value ? state.facets[facet].includes(o.value) : state.facets[facet].length === 0}
            onToggle={() => flip(facet, o.value)}
          />
        ))
      : options.map((o) =>
          o.children ? (
            <div className="map-filters__cat" key={o.value}>
              {box(facet, o)}
              <div className="map-filters__children">{o.children.map((c) => box(facet, c))}</div>
            </div>
          ) : (
            box(facet, o)
          ),
        );

  return (
    <form className="map-filters" role="search" aria-label={t('map.filters.label')} onSubmit={submit}>
      <details className="map-filters__all" open={showAll}>
        <summary>
          {t('map.filters.heading')}
          {(chosenCount > 0 || state.q) && ` ${t('map.filters.chosen', { count: chosenCount + (state.q ? 1 : 0) })}`}
        </summary>
        <div className="map-filters__words">
          <label htmlFor={`${uid}-q`}>{t('map.filters.words')}</label>
          <p className="hint" id={`${uid}-q-hint`}>
            {t('map.filters.wordsHint')}
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
              {t('page.home.searchButton')}
            </button>
          </div>
        </div>

        {groups.map((g) => {
          const facet = g.facets[0];
          const ticked = state.facets[facet.facet].length;
          // Days are few and short: always shown, side by side. Needs and neighbourhoods fold away.
          if (facet.facet === 'day') {
            return (
              <fieldset className="map-filters__days" key={g.id}>
                <legend>{g.legend}</legend>
                <div className="map-filters__inline">{boxes(facet)}</div>
              </fieldset>
            );
          }
          const hint = facetHint(facet.facet);
          return (
            <details className="map-filters__group" open={initiallyOpen.has(facet.facet)} key={g.id}>
              <summary>
                {g.legend}
                {ticked > 0 && ` ${t('map.filters.chosen', { count: ticked })}`}
              </summary>
              <fieldset aria-describedby={hint ? `${uid}-${facet.facet}-hint` : undefined}>
                <legend className="visually-hidden">{g.legend}</legend>
                {hint && (
                  <p className="hint small map-filters__hint" id={`${uid}-${facet.facet}-hint`}>
                    {hint}
                  </p>
                )}
                {boxes(facet)}
              </fieldset>
            </details>
          );
        })}

        <fieldset className="map-filters__when">
          <legend>{t('search.when')}</legend>
          <div className="map-filters__inline">
            {WHEN_OPTIONS.map(({ value, label }) => (
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

        {others.length > 0 && (
          <p className="map-filters__others">
            {t('map.filters.others', { what: others.map((f) => FACET_SPECS[f].legend.toLowerCase()).join(', ') })}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() =>
                onChange({ ...state, facets: { ...state.facets, ...Object.fromEntries(others.map((f) => [f, []])) } })
              }
            >
              {t('map.filters.drop')}
            </button>
          </p>
        )}

        <p className="map-filters__clear">
          <button type="button" className="button button--secondary" onClick={() => onChange(emptyState())}>
            {t('map.filters.clear')}
          </button>
        </p>
      </details>
    </form>
  );
}
