/** What the entry schema needs to know about the rest of the content (src/schema/entry.ts). */
export interface SchemaContext {
  /** South-west and north-east corners of the area: `[[south, west], [north, east]]`. */
  bounds: [[number, number], [number, number]];
  /** Every category id in `content/categories.yaml`. */
  categoryIds: ReadonlySet<string>;
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
