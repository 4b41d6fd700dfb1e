/**
 * The taxonomies of the Open Referral feed (`GET /taxonomies`, `GET /taxonomy_terms`) and the
 * terms each entry links to (its `attributes`). Pure.
 *
 *  - The book's own categories (content/categories.yaml): one taxonomy, two levels (`parent_id`).
 *  - Each LGA list (esd.org.uk) that a category names a term from (`lga` in categories.yaml): the
 *    service types list or the needs list, a taxonomy each, holding the terms the book uses. An
 *    entry in a category with an LGA term links to the category's own term and to the LGA term.
 *
 * Every term is both an HSDS 3.0 `taxonomy_term` (`name`, `description`, `code`) and an Open
 * Referral UK one (`term`, `taxonomy`, `term_uri`). Ids are UUID v5, so they never change between
 * builds:
 *
 *  - the book's category taxonomy and its terms are the book's own (its title, its words, its
 *    pages), so their ids are in the book's namespace (./uuid.ts `bookUuid`), from the category id:
 *    two books' `food` categories are two terms, even when they share a vocabulary, because nothing
 *    makes them mean the same (a region that merges members' filters matches them by `code`, the
 *    category id, where the members share the region's categories);
 *  - the LGA lists and their terms belong to no book: their ids are in the shared namespace
 *    (`vocabularyUuid`), from the term's address, so every book gives the same LGA term the same
 *    id and a region's feed holds it once, the common ground between members whose own
 *    categories differ. (They are the ids these terms have had since the LGA lists were added.)
 */
import type { Category } from '../../schema';
import { absoluteUrl, type ExportContext } from './context';
import { bookUuid, vocabularyUuid } from './uuid';

type Json = Record<string, unknown>;

/** The LGA lists a category may take its `lga` term from, by the kind in the term's address. */
export const LGA_LISTS = {
  service: {
    name: 'LGA service types',
    description:
      'The Local Government Association list of service types (esd.org.uk), which Open Referral UK recommends for classifying services.',
    uri: 'http://id.esd.org.uk/list/services',
  },
  need: {
    name: 'LGA needs',
    description: 'The Local Government Association list of needs (esd.org.uk) that services meet.',
    uri: 'http://id.esd.org.uk/list/needs',
  },
} as const;
export type LgaList = keyof typeof LGA_LISTS;

/** Which LGA list a term address belongs to: `http://id.esd.org.uk/need/69` → `need`. */
export function lgaListOf(uri: string): LgaList {
  return /\/need\/\d+$/.test(uri) ? 'need' : 'service';
}

const compact = (o: Json): Json => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** The id of the category taxonomy of the book at `bookUrl`. */
export const categoryTaxonomyId = (bookUrl: string): string => bookUuid(bookUrl, 'taxonomy', 'categories');
/** The id of an LGA list's taxonomy: the same in every book. */
export const lgaTaxonomyId = (list: LgaList): string => vocabularyUuid('taxonomy', `lga:${list}`);
/** The id of a category's own term in the book at `bookUrl`. */
export const categoryTermId = (bookUrl: string, categoryId: string): string =>
  bookUuid(bookUrl, 'category', categoryId);
/** The id of an LGA term, from its address: the same in every book. */
export const lgaTermId = (uri: string): string => vocabularyUuid('lga', uri);

function categoryTaxonomyName(ctx: ExportContext): string {
  return `${ctx.site.title} categories`;
}

/** Every taxonomy of the feed: the book's categories first, then the LGA lists in use. */
export function taxonomies(ctx: ExportContext): Json[] {
  const lists = new Set(ctx.categories.flatMap((c) => (c.lga ? [lgaListOf(c.lga.uri)] : [])));
  return [
    {
      id: categoryTaxonomyId(ctx.site.url),
      name: categoryTaxonomyName(ctx),
      description: `The categories of needs that ${ctx.site.title} sorts its entries into, in two levels.`,
      uri: absoluteUrl(ctx.site.url, '/categories/'),
    },
    ...(Object.keys(LGA_LISTS) as LgaList[])
      .filter((list) => lists.has(list))
      .map((list) => ({ id: lgaTaxonomyId(list), ...LGA_LISTS[list] })),
  ];
}

/** A category's own term. */
export function categoryTerm(c: Category, ctx: ExportContext): Json {
  return compact({
    id: categoryTermId(ctx.site.url, c.id),
    code: c.id,
    name: c.name,
    description: c.description ?? c.name,
    parent_id: c.parent ? categoryTermId(ctx.site.url, c.parent) : undefined,
    taxonomy: categoryTaxonomyName(ctx),
    taxonomy_id: categoryTaxonomyId(ctx.site.url),
    language: 'en',
    term_uri: c.uri ?? absoluteUrl(ctx.site.url, `/categories/${c.id}/`),
    term: c.name,
  });
}

/** The LGA term a category names. */
export function lgaTerm(lga: NonNullable<Category['lga']>): Json {
  const list = lgaListOf(lga.uri);
  return {
    id: lgaTermId(lga.uri),
    code: lga.uri.split('/').pop(),
    name: lga.name,
    description: `${lga.name} (${LGA_LISTS[list].name}).`,
    taxonomy: LGA_LISTS[list].name,
    taxonomy_id: lgaTaxonomyId(list),
    language: 'en',
    term_uri: lga.uri,
    term: lga.name,
  };
}

/** Every term of the feed, taxonomy by taxonomy: the categories in the book's order, then each LGA term once. */
export function taxonomyTerms(ctx: ExportContext): Json[] {
  const lga = new Map<string, Json>();
  for (const c of ctx.categories) if (c.lga && !lga.has(c.lga.uri)) lga.set(c.lga.uri, lgaTerm(c.lga));
  const order = Object.keys(LGA_LISTS);
  const lgaTerms = [...lga.values()].sort(
    (a, b) =>
      order.indexOf(lgaListOf(a.term_uri as string)) - order.indexOf(lgaListOf(b.term_uri as string)) ||
      Number(a.code) - Number(b.code),
  );
  return [...ctx.categories.map((c) => categoryTerm(c, ctx)), ...lgaTerms];
}

/** One taxonomy in full (`GET /taxonomies/{id}`): the taxonomy and its terms. */
export function taxonomyDocument(taxonomy: Json, terms: Json[]): Json {
  return { ...taxonomy, taxonomy_terms: terms.filter((t) => t.taxonomy_id === taxonomy.id) };
}

/**
 * The terms an entry's categories give it, each once: the category's own term and, where the
 * category names one, its LGA term.
 */
export function entryTerms(categoryIds: readonly string[], ctx: ExportContext): { key: string; term: Json }[] {
  const out: { key: string; term: Json }[] = [];
  const seen = new Set<string>();
  for (const id of categoryIds) {
    const c = ctx.categories.find((x) => x.id === id);
    if (!c) continue;
    out.push({ key: c.id, term: categoryTerm(c, ctx) });
    if (c.lga && !seen.has(c.lga.uri)) {
      seen.add(c.lga.uri);
      out.push({ key: `lga/${c.lga.uri.replace(/^https?:\/\//, '')}`, term: lgaTerm(c.lga) });
    }
  }
  return out;
}
