/**
 * The full map (`/map/`): every venue, clustered, filtered with the same URL parameters as
 * /search/, with the list of groups in view beside or below it. A client-only island (Leaflet
 * needs `window`); the venues come from `/map/venues.json`, written at build time.
 *
 * Works without map pictures: boundaries, markers, clusters and the list do not need tiles, and
 * the page says when tiles could not load. "Near me" asks for the browser's location only when
 * the button is pressed, and the position never leaves the browser.
 */
import 'leaflet/dist/leaflet.css';
import './map.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import * as L from 'leaflet';
// Each from its own module, not react-leaflet's index: the index brings every component, and with
// them Leaflet's parts the map does not use (src/components/islands/map/leaflet-parts.js).
import { CircleMarker } from 'react-leaflet/CircleMarker';
import { useMapEvents } from 'react-leaflet/hooks';
import { MapContainer } from 'react-leaflet/MapContainer';
import { TileLayer } from 'react-leaflet/TileLayer';
import { parseQuery, toQuery, type FilterState } from '../../../lib/filters/state';
import { boundsOf, inBounds, type Bounds, type LatLng } from '../../../lib/map/geometry';
import { filterEntries, pointsOf } from '../../../lib/map/filter';
import { listInView } from '../../../lib/map/in-view';
import { type MapData } from '../../../lib/map/venue-file';
import ClusterLayer, { openEntryPopup, type ViewInfo } from './ClusterLayer';
import Boundaries from './Boundaries';
import MapFilters from './MapFilters';
import VenueList from './VenueList';
import { escapeHtml } from './dom';
import ExitThisPage from '../shared/ExitThisPage';
import { isSensitiveSearch, type SensitiveTerms } from '../../../lib/safety/sensitive';
import { useVenueData } from './useVenueData';
import { readQuery } from '../../../lib/search/read-query';
import type { SearchTerms } from '../../../lib/search/terms';
import { href } from '../../../lib/site/paths';
import { setMessages, t, type Catalogue } from '../../../lib/text/messages';

export interface MapSettings {
  tiles: string;
  attribution: string;
  centre: [number, number];
  zoom: number;
  /** The first view without a search: every neighbourhood and venue, or `centre` and `zoom` (site.yaml `map.fit`). */
  fit: 'neighbourhoods' | 'centre';
  /** Area bounds `[[south, west], [north, east]]`. */
  bounds: [[number, number], [number, number]];
  place: string;
  /** The sensitive categories and their words: "Exit this page" shows when the view touches them. */
  sensitive: SensitiveTerms;
  /** The book's words for facts (src/lib/search/terms.ts): "tuesday morning" filters as on /search/. */
  terms: SearchTerms;
  /** The island's words (src/lib/text/messages.ts), from the page. */
  messages: Catalogue;
}

const LIST_LIMIT = 50;
const FIT = { padding: [24, 24] as [number, number], maxZoom: 15 };

const toLatLngBounds = (b: Bounds) => L.latLngBounds([b.south, b.west], [b.north, b.east]);

export default function MapApp(props: MapSettings) {
  setMessages(props.messages);
  const { data, error } = useVenueData();
  if (error) {
    return (
      <div className="notice notice--warning" role="alert">
        <p>
          {t('map.couldNotLoad')} <a href={href('/search/')}>{t('map.theSearch')}</a>,{' '}
          <a href={href('/neighbourhoods/')}>{t('layout.noscript.neighbourhoods')}</a> {t('page.list.or')}{' '}
          <a href={href('/a-z/')}>{t('layout.noscript.az')}</a>
          {t('page.notFound.end')}
        </p>
      </div>
    );
  }
  if (!data) return <p className="map-loading">{t('page.map.loading')}</p>;
  return <MapView data={data} settings={props} />;
}

/** Clicks on the map while choosing a point. */
function PointPicker({ active, onPick }: { active: boolean; onPick: (p: LatLng) => void }) {
  useMapEvents({
    click: (e) => {
      if (active) onPick({ lat: e.latlng.lat, lng: e.latlng.lng });
    },
  });
  return null;
}

function MapView({ data, settings }: { data: MapData; settings: MapSettings }) {
  const [state, setState] = useState<FilterState>(() => parseQuery(window.location.search, data.allowed));
  const [now] = useState(() => new Date());
  // The words read as on /search/ (words that are facts become filters), without corrections.
  const effective = useMemo(
    () => readQuery(state, settings.terms, null, data.allowed).effective,
    [state, settings.terms, data.allowed],
  );
  const filtered = useMemo(() => filterEntries(data, effective, now), [data, effective, now]);
  const points = useMemo(() => pointsOf(filtered, data), [filtered, data]);
  const offMap = useMemo(() => filtered.filter((e) => e.venues.length === 0).length, [filtered]);
  const [map, setMap] = useState<L.Map | null>(null);
  const [view, setView] = useState<ViewInfo>();
  const [near, setNear] = useState<{ point: LatLng; sortedBy: string }>();
  const [picking, setPicking] = useState(false);
  const [message, setMessage] = useState('');
  const [tilesFailed, setTilesFailed] = useState(false);
  // On a wide screen the sort tools start open; on a phone they fold away under the map.
  const [wideAtStart] = useState(() => window.matchMedia('(min-width: 40em)').matches);
  const rootRef = useRef<HTMLDivElement>(null);
  const firstFit = useRef(true);

  const list = useMemo(
    () => (view ? listInView(points, data.entries, view.bounds, near?.point, LIST_LIMIT) : undefined),
    [view, points, data, near],
  );
  const query = toQuery({ ...state, entry: '' });

  const update = useCallback((next: FilterState) => {
    const clean = { ...next, entry: '' };
    setState(clean);
    const qs = toQuery(clean);
    window.history.replaceState(null, '', qs ? `?${qs}` : window.location.pathname);
  }, []);

  // Where to look: the entry in `?entry=`, a single chosen neighbourhood, or every matching place.
  const fitTarget = (entryId: string): Bounds | undefined => {
    const entry = entryId ? data.entries.find((e) => e.id === entryId) : undefined;
    if (entry && entry.venues.length > 0) return boundsOf(entry.venues);
    const hoods = effective.facets.neighbourhood.filter((id) => id !== 'borough-wide');
    const hood = hoods.length === 1 ? data.neighbourhoods.find((n) => n.id === hoods[0]) : undefined;
    return hood ? boundsOf(hood.ring.map(([lat, lng]) => ({ lat, lng }))) : boundsOf(points);
  };
  // The first view of the whole book (nothing searched or filtered): every neighbourhood and venue, so no name is cut off.
  const wholeBook = (): Bounds | undefined =>
    settings.fit === 'centre'
      ? undefined
      : boundsOf([...points, ...data.neighbourhoods.flatMap((n) => n.ring.map(([lat, lng]) => ({ lat, lng })))]);
  const [initialBounds] = useState(() => (window.location.search ? fitTarget(state.entry) : wholeBook()));

  // First time: open the popup of `?entry=`. Later, when the filters change: fit the new places.
  useEffect(() => {
    if (!map) return;
    if (firstFit.current) {
      firstFit.current = false;
      const entry = state.entry ? data.entries.find((e) => e.id === state.entry) : undefined;
      // After the first layout, with the map's size read again, so the popup is panned into view.
      if (entry && entry.venues.length > 0)
        requestAnimationFrame(() => {
          map.invalidateSize();
          openEntryPopup(map, data, { entry: entry.index, venue: 0 }, false);
        });
      return;
    }
    const b = fitTarget('');
    if (b) map.fitBounds(toLatLngBounds(b), FIT);
    else map.setView(settings.centre, settings.zoom);
    // Only when the filters (and so the points) change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, points]);

  // Name the map region, and mark the page ready for tests and the benchmark once the first view is listed.
  useEffect(() => {
    if (!map) return;
    const c = map.getContainer();
    c.setAttribute('role', 'region');
    c.setAttribute('aria-label', t('map.canvas'));
    // Leaflet's own controls, in the book's words.
    for (const [selector, key] of [
      ['.leaflet-control-zoom-in', 'map.zoomIn'],
      ['.leaflet-control-zoom-out', 'map.zoomOut'],
    ] as const) {
      const button = c.querySelector(selector);
      button?.setAttribute('title', t(key));
      button?.setAttribute('aria-label', t(key));
    }
    map.attributionControl?.setPrefix(`<a href="https://leafletjs.com">${escapeHtml(t('map.leaflet'))}</a>`);
  }, [map]);
  useEffect(() => {
    if (!list || !rootRef.current) return;
    const root = rootRef.current;
    if (root.dataset.ready !== 'true') {
      root.dataset.ready = 'true';
      performance.mark('map-ready');
    }
    root.dataset.view = String(Number(root.dataset.view ?? 0) + 1);
  }, [list]);

  const siteBounds: Bounds = {
    south: settings.bounds[0][0],
    west: settings.bounds[0][1],
    north: settings.bounds[1][0],
    east: settings.bounds[1][1],
  };

  const locate = () => {
    setPicking(false);
    if (!('geolocation' in navigator)) {
      setMessage(t('map.near.cannot'));
      return;
    }
    setMessage(t('map.near.asking'));
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        const point = { lat: pos.coords.latitude, lng: pos.coords.longitude };
        const inside = inBounds(point, siteBounds);
        setNear({ point, sortedBy: t('map.near.sortedYou') });
        if (inside && map) map.setView([point.lat, point.lng], Math.max(map.getZoom(), 13));
        setMessage(inside ? t('map.near.sorted') : t('map.near.outside', { place: settings.place }));
      },
      (err) => setMessage(err.code === err.PERMISSION_DENIED ? t('map.near.denied') : t('map.near.notFound')),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  };
  const pick = (point: LatLng, how: string) => {
    setPicking(false);
    setNear({ point, sortedBy: t('map.near.sortedFrom', { how }) });
    setMessage(t('map.near.chosen', { how }));
  };

  return (
    <div className="map-app" ref={rootRef}>
      {isSensitiveSearch(state, settings.sensitive) && <ExitThisPage />}
      <div className="map-summary">
        <p>
          <strong>{t('map.places', { count: points.length })}</strong>{' '}
          {t('map.forGroups', { count: filtered.length - offMap })}{' '}
          {offMap > 0 && <>{t('map.offMap', { count: offMap })} </>}
          <a href={href(`/search/${query ? `?${query}` : ''}`)} className="map-summary__list">
            {t('map.listView')}
          </a>
        </p>
      </div>
      <p role="status" className="map-message map-message--tiles">
        {tilesFailed ? t('map.noTiles') : ''}
      </p>

      <div className="map-layout">
        <div className={`map-frame${picking ? ' map-frame--picking' : ''}${tilesFailed ? ' map-frame--no-tiles' : ''}`}>
          <MapContainer
            ref={setMap}
            {...(initialBounds
              ? { bounds: toLatLngBounds(initialBounds), boundsOptions: FIT }
              : { center: settings.centre, zoom: settings.zoom })}
            className="map-canvas"
            maxZoom={18}
            minZoom={8}
          >
            <TileLayer
              url={settings.tiles}
              attribution={escapeHtml(settings.attribution)}
              eventHandlers={{ tileerror: () => setTilesFailed(true) }}
            />
            <Boundaries
              neighbourhoods={data.neighbourhoods}
              highlight={effective.facets.neighbourhood.length === 1 ? effective.facets.neighbourhood[0] : undefined}
            />
            <ClusterLayer data={data} points={points} onView={setView} />
            <PointPicker active={picking} onPick={(p) => pick(p, t('map.near.yourPoint'))} />
            {near && (
              <CircleMarker
                center={[near.point.lat, near.point.lng]}
                radius={9}
                interactive={false}
                pathOptions={{ color: '#0b0c0c', weight: 3, fillColor: '#ffdd00', fillOpacity: 1 }}
              />
            )}
          </MapContainer>
        </div>
        <VenueList
          items={list?.items ?? []}
          total={list?.total ?? 0}
          places={list?.places ?? 0}
          sortedBy={near?.sortedBy ?? ''}
          loading={!list}
        />
      </div>

      <div className="map-controls">
        <MapFilters data={data} state={state} onChange={update} place={settings.place} />
        <details className="map-filters__all map-tools-wrap" open={wideAtStart || !!near}>
          <summary>{t('map.near.heading')}</summary>
          <div className="map-tools" role="group" aria-label={t('map.near.heading')}>
            <button type="button" className="button button--secondary" onClick={locate}>
              {t('map.near.me')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              aria-pressed={picking}
              onClick={() => setPicking(!picking)}
            >
              {picking ? t('map.near.picking') : t('map.near.pick')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => map && pick({ lat: map.getCenter().lat, lng: map.getCenter().lng }, t('map.near.centre'))}
            >
              {t('map.near.useCentre')}
            </button>
            {near && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setNear(undefined);
                  setMessage(t('map.near.stopped'));
                }}
              >
                {t('map.near.stop')}
              </button>
            )}
          </div>
          <p role="status" className="map-message">
            {message}
          </p>
        </details>
      </div>
    </div>
  );
}
