/**
 * The projection of the maps drawn as pictures (the neighbourhood pages' mini maps, the contribute
 * form's place picker): the one a street map uses near a place (equirectangular, longitudes scaled
 * by the cosine of the middle latitude), fitted to some points with a margin, north up. A frame is
 * plain numbers, so a picture drawn at build time can be handed to the browser and a tap on it
 * turned back into a latitude and longitude (`unproject`).
 */
import { boundsOf, type LatLng } from './geometry';

export interface Frame {
  width: number;
  height: number;
  west: number;
  north: number;
  /** The cosine of the middle latitude: how much narrower a degree of longitude is. */
  k: number;
  /** Picture units per degree of latitude. */
  scale: number;
  ox: number;
  oy: number;
}

export interface FrameOptions {
  width?: number;
  maxHeight?: number;
  minHeight?: number;
  margin?: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The frame that fits `points` (at least one) into a picture `width` wide. */
export function fitFrame(
  points: readonly LatLng[],
  { width = 640, maxHeight = 400, minHeight = 240, margin = 24 }: FrameOptions = {},
): Frame {
  const b = boundsOf(points)!;
  const k = Math.cos((((b.north + b.south) / 2) * Math.PI) / 180);
  const spanX = Math.max((b.east - b.west) * k, 1e-6);
  const spanY = Math.max(b.north - b.south, 1e-6);
  let scale = (width - 2 * margin) / spanX;
  let height = Math.round(spanY * scale + 2 * margin);
  if (height > maxHeight) {
    scale = (maxHeight - 2 * margin) / spanY;
    height = maxHeight;
  }
  height = Math.max(height, minHeight);
  return {
    width,
    height,
    west: b.west,
    north: b.north,
    k,
    scale,
    ox: (width - spanX * scale) / 2,
    oy: (height - spanY * scale) / 2,
  };
}

/** Where a longitude falls across the picture (rounded to a tenth). */
export const projectX = (f: Frame, lng: number) => round(f.ox + (lng - f.west) * f.k * f.scale);
/** Where a latitude falls down the picture (rounded to a tenth). */
export const projectY = (f: Frame, lat: number) => round(f.oy + (f.north - lat) * f.scale);

/** The point under `(x, y)` of the picture: the projection run backwards. */
export function unproject(f: Frame, x: number, y: number): LatLng {
  return { lat: f.north - (y - f.oy) / f.scale, lng: f.west + (x - f.ox) / (f.k * f.scale) };
}
