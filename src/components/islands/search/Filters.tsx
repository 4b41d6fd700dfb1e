/**
 * The filters: "When" as radio buttons, then a group per filter in <details> disclosures, each
 * value with its count. A group says how its boxes combine ("Any of these" / "Has all of
 * these", from the facet registry); a one-choice filter (cost) is radio buttons with an "any"
 * choice. Controlled: every change is handed up as a whole new state.
 */
import { useId, useState } from 'react';
import { FACET_SPECS, WHEN_OPTIONS, facetHint, type Facet } from '../../../lib/filters/registry';
import type { Group, Option, PanelFacet } from '../../../lib/filters/panel';
import type { FilterState } from '../../../lib/filters/state';
import type { When } from '../../../lib/schedule/when';
import type { CountedFilter } from '../../../lib/search/query';
import { t } from '../../../lib/text/messages';

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
  onClear: () => void;
}

function Count({ n }: { n: number | undefined }) {
  if (n === undefined) return null;
  return <span className="search-count"> ({n.toLocaleString('en-GB')})</span>;
}

export default function Filters(props: Props) {
  const { state, counts, present } = props;
  const uid = useId();
  // Sub-needs fold under their need (so the list of needs fits a phone screen); open when asked for or ticked.
  const [unfolded, setUnfolded] = useState<ReadonlySet<string>>(() => new Set());
  const shown = (facet: Facet, o: Option): boolean =>
    state.facets[facet].includes(o.value) ||
    (present[facet]?.[o.value] ?? 0) > 0 ||
    (o.children ?? []).some((c) => shown(facet, c));
  const countOf = (facet: Facet, value: string) => (counts?.[facet] ? (counts[facet][value] ?? 0) : undefined);

  const checkbox = (facet: Facet, o: Option) => {
    const id = `${uid}-${facet}-${o.value}`;
    const kids = (o.children ?? []).filter((c) => shown(facet, c));
    const open = unfolded.has(o.value) || kids.some((c) => state.facets[facet].includes(c.value));
    return (
      <li key={o.value}>
        <div className={`search-option${kids.length ? ' search-option--parent' : ''}`}>
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
            <Count n={countOf(facet, o.value)} />
          </label>
          {kids.length > 0 && (
            <button
              type="button"
              className="search-option__more"
              aria-expanded={open}
              aria-controls={`${id}-kids`}
              onClick={() =>
                setUnfolded((u) => {
                  const n = new Set(u);
                  if (open) n.delete(o.value);
                  else n.add(o.value);
                  return n;
                })
              }
            >
              <span className="visually-hidden">{o.label}: </span>
              {open ? t('search.fewer') : t('search.more', { count: kids.length })}
            </button>
          )}
        </div>
        {kids.length > 0 && (
          <ul className="search-options search-options--nested" id={`${id}-kids`} hidden={!open}>
            {kids.map((c) => checkbox(facet, c))}
          </ul>
        )}
      </li>
    );
  };

  const radios = ({ facet, options }: PanelFacet) => {
    const spec = FACET_SPECS[facet];
    const choices = [{ value: '', label: spec.anyLabel ?? t('search.any') }, ...options.filter((o) => shown(facet, o))];
    return (
      <ul className="search-options">
        {choices.map((o) => {
          const id = `${uid}-${facet}-${o.value || 'any'}`;
          return (
            <li key={o.value || 'any'}>
              <div className="search-option">
                <input
                  type="radio"
                  id={id}
                  name={facet}
                  value={o.value}
                  checked={o.value ? state.facets[facet].includes(o.value) : state.facets[facet].length === 0}
                  onChange={() => props.onToggle(facet, o.value)}
                />
                <label htmlFor={id}>
                  {o.label}
                  {o.value && <Count n={countOf(facet, o.value)} />}
                </label>
              </div>
            </li>
          );
        })}
      </ul>
    );
  };

  const anyFilter = !!state.when || Object.values(state.facets).some((v) => v.length > 0);
  return (
    <div className="search-filters__body">
      {anyFilter && (
        <button type="button" className="button button--secondary search-clear" onClick={props.onClear}>
          {t('search.clear')}
        </button>
      )}
      <fieldset className="search-fieldset">
        <legend>{t('search.when')}</legend>
        <div className="search-options search-options--inline">
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
        {state.when && <p className="hint small">{t('search.whenHint')}</p>}
      </fieldset>
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
              {selected > 0 && (
                <span className="search-group__selected"> {t('search.selected', { count: selected })}</span>
              )}
            </summary>
            {g.facets.map((f) => {
              const combine = FACET_SPECS[f.facet].combine;
              const hintId = `${uid}-${f.facet}-hint`;
              const hint = facetHint(f.facet);
              return (
                <fieldset className="search-fieldset" key={f.facet} aria-describedby={hint ? hintId : undefined}>
                  <legend className={f.legend ? undefined : 'visually-hidden'}>{f.legend ?? g.legend}</legend>
                  {hint && (
                    <p className="hint small search-fieldset__hint" id={hintId}>
                      {hint}
                    </p>
                  )}
                  {combine === 'one' ? (
                    radios(f)
                  ) : (
                    <ul className={`search-options${f.facet === 'category' ? '' : ' search-options--grid'}`}>
                      {f.options.filter((o) => shown(f.facet, o)).map((o) => checkbox(f.facet, o))}
                    </ul>
                  )}
                </fieldset>
              );
            })}
          </details>
        );
      })}
    </div>
  );
}
