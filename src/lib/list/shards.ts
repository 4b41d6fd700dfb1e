/**
 * Where the browser finds an entry's list details: the shards of src/lib/list/data.ts (which
 * re-exports these; the privacy reasoning is there). Pure, and in a module of its own so the
 * "Add to my list" button (src/components/enhance/add-to-list.ts), which fetches a shard, does
 * not bring the list-page view of an entry (and its schedule words and labels) onto entry pages.
 */

/** Entries per shard aimed at. */
export const SHARD_TARGET = 32;

/** Where the shard count is published (`{ "shards": 8 }`). */
export const LIST_DATA_INDEX = '/list-data/index.json';

/** How many shards a book of `entries` entries gets: a power of two, about `SHARD_TARGET` each. */
export function shardCount(entries: number): number {
  const wanted = Math.max(1, Math.ceil(entries / SHARD_TARGET));
  let n = 1;
  while (n < wanted) n *= 2;
  return n;
}

/** FNV-1a, 32 bits: small, stable, the same in Node and every browser. */
export function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The shard an id lives in, `0 … shards − 1`. */
export function shardOf(id: string, shards: number): number {
  return hashId(id) % shards;
}

/** The file of a shard. The shard count is in the name, so files from two builds never mix. */
export function shardPath(shard: number, shards: number): string {
  return `/list-data/${shards}-${shard}.json`;
}

/** Groups ids by shard path, keeping the shards in first-seen order. */
export function shardsFor(ids: readonly string[], shards: number): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const id of ids) {
    const path = shardPath(shardOf(id, shards), shards);
    out.set(path, [...(out.get(path) ?? []), id]);
  }
  return out;
}
