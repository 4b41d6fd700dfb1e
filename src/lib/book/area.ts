/**
 * The whole area an entry can serve instead of named neighbourhoods: the pseudo-neighbourhood
 * `borough-wide` in entries, and the one name every page, filter, map and feed gives it; and the
 * words made from site.yaml `area` (the word for the whole area: "borough", "county", "city").
 * The site's words (the messages `facts.area.`); the HSDS export writes them too, and the importer
 * compares a feed's areas with them, in the same book's words.
 */
import { BOROUGH_WIDE } from '../../schema/vocab';
import { t } from '../text/messages';
import { capitalise } from '../text/words';

export { BOROUGH_WIDE };

/** The name of the whole area: "All of Wigan borough" (site.yaml `place` is "Wigan borough"). */
export function wholeAreaName(place: string): string {
  return t('facts.area.all', { place });
}

/** A neighbourhood's name from its id, the whole area's for `borough-wide`, else the id itself. */
export function areaName(id: string, place: string, names: ReadonlyMap<string, string>): string {
  return id === BOROUGH_WIDE ? wholeAreaName(place) : (names.get(id) ?? id);
}

/** "Borough-wide", "County-wide", from site.yaml `area`: services for the whole area. */
export function areaWide(area: string): string {
  return capitalise(t('facts.area.wide', { area: area.trim().toLowerCase() }));
}

/** "the whole borough", from site.yaml `area`. */
export function wholeArea(area: string): string {
  return t('facts.area.whole', { area: area.trim().toLowerCase() });
}
