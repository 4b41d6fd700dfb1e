import type { APIRoute, GetStaticPaths } from 'astro';
import { getBook, isSensitive } from '../../lib/book';
import { shardCount, shardOf, toListEntry, type ListEntry } from '../../lib/list-data';

/**
 * `/list-data/<shards>-<n>.json`: the list-page view of every entry in shard n, keyed by id.
 * Every shard is written, empty ones as `{}`, so a missing file means a different build.
 */
export const getStaticPaths = (async () => {
  const book = await getBook();
  const shards = shardCount(book.entries.length);
  const groups: Record<string, ListEntry>[] = Array.from({ length: shards }, () => ({}));
  for (const e of book.entries) groups[shardOf(e.id, shards)][e.id] = toListEntry(e.id, e.data, { sensitive: isSensitive(book, e.data.categories) });
  return groups.map((entries, n) => ({ params: { shard: `${shards}-${n}` }, props: { entries } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props.entries), { headers: { 'Content-Type': 'application/json' } });
