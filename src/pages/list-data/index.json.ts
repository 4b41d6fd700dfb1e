import type { APIRoute } from 'astro';
import { getBook } from '../../lib/book';
import { shardCount } from '../../lib/list-data';

/** How many list-data shards this build has: `{ "shards": 8 }`. See src/lib/list-data.ts. */
export const GET: APIRoute = async () => {
  const book = await getBook();
  return new Response(JSON.stringify({ shards: shardCount(book.entries.length) }), { headers: { 'Content-Type': 'application/json' } });
};
