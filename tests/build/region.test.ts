/**
 * `npm run build:region` on two small fixture books at different addresses, each built once with
 * the real `npm run build`: every member's files under members/<id>/, the union Open Referral feed
 * (every service of both, ids unique and unchanged, passing the ORUK validator replayed as for one
 * book), region.json, and the failures that must never be silent: a member whose folder is
 * missing, and one book listed twice.
 */
import { execFileSync } from 'node:child_process';
import type { Server } from 'node:http';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceUuid } from '../../src/lib/exports/uuid';
import { readVenueFile, type VenueFile } from '../../src/lib/map/venue-file';
import { entryPage } from '../../src/lib/map/popup';
import { regionEntryId } from '../../src/schema/ids';
import { BUILD_TODAY, buildBook, buildFolder, fixtureBook, removeBuild, repoRoot, tempFolder } from '../helpers/build';
import { serveSite } from '../helpers/static-hosts';
import { writeServiceWorker } from '../../scripts/build/service-worker';
import { formatReport, replayOrukValidator, type OrukReport } from '../helpers/oruk-validator';

const VALID = resolve(repoRoot, 'tests/fixtures/entries/valid');
const foodBank = readFileSync(join(VALID, 'wigan-memory-cafe.md'), 'utf8');
const ONE = 'https://one.example.org';
const TWO = 'https://example.github.io/two';

type Json = Record<string, unknown>;
const made: string[] = [];
const builds: string[] = [];
const servers: Server[] = [];

/** tests/fixtures/book at `url`, with the valid entries, one called `food-bank`, and `extra` entries. */
function bookAt(url: string, extra: Record<string, string> = {}): string {
  const dir = fixtureBook([VALID], { 'food-bank': foodBank, ...extra });
  made.push(dir);
  const site = join(dir, 'site.yaml');
  writeFileSync(site, readFileSync(site, 'utf8').replace(/^url: .*$/m, `url: ${url}`));
  return dir;
}

/**
 * A region content folder: the fixture book (its vocabulary, no entries) at the region's address,
 * and `regionYaml`.
 */
function regionFolder(regionYaml: string): string {
  const dir = tempFolder('region');
  made.push(dir);
  cpSync(join(repoRoot, 'tests/fixtures/book'), dir, { recursive: true });
  mkdirSync(join(dir, 'entries'), { recursive: true });
  const site = join(dir, 'site.yaml');
  writeFileSync(
    site,
    readFileSync(site, 'utf8')
      .replace(/^url: .*$/m, 'url: https://region.example.org')
      .replace(/^title: .*$/m, 'title: Fixture Region'),
  );
  writeFileSync(join(dir, 'region.yaml'), regionYaml);
  return dir;
}

const member = (id: string, url: string, path?: string) =>
  `  - id: ${id}\n    name: Book ${id}\n    url: ${url}\n${path ? `    path: ${JSON.stringify(path)}\n` : ''}`;

/** Runs `npm run build:region`; its exit code and what it printed. */
function buildRegion(content: string, out: string): { code: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync('npm', ['run', '--silent', 'build:region'], {
      cwd: repoRoot,
      env: { ...process.env, BOOK_CONTENT: content, BOOK_OUT: out, BOOK_TODAY: BUILD_TODAY },
      stdio: 'pipe',
    }).toString();
    return { code: 0, stdout, stderr: '' };
  } catch (err) {
    const e = err as { status: number; stdout?: Buffer; stderr?: Buffer };
    return { code: e.status, stdout: e.stdout?.toString() ?? '', stderr: e.stderr?.toString() ?? '' };
  }
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Json;
const ids = (doc: Json) => (doc.contents as { id: string }[]).map((s) => s.id);
/** Every file under `dir`, as paths relative to it. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
    .sort();

let one: string;
let two: string;
let region: string;
let out: string;
let result: ReturnType<typeof buildRegion>;
let report: OrukReport;

beforeAll(async () => {
  // Book two has one entry more, so the counts tell the members apart.
  one = buildBook(bookAt(ONE), 'region-one');
  builds.push(one);
  two = buildBook(bookAt(TWO, { 'second-food-bank': foodBank }), 'region-two');
  builds.push(two);
  region = regionFolder(`members:\n${member('one', ONE, one)}${member('two', TWO, two)}`);
  out = buildFolder('region-out');
  made.push(out);
  // What a region build stopped part-way would have left beside the site: removed by the next.
  const stale = join(dirname(out), `.${basename(out)}.region-1`);
  mkdirSync(join(stale, 'members'), { recursive: true });
  writeFileSync(`${stale}.links.json`, '{"links":[]}');
  result = buildRegion(region, out);
  if (result.code === 0) {
    const { server, origin } = await serveSite(out, 'plain');
    servers.push(server);
    report = await replayOrukValidator(`${origin}/openreferral`);
    console.log(formatReport('region feed, plain static host', report));
  }
}, 600_000);

afterAll(() => {
  for (const s of servers) s.close();
  builds.forEach(removeBuild);
  made.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

describe('npm run build:region on two member books', () => {
  it('succeeds and says what it put together', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Region of 2 member books: 13 services in the union feed/);
  });

  it("puts the members' files together beside the site while it checks and builds, and leaves nothing there", () => {
    // The steps it reports: the members' files placed in their own process beside the others.
    expect(result.stdout).toMatch(/the members' own files \(beside the checks and the pages\) [\d.]+ s/);
    expect(result.stdout).toMatch(/the region's pages [\d.]+ s/);
    expect(result.stdout).toMatch(/moving them in [\d.]+ s/);
    // Nor what an earlier build stopped part-way had left there (made before this one ran).
    const beside = readdirSync(dirname(out)).filter((n) => n.startsWith(`.${basename(out)}.region-`));
    expect(beside).toEqual([]);
  });

  it('writes the service worker a full walk of the output would (its list of files is the files placed)', () => {
    // The region build lists what it places instead of walking the output again
    // (regionSiteFiles): that list must be the folder's, so sw.js is the same as a walk's.
    const written = readFileSync(join(out, 'sw.js'), 'utf8');
    expect(written).toContain('/members/one/pagefind/pagefind.js');
    writeServiceWorker(out);
    expect(readFileSync(join(out, 'sw.js'), 'utf8')).toBe(written);
  });

  it('copies every member’s search bundle, map data, venues and feed under members/<id>/, byte for byte', () => {
    for (const [id, site] of [
      ['one', one],
      ['two', two],
    ] as const) {
      const copied = join(out, 'members', id);
      // Beside the copies, the member's page in the region (src/pages/members/).
      expect(readdirSync(copied).sort()).toEqual(['index.html', 'map', 'open-data', 'openreferral', 'pagefind']);
      expect(readFileSync(join(copied, 'index.html'), 'utf8')).toContain(`<h1>Book ${id}</h1>`);
      for (const folder of ['pagefind', 'openreferral']) {
        const files = filesUnder(join(site, folder));
        expect(files.length).toBeGreaterThan(5);
        expect(filesUnder(join(copied, folder))).toEqual(files);
      }
      expect(existsSync(join(copied, 'pagefind', 'pagefind.js'))).toBe(true);
      for (const f of ['map/venues.json', 'open-data/venues.geojson', 'openreferral/services.json'])
        expect(readFileSync(join(copied, f), 'utf8'), `${id} ${f}`).toBe(readFileSync(join(site, f), 'utf8'));
    }
  });

  it('writes one feed holding every service of both members, ids unique and unchanged', () => {
    const union = ids(readJson(join(out, 'openreferral/services.json')));
    const [a, b] = [one, two].map((s) => ids(readJson(join(s, 'openreferral/services.json'))));
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBe(a.length + 1);
    expect(union).toEqual([...a, ...b]);
    expect(new Set(union).size).toBe(union.length);
    // The same entry in both books keeps each book's own id.
    expect(union).toContain(serviceUuid(ONE, 'food-bank'));
    expect(union).toContain(serviceUuid(TWO, 'food-bank'));
    expect(readJson(join(out, 'openreferral/services/index.html'))).toEqual(
      readJson(join(out, 'openreferral/services.json')),
    );
    // Every record of each member, at the same address as in the member's own feed, same bytes.
    for (const site of [one, two])
      for (const endpoint of ['services', 'service_at_locations'])
        for (const name of readdirSync(join(site, 'openreferral', endpoint)).filter((n) => n !== 'index.html'))
          expect(readFileSync(join(out, 'openreferral', endpoint, name), 'utf8')).toBe(
            readFileSync(join(site, 'openreferral', endpoint, name), 'utf8'),
          );
    const links = ids(readJson(join(out, 'openreferral/service_at_locations/index.html')));
    const memberLinks = [one, two].flatMap((s) =>
      ids(readJson(join(s, 'openreferral/service_at_locations/index.html'))),
    );
    expect(links).toEqual(memberLinks);
    expect(new Set(links).size).toBe(links.length);
    expect(readJson(join(out, 'openreferral/index.json'))).toMatchObject({
      version: '3.0',
      publisher: { website: 'https://region.example.org' },
    });
  });

  it('passes the ORUK validator, replayed as for a single book: all nine endpoints at Level 1', () => {
    expect(report.profile).toBe('https://openreferraluk.org/specifications/3.0/openapi.json');
    expect(report.endpoints).toHaveLength(9);
    for (const e of report.endpoints)
      expect({ path: e.path, status: e.status, requests: e.requests }).toMatchObject({ status: 'passed' });
    expect(report.level1).toBe(true);
  });

  it('builds the region’s own search page, asking every member’s bundle', () => {
    const html = readFileSync(join(out, 'search/index.html'), 'utf8');
    for (const id of ['one', 'two']) expect(html).toContain(`/members/${id}/pagefind/`);
    expect(html).not.toMatch(/&quot;base&quot;:\[0,&quot;\/pagefind\/&quot;\]/);
    // The service worker is written after the copies: the members' bundles work offline.
    const sw = readFileSync(join(out, 'sw.js'), 'utf8');
    for (const id of ['one', 'two']) expect(sw).toContain(`/members/${id}/pagefind/pagefind.js`);
  });

  it('writes one list data set holding every member’s entries under the region’s ids', () => {
    const shards = (readJson(join(out, 'list-data/index.json')) as { shards: number }).shards;
    const held = Array.from({ length: shards }, (_, k) =>
      Object.values(readJson(join(out, `list-data/${shards}-${k}.json`))),
    ).flat() as { id: string; url: string; book: string }[];
    const own = (site: string) => {
      const n = (readJson(join(site, 'list-data/index.json')) as { shards: number }).shards;
      return Array.from({ length: n }, (_, k) => Object.keys(readJson(join(site, `list-data/${n}-${k}.json`)))).flat();
    };
    expect(held.map((e) => e.id).sort()).toEqual(
      [...own(one).map((id) => `one.${id}`), ...own(two).map((id) => `two.${id}`)].sort(),
    );
    expect(held.find((e) => e.id === 'two.food-bank')).toMatchObject({
      url: `${TWO}/entries/food-bank/`,
      book: 'Book two',
    });
  });

  it('writes one map file of every member’s venues and neighbourhoods, entries linking to their member’s pages', () => {
    const venues = (site: string) => readJson(join(site, 'map/venues.json')) as unknown as VenueFile;
    const file = venues(out);
    const [a, b] = [one, two].map(venues);
    expect(file.m).toEqual([
      ['one', 'Book one', ONE],
      ['two', 'Book two', TWO],
    ]);
    const expected = [...a.e.map(([id]) => regionEntryId('one', id)), ...b.e.map(([id]) => regionEntryId('two', id))];
    expect(expected.length).toBe(a.e.length + b.e.length);
    expect(b.e.length).toBe(a.e.length + 1);
    expect(file.e.map(([id]) => id).sort()).toEqual(expected.sort());
    // Both fixture books draw on the same neighbourhood files: each neighbourhood once, boundary as given.
    for (const n of [...a.n, ...b.n]) expect(file.n.filter((r) => r[0] === n[0])).toEqual([n]);
    expect(file.n.length).toBe(a.n.length);
    const data = readVenueFile(file);
    const foodBanks = data.entries.filter((e) => e.id.endsWith('.food-bank'));
    expect(foodBanks.map((e) => [e.member?.name, entryPage(e)])).toEqual([
      ['Book one', `${ONE}/entries/food-bank/`],
      ['Book two', `${TWO}/entries/food-bank/`],
    ]);
    // Those pages exist in each member's own built site.
    expect(existsSync(join(one, 'entries/food-bank/index.html'))).toBe(true);
    expect(existsSync(join(two, 'entries/food-bank/index.html'))).toBe(true);
    // Every member entry's facets are the member's own (same tables and cost bands, so the same values).
    const own = new Map(
      [
        ['one', a],
        ['two', b],
      ].flatMap(([id, f]) => readVenueFile(f as VenueFile).entries.map((e) => [regionEntryId(id as string, e.id), e])),
    );
    for (const e of data.entries) expect(e.facets, e.id).toEqual(own.get(e.id)!.facets);
  });

  it('writes region.json: the members, each one’s services, the day of the build', () => {
    const [a, b] = [one, two].map((s) => ids(readJson(join(s, 'openreferral/services.json'))).length);
    expect(readJson(join(out, 'region.json'))).toEqual({
      built: BUILD_TODAY,
      services: a + b,
      members: [
        { id: 'one', name: 'Book one', url: ONE, path: '/members/one/', services: a },
        { id: 'two', name: 'Book two', url: TWO, path: '/members/two/', services: b },
      ],
    });
  });
});

describe('npm run build:region never skips a member silently', () => {
  it('fails on a member whose folder is missing, naming the member and what to do', () => {
    const missing = join(tempFolder('region-gone'), 'dist');
    const dir = regionFolder(
      `members:\n${member('one', ONE, one)}${member('gone', 'https://gone.example.org', missing)}`,
    );
    const target = buildFolder('region-out-gone');
    made.push(target);
    const r = buildRegion(dir, target);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Member "gone" (Book gone): its folder ${missing} does not exist. Fix: `);
    expect(readdirSync(target)).toEqual([]);
  });

  it('fails on a member without a path, and on a folder without its feed', () => {
    const noFeed = tempFolder('region-nofeed');
    made.push(noFeed);
    cpSync(join(one, 'pagefind'), join(noFeed, 'pagefind'), { recursive: true });
    cpSync(join(one, 'map'), join(noFeed, 'map'), { recursive: true });
    cpSync(join(one, 'open-data'), join(noFeed, 'open-data'), { recursive: true });
    const dir = regionFolder(
      `members:\n${member('online', 'https://online.example.org')}${member('half', 'https://half.example.org', noFeed)}`,
    );
    const r = buildRegion(dir, buildFolder('region-out-half'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Member "online" \(Book online\) has no path in region\.yaml\..* Fix: /);
    expect(r.stderr).toMatch(
      /Member "half" \(Book half\): its built site in .* has no Open Referral feed \(openreferral\/\)/,
    );
  });

  it('fails when the same book is listed twice (under another id and address), on the duplicate ids', () => {
    const dir = regionFolder(
      `members:\n${member('one', ONE, one)}${member('two', TWO, two)}${member('one-again', 'https://again.example.org', one)}`,
    );
    const target = buildFolder('region-out-twice');
    made.push(target);
    const r = buildRegion(dir, target);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `Members "one" and "one-again" publish the same service ids \\(\\d+, e\\.g\\. [0-9a-f-]{36}\\): .*same book listed twice\\. Fix: `,
      ),
    );
    expect(r.stderr).not.toMatch(/"two"/);
    expect(readdirSync(target)).toEqual([]);
    // The members' files placed while the checks ran are gone with the folder they were put in.
    expect(readdirSync(dirname(target)).filter((n) => n.startsWith(`.${basename(target)}.region-`))).toEqual([]);
  });

  it('fails on a member whose feed was built for another address than region.yaml gives', () => {
    const dir = regionFolder(`members:\n${member('one', ONE, one)}${member('two', 'https://two.example.org', two)}`);
    const r = buildRegion(dir, tempFolder('region-out-moved'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `Member "two": region.yaml gives its address as https://two.example.org, but its feed was built for ${TWO}`,
    );
    expect(r.stderr).not.toMatch(/Member "one"/);
  });

  it('fails when two members give one neighbourhood id to two places, writing nothing', () => {
    // Book two's built site, with its Leigh renamed: the same id for another place.
    const other = tempFolder('region-other-leigh');
    made.push(other);
    cpSync(two, other, { recursive: true });
    const file = readJson(join(other, 'map/venues.json')) as unknown as VenueFile;
    const hood = file.n[0];
    hood[1] = `${hood[1]} (elsewhere)`;
    writeFileSync(join(other, 'map/venues.json'), JSON.stringify(file));
    const dir = regionFolder(`members:\n${member('one', ONE, one)}${member('two', TWO, other)}`);
    const target = tempFolder('region-out-clash');
    made.push(target);
    const r = buildRegion(dir, target);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `Members "one" (Book one) and "two" (Book two) both have a neighbourhood "${hood[0]}" in their map/venues.json (members/one/map/venues.json, members/two/map/venues.json)`,
    );
    expect(r.stderr).toMatch(/Fix: /);
    expect(readdirSync(target)).toEqual([]);
  });

  it('fails on a bad region.yaml with the validator’s file, line and field', () => {
    const dir = regionFolder(`members:\n${member('one', ONE, one)}${member('one', TWO, two)}`);
    const r = buildRegion(dir, tempFolder('region-out-bad'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/region\.yaml:6:9 members\[1\]\.id — The member id "one" is used twice/);
  });
});
