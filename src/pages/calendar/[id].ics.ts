import type { APIRoute, GetStaticPaths } from 'astro';
import { getBook, type Entry } from '../../server/book';
import { exportContext } from '../../lib/exports/context';
import { entryCalendarFile } from '../../lib/exports/entry-files';

/**
 * `/calendar/<entry-id>.ics` in `astro dev`: an entry's sessions (entries that are not closed and
 * have sessions). `astro build` writes these files in one pass instead
 * (src/server/data-files.ts), from the same function.
 */
export const getStaticPaths = (async () => {
  if (import.meta.env.BOOK_ENTRY_EXPORTS_BY_BUILD) return [];
  const book = await getBook();
  const ctx = exportContext(book);
  return book.entries
    .filter((e) => entryCalendarFile(e, ctx))
    .map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: Entry }> = async ({ props }) => {
  const file = entryCalendarFile(props.entry, exportContext(await getBook()));
  return new Response(file?.body ?? null, {
    status: file ? 200 : 404,
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  });
};
