/** What the entry schema needs to know about the rest of the content (src/schema/entry.ts). */
export interface SchemaContext {
  /** South-west and north-east corners of the area: `[[south, west], [north, east]]`. */
  bounds: [[number, number], [number, number]];
  /** Every category id in `content/categories.yaml`. */
  categoryIds: ReadonlySet<string>;
  /** site.yaml `map.centre`, `[lat, lng]`: the latitude and longitude examples (`pointExample`). */
  centre?: [number, number];
  /** Every neighbourhood id in `content/neighbourhoods/`. */
  neighbourhoodIds: ReadonlySet<string>;
  /** The examples messages give, in the place's own terms (site.yaml `examples`, src/schema/site.ts). */
  examples?: {
    group?: string;
    venue?: string;
    phone?: string;
    postcode?: string;
    verified_by?: string;
    eligibility?: string;
  };
}

/**
 * A latitude and longitude of this place for hints and messages ("e.g. 53.5250"): site.yaml's
 * map centre, or the middle of its bounds, to four places.
 */
export function pointExample(ctx: Pick<SchemaContext, 'bounds' | 'centre'>): { lat: string; lng: string } {
  const [[south, west], [north, east]] = ctx.bounds;
  const [lat, lng] = ctx.centre ?? [(south + north) / 2, (west + east) / 2];
  return { lat: lat.toFixed(4), lng: lng.toFixed(4) };
}
