/**
 * The parts of Leaflet the map uses, from Leaflet's own ES module sources (`leaflet/src/`, shipped
 * in its package): `astro.config.mjs` points the bare name `leaflet` here, for the map island and
 * react-leaflet alike, so the bundle leaves out what nothing uses (image, video and SVG overlays,
 * GeoJSON, tooltips, circles and rectangles, the layers and scale controls, WMS, the other map
 * projections, the canvas renderer, the long-press emulation). Types still come from
 * `@types/leaflet`: TypeScript resolves `leaflet` as before.
 *
 * Plain JavaScript, on purpose: Leaflet's sources have no types of their own. A name the island or
 * react-leaflet imports must be exported here: a missing one would only be `undefined` when that
 * code runs, so tests/build/leaflet-parts.test.ts bundles the island against this file and fails.
 */
import { Map } from 'leaflet/src/map/Map.js';
import { svg } from 'leaflet/src/layer/vector/SVG.js';

// The map and the ways to move it (each handler registers itself when imported).
export { Map, createMap as map } from 'leaflet/src/map/Map.js';
import 'leaflet/src/map/handler/Map.BoxZoom.js';
import 'leaflet/src/map/handler/Map.DoubleClickZoom.js';
import 'leaflet/src/map/handler/Map.Drag.js';
import 'leaflet/src/map/handler/Map.Keyboard.js';
import 'leaflet/src/map/handler/Map.ScrollWheelZoom.js';
import 'leaflet/src/map/handler/Map.TouchZoom.js';

// The controls it shows: zoom buttons and the tiles' attribution.
export { Control, control } from 'leaflet/src/control/Control.js';
import 'leaflet/src/control/Control.Zoom.js';
import 'leaflet/src/control/Control.Attribution.js';

export * as DomUtil from 'leaflet/src/dom/DomUtil.js';
export * as DomEvent from 'leaflet/src/dom/DomEvent.js';
export { LatLng, toLatLng as latLng } from 'leaflet/src/geo/LatLng.js';
export { LatLngBounds, toLatLngBounds as latLngBounds } from 'leaflet/src/geo/LatLngBounds.js';
export { Point, toPoint as point } from 'leaflet/src/geometry/Point.js';
export { LayerGroup, layerGroup } from 'leaflet/src/layer/LayerGroup.js';
export { Popup, popup } from 'leaflet/src/layer/Popup.js';
export { DivIcon, divIcon } from 'leaflet/src/layer/marker/DivIcon.js';
export { Marker, marker } from 'leaflet/src/layer/marker/Marker.js';
export { TileLayer, tileLayer } from 'leaflet/src/layer/tile/TileLayer.js';
export { CircleMarker, circleMarker } from 'leaflet/src/layer/vector/CircleMarker.js';
export { Polygon, polygon } from 'leaflet/src/layer/vector/Polygon.js';

// Which renderer draws a path (boundaries, the chosen point): Leaflet's own
// `Renderer.getRenderer.js`, SVG only (it also brings the canvas renderer, for `preferCanvas`, which
// the map never sets). Leaflet 1.9.4, BSD-2-Clause, © Volodymyr Agafonkin and contributors.
Map.include({
  getRenderer(layer) {
    let renderer =
      layer.options.renderer || this._getPaneRenderer(layer.options.pane) || this.options.renderer || this._renderer;
    if (!renderer) renderer = this._renderer = this._createRenderer();
    if (!this.hasLayer(renderer)) this.addLayer(renderer);
    return renderer;
  },
  _getPaneRenderer(name) {
    if (name === 'overlayPane' || name === undefined) return false;
    let renderer = this._paneRenderers[name];
    if (renderer === undefined) {
      renderer = this._createRenderer({ pane: name });
      this._paneRenderers[name] = renderer;
    }
    return renderer;
  },
  _createRenderer(options) {
    return svg(options);
  },
});
