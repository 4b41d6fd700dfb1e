/**
 * Ids: an entry's file name (`content/entries/<id>.md`), the last part of its web address
 * (`/entries/<id>/`) and what a shared list carries; category and neighbourhood ids follow the
 * same rule. No zod here, so the browser's list code can check ids without loading it.
 */

/** Lower-case letters and digits, in words joined by single hyphens: `hindley-health-walks`. */
export const ENTRY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The longest id, in characters. */
export const MAX_ID_LENGTH = 120;

/** True when `id` is a valid id. */
export function isEntryId(id: unknown): id is string {
  return typeof id === 'string' && id.length <= MAX_ID_LENGTH && ENTRY_ID.test(id);
}

/**
 * In a region of books (src/schema/region.ts), an entry is named by its member book and its own
 * id, `wigan.food-bank`: two members may each have a `food-bank`. A dot is never in an id, so
 * the two parts are always told apart, and it needs no escaping in a web address.
 */
export const REGION_ID_SEPARATOR = '.';

/** The region's id of member `member`'s entry `id`: `wigan.food-bank`. */
export function regionEntryId(member: string, id: string): string {
  return `${member}${REGION_ID_SEPARATOR}${id}`;
}

/** A region entry id's member and entry ids, or undefined when it is not one. */
export function parseRegionEntryId(value: unknown): { member: string; id: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const dot = value.indexOf(REGION_ID_SEPARATOR);
  if (dot < 0) return undefined;
  const member = value.slice(0, dot);
  const id = value.slice(dot + 1);
  return isEntryId(member) && isEntryId(id) ? { member, id } : undefined;
}

/** True for an entry id as a list may hold it: a book's own (`food-bank`) or a region's (`wigan.food-bank`). */
export function isListId(value: unknown): value is string {
  return isEntryId(value) || parseRegionEntryId(value) !== undefined;
}
