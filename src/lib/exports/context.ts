/**
 * What the export builders need to know besides the entries. Plain data, so the builders are pure
 * and can be tested without Astro: pages make it from the book with `exportContext(book)`.
 */
import type { Category, EntryData, Neighbourhood, SiteConfig } from '../../schema';
import { bookOrder } from '../book/order';

export type ExportEntry = { id: string; data: EntryData };

/**
 * When each entry last changed, as ISO instants (`2026-03-01T09:30:00.000Z`), by entry id: the
 * last commit of its file (src/server/entry-dates.ts reads them, in one pass over the history).
 */
export type ModifiedTimes = ReadonlyMap<string, string>;
export type ExportNeighbourhood = { id: string } & Pick<Neighbourhood, 'name'> &
  Partial<Pick<Neighbourhood, 'boundary'>>;

export interface ExportContext {
  site: Pick<
    SiteConfig,
    'url' | 'title' | 'place' | 'publisher' | 'description' | 'data_licence' | 'corrections_email' | 'bank_holidays'
  >;
  categories: Category[];
  neighbourhoods: ExportNeighbourhood[];
  /** When each entry last changed (its file's last commit); entries missing here fall back, see `lastModified`. */
  modified?: ModifiedTimes;
}

/**
 * When an entry last changed: its file's last commit, or, for a book outside git (or a file not
 * committed yet), the start of the day it was last verified (UTC). Never the build time, so two
 * builds of the same commit agree.
 */
export function lastModified(e: ExportEntry, modified?: ModifiedTimes): string {
  return modified?.get(e.id) ?? `${e.data.last_verified}T00:00:00.000Z`;
}

/** Absolute address of a path on the site, under the site's own path: src/lib/site/paths.ts. */
export { absoluteUrl } from '../site/paths';
import { absoluteUrl } from '../site/paths';

/** The public page of an entry. */
export function entryUrl(siteUrl: string, id: string): string {
  return absoluteUrl(siteUrl, `/entries/${id}/`);
}

/** The host name of the site (for calendar UIDs): `community-book.example.org`. */
export function siteHost(siteUrl: string): string {
  return new URL(siteUrl).host;
}

/** Entries published in the HSDS list and the "what's on" calendars: every entry that is not closed. */
export function isListed(e: ExportEntry): boolean {
  return e.data.status !== 'closed';
}

/** The entries in the book's order (a copy): the order every export lists them in. */
export function exportOrder<T extends ExportEntry>(entries: readonly T[]): T[] {
  return [...entries].sort(bookOrder);
}

/** The export context from the book (structurally, so this module does not load astro:content). */
export function exportContext(
  book: {
    site: ExportContext['site'];
    categories: Category[];
    neighbourhoods: ExportNeighbourhood[];
  },
  modified?: ModifiedTimes,
): ExportContext {
  return { site: book.site, categories: book.categories, neighbourhoods: book.neighbourhoods, modified };
}
