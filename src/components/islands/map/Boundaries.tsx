/**
 * Neighbourhood boundaries, drawn and labelled. Not interactive (clicks pass through to the map,
 * for "choose a point"), not focusable: the neighbourhood pages are the way to reach them.
 */
import { useEffect } from 'react';
import * as L from 'leaflet';
import { useMap } from 'react-leaflet/hooks';
import type { MapNeighbourhood } from '../../../lib/map/venue-file';
import { labelContent } from './dom';

export default function Boundaries({
  neighbourhoods,
  highlight,
}: {
  neighbourhoods: MapNeighbourhood[];
  highlight?: string;
}) {
  const map = useMap();
  useEffect(() => {
    // Labels go in a pane of their own above the markers, so a cluster never hides a name; they
    // sit just above the neighbourhood's centre (where clusters tend to be) and let clicks
    // through (not interactive), so a marker under a label can still be pressed.
    if (!map.getPane('map-labels')) map.createPane('map-labels').style.zIndex = '650';
    const layer = L.layerGroup().addTo(map);
    for (const n of neighbourhoods) {
      const on = n.id === highlight;
      L.polygon(n.ring, {
        interactive: false,
        className: on ? 'map-boundary map-boundary--chosen' : 'map-boundary',
        color: on ? '#003d35' : '#005a4e',
        weight: on ? 3 : 2,
        opacity: 0.8,
        fillOpacity: on ? 0.08 : 0.03,
        dashArray: on ? undefined : '6 4',
      }).addTo(layer);
      L.marker(n.centre, {
        interactive: false,
        keyboard: false,
        pane: 'map-labels',
        icon: L.divIcon({ html: labelContent(n.name), className: 'map-label', iconSize: undefined }),
      }).addTo(layer);
    }
    return () => {
      layer.remove();
    };
  }, [map, neighbourhoods, highlight]);
  return null;
}
