/**
 * What the export builders need to know besides the entries. Plain data, so the builders are pure
 * and can be tested without Astro: pages make it from the book with `exportContext(book)`.
 */
import type { Category, EntryData, Neighbourhood, SiteConfig } from '../../schema';
import { bookOrder } from '../book/order';

export type ExportEntry = { id: string; data: EntryData };
export type ExportNeighbourhood = { id: string } & Pick<Neighbourhood, 'name'> &
  Partial<Pick<Neighbourhood, 'boundary'>>;

export interface ExportContext {
  site: Pick<SiteConfig, 'url' | 'title' | 'place' | 'publisher' | 'description' | 'data_licence'>;
  categories: Category[];
  neighbourhoods: ExportNeighbourhood[];
}

/** Absolute address of a path on the site: `absoluteUrl(site, '/entries/x/')`. */
export function absoluteUrl(siteUrl: string, path: string): string {
  return new URL(path, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
}

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
export function exportContext(book: {
  site: ExportContext['site'];
  categories: Category[];
  neighbourhoods: ExportNeighbourhood[];
}): ExportContext {
  return { site: book.site, categories: book.categories, neighbourhoods: book.neighbourhoods };
}
