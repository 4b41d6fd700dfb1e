/**
 * A small map of one neighbourhood: its boundary and the places where its own groups meet
 * (borough-wide services are left out). Mouse and touch only, no scroll-wheel zoom: the page
 * around it lists every group, and links to the full map for keyboard use.
 */
import 'leaflet/dist/leaflet.css';
import './map.css';
import { useMemo, useState } from 'react';
import L from 'leaflet';
import { MapContainer, TileLayer } from 'react-leaflet';
import { BOROUGH_WIDE } from '../../../schema/vocab';
import { boundsOf } from '../../../lib/map/geometry';
import { pointsOf } from '../../../lib/map/filter';
import ClusterLayer from './ClusterLayer';
import Boundaries from './Boundaries';
import { escapeHtml } from './dom';
import { useVenueData } from './useVenueData';

interface Props {
  neighbourhood: string;
  tiles: string;
  attribution: string;
}

export default function MapMini({ neighbourhood, tiles, attribution }: Props) {
  const { data, error } = useVenueData();
  const [tilesFailed, setTilesFailed] = useState(false);
  const hood = data?.neighbourhoods.find((n) => n.id === neighbourhood);
  const points = useMemo(
    () =>
      pointsOf(
        (data?.entries ?? []).filter(
          (e) => e.facets.neighbourhood.includes(neighbourhood) && !e.facets.neighbourhood.includes(BOROUGH_WIDE),
        ),
      ),
    [data, neighbourhood],
  );
  if (error) return <p className="secondary">The map could not load.</p>;
  if (!data || !hood) return <p className="map-loading">Loading the map…</p>;
  const b = boundsOf([...hood.ring.map(([lat, lng]) => ({ lat, lng })), ...points])!;
  return (
    <div className="map-frame map-frame--mini" data-ready="true">
      <MapContainer
        bounds={L.latLngBounds([b.south, b.west], [b.north, b.east])}
        boundsOptions={{ padding: [12, 12] }}
        className="map-canvas"
        scrollWheelZoom={false}
        keyboard={false}
        zoomControl={false}
        dragging={!L.Browser.mobile}
      >
        <TileLayer
          url={tiles}
          attribution={escapeHtml(attribution)}
          eventHandlers={{ tileerror: () => setTilesFailed(true) }}
        />
        <Boundaries neighbourhoods={[hood]} highlight={hood.id} />
        <ClusterLayer data={data} points={points} keyboard={false} />
      </MapContainer>
      <p role="status" className="map-message map-message--tiles">
        {tilesFailed ? 'Map pictures could not load; the boundary and markers still show.' : ''}
      </p>
    </div>
  );
}
