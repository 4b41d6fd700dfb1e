/**
 * Clustered markers, drawn as ordinary Leaflet markers (focusable, Enter or Space to activate).
 * Supercluster decides what to draw for the view; markers are kept by key between views, so
 * one that has focus survives a pan. A cluster zooms in; a single place opens its popup.
 */
import { useEffect, useMemo, useRef } from 'react';
import * as L from 'leaflet';
import { useMap } from 'react-leaflet/hooks';
import { boundsOf, type Bounds } from '../../../lib/map/geometry';
import { clusterIndex, markerLabel, type MapMarker } from '../../../lib/map/cluster';
import { t } from '../../../lib/text/messages';
import { popupFit, popupModel } from '../../../lib/map/popup';
import { type MapData, type MapPoint } from '../../../lib/map/venue-file';
import { markerIcon, popupContent, popupListContent } from './dom';

export interface ViewInfo {
  bounds: Bounds;
  /** Markers drawn and the venues they stand for. */
  markers: number;
  venues: number;
}

interface Props {
  data: MapData;
  points: MapPoint[];
  /** Markers reachable with Tab. */
  keyboard?: boolean;
  onView?: (info: ViewInfo) => void;
}

const pointKey = (p: MapPoint) => `${p.entry}:${p.venue}`;
const keyOf = (m: MapMarker) =>
  m.kind === 'cluster' ? `c${m.ids.join('.')}+${m.points.map(pointKey).join('.')}` : `p${pointKey(m.point)}`;
const PADDING: [number, number] = [24, 24];
const toBounds = (b: L.LatLngBounds): Bounds => ({
  south: b.getSouth(),
  west: b.getWest(),
  north: b.getNorth(),
  east: b.getEast(),
});

function showPopup(map: L.Map, at: L.LatLngExpression, content: HTMLElement, focus: boolean): L.Popup {
  const popup = L.popup({ ...popupFit(map.getSize().x, map.getSize().y), className: 'map-popup-wrap' })
    .setLatLng(at)
    .setContent(content);
  popup.openOn(map);
  popup.getElement()?.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', t('map.popup.close'));
  content.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      map.closePopup(popup);
    }
  });
  if (focus) content.focus({ preventScroll: true });
  return popup;
}

/** Opens the popup of one venue of one entry, with text-only content. */
export function openEntryPopup(
  map: L.Map,
  data: MapData,
  point: Pick<MapPoint, 'entry' | 'venue'>,
  focus: boolean,
): L.Popup {
  const v = data.entries[point.entry].venues[point.venue];
  return showPopup(
    map,
    [v.lat, v.lng],
    popupContent(popupModel(data.entries[point.entry], point.venue, new Date(), data.holidays)),
    focus,
  );
}

export default function ClusterLayer({ data, points, keyboard = true, onView }: Props) {
  const map = useMap();
  const index = useMemo(() => clusterIndex(points), [points]);
  const onViewRef = useRef(onView);
  useEffect(() => {
    onViewRef.current = onView;
  }, [onView]);

  useEffect(() => {
    const layer = L.layerGroup().addTo(map);
    const drawn = new Map<string, L.Marker>();
    /** After a cluster opened by keyboard: focus the marker nearest to where it was. */
    let focusNear: L.LatLng | undefined;
    let returnFocusTo: string | undefined;

    const activate = (m: MapMarker, key: string, byKeyboard: boolean) => {
      if (m.kind === 'point') {
        returnFocusTo = byKeyboard ? key : undefined;
        openEntryPopup(map, data, m.point, byKeyboard);
        return;
      }
      // A cluster zooms in until it splits; places that never split (same building) are listed in a popup.
      const zoom = map.getZoom();
      const max = map.getMaxZoom();
      let target: number | undefined;
      let centre = L.latLng(m.lat, m.lng);
      if (m.ids.length === 1 && m.points.length === 0) {
        const z = index.expansionZoom(m.ids[0]);
        if (z <= max) target = Math.max(z, zoom + 1);
      } else if (zoom < max) {
        const b = boundsOf(index.leaves(m))!;
        const fit = L.latLngBounds([b.south, b.west], [b.north, b.east]);
        const z = Math.min(max, map.getBoundsZoom(fit, false, L.point(PADDING[0] * 2, PADDING[1] * 2)));
        target = Math.max(z, zoom + 1);
        if (z > zoom) centre = fit.getCenter();
      }
      if (target !== undefined) {
        focusNear = byKeyboard ? L.latLng(m.lat, m.lng) : undefined;
        map.setView(centre, target);
        return;
      }
      returnFocusTo = byKeyboard ? key : undefined;
      const now = new Date();
      const models = index.leaves(m).map((p) => popupModel(data.entries[p.entry], p.venue, now, data.holidays));
      showPopup(map, centre, popupListContent(models), byKeyboard);
    };

    const render = () => {
      const view = map.getBounds();
      const markers = index.markers(toBounds(view.pad(0.25)), map.getZoom());
      const keep = new Set<string>();
      let venues = 0;
      for (const m of markers) {
        const key = keyOf(m);
        keep.add(key);
        venues += m.kind === 'cluster' ? m.count : 1;
        if (drawn.has(key)) continue;
        const marker = L.marker([m.lat, m.lng], {
          icon: markerIcon(m),
          keyboard,
          riseOnHover: true,
          autoPanOnFocus: false,
        });
        marker.on('click', () => activate(m, key, false));
        marker.on('add', () => {
          const icon = marker.getElement();
          if (!icon) return;
          if (keyboard) icon.setAttribute('aria-label', markerLabel(m, data.entries));
          // Without keyboard access (the small neighbourhood maps) markers are pictures only: the page lists the groups.
          else icon.setAttribute('aria-hidden', 'true');
          icon.dataset.count = String(m.kind === 'cluster' ? m.count : 1);
          icon.dataset.kind = m.kind;
          if (m.kind === 'point') icon.dataset.entry = data.entries[m.point.entry].id;
          icon.addEventListener('keydown', (e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              e.stopPropagation();
              activate(m, key, true);
            }
          });
        });
        drawn.set(key, marker);
        layer.addLayer(marker);
      }
      for (const [key, marker] of drawn) {
        if (!keep.has(key)) {
          layer.removeLayer(marker);
          drawn.delete(key);
        }
      }
      if (focusNear) {
        const target = focusNear;
        focusNear = undefined;
        let best: L.Marker | undefined;
        for (const marker of drawn.values()) {
          if (!best || marker.getLatLng().distanceTo(target) < best.getLatLng().distanceTo(target)) best = marker;
        }
        best?.getElement()?.focus({ preventScroll: true });
      }
      const container = map.getContainer();
      container.dataset.markers = String(drawn.size);
      container.dataset.venues = String(venues);
      onViewRef.current?.({ bounds: toBounds(view), markers: drawn.size, venues });
    };

    const onPopupClose = () => {
      const key = returnFocusTo;
      returnFocusTo = undefined;
      const active = document.activeElement;
      if (
        key &&
        (!active ||
          active === document.body ||
          map.getContainer().querySelector('.leaflet-popup-pane')?.contains(active) ||
          !active.isConnected)
      ) {
        drawn.get(key)?.getElement()?.focus({ preventScroll: true });
      }
    };

    map.on('moveend', render);
    map.on('popupclose', onPopupClose);
    render();
    return () => {
      map.off('moveend', render);
      map.off('popupclose', onPopupClose);
      layer.remove();
    };
  }, [map, index, data, keyboard]);

  return null;
}
