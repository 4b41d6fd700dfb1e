/**
 * A big book's search index in parts ("shards"), each a Pagefind bundle of its own.
 *
 * Pagefind keeps everything it indexes in memory until it writes the index, so its memory grows
 * with the book (docs/performance.md). Above `DEFAULT_SHARD_SIZE` entries the
 * build indexes the entries in parts, one after another, and the search page asks every part and
 * puts the answers together. Below it (every book of a borough) there is one bundle, at
 * /pagefind/, exactly as Pagefind makes it.
 *
 * The parts are runs of the book's order (src/lib/book/order.ts), so "every entry, A to Z" is
 * part 1's list, then part 2's: no part needs another's data to be sorted.
 * Pure functions: the build (scripts/build/build.ts), the search page and the search island share them.
 */
import type { FilterCounts } from './results';
import { href } from '../site/paths';

/** Entries in one part: what keeps Pagefind's memory within the build's (docs/performance.md). */
export const DEFAULT_SHARD_SIZE = 20_000;

/** The part size: BOOK_SEARCH_SHARD_SIZE (a whole number from 1) or the default. */
export function shardSize(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_SHARD_SIZE;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`BOOK_SEARCH_SHARD_SIZE must be a whole number from 1, not "${value}".`);
  return n;
}

/** How many parts `count` entries make (at least one, so an empty book still has a bundle). */
export function shardCount(count: number, size: number): number {
  return Math.max(1, Math.ceil(count / size));
}

/**
 * Splits `sorted` into `shardCount` runs of nearly equal length (they differ by at most one),
 * keeping the order: 45,000 entries in parts of 20,000 make 15,000 + 15,000 + 15,000.
 */
export function splitIntoShards<T>(sorted: readonly T[], size: number): T[][] {
  const parts = shardCount(sorted.length, size);
  const out: T[][] = [];
  let start = 0;
  for (let k = 0; k < parts; k++) {
    const length = Math.floor(sorted.length / parts) + (k < sorted.length % parts ? 1 : 0);
    out.push(sorted.slice(start, start + length));
    start += length;
  }
  return out;
}

/** The folder of part `k` (from 0) in the built site: pagefind/, pagefind-2/, pagefind-3/… */
export function shardFolder(k: number): string {
  return k === 0 ? 'pagefind' : `pagefind-${k + 1}`;
}

/** The URL path of part `k`'s bundle: /pagefind/, /pagefind-2/… */
export function shardBasePath(k: number): string {
  return href(`/${shardFolder(k)}/`);
}

/** The build's list of parts: written by the site build, read (and removed) by the indexing step. */
export const SHARD_MANIFEST = 'search-shards.json';

export interface ShardManifest {
  /** Entry ids of each part, in name order. */
  shards: string[][];
}

/** A search result as this module needs it: Pagefind's id and score, anything else carried. */
export interface Scored {
  id: string;
  score: number;
}

/**
 * One list from each part's results. A part's ids are unique only within it, so results from
 * part k > 0 get the id `k:<id>`. Sorted searches (by name) keep the parts in order; searches for
 * words are ordered by score, highest first, and on equal scores by part (the sort is stable).
 */
export function mergeShardResults<R extends Scored>(perShard: readonly (readonly R[])[], sorted: boolean): R[] {
  const all = perShard.flatMap((results, k) =>
    k === 0 ? [...results] : results.map((r) => ({ ...r, id: `${k}:${r.id}` })),
  );
  return sorted ? all : all.sort((a, b) => b.score - a.score);
}

/** Filter counts of several parts added up. */
export function sumFilterCounts(list: readonly (FilterCounts | undefined)[]): FilterCounts {
  const out: FilterCounts = {};
  for (const counts of list) {
    for (const [filter, values] of Object.entries(counts ?? {})) {
      const into = (out[filter] ??= {});
      for (const [value, n] of Object.entries(values)) into[value] = (into[value] ?? 0) + n;
    }
  }
  return out;
}

/** A member book of a region, as a search part from its bundle names it (src/lib/region/search.ts). */
export interface PartBook {
  /** The member's id in the region (region.yaml). */
  id: string;
  /** Its name, as the region shows it beside each result. */
  name: string;
  /** Its public address: results link to its own entry pages. */
  url: string;
}

/**
 * One Pagefind bundle the search page asks: `base` is its URL path. A book's own parts have no
 * `book`; in a region each member's bundles are parts too, and `book` says whose they are.
 */
export interface SearchPart {
  base: string;
  book?: PartBook;
}

/** A book's own search parts: /pagefind/, then /pagefind-2/… when its index is in `count` parts. */
export function bookSearchParts(count: number): SearchPart[] {
  return Array.from({ length: Math.max(1, count) }, (_, k) => ({ base: shardBasePath(k) }));
}
