import type { APIRoute } from 'astro';
import { getBook } from '../../lib/book';
import { exportContext, exportOrder } from '../../lib/exports/context';
import { buildCsv } from '../../lib/exports/csv';

/** `/open-data/entries.csv`: every entry, closed ones included (see the status column), one row each. */
export const GET: APIRoute = async () => {
  const book = await getBook();
  return new Response(buildCsv(exportOrder(book.entries), exportContext(book)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
