/**
 * The dev server's routes for the book-wide data files (src/lib/exports/book-files.ts), one per
 * file extension so each keeps its extension in the address (the site's `trailingSlash: 'always'`
 * leaves addresses with one alone): src/pages/[...bookFile].json.ts, .ics.ts, .csv.ts and
 * .geojson.ts. `astro build` writes these files in its export process instead
 * (src/server/data-files.ts), from the same functions, so in a build they make no pages.
 * Astro-only (uses astro:content through the book).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getBook } from './book';
import { bookDataFiles, bookFileType } from '../lib/exports/book-files';
import type { OutputFile } from '../lib/exports/entry-files';

export function bookFileRoute(extension: '.json' | '.ics' | '.csv' | '.geojson'): {
  getStaticPaths: GetStaticPaths;
  GET: APIRoute;
} {
  return {
    getStaticPaths: async () => {
      if (import.meta.env.BOOK_ENTRY_EXPORTS_BY_BUILD) return [];
      return [...bookDataFiles(await getBook())]
        .filter((file) => file.path.endsWith(extension))
        .map((file) => ({ params: { bookFile: file.path.slice(0, -extension.length) }, props: { file } }));
    },
    GET: ({ props }) => {
      const { file } = props as { file: OutputFile };
      return new Response(file.body, { headers: { 'Content-Type': bookFileType(file.path) } });
    },
  };
}
