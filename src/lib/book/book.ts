/**
 * The whole book as the pages and the export files see it: entries in A–Z order, neighbourhoods
 * by name, categories as a tree, and lookups by id. Pure, so the same book can be made from
 * Astro's content collections (src/server/book.ts, for the pages) and from the content files read
 * directly (the build's export process, src/server/data-files.ts), and both agree.
 */
import { BOROUGH_WIDE } from '../../schema/vocab';
import type { Category, EntryData, Neighbourhood, SiteConfig, Vocabulary } from '../../schema';
import { EMPTY_VOCABULARY } from '../../schema/vocabulary';
import { bookOrder, byId, byName } from './order';
import { wholeAreaName } from './area';
import type { FacetContext } from '../filters/facets';
import type { FacetBook } from '../filters/registry';

export type Entry = { id: string; data: EntryData };
export type NeighbourhoodItem = { id: string } & Neighbourhood;
export type CategoryItem = Category;

export interface BookData {
  site: SiteConfig;
  /** Every valid entry, in `bookOrder`. */
  entries: Entry[];
  /** By name. */
  neighbourhoods: NeighbourhoodItem[];
  /** By id (the order the content collection gives them in). */
  categories: CategoryItem[];
  categoryById: Map<string, CategoryItem>;
  neighbourhoodById: Map<string, NeighbourhoodItem>;
  /** Top-level categories with their children. */
  tree: { category: CategoryItem; children: CategoryItem[] }[];
  /** The everyday words of vocabulary.yaml (src/schema/vocabulary.ts). */
  vocabulary: Vocabulary;
}

/** The book from its parts. `entries` may come in any order; they are put in `bookOrder` (in place). */
export function makeBook(parts: {
  site: SiteConfig;
  entries: Entry[];
  neighbourhoods: NeighbourhoodItem[];
  categories: CategoryItem[];
  vocabulary?: Vocabulary;
}): BookData {
  const entries = parts.entries.sort(bookOrder);
  const neighbourhoods = [...parts.neighbourhoods].sort(byName);
  const categories = [...parts.categories].sort((a, b) => byId(a.id, b.id));
  return {
    site: parts.site,
    entries,
    neighbourhoods,
    categories,
    categoryById: new Map(categories.map((c) => [c.id, c])),
    neighbourhoodById: new Map(neighbourhoods.map((n) => [n.id, n])),
    tree: categories
      .filter((c) => !c.parent)
      .map((category) => ({ category, children: categories.filter((c) => c.parent === category.id) })),
    vocabulary: parts.vocabulary ?? EMPTY_VOCABULARY,
  };
}

/** Names of an entry's neighbourhoods ("All of <place>" for borough-wide entries). */
export function neighbourhoodNames(book: Pick<BookData, 'site' | 'neighbourhoodById'>, ids: string[]): string[] {
  return ids.map((id) =>
    id === BOROUGH_WIDE ? wholeAreaName(book.site.place) : (book.neighbourhoodById.get(id)?.name ?? id),
  );
}

/** An entry's categories plus their parents, without repeats. */
export function categoriesWithParents(book: Pick<BookData, 'categoryById'>, ids: string[]): CategoryItem[] {
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
export function isSensitive(book: Pick<BookData, 'categoryById'>, ids: string[]): boolean {
  return categoriesWithParents(book, ids).some((c) => c.sensitive);
}

/** Entries in a neighbourhood, including borough-wide ones. */
export function entriesIn(book: Pick<BookData, 'entries'>, neighbourhoodId: string): Entry[] {
  return book.entries.filter(
    (e) => e.data.neighbourhoods.includes(neighbourhoodId) || e.data.neighbourhoods.includes(BOROUGH_WIDE),
  );
}

/** Entries in a category or any of its sub-categories. */
export function entriesInCategory(book: Pick<BookData, 'entries' | 'categories'>, categoryId: string): Entry[] {
  const ids = new Set([categoryId, ...book.categories.filter((c) => c.parent === categoryId).map((c) => c.id)]);
  return book.entries.filter((e) => e.data.categories.some((c) => ids.has(c)));
}

/** What working out entries' facet values needs from the book (src/lib/filters/facets.ts). */
export function facetContext(book: Pick<BookData, 'site' | 'categoryById' | 'neighbourhoods'>): FacetContext {
  return {
    parentOf: (c) => book.categoryById.get(c)?.parent,
    neighbourhoods: book.neighbourhoods.map((n) => n.id),
    costBands: book.site.cost_bands,
  };
}

/** What the facet registry needs from the book, for filter panels and labels (src/lib/filters/registry.ts). */
export function facetBook(book: Pick<BookData, 'site' | 'categories' | 'neighbourhoods'>): FacetBook {
  return {
    categories: book.categories.map((c) => ({ id: c.id, name: c.name, ...(c.parent ? { parent: c.parent } : {}) })),
    neighbourhoods: book.neighbourhoods.map((n) => ({ id: n.id, name: n.name })),
    place: book.site.place,
    costBands: book.site.cost_bands,
  };
}
