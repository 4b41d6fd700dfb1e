/**
 * The book the browser tests' site was built from (tests/fixtures/sample-book, see
 * playwright.config.ts), read with the project's own loaders, so expected results come from the
 * front matter and the same pure functions the pages use, never from numbers written in a test.
 */
import {
  contentDir,
  loadCategories,
  loadContext,
  loadNeighbourhoods,
  loadSite,
  readEntryFiles,
} from '../../src/server/content-files';
import { makeBook, facetContext } from '../../src/lib/book/book';
import { entryFacets } from '../../src/lib/filters/facets';
import type { EntryData } from '../../src/schema';

const dir = contentDir();
export const site = loadSite(dir);
export const book = makeBook({
  site,
  entries: readEntryFiles(dir, loadContext(dir)).entries,
  neighbourhoods: loadNeighbourhoods(dir),
  categories: loadCategories(dir),
});
export const entries = book.entries;
export const byId = new Map(entries.map((e) => [e.id, e]));
const ctx = facetContext(book);
/** An entry's facet values, as the index and the map data have them. */
export const facetsOf = (d: EntryData) => entryFacets(d, ctx);
