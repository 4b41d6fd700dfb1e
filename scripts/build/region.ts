/**
 * `npm run build:region`: a region's data, from its member books' built sites.
 *
 * Reads `region.yaml` from the content folder (`content/`, or BOOK_CONTENT; src/schema/region.ts)
 * and writes into the site folder (`dist/`, or BOOK_OUT):
 *
 *   members/<id>/…         each member's search bundle (pagefind/, pagefind-2/…), map/venues.json,
 *                          open-data/venues.geojson and openreferral/, copied from its `path`
 *                          (src/lib/region/members.ts)
 *   openreferral/…         the union of the members' Open Referral feeds, laid out as one book's,
 *                          ids unchanged (src/lib/region/feed.ts); `GET /` names the region, from
 *                          its site.yaml
 *   region.json            the members and how many services each gives (src/lib/region/summary.ts)
 *   map/venues.json        every member's venues and neighbourhoods in one map file, entries
 *                          linking to their member's pages (src/lib/region/map.ts)
 *
 * A member without a `path`, a folder without one of those files, a member whose feed was built
 * for another address than region.yaml gives it, or two members publishing the same service id
 * (one book listed twice) stops the build with a message saying which member,
 * which file and what to do. Nothing is skipped silently. The region's own pages (one search, one
 * map, a page per member) are not made yet; this is not part of `npm run build`.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentDir, loadSite } from '../../src/server/content-files';
import { todayAtBuild } from '../../src/server/build-time';
import { regionSchema, type RegionConfig } from '../../src/schema';
import { formatProblem, validateDataFile } from '../../src/lib/validate';
import { FEED_DIR, LIST_ENDPOINTS, listPath } from '../../src/lib/exports/openreferral';
import { MEMBERS_DIR, memberPath, memberPlan, type MemberFolder } from '../../src/lib/region/members';
import {
  COPIED_RECORDS,
  duplicateRecordProblems,
  listItems,
  memberAddressProblem,
  unionFeed,
  type MemberFeed,
} from '../../src/lib/region/feed';
import { regionSummary } from '../../src/lib/region/summary';
import { regionVenues } from './region-map';
import yaml from 'js-yaml';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

/** A region build that cannot go on: the message says why and what to do. */
class RegionError extends Error {}

/** region.yaml, checked the way `npm run validate` checks it (file, line, field). */
function readRegion(dir: string): RegionConfig {
  const file = join(dir, 'region.yaml');
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

function folderOf(path: string): MemberFolder | undefined {
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

/** Builds the region; returns what it says when done. */
export function buildRegion(dir: string, out: string): string {
  const region = readRegion(dir);
  const site = loadSite(dir);
  const plans = region.members.map((m) => {
    const from = m.path === undefined ? undefined : resolve(dir, m.path);
    return { from, ...memberPlan(m, from === undefined ? undefined : folderOf(from), from) };
  });
  const problems = plans.flatMap((p) => p.problems);
  if (problems.length) throw new RegionError(problems.join('\n'));

  // Read every member's feed before writing anything, so a clash leaves the output as it was.
  const feeds: MemberFeed[] = plans.map(({ member, from }) => {
    const feed = join(from!, FEED_DIR);
    const lists = Object.fromEntries(
      LIST_ENDPOINTS.map((e) => [e, JSON.parse(readFileSync(join(from!, listPath(e)), 'utf8')) as unknown]),
    ) as MemberFeed['lists'];
    const records = Object.fromEntries(
      COPIED_RECORDS.map((e) => [e, existsSync(join(feed, e)) ? readdirSync(join(feed, e)).sort() : []]),
    ) as MemberFeed['records'];
    return { id: member.id, lists, records };
  });
  const feedProblems = [
    ...plans.flatMap(({ member, from }) => {
      const problem = memberAddressProblem(member, JSON.parse(readFileSync(join(from!, listPath()), 'utf8')));
      return problem ? [problem] : [];
    }),
    ...duplicateRecordProblems(feeds),
  ];
  if (feedProblems.length) throw new RegionError(feedProblems.join('\n'));
  const union = unionFeed(feeds, site);
  // The region's map: every member's venues and neighbourhoods in one file (a clash stops here).
  const venues = regionVenues(plans);

  mkdirSync(out, { recursive: true });
  rmSync(join(out, MEMBERS_DIR), { recursive: true, force: true });
  for (const { member, from, copy } of plans)
    for (const p of copy) cpSync(join(from!, p), join(out, memberPath(member.id, p)), { recursive: true });
  // The region's feed is the union alone: nothing left from an earlier build.
  rmSync(join(out, FEED_DIR), { recursive: true, force: true });
  for (const f of [...union.files, venues]) {
    mkdirSync(dirname(join(out, f.path)), { recursive: true });
    writeFileSync(join(out, f.path), f.body);
  }
  for (const c of union.copies) {
    mkdirSync(dirname(join(out, c.path)), { recursive: true });
    cpSync(join(out, memberPath(c.memberId, c.path)), join(out, c.path));
  }
  const counts = new Map(feeds.map((f) => [f.id, listItems(f.lists.services, f.id, 'services').length]));
  const summary = regionSummary(region.members, counts, todayAtBuild());
  writeFileSync(join(out, 'region.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return `Region of ${summary.members.length} member books: ${summary.services} services in the union feed, written to ${relative(process.cwd(), out) || out}.`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.stdout.write(`${buildRegion(contentDir(), resolve(root, process.env.BOOK_OUT ?? 'dist'))}\n`);
  } catch (err) {
    // Every failure the region build foresees says what to do; only an unforeseen one needs its stack.
    const known = err instanceof RegionError || (err instanceof Error && /Fix: /.test(err.message));
    process.stderr.write(
      `build:region: ${known ? (err as Error).message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = 1;
  }
}
