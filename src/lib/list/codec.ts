/**
 * The "my list" id list, as it travels in a share link's fragment (`/list/#ids=a,b,c`) and as it
 * sits in local storage. Pure; runs in Node and the browser.
 *
 * Rules, the same everywhere a list is read:
 *  - order is kept (the key worker's order is the order of the support plan);
 *  - a repeated id is kept once, at its first place;
 *  - anything that is not an entry id (wrong characters, too long, not a string) is dropped;
 *  - at most `MAX_LIST` ids; the rest are dropped.
 *
 * Ids follow the one id rule (src/schema/ids.ts): kebab-case, or in a region the member's and
 * the entry's joined by a dot (`wigan.food-bank`), so commas are safe separators and a link needs
 * no percent-encoding.
 */
import { MAX_ID_LENGTH, isListId } from '../../schema/ids';

/** Most ids a list holds: a support plan, not a directory. Keeps links and QR codes scannable. */
export const MAX_LIST = 50;

/** The fragment key. A future format would use another key, so old links keep working. */
export const FRAGMENT_KEY = 'ids';

/** Valid ids only, first occurrence kept, in order, at most `MAX_LIST`. Accepts anything. */
export function normaliseIds(values: unknown): string[] {
  if (!Array.isArray(values)) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const value of values) {
    if (!isListId(value) || seen.has(value)) continue;
    seen.add(value);
    out.push(value);
    if (out.length >= MAX_LIST) break;
  }
  return out;
}

/** The fragment for a list, without the `#`: `ids=hindley-health-walks,leigh-lunch-club`; "" for none. */
export function encodeFragment(ids: readonly string[]): string {
  const clean = normaliseIds(ids);
  return clean.length ? `${FRAGMENT_KEY}=${clean.join(',')}` : '';
}

/**
 * The ids in a fragment (`location.hash`, with or without the `#`). Anything but `ids=…` gives
 * `null` (not a shared list at all); a shared list whose ids are all junk gives `[]`.
 * Other `&key=value` parts are ignored, so a later format can add some.
 */
export function decodeFragment(hash: string): string[] | null {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.length > MAX_LIST * (2 * MAX_ID_LENGTH + 2) + 100) return [];
  for (const part of text.split('&')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq) !== FRAGMENT_KEY) continue;
    let value = part.slice(eq + 1);
    try {
      value = decodeURIComponent(value);
    } catch {
      return [];
    }
    return normaliseIds(value.split(',').map((s) => s.trim()));
  }
  return null;
}

/** The share link for a list: `https://book.example.org/list/#ids=…`. */
export function shareUrl(origin: string, ids: readonly string[]): string {
  const fragment = encodeFragment(ids);
  return `${origin.replace(/\/$/, '')}/list/${fragment ? `#${fragment}` : ''}`;
}

/** Moves the id at `from` by `delta` places (−1 up, +1 down); unchanged when it would leave the list. */
export function move(ids: readonly string[], from: number, delta: number): string[] {
  const to = from + delta;
  if (from < 0 || from >= ids.length || to < 0 || to >= ids.length) return [...ids];
  const out = [...ids];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item);
  return out;
}

/** `mine` followed by the ids of `other` it lacks, at most `MAX_LIST`. */
export function merge(mine: readonly string[], other: readonly string[]): string[] {
  return normaliseIds([...mine, ...other]);
}
