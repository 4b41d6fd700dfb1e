import type { APIRoute } from 'astro';
import { getBook } from '../../lib/book';
import { exportContext, exportOrder, isListed } from '../../lib/exports/context';
import { hsdsServiceList } from '../../lib/exports/hsds';

/** `/openreferral/services.json`: HSDS `GET /services`, every active and temporarily closed entry on one page. */
export const GET: APIRoute = async () => {
  const book = await getBook();
  const list = hsdsServiceList(exportOrder(book.entries.filter(isListed)), exportContext(book));
  return new Response(`${JSON.stringify(list, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
