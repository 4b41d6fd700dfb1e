import type { APIRoute } from 'astro';
import { getBook } from '../server/book';
import { shardSize, splitIntoShards, type ShardManifest } from '../lib/search/shards';

/**
 * Which entries go into which part of the search index (src/lib/search/shards.ts). Read and
 * removed by the indexing step of `npm run build`; not part of the published site.
 */
export const GET: APIRoute = async () => {
  const book = await getBook();
  const manifest: ShardManifest = {
    shards: splitIntoShards(
      book.entries.map((e) => e.id),
      shardSize(process.env.BOOK_SEARCH_SHARD_SIZE),
    ),
  };
  return new Response(JSON.stringify(manifest), { headers: { 'Content-Type': 'application/json' } });
};
