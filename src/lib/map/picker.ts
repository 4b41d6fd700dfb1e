/**
 * The contribute form's place picker: the book's neighbourhoods and the places its groups already
 * meet, drawn as a picture (no map library, no tiles) at build time with the mini maps' projection
 * (./frame.ts), and a tap on it turned back into a latitude, a longitude and the neighbourhood
 * that holds the point (`neighbourhoodsAt`, the importer's point in polygon). Pure.
 */
import { fitFrame, projectX, projectY, unproject, type Frame } from './frame';
import { neighbourhoodsAt } from './geometry';

export interface PickerArea {
  id: string;
  name: string;
  /** The outline, as SVG path data. */
  d: string;
  label: { x: number; y: number };
  /** GeoJSON Polygon coordinates, `[lng, lat]`, for point in polygon. */
  boundary: { coordinates: [number, number][][] };
}

export interface PickerMap {
  frame: Frame;
  areas: PickerArea[];
  /** One dot a spot; its label names up to three places there. */
  venues: { x: number; y: number; label: string }[];
}

export interface PickerInput {
  id: string;
  name: string;
  /** `[lat, lng]` */
  centre: [number, number];
  boundary: { coordinates: [number, number][][] };
}

const MAX_NAMES = 3;
/** The names' size in picture units (the picture is drawn about as wide as a phone, so about pixels). */
export const NAME_SIZE = 12;
/** Roughly how wide a name is drawn: a system sans-serif averages a little over half its size a letter. */
const nameWidth = (name: string) => name.length * NAME_SIZE * 0.56;

/**
 * The picture of every neighbourhood (in the order given: the book's) and the venues that fall in
 * it, `width` wide; undefined for a book without neighbourhoods.
 */
export function pickerMap(
  hoods: readonly PickerInput[],
  venues: readonly { lat: number; lng: number; label: string }[],
  { width = 320, maxHeight = 340, minHeight = 180, margin = 8 } = {},
): PickerMap | undefined {
  const points = hoods.flatMap((n) => n.boundary.coordinates[0].map(([lng, lat]) => ({ lat, lng })));
  if (points.length === 0) return undefined;
  const frame = fitFrame(points, { width, maxHeight, minHeight, margin });
  const path = (ring: readonly [number, number][]) =>
    ring.map(([lng, lat], i) => `${i ? 'L' : 'M'}${projectX(frame, lng)} ${projectY(frame, lat)}`).join('') + 'Z';

  const spots = new Map<string, { x: number; y: number; names: string[] }>();
  for (const v of venues) {
    const x = Math.round(projectX(frame, v.lng));
    const y = Math.round(projectY(frame, v.lat));
    if (x < 0 || x > frame.width || y < 0 || y > frame.height) continue;
    const key = `${x},${y}`;
    const spot = spots.get(key) ?? spots.set(key, { x, y, names: [] }).get(key)!;
    if (!spot.names.includes(v.label)) spot.names.push(v.label);
  }

  return {
    frame,
    areas: hoods.map((n) => ({
      id: n.id,
      name: n.name,
      d: n.boundary.coordinates.map(path).join(''),
      // At the centre, moved in so that the whole name shows.
      label: {
        x: Math.min(
          Math.max(projectX(frame, n.centre[1]), nameWidth(n.name) / 2 + 2),
          width - nameWidth(n.name) / 2 - 2,
        ),
        y: projectY(frame, n.centre[0]),
      },
      boundary: { coordinates: n.boundary.coordinates },
    })),
    venues: [...spots.values()].map(({ x, y, names }) => ({
      x,
      y,
      label:
        names.length > MAX_NAMES
          ? `${names.slice(0, MAX_NAMES).join('; ')} and ${names.length - MAX_NAMES} more`
          : names.join('; '),
    })),
  };
}

/** Degrees to five decimal places (about a metre), as the form's latitude and longitude boxes take them. */
const fixed = (n: number) => String(Number(n.toFixed(5)));

export interface Pick {
  lat: string;
  lng: string;
  /** The first neighbourhood (in the book's order) holding the point, if any. */
  area?: { id: string; name: string };
}

/** What a tap at `(x, y)` of the picture chooses. */
export function pickAt(map: PickerMap, x: number, y: number): Pick {
  const p = unproject(map.frame, x, y);
  const lat = fixed(p.lat);
  const lng = fixed(p.lng);
  const [id] = neighbourhoodsAt(Number(lat), Number(lng), map.areas);
  const area = map.areas.find((a) => a.id === id);
  return area ? { lat, lng, area: { id: area.id, name: area.name } } : { lat, lng };
}

/** Where the marker goes for typed or picked boxes; undefined when they are not a point in the picture. */
export function markerAt(map: PickerMap, lat: string, lng: string): { x: number; y: number } | undefined {
  if (lat.trim() === '' || lng.trim() === '') return undefined;
  const la = Number(lat);
  const ln = Number(lng);
  if (!Number.isFinite(la) || !Number.isFinite(ln)) return undefined;
  const x = projectX(map.frame, ln);
  const y = projectY(map.frame, la);
  return x >= 0 && x <= map.frame.width && y >= 0 && y <= map.frame.height ? { x, y } : undefined;
}
