import type { APIRoute, GetStaticPaths } from 'astro';
import { getBook, type Entry } from '../../lib/book';
import { buildCalendar, hasCalendar } from '../../lib/exports/ics';

/** `/calendar/<entry-id>.ics`: an entry's sessions, for entries that are not closed and have sessions. */
export const getStaticPaths = (async () => {
  const book = await getBook();
  return book.entries.filter((e) => hasCalendar(e, book.site.url)).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: Entry }> = async ({ props }) => {
  const book = await getBook();
  const ics = buildCalendar([props.entry], { name: props.entry.data.name, description: props.entry.data.summary, siteUrl: book.site.url, product: book.site.title });
  return new Response(ics, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
