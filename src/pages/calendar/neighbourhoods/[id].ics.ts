import type { APIRoute, GetStaticPaths } from 'astro';
import { getBook } from '../../../lib/book';
import { exportOrder } from '../../../lib/exports/context';
import { buildCalendar, neighbourhoodCalendarEntries } from '../../../lib/exports/ics';

/**
 * `/calendar/neighbourhoods/<id>.ics`: "What's on in …", the sessions of every entry that names
 * the neighbourhood and is not closed. Borough-wide services are left out: they would bury the
 * local groups (they have calendars of their own).
 */
export const getStaticPaths = (async () => {
  const book = await getBook();
  return book.neighbourhoods.map((n) => ({ params: { id: n.id }, props: { id: n.id, name: n.name } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ id: string; name: string }> = async ({ props }) => {
  const book = await getBook();
  const entries = exportOrder(neighbourhoodCalendarEntries(book.entries, props.id));
  const ics = buildCalendar(entries, {
    name: `What's on in ${props.name}`,
    description: `Regular groups and sessions in ${props.name}, from ${book.site.title}.`,
    siteUrl: book.site.url,
    product: book.site.title,
  });
  return new Response(ics, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
