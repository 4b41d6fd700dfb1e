/**
 * "My list" in the browser's local storage: a JSON array of entry ids, nothing else. Every island
 * that shows the list (the header count, "Add to my list" buttons, the list page) reads and
 * writes through here, and hears about changes:
 *  - in the same tab through a `community-book:list` event on `window`;
 *  - in other tabs through the browser's own `storage` event.
 *
 * Local storage can be missing or refuse writes (some private modes, storage turned off, quota):
 * the list then lives in memory for the page and `isPersistent()` says so.
 */
import { MAX_LIST, normaliseIds } from './codec';

/** The local storage key. */
export const STORAGE_KEY = 'community-book:list';
/** The same-tab change event. */
export const CHANGE_EVENT = 'community-book:list';

let memory: string[] = [];
let persistent = true;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // a SecurityError when storage is blocked
  }
}

/** Reads a stored value: any junk gives an empty list rather than an error. */
export function parseStored(raw: string | null): string[] {
  if (!raw) return [];
  try {
    return normaliseIds(JSON.parse(raw));
  } catch {
    return [];
  }
}

/** The ids on my list, in order. */
export function readList(): string[] {
  const s = storage();
  if (!s) return [...memory];
  try {
    return parseStored(s.getItem(STORAGE_KEY));
  } catch {
    return [...memory];
  }
}

/** Replaces my list (cleaned by the codec rules) and tells every listener. */
export function writeList(ids: readonly string[]): string[] {
  const clean = normaliseIds(ids);
  memory = clean;
  const s = storage();
  try {
    if (!s) throw new Error('no storage');
    if (clean.length) s.setItem(STORAGE_KEY, JSON.stringify(clean));
    else s.removeItem(STORAGE_KEY);
    persistent = true;
  } catch {
    persistent = false;
  }
  if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent(CHANGE_EVENT));
  return clean;
}

/** False when the last write could not be kept beyond this page. */
export function isPersistent(): boolean {
  return persistent && storage() !== undefined;
}

/** Whether an id is on my list. */
export function hasId(id: string): boolean {
  return readList().includes(id);
}

/** Adds an id at the end. `false` when the list is full. */
export function addId(id: string): boolean {
  const ids = readList();
  if (ids.includes(id)) return true;
  if (ids.length >= MAX_LIST) return false;
  return writeList([...ids, id]).includes(id);
}

/** Takes an id off my list. */
export function removeId(id: string): void {
  writeList(readList().filter((x) => x !== id));
}

/** Calls `listener` whenever my list changes, in this tab or another. Returns the unsubscribe. */
export function subscribe(listener: () => void): () => void {
  if (typeof window === 'undefined') return () => {};
  const onStorage = (e: StorageEvent) => {
    if (e.key === STORAGE_KEY || e.key === null) listener();
  };
  window.addEventListener(CHANGE_EVENT, listener);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener(CHANGE_EVENT, listener);
    window.removeEventListener('storage', onStorage);
  };
}
