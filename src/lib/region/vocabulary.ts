/**
 * The words of a region's filters: which categories, neighbourhoods and cost bands its one search
 * offers, and what each is called. They are its map's (src/lib/region/map.ts), so the search and
 * the map of a region filter alike. Pure.
 *
 * Members that share the region's vocabulary (its categories.yaml) merge their filters: a
 * category id means the same in every member, and ticking it finds that category's entries in
 * each; the region's name for it is shown. A member's category the region does not have is
 * offered too, under that member's name for it, and finds only the entries of the members that
 * have it. Neighbourhoods are the members' own (an id two members share is one place, or the
 * region build stops). Cost bands are those every member has.
 */
import type { FacetBook } from '../filters/registry';
import type { MapData } from '../map/venue-file';

/** The region's filter book, from its merged map data and its own place. */
export function regionFacetBook(
  region: Pick<FacetBook, 'place'>,
  data: Pick<MapData, 'categories' | 'neighbourhoods' | 'costBands'>,
): FacetBook {
  return {
    place: region.place,
    categories: data.categories.map(({ id, name, parent }) => ({ id, name, ...(parent ? { parent } : {}) })),
    neighbourhoods: data.neighbourhoods.map(({ id, name }) => ({ id, name })),
    costBands: [...data.costBands],
  };
}
