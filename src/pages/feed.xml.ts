import type { APIRoute } from 'astro';
import { getBook } from '../server/book';
import { buildAtomFeed } from '../lib/exports/atom';
import { exportContext } from '../lib/exports/context';

/** `/feed.xml`: Atom feed of the 50 entries checked most recently. */
export const GET: APIRoute = async () => {
  const book = await getBook();
  return new Response(buildAtomFeed(book.entries, exportContext(book)), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
};
