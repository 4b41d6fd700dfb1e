/**
 * The map: the venues file written at build time, and the pure logic the map island runs on it
 * (filtering like search, clustering, the list of venues in view, distances, popup text).
 * No DOM and no Leaflet here, so all of it is unit-tested in Node.
 *
 * The venues file (`/map/venues.json`) is compact: arrays rather than objects, facet values as
 * indexes into shared tables, schedules as short codes. One record per entry (entries with no
 * venue are kept, so the map can say how many matching groups are not on it); each entry holds
 * its venues.
 */
import Supercluster from 'supercluster';
import { DAYS, STATUSES, STATUS_LABELS, type BankHolidayRegion, type Day, type Status } from '../../schema/vocab';
import type { EntryData, Schedule } from '../../schema/entry';
import { FACETS, entryFacets, matchesFacets, meetsOnAny, whenDates, type Facet, type FilterState } from '../filters/filters';
import { byName } from '../view/format';
import { formatOccurrence, nextOccurrencesForAll } from '../schedule/schedule';

// ---------------------------------------------------------------------------------------------
// The file
// ---------------------------------------------------------------------------------------------

/** `[id, name, parent id or "", search words (name and synonyms, lower case)]` */
export type CategoryRecord = [string, string, string, string];
/** `[id, name, [lat, lng] centre, [[lat, lng], …] outer boundary ring]` */
export type NeighbourhoodRecord = [string, string, [number, number], [number, number][]];
/** `[venue name, lat, lng]` */
export type VenueRecord = [string, number, number];
/**
 * `[id, name, summary, status index, free (1 or 0), facet value indexes (one list per facet, in
 * FACETS order, into the file's tables; see `encodeFacets`), schedule codes, venues]`
 */
export type EntryRecord = [string, string, string, number, 0 | 1, string, string[], VenueRecord[]];

export interface VenueFile {
  /** Format version. */
  v: 1;
  /** Allowed values of each facet, in FACETS order; entries index into these. */
  f: string[][];
  c: CategoryRecord[];
  n: NeighbourhoodRecord[];
  e: EntryRecord[];
  /** Whose bank holidays next dates are checked against (site.yaml `bank_holidays`); none when absent. */
  h?: BankHolidayRegion;
}

/** About 1 m: enough for a map pin, and keeps the file small. */
const round = (x: number) => Math.round(x * 1e5) / 1e5;

export interface BuildInput {
  entries: { id: string; data: EntryData }[];
  categories: { id: string; name: string; parent?: string; synonyms?: string[] }[];
  neighbourhoods: {
    id: string;
    name: string;
    centre: [number, number];
    boundary: { coordinates: [number, number][][] };
  }[];
  /** Allowed facet values (`facetValues` in filters.ts). */
  allowed: Record<Facet, readonly string[]>;
  /** site.yaml `bank_holidays`. */
  holidays?: BankHolidayRegion;
}

/**
 * The venues file for a book. Facet values are exactly those `entryFacets` gives the search index.
 * Entries are written A to Z (as the site sorts names), so the browser lists them in file order.
 */
export function buildVenueFile({
  entries,
  categories,
  neighbourhoods,
  allowed,
  holidays = 'none',
}: BuildInput): VenueFile {
  const parentOf = new Map(categories.map((c) => [c.id, c.parent]));
  const hoodIds = neighbourhoods.map((n) => n.id);
  const tables = FACETS.map((f) => [...allowed[f]]);
  const indexOf = FACETS.map((_, i) => new Map(tables[i].map((v, j) => [v, j])));
  return {
    v: 1,
    f: tables,
    c: categories.map((c) => [c.id, c.name, c.parent ?? '', [c.name, ...(c.synonyms ?? [])].join(' ').toLowerCase()]),
    n: neighbourhoods.map((n) => [
      n.id,
      n.name,
      [round(n.centre[0]), round(n.centre[1])],
      n.boundary.coordinates[0].map(([lng, lat]) => [round(lat), round(lng)] as [number, number]),
    ]),
    e: [...entries]
      .sort((a, b) => byName(a.data, b.data) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map(({ id, data }) => {
        const facets = entryFacets(data, { parentOf: (c) => parentOf.get(c), neighbourhoods: hoodIds });
        return [
          id,
          data.name,
          data.summary,
          Math.max(0, STATUSES.indexOf(data.status)),
          data.cost?.free ? 1 : 0,
          encodeFacets(
            FACETS.map((f, i) => facets[f].map((v) => indexOf[i].get(v)).filter((j): j is number => j !== undefined)),
            tables,
          ),
          data.schedules.map(encodeSchedule),
          data.venues.map((v) => [v.name, round(v.lat), round(v.lng)] as VenueRecord),
        ];
      }),
    ...(holidays !== 'none' && { h: holidays }),
  };
}

// ---------------------------------------------------------------------------------------------
// Facet values as one short string: `jkq|2|6||01234|13|0|0|0135|0m`
// ---------------------------------------------------------------------------------------------

/** Characters per value index: one base-36 digit for tables of up to 36 values, else two. */
const widthOf = (table: readonly unknown[]) => (table.length <= 36 ? 1 : 2);

/**
 * An entry's facet value indexes (one list per facet, in FACETS order) as one string: per facet,
 * each index in base 36, padded to the table's width, facets separated by `|`. A string parses
 * far faster in the browser than ten small arrays per entry.
 */
export function encodeFacets(indexes: number[][], tables: readonly (readonly unknown[])[]): string {
  return indexes.map((list, i) => list.map((j) => j.toString(36).padStart(widthOf(tables[i]), '0')).join('')).join('|');
}

/** The indexes back from `encodeFacets`. */
export function decodeFacets(code: string, tables: readonly (readonly unknown[])[]): number[][] {
  const parts = code.split('|');
  return tables.map((table, i) => {
    const part = parts[i] ?? '';
    const w = widthOf(table);
    const out: number[] = [];
    for (let k = 0; k + w <= part.length; k += w) out.push(parseInt(part.slice(k, k + w), 36));
    return out;
  });
}

// ---------------------------------------------------------------------------------------------
// Schedules as short codes: `w1:tue.thu|10:00|11:30|2026-01-05|2026-07-20`
// ---------------------------------------------------------------------------------------------

/**
 * A schedule as a short string: the rule (`w<every>:<days>`, `m:<nth><day>…`, `d:<dates>`), then
 * start, end, from and until separated by `|` (empty parts at the end left out). The note is not
 * kept: the map does not show it.
 */
export function encodeSchedule(s: Schedule): string {
  const rule =
    s.kind === 'weekly'
      ? `w${s.interval}:${s.days.join('.')}`
      : s.kind === 'monthly'
        ? `m:${s.on.map((o) => `${o.nth}${o.day}`).join('.')}`
        : `d:${s.dates.join('.')}`;
  const parts = [rule, s.start ?? '', s.end ?? '', s.from ?? '', s.until ?? ''];
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts.join('|');
}

/** The schedule a code stands for (without its note). Throws on a code it does not understand. */
export function decodeSchedule(code: string): Schedule {
  const [rule, start, end, from, until] = code.split('|');
  const base = {
    start: start || undefined,
    end: end || undefined,
    from: from || undefined,
    until: until || undefined,
    note: undefined,
  };
  const m = /^(w(\d+)|m|d):(.*)$/.exec(rule);
  if (!m) throw new Error(`Not a schedule code: ${code}`);
  const items = m[3] ? m[3].split('.') : [];
  if (m[1] === 'm') {
    return {
      kind: 'monthly',
      on: items.map((it) => {
        const p = /^(-1|[1-5])(mon|tue|wed|thu|fri|sat|sun)$/.exec(it);
        if (!p) throw new Error(`Not a schedule code: ${code}`);
        return { nth: Number(p[1]), day: p[2] as Day };
      }),
      ...base,
    };
  }
  if (m[1] === 'd') return { kind: 'dates', dates: items, ...base };
  if (!items.every((d) => (DAYS as readonly string[]).includes(d))) throw new Error(`Not a schedule code: ${code}`);
  return { kind: 'weekly', days: items as Day[], interval: Number(m[2]), ...base };
}

// ---------------------------------------------------------------------------------------------
// Reading the file in the browser
// ---------------------------------------------------------------------------------------------

export interface MapEntry {
  index: number;
  id: string;
  name: string;
  summary: string;
  status: Status;
  free: boolean;
  /** Facet values, as `entryFacets` gave them at build time (decoded on first use). */
  readonly facets: Record<Facet, string[]>;
  /** Schedule codes; decode with `schedulesOf`. */
  scheduleCodes: string[];
  venues: { name: string; lat: number; lng: number }[];
  /**
   * Lower-case text the map's word search looks in: name, summary, category names and synonyms.
   * Filled in on the first word search (`withSearchText`), not when the file is read.
   */
  text: string;
}

/** One venue of one entry: a point on the map. */
export interface MapPoint {
  /** Index in `MapData.entries`. */
  entry: number;
  /** Index in that entry's venues. */
  venue: number;
  lat: number;
  lng: number;
}

export interface MapNeighbourhood {
  id: string;
  name: string;
  centre: [number, number];
  ring: [number, number][];
}

export interface MapCategory {
  id: string;
  name: string;
  parent: string;
}

export interface MapData {
  entries: MapEntry[];
  points: MapPoint[];
  categories: MapCategory[];
  neighbourhoods: MapNeighbourhood[];
  /** Allowed facet values, for `parseQuery`. */
  allowed: Record<Facet, string[]>;
  /** Search words of each category id. */
  categoryWords: Map<string, string>;
  /** Whose bank holidays next dates are checked against. */
  holidays: BankHolidayRegion;
}

/** Unpacks the venues file. Plain loops: this runs on every map page load, over every entry. */
export function readVenueFile(file: VenueFile): MapData {
  if (file.v !== 1) throw new Error(`Unknown venues file version ${String(file.v)}`);
  const allowed = {} as Record<Facet, string[]>;
  FACETS.forEach((f, i) => (allowed[f] = file.f[i] ?? []));
  const points: MapPoint[] = [];
  const entries: MapEntry[] = new Array(file.e.length);
  const decode = (code: string) => {
    const idx = decodeFacets(code, file.f);
    const facets = {} as Record<Facet, string[]>;
    for (let i = 0; i < FACETS.length; i++) facets[FACETS[i]] = (idx[i] ?? []).map((j) => file.f[i][j]);
    return facets;
  };
  for (let index = 0; index < file.e.length; index++) {
    const [id, name, summary, status, free, facetCode, scheduleCodes, venueRecords] = file.e[index];
    const venues = new Array<{ name: string; lat: number; lng: number }>(venueRecords.length);
    for (let v = 0; v < venueRecords.length; v++) {
      const [vname, lat, lng] = venueRecords[v];
      venues[v] = { name: vname, lat, lng };
      points.push({ entry: index, venue: v, lat, lng });
    }
    let facets: Record<Facet, string[]> | undefined;
    entries[index] = {
      index,
      id,
      name,
      summary,
      status: STATUSES[status] ?? 'active',
      free: free === 1,
      // Decoded when a filter first needs it: the first view of the map needs none.
      get facets() {
        return (facets ??= decode(facetCode));
      },
      scheduleCodes,
      venues,
      text: '',
    };
  }
  return {
    entries,
    points,
    categories: file.c.map(([id, name, parent]) => ({ id, name, parent })),
    neighbourhoods: file.n.map(([id, name, centre, ring]) => ({ id, name, centre, ring })),
    allowed,
    categoryWords: new Map(file.c.map(([id, , , words]) => [id, words])),
    holidays: file.h ?? 'none',
  };
}

/** Fills in every entry's search text (once). */
export function withSearchText(data: MapData): MapData {
  for (const e of data.entries) {
    if (e.text) continue;
    e.text = [e.name, e.summary, ...e.facets.category.map((c) => data.categoryWords.get(c) ?? '')]
      .join(' ')
      .toLowerCase();
  }
  return data;
}

const scheduleCache = new WeakMap<MapEntry, Schedule[]>();
/** An entry's schedules, decoded once. */
export function schedulesOf(entry: MapEntry): Schedule[] {
  let s = scheduleCache.get(entry);
  if (!s) {
    s = entry.scheduleCodes.map(decodeSchedule);
    scheduleCache.set(entry, s);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Filtering (the same filters and URL as /search/)
// ---------------------------------------------------------------------------------------------

/** The words of a query, lower case, at least one letter or digit each. */
export function queryWords(q: string): string[] {
  return q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The map's word search: every word must appear in the entry's name, summary, or the names and
 * everyday words of its categories. (The list view's full-text search also looks at the page
 * body; the map says so.)
 */
export function matchesWords(entry: Pick<MapEntry, 'text'>, words: string[]): boolean {
  return words.every((w) => entry.text.includes(w));
}

/** The entries matching a filter state: facets, free, `when` (at `now`) and the words of `q`. */
export function filterEntries(data: MapData, state: FilterState, now: Date): MapEntry[] {
  const words = queryWords(state.q);
  const dates = whenDates(state.when, now);
  if (!state.free && words.length === 0 && dates.length === 0 && FACETS.every((f) => state.facets[f].length === 0))
    return data.entries;
  if (words.length > 0) withSearchText(data);
  return data.entries.filter(
    (e) =>
      matchesFacets(e.facets, e.free, state) &&
      (words.length === 0 || matchesWords(e, words)) &&
      (dates.length === 0 || meetsOnAny(schedulesOf(e), dates)),
  );
}

/** The points (venues) of some entries (the same array as `data.points` when given every entry of `data`). */
export function pointsOf(entries: MapEntry[], data?: MapData): MapPoint[] {
  if (data && entries === data.entries) return data.points;
  return entries.flatMap((e) => e.venues.map((v, venue) => ({ entry: e.index, venue, lat: v.lat, lng: v.lng })));
}

// ---------------------------------------------------------------------------------------------
// Geometry
// ---------------------------------------------------------------------------------------------

export interface Bounds {
  south: number;
  west: number;
  north: number;
  east: number;
}

export interface LatLng {
  lat: number;
  lng: number;
}

/** The smallest bounds holding every point, or undefined for none. */
export function boundsOf(points: readonly LatLng[]): Bounds | undefined {
  if (points.length === 0) return undefined;
  const b = { south: Infinity, west: Infinity, north: -Infinity, east: -Infinity };
  for (const p of points) {
    if (p.lat < b.south) b.south = p.lat;
    if (p.lat > b.north) b.north = p.lat;
    if (p.lng < b.west) b.west = p.lng;
    if (p.lng > b.east) b.east = p.lng;
  }
  return b;
}

export function inBounds(p: LatLng, b: Bounds): boolean {
  return p.lat >= b.south && p.lat <= b.north && p.lng >= b.west && p.lng <= b.east;
}

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in kilometres (haversine). */
export function haversineKm(a: LatLng, b: LatLng): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

const KM_PER_MILE = 1.609344;
/** A distance in miles, as people in the UK say it: "0.3 miles", "1 mile", "2.5 miles", "14 miles". */
export function formatDistance(km: number): string {
  const miles = km / KM_PER_MILE;
  const shown = miles < 10 ? Math.round(miles * 10) / 10 : Math.round(miles);
  if (shown === 0) return 'less than 0.1 miles';
  return `${shown} ${shown === 1 ? 'mile' : 'miles'}`;
}

// ---------------------------------------------------------------------------------------------
// Clustering
// ---------------------------------------------------------------------------------------------

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

/** Web Mercator pixel position at a zoom level (256-pixel tiles), as Leaflet draws it. */
export function toPixel(p: LatLng, zoom: number): { x: number; y: number } {
  const size = 256 * 2 ** zoom;
  const sin = Math.sin(rad(Math.max(-85.05, Math.min(85.05, p.lat))));
  return { x: ((p.lng + 180) / 360) * size, y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size };
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
  if (marker.kind === 'cluster') return `${marker.count} places here. Zoom in to see them`;
  const e = entries[marker.point.entry];
  const venue = e.venues[marker.point.venue]?.name;
  return venue ? `${e.name}, ${venue}` : e.name;
}

// ---------------------------------------------------------------------------------------------
// The list of venues in view
// ---------------------------------------------------------------------------------------------

export interface ListItem {
  entry: MapEntry;
  /** The entry's venues in view (indexes into `entry.venues`), nearest first when sorting by distance. */
  venues: number[];
  /** Distance of the nearest venue in view from the chosen point, in km. */
  distanceKm?: number;
}

/**
 * The groups with a venue inside `bounds`, one item per group: by distance from `near` when
 * given (then by name), otherwise by name. `limit` items at most; `total` counts them all.
 */
export function listInView(
  points: MapPoint[],
  entries: MapEntry[],
  bounds: Bounds,
  near: LatLng | undefined,
  limit: number,
): { items: ListItem[]; total: number; places: number } {
  const byEntry = new Map<number, ListItem>();
  let places = 0;
  for (const p of points) {
    if (!inBounds(p, bounds)) continue;
    places++;
    const entry = entries[p.entry];
    let item = byEntry.get(p.entry);
    if (!item) {
      item = { entry, venues: [] };
      byEntry.set(p.entry, item);
    }
    item.venues.push(p.venue);
    if (near) {
      const d = haversineKm(near, p);
      if (item.distanceKm === undefined || d < item.distanceKm) {
        item.distanceKm = d;
        item.venues.unshift(item.venues.pop()!);
      }
    }
  }
  // The file lists entries A to Z, so their index is their place in the alphabet.
  const byIndex = (a: ListItem, b: ListItem) => a.entry.index - b.entry.index;
  const items = [...byEntry.values()].sort(near ? (a, b) => a.distanceKm! - b.distanceKm! || byIndex(a, b) : byIndex);
  return { items: items.slice(0, Math.max(0, limit)), total: items.length, places };
}

// ---------------------------------------------------------------------------------------------
// Popup
// ---------------------------------------------------------------------------------------------

export interface PopupModel {
  name: string;
  summary: string;
  venue: string;
  /** "Temporarily closed" / "Closed"; empty when running. */
  status: string;
  /** "Next: Tuesday 14 April 2026, 10am to 11:30am", or what to do when there is none. */
  next: string;
  href: string;
}

/** The text of one entry's popup at one venue. Plain strings: the island puts them in text nodes. */
export function popupModel(entry: MapEntry, venue: number, now: Date, holidays: BankHolidayRegion): PopupModel {
  return {
    name: entry.name,
    summary: entry.summary,
    venue: entry.venues[venue]?.name ?? '',
    status: entry.status === 'active' ? '' : STATUS_LABELS[entry.status],
    next: nextSessionText(entry, now, holidays),
    href: `/entries/${entry.id}/`,
  };
}

/** "Next: <date and time>", or a plain sentence when there is no date to give. */
export function nextSessionText(entry: MapEntry, now: Date, holidays: BankHolidayRegion): string {
  if (entry.status === 'closed') return 'This group has stopped meeting.';
  const schedules = schedulesOf(entry);
  if (schedules.length === 0) return 'No regular times: contact the group.';
  const [next] = nextOccurrencesForAll(schedules, now, 1);
  return next ? `Next: ${formatOccurrence(next, holidays)}` : 'No dates coming up: check with the group.';
}
