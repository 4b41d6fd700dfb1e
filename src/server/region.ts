/**
 * A region's members as the build finds them (src/schema/region.ts): region.yaml read and checked
 * the way `npm run validate` checks it, and each member's built site looked at in its local
 * folder. The region build (scripts/build/region.ts) copies from these folders; the region's
 * pages (its one search) read what they need from them at build time. Most books have no
 * region.yaml: `loadRegion` then gives undefined and every page is the book's own.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import yaml from 'js-yaml';
import { regionSchema, type RegionConfig } from '../schema';
import { formatProblem, validateDataFile } from '../lib/validate';
import {
  isSearchBundleFolder,
  memberPlan,
  regionSearchParts,
  type MemberFolder,
  type MemberPlan,
} from '../lib/region/members';
import { regionFacetBook } from '../lib/region/vocabulary';
import { categoryRecord, readVenueFile, type MapData, type VenueFile } from '../lib/map/venue-file';
import { VENUES_PATH, mergeVenueFiles } from '../lib/region/map';
import { loadCategories } from './content-files';
import type { Facet, FacetBook } from '../lib/filters/registry';
import type { SearchPart } from '../lib/search/shards';
import { contentDir } from './content-paths';

/** A region build that cannot go on: the message says why and what to do. */
export class RegionError extends Error {}

/** The region file of a content folder. */
export const REGION_FILE = 'region.yaml';

/** True when the content folder configures a region. */
export function hasRegion(dir = contentDir()): boolean {
  return existsSync(join(dir, REGION_FILE));
}

/** region.yaml, checked the way `npm run validate` checks it (file, line, field). */
export function readRegion(dir = contentDir()): RegionConfig {
  const file = join(dir, REGION_FILE);
  const shown = relative(process.cwd(), file) || file;
  if (!existsSync(file))
    throw new RegionError(
      `There is no region.yaml in ${shown}'s folder, so there is no region to build. Fix: add one listing the member books (docs/maintainers.md, "A region of books").`,
    );
  const text = readFileSync(file, 'utf8');
  const problems = validateDataFile(text, shown, regionSchema).filter((p) => p.severity === 'error');
  if (problems.length) throw new RegionError(problems.map(formatProblem).join('\n'));
  return regionSchema.parse(yaml.load(text, { filename: file }));
}

/** How the pure plan (src/lib/region/members.ts) sees a folder on disk. */
export function folderOf(path: string): MemberFolder | undefined {
  if (!existsSync(path) || !statSync(path).isDirectory()) return undefined;
  return {
    kind(p) {
      const full = join(path, p);
      if (!existsSync(full)) return undefined;
      const s = statSync(full);
      return s.isDirectory() ? 'folder' : s.isFile() ? 'file' : undefined;
    },
    names: () => readdirSync(path),
  };
}

/** A member's plan and where its built site is. */
export type MemberSite = MemberPlan & { from: string | undefined };

/**
 * Every member's plan (what to copy, or what is missing), from region.yaml in `dir`. Throws a
 * RegionError naming every member that cannot be used.
 */
export function memberSites(dir = contentDir(), region = readRegion(dir)): MemberSite[] {
  const sites = region.members.map((m) => {
    const from = m.path === undefined ? undefined : resolve(dir, m.path);
    return { from, ...memberPlan(m, from === undefined ? undefined : folderOf(from), from) };
  });
  const problems = sites.flatMap((p) => p.problems);
  if (problems.length) throw new RegionError(problems.join('\n'));
  return sites;
}

/** The region of the content folder with its members' sites, or undefined when it has none. */
export function loadRegion(dir = contentDir()): { region: RegionConfig; members: MemberSite[] } | undefined {
  if (!hasRegion(dir)) return undefined;
  const region = readRegion(dir);
  return { region, members: memberSites(dir, region) };
}

/**
 * The region's map data: every member's `map/venues.json` merged, the region's own vocabulary
 * first (src/lib/region/map.ts). Throws a RegionError with every problem (a clash of
 * neighbourhoods, bank holidays that differ, a file of another version).
 */
export function regionVenueFile(dir: string, members: readonly MemberSite[]): VenueFile {
  // One build asks for it several times (the region build's check, the home page, the search
  // page, the members' pages): it is merged once for as long as the files are unchanged.
  const key = venueKey(dir, members);
  const known = merges.get(key);
  if (known) return known;
  const file = mergeRegionVenues(dir, members);
  merges.clear();
  merges.set(key, file);
  return file;
}

const merges = new Map<string, VenueFile>();
const unpacked = new WeakMap<VenueFile, MapData>();

/** What the merge reads: the content folder's categories and every member's venue file, as they are now. */
function venueKey(dir: string, members: readonly MemberSite[]): string {
  const stamp = (path: string) => {
    try {
      const s = statSync(path);
      return `${s.size}:${s.mtimeMs}`;
    } catch {
      return 'missing';
    }
  };
  return JSON.stringify([
    resolve(dir),
    stamp(join(dir, 'categories.yaml')),
    ...members.map(({ member, from }) => [member.id, member.name, member.url, from, stamp(join(from!, VENUES_PATH))]),
  ]);
}

/** regionVenueFile unpacked for the pages (readVenueFile), once a merge. */
export function regionVenueData(dir: string, members: readonly MemberSite[]): MapData {
  const file = regionVenueFile(dir, members);
  let data = unpacked.get(file);
  if (!data) unpacked.set(file, (data = readVenueFile(file)));
  return data;
}

function mergeRegionVenues(dir: string, members: readonly MemberSite[]): VenueFile {
  const merged = mergeVenueFiles(
    members.map(({ member, from }) => {
      const path = join(from!, VENUES_PATH);
      let file: VenueFile;
      try {
        file = JSON.parse(readFileSync(path, 'utf8')) as VenueFile;
      } catch (err) {
        throw new RegionError(
          `Member "${member.id}" (${member.name}): its ${VENUES_PATH} (${path}) could not be read: ${err instanceof Error ? err.message : String(err)}. Fix: build the member book again (npm run build) into that folder.`,
        );
      }
      return { id: member.id, name: member.name, url: member.url, file };
    }),
    { vocabulary: loadCategories(dir).map(categoryRecord) },
  );
  if (!merged.file) throw new RegionError(merged.problems.join('\n'));
  return merged.file;
}

/** What the region's search page needs from its members' built sites. */
export interface RegionSearch {
  /** Every member's search bundles, in region.yaml's order. */
  parts: SearchPart[];
  /** The region's filters: the same as its map's (src/lib/region/vocabulary.ts). */
  book: FacetBook;
  /** Every member entry's facet values, as its book indexed them (the counts before a search). */
  facets: Record<Facet, string[]>[];
}

/** The region's search, from each member's bundles and the region's merged map data. */
export function regionSearch(
  loaded: NonNullable<ReturnType<typeof loadRegion>>,
  region: FacetBook,
  dir = contentDir(),
): RegionSearch {
  const data = regionVenueData(dir, loaded.members);
  return {
    parts: regionSearchParts(
      loaded.members.map((m) => ({
        book: { id: m.member.id, name: m.member.name, url: m.member.url },
        bundles: m.copy.filter(isSearchBundleFolder),
      })),
    ),
    book: regionFacetBook(region, data),
    facets: data.entries.map((e) => e.facets),
  };
}
