/**
 * The whole book as the pages see it, read once per build from the content collections.
 * Astro-only (uses astro:content); the book itself and the helpers over it are pure
 * (src/lib/book/book.ts), shared with the build's export process.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Category } from '../schema';
import { bookOrder } from '../lib/book/order';
import { makeBook, type BookData } from '../lib/book/book';
import { loadSite, loadVocabulary } from './content-files';
import { loadMessages } from './messages';

export type { Entry, NeighbourhoodItem, CategoryItem } from '../lib/book/book';
export { neighbourhoodNames, categoriesWithParents, isSensitive, entriesIn, entriesInCategory } from '../lib/book/book';

export interface Book extends BookData {
  /** The collection entries behind `entries`, in the same order (what `render()` needs). */
  entryEntries: CollectionEntry<'entries'>[];
}

let cached: Promise<Book> | undefined;

export function getBook(): Promise<Book> {
  cached ??= load();
  return cached;
}

async function load(): Promise<Book> {
  // The book's words, for the pure modules that write them (labels, dates, schedules: `t`).
  loadMessages();
  const [entryEntries, hoods, cats] = await Promise.all([
    getCollection('entries'),
    getCollection('neighbourhoods'),
    getCollection('categories'),
  ]);
  entryEntries.sort(bookOrder);
  const book = makeBook({
    site: loadSite(),
    entries: entryEntries.map((e) => ({ id: e.id, data: e.data })),
    neighbourhoods: hoods.map((h) => ({ id: h.id, ...h.data })),
    categories: cats.map((c) => c.data as Category),
    vocabulary: loadVocabulary(),
  });
  return { ...book, entryEntries };
}
