/**
 * The map's data file, `/map/venues.json`, written at build time and read by the map island:
 * every entry (those with no venue too, so the map can say how many matching groups are not on
 * it), each with its venues, its facet values and its schedules.
 *
 * Compact, because a phone downloads it whole: arrays rather than objects, facet values as
 * indexes into shared tables (`encodeFacets`), schedules in their short code
 * (src/lib/schedule/code.ts). Entries are in the book's order, so the browser lists them in file
 * order.
 *
 * A region of books (src/lib/region/map.ts) writes the same format, merged from its members'
 * files, with two more fields a single book's file never has: `m`, the member books, and `o`, the
 * member of each entry. Its entry ids are region ids (`wigan.food-bank`, src/schema/ids.ts), and
 * each entry links to its member's own page (`entryPage`, src/lib/map/popup.ts).
 */
import { STATUSES, type BankHolidayRegion, type Status } from '../../schema/vocab';
import type { EntryData, Schedule } from '../../schema/entry';
import { bookOrder } from '../book/order';
import { FACETS, type Facet } from '../filters/registry';
import { entryFacets } from '../filters/facets';
import { decodeSchedules, encodeSchedules } from '../schedule/code';

/** `[id, name, parent id or "", search words (name and synonyms, lower case)]` */
export type CategoryRecord = [string, string, string, string];
/** `[id, name, [lat, lng] centre, [[lat, lng], …] outer boundary ring]` */
export type NeighbourhoodRecord = [string, string, [number, number], [number, number][]];
/** `[venue name, lat, lng]` */
export type VenueRecord = [string, number, number];
/** A region's member book: `[id, name, address]`, as region.yaml gives them. */
export type MemberRecord = [string, string, string];
/**
 * `[id, name, summary, status index, facet value indexes (one list per facet, in FACETS order,
 * into the file's tables; see `encodeFacets`; cost bands included), schedules (their code),
 * venues, and the day a temporary closure ends when there is one]`
 */
export type EntryRecord = [string, string, string, number, string, string, VenueRecord[], string?];

/** Where the file is in a built site (a book's, or a region's merged one): `map/venues.json`. */
export const VENUES_PATH = 'map/venues.json';

/** The format version this code writes and reads. */
export const VENUE_FILE_VERSION = 3;

export interface VenueFile {
  /** Format version. */
  v: typeof VENUE_FILE_VERSION;
  /** Allowed values of each facet, in FACETS order; entries index into these. */
  f: string[][];
  c: CategoryRecord[];
  n: NeighbourhoodRecord[];
  e: EntryRecord[];
  /** Whose bank holidays next dates are checked against (site.yaml `bank_holidays`); none when absent. */
  h?: BankHolidayRegion;
  /** The cost bands' "up to" amounts (site.yaml `cost_bands`). */
  b: number[];
  /** A region's file only: its member books, in region.yaml's order. */
  m?: MemberRecord[];
  /** A region's file only, with `m`: each entry's member, as an index into `m`, in `e`'s order. */
  o?: number[];
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
  /** Allowed facet values (`facetValues` in src/lib/filters/registry.ts). */
  allowed: Record<Facet, readonly string[]>;
  /** site.yaml `cost_bands`. */
  costBands: readonly number[];
  /** site.yaml `bank_holidays`. */
  holidays?: BankHolidayRegion;
}

/** A category as the file holds it: id, name, parent and its search words. */
export function categoryRecord(c: BuildInput['categories'][number]): CategoryRecord {
  return [c.id, c.name, c.parent ?? '', [c.name, ...(c.synonyms ?? [])].join(' ').toLowerCase()];
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
  costBands,
  holidays = 'none',
}: BuildInput): VenueFile {
  const parentOf = new Map(categories.map((c) => [c.id, c.parent]));
  const hoodIds = neighbourhoods.map((n) => n.id);
  const tables = FACETS.map((f) => [...allowed[f]]);
  const indexOf = FACETS.map((_, i) => new Map(tables[i].map((v, j) => [v, j])));
  return {
    v: VENUE_FILE_VERSION,
    f: tables,
    c: categories.map(categoryRecord),
    n: neighbourhoods.map((n) => [
      n.id,
      n.name,
      [round(n.centre[0]), round(n.centre[1])],
      n.boundary.coordinates[0].map(([lng, lat]) => [round(lat), round(lng)] as [number, number]),
    ]),
    e: [...entries].sort(bookOrder).map(({ id, data }) => {
      const facets = entryFacets(data, { parentOf: (c) => parentOf.get(c), neighbourhoods: hoodIds, costBands });
      return [
        id,
        data.name,
        data.summary,
        Math.max(0, STATUSES.indexOf(data.status)),
        encodeFacets(
          FACETS.map((f, i) => facets[f].map((v) => indexOf[i].get(v)).filter((j): j is number => j !== undefined)),
          tables,
        ),
        encodeSchedules(data.schedules),
        data.venues.map((v) => [v.name, round(v.lat), round(v.lng)] as VenueRecord),
        ...(data.reopens ? [data.reopens] : []),
      ] as EntryRecord;
    }),
    ...(holidays !== 'none' && { h: holidays }),
    b: [...costBands],
  };
}

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

/** A region's member book, as its map shows it. */
export interface MapMember {
  id: string;
  name: string;
  /** The member's own address (its site.yaml `url`), where its entry pages are. */
  url: string;
}

export interface MapEntry {
  index: number;
  /** The entry's id; in a region, its region id (`wigan.food-bank`). */
  id: string;
  /** In a region's map: the member book the entry comes from. Absent in a single book's. */
  member?: MapMember;
  name: string;
  summary: string;
  status: Status;
  /** `YYYY-MM-DD` a temporary closure ends, when known. */
  reopens?: string;
  /** Facet values, as `entryFacets` gave them at build time (decoded on first use). */
  readonly facets: Record<Facet, string[]>;
  /** The schedules in their code (src/lib/schedule/code.ts); `schedulesOf` decodes them. */
  scheduleCode: string;
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
  /** The cost bands' "up to" amounts. */
  costBands: number[];
}

/** Unpacks the venues file. Plain loops: this runs on every map page load, over every entry. */
export function readVenueFile(file: VenueFile): MapData {
  if (file.v !== VENUE_FILE_VERSION) throw new Error(`Unknown venues file version ${String(file.v)}`);
  const allowed = {} as Record<Facet, string[]>;
  FACETS.forEach((f, i) => (allowed[f] = file.f[i] ?? []));
  const points: MapPoint[] = [];
  const entries: MapEntry[] = new Array(file.e.length);
  const members = file.m?.map(([id, name, url]): MapMember => ({ id, name, url }));
  const decode = (code: string) => {
    const idx = decodeFacets(code, file.f);
    const facets = {} as Record<Facet, string[]>;
    for (let i = 0; i < FACETS.length; i++) facets[FACETS[i]] = (idx[i] ?? []).map((j) => file.f[i][j]);
    return facets;
  };
  for (let index = 0; index < file.e.length; index++) {
    const [id, name, summary, status, facetCode, scheduleCode, venueRecords, reopens] = file.e[index];
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
      ...(reopens && { reopens }),
      // Decoded when a filter first needs it: the first view of the map needs none.
      get facets() {
        return (facets ??= decode(facetCode));
      },
      scheduleCode,
      venues,
      text: '',
    };
    if (members) entries[index].member = members[file.o?.[index] ?? -1];
  }
  return {
    entries,
    points,
    categories: file.c.map(([id, name, parent]) => ({ id, name, parent })),
    neighbourhoods: file.n.map(([id, name, centre, ring]) => ({ id, name, centre, ring })),
    allowed,
    categoryWords: new Map(file.c.map(([id, , , words]) => [id, words])),
    holidays: file.h ?? 'none',
    costBands: file.b ?? [],
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
    s = decodeSchedules(entry.scheduleCode);
    scheduleCache.set(entry, s);
  }
  return s;
}
