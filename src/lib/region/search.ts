/**
 * The region's one search: every member book's search bundle, copied under
 * `/members/<id>/` by the region build (src/lib/region/members.ts), is a part the search page asks
 * together with the others (src/lib/search/shards.ts), as a big book's parts are
 * (`regionSearchParts`, src/lib/region/members.ts). Pure; the search island loads it.
 *
 * A member's result is its own page in its own book: its address is made absolute on the
 * member's site, its id becomes the region's (`wigan.food-bank`, src/schema/ids.ts) so two
 * members' `food-bank`s stay two entries in a list, and it carries the member's name, which the
 * card shows.
 */
import { regionEntryId } from '../../schema/ids';
import type { PartBook } from '../search/shards';
import { BOOK_META } from '../search/index-fields';
import { absoluteUrl } from '../site/paths';

/** A Pagefind result's data, as far as this module changes it. */
export interface Fragment {
  url: string;
  meta: Record<string, string | undefined>;
}

/**
 * A member's result as the region shows it: the member's own entry page, the region's id and
 * the member's name. Its part is asked with Pagefind's `baseUrl` at the site's root
 * (`MEMBER_BASE_URL`), so `fragment.url` is the page's path in the member's built site
 * (`/entries/food-bank/`), which is under the member's address (a member may live under a path).
 */
export function memberFragment<F extends Fragment>(fragment: F, book: PartBook): F {
  const id = fragment.meta.id || fragment.url.replace(/^.*\/entries\/|\/$/g, '');
  return {
    ...fragment,
    url: absoluteUrl(book.url, fragment.url),
    meta: { ...fragment.meta, id: regionEntryId(book.id, id), [BOOK_META]: book.name },
  };
}

/** Pagefind's `baseUrl` for a member's part: results' paths as in the member's own site. */
export const MEMBER_BASE_URL = '/';
