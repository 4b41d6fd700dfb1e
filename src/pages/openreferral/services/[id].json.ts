import type { APIRoute, GetStaticPaths } from 'astro';
import { getBook, type Entry } from '../../../server/book';
import { exportContext } from '../../../lib/exports/context';
import { entryServiceFile } from '../../../lib/exports/entry-files';
import { serviceUuid } from '../../../lib/exports/uuid';

/**
 * `/openreferral/services/<uuid>.json` in `astro dev`: HSDS `GET /services/{id}`, one fully
 * nested service, for every entry (closed ones too). `astro build` writes these files in one
 * pass instead (src/server/data-files.ts), from the same function.
 */
export const getStaticPaths = (async () => {
  if (import.meta.env.BOOK_ENTRY_EXPORTS_BY_BUILD) return [];
  const book = await getBook();
  return book.entries.map((entry) => ({ params: { id: serviceUuid(entry.id) }, props: { entry } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: Entry }> = async ({ props }) => {
  return new Response(entryServiceFile(props.entry, exportContext(await getBook())).body, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
