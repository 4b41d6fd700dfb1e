/**
 * The book-wide data files: each is made from every entry at once, and none is a page.
 *
 *   map/venues.json                      what the map reads (src/lib/map/venue-file.ts)
 *   list-data/index.json, <n>-<k>.json   what "my list" reads, in shards (src/lib/list/data.ts)
 *   calendar/neighbourhoods/<id>.ics     what's on in each neighbourhood
 *   open-data/entries.csv                every entry, a row each
 *   open-data/venues.geojson             every venue, a point each
 *   openreferral/…                       the Open Referral UK API's book-wide endpoints
 *                                        (`GET /`, the lists, the taxonomies: ./openreferral.ts)
 *
 * Pure: the same book always gives the same paths and bytes. They are written and served by
 * src/server/data-files.ts.
 */
import { bookFacetValues } from '../filters/registry';
import { facetBook, isSensitive, type BookData } from '../book/book';
import { shardCount, shardOf, shardPath, toListEntry, LIST_DATA_INDEX, type ListEntry } from '../list/data';
import { VENUES_PATH, buildVenueFile } from '../map/venue-file';
import { exportContext, exportOrder, type ModifiedTimes } from './context';
import { buildCsv } from './csv';
import type { OutputFile } from './entry-files';
import { buildVenuesGeoJson } from './geojson';
import { buildCalendar, neighbourhoodCalendarEntries } from './ics';
import { feedBookFiles } from './openreferral';

export type BookFileBook = Pick<BookData, 'site' | 'entries' | 'categories' | 'neighbourhoods' | 'categoryById'>;

/** The map's venues file. */
export function venuesFile(book: BookFileBook): OutputFile {
  const file = buildVenueFile({
    entries: book.entries,
    categories: book.categories,
    neighbourhoods: book.neighbourhoods,
    holidays: book.site.bank_holidays,
    allowed: bookFacetValues(facetBook(book)),
    costBands: book.site.cost_bands,
  });
  return { path: VENUES_PATH, body: JSON.stringify(file) };
}

/** The list page's index and shards: every entry in exactly one shard, in book order within it. */
export function listDataFiles(book: BookFileBook): OutputFile[] {
  return listShardFiles(
    book.entries.map((e) => toListEntry(e.id, e.data, { sensitive: isSensitive(book, e.data.categories) })),
  );
}

/**
 * The list data's index and shards for `entries` (a book's, or a region's members' together,
 * src/lib/region/list.ts): each entry in exactly one shard, in the given order within it.
 */
export function listShardFiles(entries: readonly ListEntry[]): OutputFile[] {
  const shards = shardCount(entries.length);
  const groups: Record<string, ListEntry>[] = Array.from({ length: shards }, () => ({}));
  for (const e of entries) groups[shardOf(e.id, shards)][e.id] = e;
  return [
    { path: LIST_DATA_INDEX.slice(1), body: JSON.stringify({ shards }) },
    ...groups.map((entries, n) => ({ path: shardPath(n, shards).slice(1), body: JSON.stringify(entries) })),
  ];
}

/** One neighbourhood's calendar of regular sessions. */
export function neighbourhoodCalendarFile(
  book: BookFileBook,
  hood: { id: string; name: string },
  modified?: ModifiedTimes,
): OutputFile {
  const entries = exportOrder(neighbourhoodCalendarEntries(book.entries, hood.id));
  return {
    path: `calendar/neighbourhoods/${hood.id}.ics`,
    body: buildCalendar(entries, {
      name: `What's on in ${hood.name}`,
      description: `Regular groups and sessions in ${hood.name}, from ${book.site.title}.`,
      siteUrl: book.site.url,
      product: book.site.title,
      holidays: book.site.bank_holidays,
      modified,
    }),
  };
}

/** Every book-wide data file; `modified`: when each entry last changed (src/server/entry-dates.ts). */
export function* bookDataFiles(book: BookFileBook, modified?: ModifiedTimes): Generator<OutputFile> {
  const ctx = exportContext(book, modified);
  const ordered = exportOrder(book.entries);
  yield venuesFile(book);
  yield* listDataFiles(book);
  for (const hood of book.neighbourhoods) yield neighbourhoodCalendarFile(book, hood, modified);
  yield { path: 'open-data/entries.csv', body: buildCsv(ordered, ctx) };
  yield { path: 'open-data/venues.geojson', body: `${JSON.stringify(buildVenuesGeoJson(ordered, ctx))}\n` };
  yield* feedBookFiles(ordered, ctx);
}
