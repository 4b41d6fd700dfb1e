/**
 * `/map/venues.json`: every venue of every entry, written once at build time for the map islands
 * (the full map and the neighbourhood maps). Compact format: see `buildVenueFile` in src/lib/map.ts.
 */
import type { APIRoute } from 'astro';
import { getBook } from '../../lib/book';
import { facetValues } from '../../lib/filters';
import { buildVenueFile } from '../../lib/map';

export const GET: APIRoute = async () => {
  const book = await getBook();
  const file = buildVenueFile({
    entries: book.entries,
    categories: book.categories,
    neighbourhoods: book.neighbourhoods,
    holidays: book.site.bank_holidays,
    allowed: facetValues({ categories: book.categories.map((c) => c.id), neighbourhoods: book.neighbourhoods.map((n) => n.id) }),
  });
  return new Response(JSON.stringify(file), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
