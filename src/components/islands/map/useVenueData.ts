/** Loads `/map/venues.json` once per page and unpacks it. */
import { useEffect, useState } from 'react';
import { VENUES_PATH, readVenueFile, type MapData, type VenueFile } from '../../../lib/map/venue-file';
import { href } from '../../../lib/site/paths';

export const VENUES_URL = href(`/${VENUES_PATH}`);

let pending: Promise<MapData> | undefined;

function load(): Promise<MapData> {
  // The map page preloads VENUES_URL (a <link rel="preload">), so this fetch usually finds the
  // response already on its way.
  pending ??= fetch(VENUES_URL)
    .then((r) => {
      if (!r.ok) throw new Error(`${r.status} ${r.statusText}`);
      return r.json() as Promise<VenueFile>;
    })
    .then((file) => {
      // Marks for scripts/bench/measure-map.ts: where the time to a ready map goes.
      performance.mark('map-fetched');
      const data = readVenueFile(file);
      performance.mark('map-data');
      return data;
    });
  return pending;
}

export function useVenueData(): { data?: MapData; error?: string } {
  const [state, setState] = useState<{ data?: MapData; error?: string }>({});
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setState({ data }),
      (e: unknown) => live && setState({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
