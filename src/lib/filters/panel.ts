/**
 * The boxes a filter panel shows, from the facet registry: one group per registry group, each
 * facet's values with their labels, needs as a tree (each top-level need with its sub-needs).
 * The search page's panel and the map's panel are both drawn from this.
 */
import { FACET_SPECS, FILTER_GROUPS, bookFacetValues, facetLabels, type Facet, type FacetBook } from './registry';

export interface Option {
  value: string;
  label: string;
  /** Sub-options shown nested under this one (sub-needs under their need). */
  children?: Option[];
}

export interface PanelFacet {
  facet: Facet;
  /** The facet's own legend, when its group holds more than one facet. */
  legend?: string;
  options: Option[];
}

export interface Group {
  id: string;
  legend: string;
  facets: PanelFacet[];
}

/** The groups of a book's filter panel, in the registry's order; `only` keeps just those facets' groups. */
export function filterGroups(book: FacetBook, only?: readonly Facet[]): Group[] {
  const values = bookFacetValues(book);
  const labels = facetLabels(book);
  const options = (facet: Facet): Option[] => {
    if (facet === 'category') {
      return book.categories
        .filter((c) => !c.parent)
        .map((c) => ({
          value: c.id,
          label: c.name,
          children: book.categories.filter((k) => k.parent === c.id).map((k) => ({ value: k.id, label: k.name })),
        }));
    }
    return values[facet].map((value) => ({ value, label: labels[facet][value] ?? value }));
  };
  return FILTER_GROUPS.map((g) => {
    const facets = g.facets.filter((f) => !only || only.includes(f));
    return {
      id: g.id,
      legend: g.legend,
      facets: facets.map((facet) => ({
        facet,
        ...(g.facets.length > 1 && { legend: FACET_SPECS[facet].legend }),
        options: options(facet),
      })),
    };
  }).filter((g) => g.facets.length > 0);
}
