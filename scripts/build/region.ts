/**
 * `npm run build:region`: a region of books, from its member books' built sites.
 *
 * Reads `region.yaml` from the content folder (`content/`, or BOOK_CONTENT; src/schema/region.ts)
 * and checks every member first. Then it builds the region's own pages from that folder, an
 * ordinary book's (site.yaml, the region's categories.yaml and neighbourhoods, usually no
 * entries), with `npm run build`: its search page asks every member's search bundle
 * (src/lib/region/search.ts). Then it writes into the site folder (`dist/`, or BOOK_OUT), by way of a
 * folder beside it where the members' files are linked from the start (`buildRegion` below):
 *
 *   members/<id>/…         each member's search bundle (pagefind/, pagefind-2/…), map/venues.json,
 *                          open-data/venues.geojson and openreferral/, hard links to the files at
 *                          its `path` (src/lib/region/members.ts; copies where a link cannot be made)
 *   openreferral/…         the union of the members' Open Referral feeds, laid out as one book's,
 *                          ids unchanged (src/lib/region/feed.ts); `GET /` names the region, from
 *                          its site.yaml
 *   region.json            the members and how many services each gives (src/lib/region/summary.ts)
 *   map/venues.json        every member's venues and neighbourhoods in one map file, entries
 *                          linking to their member's pages (src/lib/region/map.ts)
 *   list-data/…            every member's entries as "My list" reads them, under region ids
 *                          (src/lib/region/list.ts)
 *   search/words.txt       every member's words, for correcting slips (src/lib/search/spelling.ts)
 *
 * A member without a `path`, a folder without one of those files, a member whose feed was built
 * for another address than region.yaml gives it, two members publishing the same service id
 * (one book listed twice), or members' map data that cannot be merged (a neighbourhood id used
 * for two places, different bank holidays) stops the build with a message saying which member,
 * which file and what to do, before anything is built. Nothing is skipped silently. Last, the
 * service worker is written again, so the members' search bundles work offline after one visit.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentDir, loadSite } from '../../src/server/content-files';
import { todayAtBuild } from '../../src/server/build-time';
import { RegionError, memberSites, readRegion, regionVenueFile, type MemberSite } from '../../src/server/region';
import { VENUES_PATH } from '../../src/lib/region/map';
import { WORDS_PATH, mergeWordLists } from '../../src/lib/search/spelling';
import { FEED_DIR, LIST_ENDPOINTS, listPath } from '../../src/lib/exports/openreferral';
import { memberPath } from '../../src/lib/region/members';
import {
  COPIED_RECORDS,
  duplicateRecordProblems,
  listItems,
  memberAddressProblem,
  unionFeed,
  type MemberFeed,
} from '../../src/lib/region/feed';
import { regionSummary } from '../../src/lib/region/summary';
import { memberListEntries } from '../../src/lib/region/list';
import { LIST_DATA_INDEX, shardPath } from '../../src/lib/list/data';
import { listShardFiles } from '../../src/lib/exports/book-files';
import { listFiles, sizeMatters, writeServiceWorker, type BuiltFile } from './service-worker';
import { linkTree } from '../lib/link-tree';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

/**
 * Everything the region build reads, checked before anything is written: region.yaml, every
 * member's folder and feed (region.yaml and the members' plans may be given, read already). Throws a
 * RegionError naming each problem.
 */
export function planRegion(dir: string, region = readRegion(dir), plans = memberSites(dir, region)) {
  const site = loadSite(dir);

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
  // Every member's list data, under the region's ids, so one list holds entries of several members.
  const lists = plans.map(({ member, from }) => {
    const book = { id: member.id, name: member.name, url: member.url };
    const index = JSON.parse(readFileSync(join(from!, LIST_DATA_INDEX.slice(1)), 'utf8')) as { shards?: unknown };
    const count = Number(index.shards);
    const files =
      Number.isInteger(count) && count > 0 ? Array.from({ length: count }, (_, k) => shardPath(k, count)) : [];
    if (!files.length)
      return {
        entries: [],
        problems: [
          `Member "${member.id}" (${member.name}): ${LIST_DATA_INDEX.slice(1)} does not say how many list data files it has. Fix: build the member book again (npm run build).`,
        ],
      };
    return memberListEntries(
      files.map((f) => ({
        path: f.slice(1),
        body: JSON.parse(readFileSync(join(from!, f.slice(1)), 'utf8')) as unknown,
      })),
      book,
    );
  });
  feedProblems.push(...lists.flatMap((l) => l.problems));
  if (feedProblems.length) throw new RegionError(feedProblems.join('\n'));
  // The region's map: every member's venues and neighbourhoods in one file (a clash stops here).
  const venues = { path: VENUES_PATH, body: JSON.stringify(regionVenueFile(dir, plans)) };
  // The words the region's search corrects slips to: every member's.
  const words = {
    path: WORDS_PATH.slice(1),
    body: mergeWordLists(plans.map(({ from }) => readFileSync(join(from!, WORDS_PATH.slice(1)), 'utf8'))),
  };
  return { region, site, plans, feeds, venues, words, listEntries: lists.flatMap((l) => l.entries) };
}

/**
 * Writes the members' files, the union feed and region.json into `out`; returns what it says when
 * done. With `placed`, lists there every file it writes or links (paths in the site), and the
 * folders it empties first (`removed`), so the site's files are known without walking it again.
 * With `membersPlaced`, the members' own files are in `out` already (memberLinks): only their
 * folders are listed in `removed`.
 */
export function writeRegion(
  { region, site, plans, feeds, venues, words, listEntries }: ReturnType<typeof planRegion>,
  out: string,
  placed?: { files: string[]; removed: string[] },
  { membersPlaced = false } = {},
): string {
  const union = unionFeed(feeds, site);
  const files = placed?.files;
  const removed = (path: string) => {
    rmSync(join(out, path), { recursive: true, force: true });
    placed?.removed.push(path);
  };
  const write = (path: string, body: string) => {
    writeFileSync(join(out, path), body);
    files?.push(path);
  };

  mkdirSync(out, { recursive: true });
  // The members' pages (/members/<id>/index.html, from the region's own build) stay; each copied
  // file or folder replaces any earlier copy whole. Hard links, not copies: at 100,000 entries
  // the members' bundles and feeds are hundreds of thousands of files (docs/performance.md).
  // With `membersPlaced`, they are there already (memberLinks, placed while the members were checked).
  for (const { member, from, copy } of plans)
    for (const p of copy) {
      const path = memberPath(member.id, p);
      if (membersPlaced) {
        placed?.removed.push(path);
        continue;
      }
      removed(path);
      linkTree(join(from!, p), join(out, path), files, path);
    }
  // The region's feed is the union alone: nothing left from an earlier build.
  removed(FEED_DIR);
  const made = new Set<string>();
  const folder = (path: string) => {
    const dir = dirname(join(out, path));
    if (!made.has(dir)) mkdirSync(dir, { recursive: true });
    made.add(dir);
  };
  for (const f of [...union.files, venues, words]) {
    folder(f.path);
    write(f.path, f.body);
  }
  // The union feed's records are the members' own files, linked from the member's folder.
  const fromOf = new Map(plans.map((p) => [p.member.id, p.from!]));
  for (const c of union.copies) {
    folder(c.path);
    linkTree(join(fromOf.get(c.memberId)!, c.path), join(out, c.path), files, c.path);
  }
  // The region's list data is its members' entries alone (its own pages have none).
  removed('list-data');
  for (const f of listShardFiles(listEntries)) {
    folder(f.path);
    write(f.path, f.body);
  }
  const counts = new Map(feeds.map((f) => [f.id, listItems(f.lists.services, f.id, 'services').length]));
  const summary = regionSummary(region.members, counts, todayAtBuild());
  write('region.json', `${JSON.stringify(summary, null, 2)}\n`);
  return `Region of ${summary.members.length} member books: ${summary.services} services in the union feed, written to ${relative(process.cwd(), out) || out}.`;
}

/**
 * Every file in the region's site folder once writeRegion has run, without walking the members'
 * files again: the folder as it was before (`before`, the region's own pages), less what
 * writeRegion emptied, with what it placed. Sizes are looked up only where the service worker
 * reads them (`sizeMatters`); the others are 0.
 */
export function regionSiteFiles(
  out: string,
  before: readonly BuiltFile[],
  placed: { files: readonly string[]; removed: readonly string[] },
): BuiltFile[] {
  const now = new Set(placed.files);
  const gone = (path: string) => now.has(path) || placed.removed.some((r) => path === r || path.startsWith(`${r}/`));
  const files = before.filter((f) => !gone(f.path));
  for (const path of now) files.push({ path, size: sizeMatters(path) ? statSync(join(out, path)).size : 0 });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The region's own pages: the ordinary build of its content folder (scripts/build/build.ts), into
 * `out`, in a process of its own; resolves when it has finished.
 */
function buildPages(dir: string, out: string): Promise<void> {
  const run = spawn(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'scripts/build/build.ts')], {
    cwd: root,
    env: { ...process.env, BOOK_CONTENT: dir, BOOK_OUT: out },
    stdio: 'inherit',
  });
  const failed = () =>
    new RegionError(`The region's own pages did not build (npm run build of ${dir} stopped; its messages are above).`);
  return new Promise((done, fail) => {
    run.once('error', () => fail(failed()));
    run.once('exit', (code) => (code === 0 ? done() : fail(failed())));
  });
}

/**
 * Moves what writeRegion placed in `stage` into `out`: each folder or file it replaces whole
 * (`roots`, its `removed` list) is emptied in `out` and renamed into place; anything else (the
 * single files it writes, such as region.json) replaces the file of the same path. Renames on one
 * disk: no file is copied, however many the members' bundles hold (across disks, linkTree copies).
 */
export function moveStaged(stage: string, out: string, roots: readonly string[]): void {
  const whole = new Set(roots);
  const move = (path: string) => {
    for (const entry of readdirSync(join(stage, path), { withFileTypes: true })) {
      const p = path ? `${path}/${entry.name}` : entry.name;
      const from = join(stage, p);
      const to = join(out, p);
      if (whole.has(p) || !entry.isDirectory()) {
        if (whole.has(p)) rmSync(to, { recursive: true, force: true });
        mkdirSync(dirname(to), { recursive: true });
        try {
          renameSync(from, to);
        } catch (err) {
          // The site's folder on another disk (a mount of its own): linked or copied instead.
          if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
          if (!whole.has(p)) rmSync(to, { force: true });
          linkTree(from, to);
        }
      } else {
        if (existsSync(to) && !statSync(to).isDirectory()) rmSync(to, { force: true });
        move(p);
      }
    }
  };
  mkdirSync(out, { recursive: true });
  move('');
}

/** Where the region's files are put together before they join the site: beside it, on the same disk. */
const stageFor = (out: string) => join(dirname(out), `.${basename(out)}.region-${process.pid}`);

/**
 * Removes what an earlier region build into `out` left beside it when it was stopped part-way
 * (Ctrl-C, or a machine that went down): its folder and lists, named after another process.
 */
export function removeStaleStages(out: string): void {
  const prefix = `.${basename(out)}.region-`;
  if (!existsSync(dirname(out))) return;
  for (const name of readdirSync(dirname(out)))
    if (name.startsWith(prefix)) rmSync(join(dirname(out), name), { recursive: true, force: true });
}

/** Each member's own files (search bundles, map data, feed) and where they go in the site. */
export function memberLinks(members: readonly MemberSite[], target: string) {
  return members.flatMap(({ member, from, copy }) =>
    copy.map((p) => {
      const path = memberPath(member.id, p);
      return { from: join(from!, p), to: join(target, path), as: path };
    }),
  );
}

/**
 * Places the members' own files under `stage` in a process of its own
 * (scripts/build/link-members.ts); `done` resolves with the paths placed, `stop` ends it early.
 */
function placeMembers(members: readonly MemberSite[], stage: string) {
  // Beside the folder, not in it: everything in it is moved into the site.
  const jobs = `${stage}.links.json`;
  mkdirSync(stage, { recursive: true });
  writeFileSync(jobs, JSON.stringify({ links: memberLinks(members, stage) }));
  const run = spawn(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'scripts/build/link-members.ts'), jobs], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<number | null>((end) => {
    run.once('error', () => end(null));
    run.once('exit', (code) => end(code));
  });
  const clean = () => {
    rmSync(jobs, { force: true });
    rmSync(`${jobs}.placed.json`, { force: true });
  };
  const done = exited.then((code) => {
    if (code !== 0)
      throw new RegionError(`The members' files could not be placed (exit ${code}; the reason is above).`);
    return JSON.parse(readFileSync(`${jobs}.placed.json`, 'utf8')) as string[];
  });
  /** Ends the process if it is still placing files, and removes its lists. */
  const stop = async () => {
    if (run.exitCode === null && run.signalCode === null) run.kill();
    await exited;
    clean();
  };
  return { done, stop };
}

/**
 * The whole region: checks everything, then builds the region's own pages (its search asks the
 * members' bundles, src/server/region.ts) and writes the service worker again so the members'
 * search bundles work offline too. The members' own files are put together beside the site from
 * the start, in a process of their own, while the members are checked and the pages build (which
 * empties its folder first); the union feed joins them there, and all are moved in at the end.
 * Nothing is written into `out` before every check has passed, and nothing is left beside it.
 */
export async function buildRegion(dir: string, out: string, { pages = true } = {}): Promise<string> {
  // Each step's time, said at the end (docs/performance.md, "A region of books").
  const steps: string[] = [];
  const clock = (what: string) => {
    const start = performance.now();
    return () => steps.push(`${what} ${((performance.now() - start) / 1000).toFixed(1)} s`);
  };
  const timed = <T>(what: string, step: () => T): T => {
    const stop = clock(what);
    const result = step();
    stop();
    return result;
  };
  // region.yaml and each member's folder first (quick): a member that is missing stops here.
  const region = readRegion(dir);
  const members = memberSites(dir, region);
  const stage = stageFor(out);
  removeStaleStages(out);
  const linked = clock("the members' own files (beside the checks and the pages)");
  const linking = placeMembers(members, stage);
  linking.done.then(linked, () => undefined);
  try {
    const plan = timed('checking the members', () => planRegion(dir, region, members));
    // Then the region's own pages, in their own process, while the members' files are still being
    // placed; not while this process writes the union feed, whose memory and the pages build's
    // together would pass 4 GiB at 200,000 entries (docs/performance.md).
    if (pages) {
      const pagesDone = clock("the region's pages");
      await buildPages(dir, out);
      pagesDone();
    }
    const placed = { files: [] as string[], removed: [] as string[] };
    const said = timed('the union feed and list data', () => writeRegion(plan, stage, placed, { membersPlaced: true }));
    const waited = clock("waiting for the members' files");
    // One at a time: hundreds of thousands of paths are too many for a spread's arguments.
    for (const path of await linking.done) placed.files.push(path);
    waited();
    // The region's own pages, listed before the members' files join them (a small walk), so the
    // service worker's list is known without walking the million files placed (regionSiteFiles).
    const before = pages ? listFiles(out) : [];
    timed('moving them in', () => moveStaged(stage, out, placed.removed));
    if (pages) timed('the service worker', () => writeServiceWorker(out, regionSiteFiles(out, before, placed)));
    return `${said}\nSteps: ${steps.join(', ')}.`;
  } finally {
    await linking.stop();
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.stdout.write(`${await buildRegion(contentDir(), resolve(root, process.env.BOOK_OUT ?? 'dist'))}\n`);
  } catch (err) {
    // Every failure the region build foresees says what to do; only an unforeseen one needs its stack.
    const known = err instanceof RegionError || (err instanceof Error && /Fix: /.test(err.message));
    process.stderr.write(
      `build:region: ${known ? (err as Error).message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = 1;
  }
}
