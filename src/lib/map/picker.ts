/**
 * The contribute form's place picker: the book's neighbourhoods and the places its groups already
 * meet, drawn as a picture (no map library, no tiles) at build time with the mini maps' projection
 * (./frame.ts), and a tap on it turned back into a latitude and longitude and the neighbourhood
 * that holds the point. Pure.
 *
 * Small enough for any book: the outlines are sent once, as SVG path data rounded to the
 * picture's tenths, with points closer than half a unit dropped (detailed boundaries shrink to what
 * the picture can show); point in polygon (`pointInPolygon`, the importer's) runs on those outlines
 * in the picture's own units, which the projection (a scaling) leaves inside and outside as they
 * are. The venues are dots, one a spot, written as "x,y x,y …".
 */
import { fitFrame, projectX, projectY, unproject, type Frame } from './frame';
import { pointInPolygon } from './point-in-polygon';

export interface PickerArea {
  id: string;
  name: string;
  /** The outline, as SVG path data (one `M…Z` a ring). */
  d: string;
  label: { x: number; y: number };
}

export interface PickerMap {
  frame: Frame;
  areas: PickerArea[];
  /** One dot a spot where groups meet: "x,y x,y …". */
  dots: string;
}

export interface PickerInput {
  id: string;
  name: string;
  /** `[lat, lng]` */
  centre: [number, number];
  /** GeoJSON Polygon coordinates, `[lng, lat]`. */
  boundary: { coordinates: [number, number][][] };
}

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
  venues: readonly { lat: number; lng: number }[],
  { width = 320, maxHeight = 340, minHeight = 180, margin = 8 } = {},
): PickerMap | undefined {
  const points = hoods.flatMap((n) => n.boundary.coordinates[0].map(([lng, lat]) => ({ lat, lng })));
  if (points.length === 0) return undefined;
  const frame = fitFrame(points, { width, maxHeight, minHeight, margin });
  const ring = (r: readonly [number, number][]) => {
    const out: [number, number][] = [];
    for (const [lng, lat] of r) {
      const p: [number, number] = [projectX(frame, lng), projectY(frame, lat)];
      const last = out[out.length - 1];
      if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) >= 0.5) out.push(p);
    }
    return out.map(([x, y], i) => `${i ? 'L' : 'M'}${x} ${y}`).join('') + 'Z';
  };
  const spots = new Set<string>();
  for (const v of venues) {
    const x = Math.round(projectX(frame, v.lng));
    const y = Math.round(projectY(frame, v.lat));
    if (x >= 0 && x <= frame.width && y >= 0 && y <= frame.height) spots.add(`${x},${y}`);
  }
  return {
    frame,
    areas: hoods.map((n) => ({
      id: n.id,
      name: n.name,
      d: n.boundary.coordinates.map(ring).join(''),
      // At the centre, moved in so that the whole name shows.
      label: {
        x: Math.min(
          Math.max(projectX(frame, n.centre[1]), nameWidth(n.name) / 2 + 2),
          width - nameWidth(n.name) / 2 - 2,
        ),
        y: projectY(frame, n.centre[0]),
      },
    })),
    dots: [...spots].join(' '),
  };
}

/** The rings of SVG path data as this module writes it (`M x y L x y … Z`), as `[x, y]` points. */
export function ringsOfPath(d: string): [number, number][][] {
  return d
    .split('Z')
    .filter((r) => r.trim())
    .map((r) => [...r.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]));
}

/** The dots, as points. */
export function dotsOf(map: PickerMap): { x: number; y: number }[] {
  return map.dots
    ? map.dots.split(' ').map((p) => {
        const [x, y] = p.split(',').map(Number);
        return { x, y };
      })
    : [];
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
  const area = map.areas.find((a) => pointInPolygon(x, y, ringsOfPath(a.d)));
  const at = { lat: fixed(p.lat), lng: fixed(p.lng) };
  return area ? { ...at, area: { id: area.id, name: area.name } } : at;
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
