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
