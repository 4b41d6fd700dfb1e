/**
 * Venues as GeoJSON (RFC 7946): one Point feature per venue of every entry that is not closed
 * (a map of places that no longer host anything would mislead). Coordinates are `[longitude,
 * latitude]`, WGS 84. Pure.
 */
import { STATUS_HSDS } from '../../schema/vocab';
import { venueAddress } from '../view/format';
import { entryUrl, isListed, type ExportContext, type ExportEntry } from './context';
import { serviceUuid } from './uuid';

export interface VenueFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: {
    entry_id: string;
    hsds_id: string;
    name: string;
    venue: string;
    address: string;
    postcode: string;
    status: string;
    categories: string[];
    url: string;
  };
}

/** A FeatureCollection of the venues of the given entries (closed entries left out), in order. */
export function buildVenuesGeoJson(
  entries: ExportEntry[],
  ctx: ExportContext,
): { type: 'FeatureCollection'; features: VenueFeature[] } {
  const features = entries.filter(isListed).flatMap((e) =>
    e.data.venues.map((v, i): VenueFeature => ({
      type: 'Feature',
      id: `${e.id}/${i}`,
      geometry: { type: 'Point', coordinates: [v.lng, v.lat] },
      properties: {
        entry_id: e.id,
        hsds_id: serviceUuid(ctx.site.url, e.id),
        name: e.data.name,
        venue: v.name,
        address: venueAddress(v),
        postcode: v.postcode,
        status: STATUS_HSDS[e.data.status],
        categories: e.data.categories,
        url: entryUrl(ctx.site.url, e.id),
      },
    })),
  );
  return { type: 'FeatureCollection', features };
}
