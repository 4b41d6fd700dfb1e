/**
 * Entry ids: the file name of an entry (`content/entries/<id>.md`) and the last part of its web
 * address (`/entries/<id>/`). Lower-case letters, digits and single hyphens (`ENTRY_ID`).
 *
 * The one slug rule: the contribute form, `npm run new-entry`, the validator's rename hint and the
 * generator all make ids from names here. Pure: runs in Node and in the browser.
 */

import { isEntryId } from '../../schema/ids';

export { isEntryId };

/** Longest id made from a name, in characters: longer names are cut at a word boundary. */
export const ID_FROM_NAME_LENGTH = 60;

/** Letters that Unicode does not break into a base letter and an accent. */
const SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * A kebab-case id from a group's name: "St Mary's Carers' Café & Lunch Club" →
 * `st-marys-carers-cafe-and-lunch-club`. Accents are dropped, apostrophes vanish (so "Mary's"
 * stays one word), `&` and `+` become words, everything else separates words. Returns "" when the
 * name has no Latin letters or digits (the volunteer then types an id themselves).
 */
export function entryIdFromName(name: string): string {
  const words = String(name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => SPECIAL[c] ?? c)
    .replace(/['’ʼ`´]/g, '')
    .replace(/&/g, ' and ')
    .replace(/\+/g, ' plus ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let id = '';
  for (const word of words) {
    const next = id ? `${id}-${word}` : word;
    if (next.length > ID_FROM_NAME_LENGTH) {
      // A single very long first word is cut; otherwise stop before the word that does not fit.
      if (!id) id = word.slice(0, ID_FROM_NAME_LENGTH);
      break;
    }
    id = next;
  }
  return id;
}

/**
 * `base` if it is free, else `base-2`, `base-3`… The test is case-insensitive (ids must be unique
 * ignoring capital letters).
 */
export function uniqueEntryId(base: string, taken: ReadonlySet<string> | ((id: string) => boolean)): string {
  const isTaken = typeof taken === 'function' ? taken : (id: string) => taken.has(id);
  const lower = base.toLowerCase();
  if (!isTaken(lower)) return lower;
  for (let n = 2; n < 10_000; n++) {
    const candidate = `${lower}-${n}`;
    if (!isTaken(candidate)) return candidate;
  }
  return `${lower}-${Date.now()}`;
}
