/**
 * A neighbourhood's small map as a picture drawn at build time (an SVG on its page, no map
 * library, no tiles): its boundary, the neighbourhoods around it, the places where its own groups
 * meet, and text labels. Pure: the page (src/components/MiniMap.astro) draws what this returns.
 *
 * The projection (./frame.ts) is fitted to the neighbourhood's boundary and venues with a margin. The neighbourhoods around it are drawn where they fall and clipped by the picture.
 */
import type { LatLng } from './geometry';
import { fitFrame, projectX, projectY } from './frame';

export interface MiniArea {
  id: string;
  name: string;
  /** `[lat, lng]` */
  centre: [number, number];
  /** The outer boundary ring, `[lat, lng]` points. */
  ring: [number, number][];
}

export interface MiniVenue extends LatLng {
  /** The venue's name and the group meeting there, for its label. */
  label: string;
}

export interface MiniMap {
  width: number;
  height: number;
  /** The chosen neighbourhood's outline, as SVG path data. */
  chosen: { d: string; label: { x: number; y: number; text: string } };
  /** The neighbourhoods around it (only those that show in the picture). */
  others: { id: string; d: string; label?: { x: number; y: number; text: string } }[];
  /** One dot a place, several groups at one place drawn once. */
  venues: { x: number; y: number; label: string }[];
}

/** The picture of `hood` with `others` around it and `venues` in it, `width` wide. */
export function miniMap(
  hood: MiniArea,
  others: readonly MiniArea[],
  venues: readonly MiniVenue[],
  { width = 640, maxHeight = 400, minHeight = 240, margin = 24 } = {},
): MiniMap {
  const ringPoints = hood.ring.map(([lat, lng]) => ({ lat, lng }));
  const frame = fitFrame([...ringPoints, ...venues], { width, maxHeight, minHeight, margin });
  const { height } = frame;
  const x = (lng: number) => projectX(frame, lng);
  const y = (lat: number) => projectY(frame, lat);
  const path = (ring: readonly [number, number][]) =>
    ring.map(([lat, lng], i) => `${i ? 'L' : 'M'}${x(lng)} ${y(lat)}`).join('') + 'Z';
  const inside = (px: number, py: number) => px >= 0 && px <= width && py >= 0 && py <= height;

  const seen = new Map<string, { x: number; y: number; label: string }>();
  for (const v of venues) {
    const at = { x: x(v.lng), y: y(v.lat) };
    const key = `${at.x},${at.y}`;
    const had = seen.get(key);
    if (had) had.label = `${had.label}; ${v.label}`;
    else seen.set(key, { ...at, label: v.label });
  }

  return {
    width,
    height,
    chosen: { d: path(hood.ring), label: { x: x(hood.centre[1]), y: y(hood.centre[0]), text: hood.name } },
    others: others
      .filter((o) => o.id !== hood.id)
      .map((o) => {
        const xs = o.ring.map(([, lng]) => x(lng));
        const ys = o.ring.map(([lat]) => y(lat));
        return { o, xs, ys };
      })
      // Only the ones whose outline reaches into the picture.
      .filter(
        ({ xs, ys }) =>
          Math.max(...xs) >= 0 && Math.min(...xs) <= width && Math.max(...ys) >= 0 && Math.min(...ys) <= height,
      )
      .map(({ o }) => {
        const lx = x(o.centre[1]);
        const ly = y(o.centre[0]);
        return {
          id: o.id,
          d: path(o.ring),
          label: inside(lx, ly) ? { x: lx, y: ly, text: o.name } : undefined,
        };
      }),
    venues: [...seen.values()],
  };
}

/** A neighbourhood as the mini map takes it, from its content entry (GeoJSON is `[lng, lat]`). */
export function miniArea(n: {
  id: string;
  name: string;
  centre: [number, number];
  boundary: { coordinates: [number, number][][] };
}): MiniArea {
  return { id: n.id, name: n.name, centre: n.centre, ring: n.boundary.coordinates[0].map(([lng, lat]) => [lat, lng]) };
}
