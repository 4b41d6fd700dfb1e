// The book-wide .json data files in `astro dev` (none in a build, which writes them itself): see src/lib/book-file-routes.ts.
import { bookFileRoute } from '../lib/book-file-routes';

export const { getStaticPaths, GET } = bookFileRoute('.json');
