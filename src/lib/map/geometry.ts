/**
 * Points, bounds and distances on the map, whether a point is inside a boundary, and the Web
 * Mercator pixels Leaflet draws points at.
 */
import { t } from '../text/messages';

export interface Bounds {
  south: number;
  west: number;
  north: number;
  east: number;
}

export interface LatLng {
  lat: number;
  lng: number;
}

/** The smallest bounds holding every point, or undefined for none. */
export function boundsOf(points: readonly LatLng[]): Bounds | undefined {
  if (points.length === 0) return undefined;
  const b = { south: Infinity, west: Infinity, north: -Infinity, east: -Infinity };
  for (const p of points) {
    if (p.lat < b.south) b.south = p.lat;
    if (p.lat > b.north) b.north = p.lat;
    if (p.lng < b.west) b.west = p.lng;
    if (p.lng > b.east) b.east = p.lng;
  }
  return b;
}

export function inBounds(p: LatLng, b: Bounds): boolean {
  return p.lat >= b.south && p.lat <= b.north && p.lng >= b.west && p.lng <= b.east;
}

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in kilometres (haversine). */
export function haversineKm(a: LatLng, b: LatLng): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

const KM_PER_MILE = 1.609344;
/** A distance in miles, as people in the UK say it: "0.3 miles", "1 mile", "2.5 miles", "14 miles". */
export function formatDistance(km: number): string {
  const miles = km / KM_PER_MILE;
  const shown = miles < 10 ? Math.round(miles * 10) / 10 : Math.round(miles);
  if (shown === 0) return t('map.distance.under');
  return t('map.distance', { count: shown });
}

/** Web Mercator pixel position at a zoom level (256-pixel tiles), as Leaflet draws it. */
export function toPixel(p: LatLng, zoom: number): { x: number; y: number } {
  const size = 256 * 2 ** zoom;
  const sin = Math.sin(rad(Math.max(-85.05, Math.min(85.05, p.lat))));
  return { x: ((p.lng + 180) / 360) * size, y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size };
}

/** Whether a point is inside a boundary: its own module, so the contribute form loads only it. */
export { pointInPolygon } from './point-in-polygon';

/** Distance (in degrees, roughly) from a point to the nearest edge of the polygon. */
export function distanceToEdge(lng: number, lat: number, rings: readonly (readonly [number, number][])[]): number {
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0; i < ring.length - 1; i++) {
      const [x1, y1] = ring[i];
      const [x2, y2] = ring[i + 1];
      const dx = x2 - x1;
      const dy = y2 - y1;
      const t = Math.max(0, Math.min(1, ((lng - x1) * dx + (lat - y1) * dy) / (dx * dx + dy * dy || 1)));
      best = Math.min(best, Math.hypot(lng - (x1 + t * dx), lat - (y1 + t * dy)));
    }
  }
  return best;
}
