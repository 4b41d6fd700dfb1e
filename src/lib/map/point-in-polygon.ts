/**
 * Whether a point is inside a polygon, by ray casting: the one test the importer (which
 * neighbourhoods hold a venue) and the contribute form's place picker share. Any plane
 * coordinates: `[lng, lat]` for boundaries, or a picture's `[x, y]`.
 */

/** True when the point `(x, y)`, as `[lng, lat]`, is inside the polygon (outer ring minus holes). */
export function pointInPolygon(lng: number, lat: number, rings: readonly (readonly [number, number][])[]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
