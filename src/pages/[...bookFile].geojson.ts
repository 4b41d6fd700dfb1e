// The book-wide .geojson data files in `astro dev` (none in a build, which writes them itself): see src/server/dev-routes.ts.
import { bookFileRoute } from '../server/dev-routes';

export const { getStaticPaths, GET } = bookFileRoute('.geojson');
