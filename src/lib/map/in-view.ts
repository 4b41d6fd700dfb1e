/** The list beside the map: the groups with a venue in view, by name or by distance from a point. */
import { haversineKm, inBounds, type Bounds, type LatLng } from './geometry';
import type { MapEntry, MapPoint } from './venue-file';

export interface ListItem {
  entry: MapEntry;
  /** The entry's venues in view (indexes into `entry.venues`), nearest first when sorting by distance. */
  venues: number[];
  /** Distance of the nearest venue in view from the chosen point, in km. */
  distanceKm?: number;
}

/**
 * The groups with a venue inside `bounds`, one item per group: by distance from `near` when
 * given (then by name), otherwise by name. `limit` items at most; `total` counts them all.
 */
export function listInView(
  points: MapPoint[],
  entries: MapEntry[],
  bounds: Bounds,
  near: LatLng | undefined,
  limit: number,
): { items: ListItem[]; total: number; places: number } {
  const byEntry = new Map<number, ListItem>();
  let places = 0;
  for (const p of points) {
    if (!inBounds(p, bounds)) continue;
    places++;
    const entry = entries[p.entry];
    let item = byEntry.get(p.entry);
    if (!item) {
      item = { entry, venues: [] };
      byEntry.set(p.entry, item);
    }
    item.venues.push(p.venue);
    if (near) {
      const d = haversineKm(near, p);
      if (item.distanceKm === undefined || d < item.distanceKm) {
        item.distanceKm = d;
        item.venues.unshift(item.venues.pop()!);
      }
    }
  }
  // The file lists entries A to Z, so their index is their place in the alphabet.
  const byIndex = (a: ListItem, b: ListItem) => a.entry.index - b.entry.index;
  const items = [...byEntry.values()].sort(near ? (a, b) => a.distanceKm! - b.distanceKm! || byIndex(a, b) : byIndex);
  return { items: items.slice(0, Math.max(0, limit)), total: items.length, places };
}
