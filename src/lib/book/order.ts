/**
 * The book's order: by name as an A–Z reads (capitals and accents aside), then by id, letter by
 * letter. The pages, the search index's "no words" order, the map's list, the list data and
 * every export list entries in this one order.
 */

/** Name order for people: one collator, made once (each `localeCompare` with options makes a new one). */
export const nameCollator = new Intl.Collator('en-GB', { sensitivity: 'base' });

/** By name, as people expect in an A–Z. */
export const byName = <T extends { name: string }>(a: T, b: T) => nameCollator.compare(a.name, b.name);

/** Ids compared letter by letter (code units), the same on every machine and in every locale. */
export function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The book's order of entries. */
export function bookOrder(
  a: { id: string; data: { name: string } },
  b: { id: string; data: { name: string } },
): number {
  return byName(a.data, b.data) || byId(a.id, b.id);
}
