import type { APIRoute } from 'astro';
import { getBook } from '../../lib/book';
import { exportContext, exportOrder } from '../../lib/exports/context';
import { buildVenuesGeoJson } from '../../lib/exports/geojson';

/** `/open-data/venues.geojson`: a point for each venue of every entry that is not closed. */
export const GET: APIRoute = async () => {
  const book = await getBook();
  const geojson = buildVenuesGeoJson(exportOrder(book.entries), exportContext(book));
  return new Response(`${JSON.stringify(geojson)}\n`, { headers: { 'Content-Type': 'application/geo+json; charset=utf-8' } });
};
