/**
 * Markers on the map: venues clustered with supercluster, then decluttered so that no two
 * markers overlap on screen (each stays a target of its own, as WCAG 2.2 asks), in reading order
 * for keyboard users.
 */
import Supercluster from 'supercluster';
import { toPixel, type Bounds } from './geometry';
import type { MapEntry, MapPoint } from './venue-file';
import { t } from '../text/messages';

export type MapMarker =
  | {
      kind: 'cluster';
      /** The supercluster clusters it stands for (several when overlapping ones were merged). */
      ids: number[];
      /** Single places merged into it because their markers would have overlapped. */
      points: MapPoint[];
      count: number;
      lat: number;
      lng: number;
    }
  | { kind: 'point'; point: MapPoint; lat: number; lng: number };

export interface ClusterIndex {
  /**
   * What to draw within bounds at a zoom level: clusters and single places, no two overlapping
   * (so each is a target of its own), in reading order (north-west first) for keyboard users.
   */
  markers(bounds: Bounds, zoom: number): MapMarker[];
  /** The zoom at which a supercluster cluster splits. */
  expansionZoom(clusterId: number): number;
  /** Every place a marker stands for. */
  leaves(marker: MapMarker): MapPoint[];
}

/** Width of a marker on screen, in pixels (the island's CSS draws them this size). */
export function markerSize(m: MapMarker): number {
  if (m.kind === 'point') return 28;
  return m.count < 10 ? 36 : m.count < 100 ? 42 : 50;
}
const countOf = (m: MapMarker) => (m.kind === 'cluster' ? m.count : 1);

function merge(a: MapMarker, b: MapMarker): MapMarker {
  const ca = countOf(a);
  const cb = countOf(b);
  const parts = (m: MapMarker) =>
    m.kind === 'cluster' ? { ids: m.ids, points: m.points } : { ids: [], points: [m.point] };
  const pa = parts(a);
  const pb = parts(b);
  return {
    kind: 'cluster',
    ids: [...pa.ids, ...pb.ids],
    points: [...pa.points, ...pb.points],
    count: ca + cb,
    lat: (a.lat * ca + b.lat * cb) / (ca + cb),
    lng: (a.lng * ca + b.lng * cb) / (ca + cb),
  };
}

/**
 * Merges markers whose icons would overlap (with `gap` pixels to spare) at a zoom level, until
 * none do. Supercluster keeps points apart by its radius, but the centres of neighbouring clusters
 * can still come closer than their icons are wide; overlapping markers hide each other from the
 * pointer and fail the WCAG 2.2 target size.
 */
export function declutter(markers: MapMarker[], zoom: number, gap = 2): MapMarker[] {
  // A grid of cells as wide as the largest possible reach, so only neighbouring cells are checked.
  const cell = 50 + gap;
  let list = [...markers].sort((a, b) => countOf(b) - countOf(a));
  for (let pass = 0; pass < 20; pass++) {
    type Placed = { m: MapMarker; x: number; y: number; r: number };
    const grid = new Map<string, Placed[]>();
    const out: Placed[] = [];
    let merged = false;
    for (const m of list) {
      const { x, y } = toPixel(m, zoom);
      const r = markerSize(m) / 2;
      const cx = Math.floor(x / cell);
      const cy = Math.floor(y / cell);
      let hit: Placed | undefined;
      for (let dx = -1; dx <= 1 && !hit; dx++)
        for (let dy = -1; dy <= 1 && !hit; dy++)
          hit = grid
            .get(`${cx + dx},${cy + dy}`)
            ?.find((o) => Math.abs(o.x - x) < o.r + r + gap && Math.abs(o.y - y) < o.r + r + gap);
      if (hit) {
        // The merged marker stays in its cell for this pass; the next pass places it afresh.
        hit.m = merge(hit.m, m);
        hit.r = markerSize(hit.m) / 2;
        merged = true;
      } else {
        const placed = { m, x, y, r };
        out.push(placed);
        const k = `${cx},${cy}`;
        const bucket = grid.get(k);
        if (bucket) bucket.push(placed);
        else grid.set(k, [placed]);
      }
    }
    list = out.map((o) => o.m);
    if (!merged) break;
  }
  return list;
}

/** Reading order: rows of 40 screen pixels from north to south, each west to east. */
export function readingOrder(markers: MapMarker[], zoom: number): MapMarker[] {
  const keyed = markers.map((m) => ({ m, ...toPixel(m, zoom) }));
  keyed.sort((a, b) => Math.floor(a.y / 40) - Math.floor(b.y / 40) || a.x - b.x);
  return keyed.map((k) => k.m);
}

/** A supercluster index over the points. `radius` is in screen pixels. */
export function clusterIndex(points: MapPoint[], options: { radius?: number; maxZoom?: number } = {}): ClusterIndex {
  const index = new Supercluster<{ i: number }, Record<string, never>>({
    radius: options.radius ?? 60,
    maxZoom: options.maxZoom ?? 18,
    minPoints: 2,
  });
  index.load(
    points.map((p, i) => ({
      type: 'Feature',
      properties: { i },
      geometry: { type: 'Point', coordinates: [p.lng, p.lat] },
    })),
  );
  const leavesOf = (id: number) => index.getLeaves(id, Infinity).map((f) => points[(f.properties as { i: number }).i]);
  return {
    markers(b, zoom) {
      const z = Math.round(zoom);
      const raw: MapMarker[] = index.getClusters([b.west, b.south, b.east, b.north], z).map((f) => {
        const [lng, lat] = f.geometry.coordinates;
        const props = f.properties as { cluster?: boolean; cluster_id?: number; point_count?: number; i?: number };
        return props.cluster
          ? { kind: 'cluster' as const, ids: [props.cluster_id!], points: [], count: props.point_count!, lat, lng }
          : { kind: 'point' as const, point: points[props.i!], lat, lng };
      });
      return readingOrder(declutter(raw, zoom), zoom);
    },
    expansionZoom: (id) => index.getClusterExpansionZoom(id),
    leaves: (m) => (m.kind === 'point' ? [m.point] : [...m.ids.flatMap(leavesOf), ...m.points]),
  };
}

/** How many venues the markers stand for: a cluster counts its points, a single marker one. */
export function markerTotal(markers: MapMarker[]): number {
  return markers.reduce((n, m) => n + (m.kind === 'cluster' ? m.count : 1), 0);
}

/** Accessible name of a marker. */
export function markerLabel(marker: MapMarker, entries: MapEntry[]): string {
  if (marker.kind === 'cluster') return t('map.cluster', { count: marker.count });
  const e = entries[marker.point.entry];
  const venue = e.venues[marker.point.venue]?.name;
  return venue ? `${e.name}, ${venue}` : e.name;
}
