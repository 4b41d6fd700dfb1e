/**
 * Where a venue is: its point from the postcode file the maintainer supplies, and the book's
 * neighbourhoods that hold the point (point in polygon, on the boundaries in
 * content/neighbourhoods/). Pure.
 */
import { pointInPolygon } from '../map/geometry';
import type { ImportNeighbourhood } from './context';

/** A UK postcode in its usual form: upper case, one space before the last three characters ("WN2 3AN"). */
export function normalisePostcode(text: string): string {
  const compact = String(text ?? '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
  return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
}

/** True for text shaped like a UK postcode. */
export function isPostcode(text: string): boolean {
  return /^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/.test(normalisePostcode(text));
}

export type PostcodeLookup = ReadonlyMap<string, { lat: number; lng: number }>;

/**
 * A postcode lookup from the rows of a CSV file with a header row: the ONS Postcode Directory
 * (columns `pcds` or `pcd`, `lat`, `long`), or any extract with columns named like `postcode`,
 * `latitude`/`lat` and `longitude`/`long`/`lng`. Rows without a point (ONSPD writes 99.999999
 * for postcodes it cannot place) are left out.
 */
export function postcodeLookup(rows: readonly string[][]): PostcodeLookup {
  const [header = [], ...data] = rows;
  const names = header.map((h) => h.trim().toLowerCase());
  const find = (...want: string[]) => {
    for (const w of want) {
      const i = names.indexOf(w);
      if (i >= 0) return i;
    }
    return -1;
  };
  const pc = find('pcds', 'postcode', 'pcd', 'pcd2', 'post code', 'postal_code');
  const lat = find('lat', 'latitude');
  const lng = find('long', 'longitude', 'lng', 'lon');
  if (pc < 0 || lat < 0 || lng < 0)
    throw new Error(
      `The postcode file has no ${[pc < 0 && 'postcode (pcds)', lat < 0 && 'lat', lng < 0 && 'long'].filter(Boolean).join(', ')} column. Fix: use the ONS Postcode Directory CSV, or an extract with the columns pcds, lat, long.`,
    );
  const out = new Map<string, { lat: number; lng: number }>();
  for (const row of data) {
    const y = Number(row[lat]);
    const x = Number(row[lng]);
    if (!row[pc] || !Number.isFinite(y) || !Number.isFinite(x) || Math.abs(y) > 90 || (y === 99.999999 && x === 0))
      continue;
    out.set(normalisePostcode(row[pc]), { lat: y, lng: x });
  }
  return out;
}

/** The neighbourhoods (ids, in the book's order) whose boundary holds the point. */
export function neighbourhoodsAt(lat: number, lng: number, hoods: readonly ImportNeighbourhood[]): string[] {
  return hoods.filter((n) => n.boundary && pointInPolygon(lng, lat, n.boundary.coordinates)).map((n) => n.id);
}
