/**
 * The whole book as the pages see it, read once per build from the content collections.
 * Astro-only (uses astro:content); the logic it calls lives in pure modules.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { BOROUGH_WIDE, type Category, type EntryData, type Neighbourhood } from '../schema';
import { loadSite } from './content-files';
import { byName } from './view';

export type Entry = { id: string; data: EntryData };
export type NeighbourhoodItem = { id: string } & Neighbourhood;
export type CategoryItem = Category;

export interface Book {
  site: ReturnType<typeof loadSite>;
  entries: Entry[];
  entryEntries: CollectionEntry<'entries'>[];
  neighbourhoods: NeighbourhoodItem[];
  categories: CategoryItem[];
  categoryById: Map<string, CategoryItem>;
  neighbourhoodById: Map<string, NeighbourhoodItem>;
  /** Top-level categories with their children. */
  tree: { category: CategoryItem; children: CategoryItem[] }[];
}

let cached: Promise<Book> | undefined;

export function getBook(): Promise<Book> {
  cached ??= load();
  return cached;
}

async function load(): Promise<Book> {
  const [entryEntries, hoods, cats] = await Promise.all([getCollection('entries'), getCollection('neighbourhoods'), getCollection('categories')]);
  entryEntries.sort((a, b) => byName(a.data, b.data) || a.id.localeCompare(b.id));
  const categories = cats.map((c) => c.data as CategoryItem);
  const neighbourhoods = hoods.map((h) => ({ id: h.id, ...h.data })).sort(byName);
  const categoryById = new Map(categories.map((c) => [c.id, c]));
  const tree = categories
    .filter((c) => !c.parent)
    .map((category) => ({ category, children: categories.filter((c) => c.parent === category.id) }));
  return {
    site: loadSite(),
    entries: entryEntries.map((e) => ({ id: e.id, data: e.data })),
    entryEntries,
    neighbourhoods,
    categories,
    categoryById,
    neighbourhoodById: new Map(neighbourhoods.map((n) => [n.id, n])),
    tree,
  };
}

/** Names of an entry's neighbourhoods ("Borough-wide" for borough-wide entries). */
export function neighbourhoodNames(book: Book, ids: string[]): string[] {
  return ids.map((id) => (id === BOROUGH_WIDE ? `All of ${book.site.place}` : (book.neighbourhoodById.get(id)?.name ?? id)));
}

/** An entry's categories plus their parents, without repeats. */
export function categoriesWithParents(book: Book, ids: string[]): CategoryItem[] {
  const out = new Map<string, CategoryItem>();
  for (const id of ids) {
    const c = book.categoryById.get(id);
    if (!c) continue;
    if (c.parent) {
      const p = book.categoryById.get(c.parent);
      if (p) out.set(p.id, p);
    }
    out.set(c.id, c);
  }
  return [...out.values()];
}

/** True when any of the categories (or their parents) is marked sensitive. */
export function isSensitive(book: Book, ids: string[]): boolean {
  return categoriesWithParents(book, ids).some((c) => c.sensitive);
}

/** Entries in a neighbourhood, including borough-wide ones. */
export function entriesIn(book: Book, neighbourhoodId: string): Entry[] {
  return book.entries.filter((e) => e.data.neighbourhoods.includes(neighbourhoodId) || e.data.neighbourhoods.includes(BOROUGH_WIDE));
}

/** Entries in a category or any of its sub-categories. */
export function entriesInCategory(book: Book, categoryId: string): Entry[] {
  const ids = new Set([categoryId, ...book.categories.filter((c) => c.parent === categoryId).map((c) => c.id)]);
  return book.entries.filter((e) => e.data.categories.some((c) => ids.has(c)));
}
