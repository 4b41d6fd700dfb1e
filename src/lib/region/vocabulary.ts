/**
 * The words of a region's filters: which categories and neighbourhoods its one search offers and
 * what each is called. Pure.
 *
 * Members that share the region's vocabulary (its categories.yaml) merge their filters: a
 * category id means the same in every member, and ticking it finds that category's entries in
 * each. A member's category the region does not have is offered too, under the member's own name,
 * and finds only that member's entries (each member that has it, if several do); the region's
 * name for an id wins over a member's. Neighbourhoods are each member's own: the region offers
 * every member's, in region.yaml's order.
 */
import type { FacetBook } from '../filters/registry';

type Named = { id: string; name: string };

/** `lists` joined, each id once, the first list's record of it kept. */
export function unionById<T extends { id: string }>(...lists: readonly (readonly T[])[]): T[] {
  const seen = new Map<string, T>();
  for (const list of lists) for (const item of list) if (!seen.has(item.id)) seen.set(item.id, item);
  return [...seen.values()];
}

/**
 * The region's filter book: its own categories, then each member's the region lacks; every
 * member's neighbourhoods; the region's place and cost bands.
 */
export function regionFacetBook(
  region: FacetBook,
  members: readonly { categories: readonly (Named & { parent?: string })[]; neighbourhoods: readonly Named[] }[],
): FacetBook {
  const strip = ({ id, name, parent }: Named & { parent?: string }) => ({ id, name, ...(parent ? { parent } : {}) });
  return {
    ...region,
    categories: unionById(region.categories, ...members.map((m) => m.categories.map(strip))),
    neighbourhoods: unionById(...members.map((m) => m.neighbourhoods.map(({ id, name }) => ({ id, name })))),
  };
}
