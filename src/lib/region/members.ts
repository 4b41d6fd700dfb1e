/**
 * What a region build takes from each member book's built site, and what it says when something
 * is missing. Pure: the script (scripts/build/region.ts) looks at the folders and copies.
 *
 * Each member's files go under `members/<id>/` in the region's output, at the same paths as in
 * the member's own site, so the region serves them from its own origin (offline too):
 *
 *   pagefind/, pagefind-2/…   the member's search bundle, in its parts (src/lib/search/shards.ts)
 *   map/venues.json           what the map reads
 *   open-data/venues.geojson  every venue, a point each
 *   openreferral/             the member's Open Referral feed (src/lib/exports/openreferral.ts)
 */
import type { RegionMember } from '../../schema/region';
import { FEED_DIR, listPath } from '../exports/openreferral';
import { shardFolder, type PartBook, type SearchPart } from '../search/shards';
import { href } from '../site/paths';
import { LIST_DATA_INDEX } from '../list/shards';
import { WORDS_PATH } from '../search/spelling';
import { VENUES_PATH } from '../map/venue-file';

/** The folder of the region's output that holds every member's files. */
export const MEMBERS_DIR = 'members';

/** The files a member must have, beside its search bundle. */
export const MEMBER_FILES = [VENUES_PATH, 'open-data/venues.geojson'] as const;

/** The files the region build reads from a member's site without copying them. */
export const MEMBER_READ_FILES = [LIST_DATA_INDEX.slice(1), WORDS_PATH.slice(1)] as const;

/** The feed files a member's feed must have for the region's union feed to be made from it. */
export const MEMBER_FEED_FILES = [
  listPath(),
  listPath('services'),
  listPath('service_at_locations'),
  listPath('taxonomies'),
  listPath('taxonomy_terms'),
] as const;

/** Where a member's copy of `path` goes in the region's output: `members/<id>/<path>`. */
export function memberPath(memberId: string, path = ''): string {
  return path ? `${MEMBERS_DIR}/${memberId}/${path}` : `${MEMBERS_DIR}/${memberId}`;
}

/** True for the name of a search bundle folder: `pagefind`, `pagefind-2`, `pagefind-3`… */
export function isSearchBundleFolder(name: string): boolean {
  const n = /^pagefind(?:-(\d+))?$/.exec(name);
  return !!n && (n[1] === undefined || shardFolder(Number(n[1]) - 1) === name);
}

/** How the script sees a member's built site: what is at a path inside it. */
export interface MemberFolder {
  /** `file`, `folder`, or undefined when nothing is there. */
  kind(path: string): 'file' | 'folder' | undefined;
  /** The names at the top of the folder. */
  names(): string[];
}

/** A member's files to copy (paths inside its built site, folders whole), or why they cannot be. */
export type MemberPlan = { member: RegionMember; copy: string[]; problems: string[] };

/**
 * What to copy from a member's built site, and every problem that stops it, each naming the
 * member, the file and what to do. `folder` is undefined when the member has no `path` or its
 * folder does not exist; `shownPath` is where that folder is found, for the messages.
 */
export function memberPlan(member: RegionMember, folder: MemberFolder | undefined, shownPath?: string): MemberPlan {
  const who = `Member "${member.id}" (${member.name})`;
  if (member.path === undefined)
    return {
      member,
      copy: [],
      problems: [
        `${who} has no path in region.yaml. The region build copies each member's search, map data and feed from a local folder of its built site; it cannot fetch them from ${member.url} yet. Fix: build the member book (npm run build) and give its output folder as path:.`,
      ],
    };
  if (!folder)
    return {
      member,
      copy: [],
      problems: [
        `${who}: its folder ${member.path}${shownPath && shownPath !== member.path ? ` (${shownPath})` : ''} does not exist. Fix: build the member book into that folder, or correct its path: in region.yaml.`,
      ],
    };
  const problems: string[] = [];
  const missing = (what: string) =>
    `${who}: its built site in ${member.path}${shownPath && shownPath !== member.path ? ` (${shownPath})` : ''} has no ${what}. Fix: build the member book again (npm run build) into that folder, or point path: at the folder that holds its built site.`;
  const bundles = folder
    .names()
    .filter((n) => isSearchBundleFolder(n) && folder.kind(n) === 'folder')
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  if (!bundles.includes(shardFolder(0))) problems.push(missing(`search bundle (${shardFolder(0)}/)`));
  for (const f of MEMBER_FILES) if (folder.kind(f) !== 'file') problems.push(missing(f));
  // Read, not copied: the region's list holds the members' entries (src/lib/region/list.ts), and
  // its search corrects slips to any member's words.
  for (const f of MEMBER_READ_FILES) if (folder.kind(f) !== 'file') problems.push(missing(f));
  if (folder.kind(FEED_DIR) !== 'folder') problems.push(missing(`Open Referral feed (${FEED_DIR}/)`));
  else for (const f of MEMBER_FEED_FILES) if (folder.kind(f) !== 'file') problems.push(missing(f));
  return { member, copy: problems.length ? [] : [...bundles, ...MEMBER_FILES, FEED_DIR], problems };
}

/**
 * Every member's search parts, in region.yaml's order: `bundles` are the folder names the region
 * build copied for that member (`pagefind`, `pagefind-2`…), in order.
 */
export function regionSearchParts(members: readonly { book: PartBook; bundles: readonly string[] }[]): SearchPart[] {
  return members.flatMap(({ book, bundles }) =>
    bundles.map((folder) => ({ base: href(`/${memberPath(book.id, folder)}/`), book })),
  );
}
