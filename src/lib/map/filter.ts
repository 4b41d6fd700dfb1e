/**
 * The map's filters: the same state, URL and facet rules as /search/ (src/lib/filters/), applied
 * to the venues file in the browser, and its own word search over names, summaries and needs.
 */
import { matchesFacets } from '../filters/facets';
import { FACETS } from '../filters/registry';
import type { FilterState } from '../filters/state';
import { meetsDuring, planWhen } from '../schedule/when';
import { schedulesOf, withSearchText, type MapData, type MapEntry, type MapPoint } from './venue-file';

/** The words of a query, lower case, at least one letter or digit each. */
export function queryWords(q: string): string[] {
  return q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The map's word search: every word must appear in the entry's name, summary, or the names and
 * everyday words of its categories. (The list view's full-text search also looks at the page
 * body; the map says so.)
 */
export function matchesWords(entry: Pick<MapEntry, 'text'>, words: string[]): boolean {
  return words.every((w) => entry.text.includes(w));
}

/** The entries matching a filter state: facets (cost bands too), `when` (at `now`) and the words of `q`. */
export function filterEntries(data: MapData, state: FilterState, now: Date): MapEntry[] {
  const words = queryWords(state.q);
  const plan = state.when ? planWhen(state.when, now, data.holidays) : undefined;
  if (words.length === 0 && !plan && FACETS.every((f) => state.facets[f].length === 0)) return data.entries;
  if (words.length > 0) withSearchText(data);
  return data.entries.filter(
    (e) =>
      matchesFacets(e.facets, state) &&
      (words.length === 0 || matchesWords(e, words)) &&
      (!plan || meetsDuring(e, schedulesOf(e), plan)),
  );
}

/** The points (venues) of some entries (the same array as `data.points` when given every entry of `data`). */
export function pointsOf(entries: MapEntry[], data?: MapData): MapPoint[] {
  if (data && entries === data.entries) return data.points;
  return entries.flatMap((e) => e.venues.map((v, venue) => ({ entry: e.index, venue, lat: v.lat, lng: v.lng })));
}
