/**
 * "My list" across a region's members: the region publishes one list data set (the files of
 * src/lib/list/data.ts) holding every member's entries under the region's ids
 * (`wigan.food-bank`, src/schema/ids.ts), each with its page in its own book and that book's
 * name. So a list may hold entries of several members, and its share link (ids only) reopens them
 * on the region. Pure: the region build (scripts/build/region.ts) reads the members' files.
 */
import { regionEntryId } from '../../schema/ids';
import type { ListEntry } from '../list/data';
import type { PartBook } from '../search/shards';
import { entryUrl } from '../exports/context';

/** A member's entry as the region's list holds it. */
export function memberListEntry(entry: ListEntry, book: PartBook): ListEntry {
  return {
    ...entry,
    id: regionEntryId(book.id, entry.id),
    url: entryUrl(book.url, entry.id),
    book: book.name,
  };
}

/**
 * Every entry of a member's list data files (its index's shards, each an object by id), in the
 * shards' order; a shard that is not an object of entries is a problem naming the file.
 */
export function memberListEntries(
  shards: readonly { path: string; body: unknown }[],
  book: PartBook,
): { entries: ListEntry[]; problems: string[] } {
  const entries: ListEntry[] = [];
  const problems: string[] = [];
  for (const { path, body } of shards) {
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      problems.push(
        `Member "${book.id}" (${book.name}): ${path} is not the list data a Community Book writes. Fix: build the member book again (npm run build).`,
      );
      continue;
    }
    for (const e of Object.values(body as Record<string, ListEntry>)) entries.push(memberListEntry(e, book));
  }
  return { entries, problems };
}
