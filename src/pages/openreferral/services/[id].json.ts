import type { APIRoute, GetStaticPaths } from 'astro';
import { getBook, type Entry } from '../../../lib/book';
import { exportContext } from '../../../lib/exports/context';
import { hsdsService } from '../../../lib/exports/hsds';
import { serviceUuid } from '../../../lib/exports/uuid';

/**
 * `/openreferral/services/<uuid>.json`: HSDS `GET /services/{id}`, one fully nested service.
 * Written for every entry, closed ones too (status `defunct`), so a saved link keeps working;
 * the list in services.json leaves closed entries out.
 */
export const getStaticPaths = (async () => {
  const book = await getBook();
  return book.entries.map((entry) => ({ params: { id: serviceUuid(entry.id) }, props: { entry } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: Entry }> = async ({ props }) => {
  const book = await getBook();
  return new Response(`${JSON.stringify(hsdsService(props.entry, exportContext(book)), null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
