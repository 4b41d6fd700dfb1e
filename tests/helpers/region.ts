/**
 * A region of three small books for the region's tests (issue: a region of books):
 *
 *  - `wigan`: the sample book, as the browser tests' own site built it;
 *  - `kestrel-vale`: the fork book (tests/fixtures/fork-book), another place with its own
 *    categories, which are the region's vocabulary;
 *  - `ryeford`: the fork book moved a degree north and renamed, with one category of its own
 *    (`allotments`) that the region's vocabulary does not have.
 *
 * The region's content folder is the fork book's vocabulary with no entries, and region.yaml
 * pointing at the three built sites. `npm run build:region` builds it.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_TODAY, buildBook, buildFolder, repoRoot, tempFolder } from './build';

export const FORK = join(repoRoot, 'tests/fixtures/fork-book');

/** The members, as region.yaml lists them. */
export const MEMBERS = {
  wigan: { name: 'Wigan Community Book', url: 'https://community-book.example.org' },
  'kestrel-vale': { name: 'Kestrel Vale Directory', url: 'https://directory.kestrelvale.example' },
  ryeford: { name: 'Ryeford Directory', url: 'https://ryeford.example.org/book' },
} as const;
export type MemberId = keyof typeof MEMBERS;

/** The third place's content: the fork book renamed, a degree north, with an extra category. */
export function ryefordBook(): string {
  const dir = tempFolder('ryeford');
  cpSync(FORK, dir, { recursive: true });
  const renames: [RegExp, string][] = [
    [/brackenford/g, 'ryeford-north'],
    [/Brackenford/g, 'Ryeford North'],
    [/harrow-cross/g, 'ryeford-south'],
    [/Harrow Cross/g, 'Ryeford South'],
    [/oakmere/g, 'ryeford-east'],
    [/Oakmere/g, 'Ryeford East'],
    [/kestrel-vale/g, 'ryeford'],
    [/Kestrel Vale/g, 'Ryeford'],
    [/kestrelvale/g, 'ryeford'],
    [/\b52\.(\d)/g, '53.$1'],
    [/\bKV(\d)/g, 'RY$1'],
  ];
  const rewrite = (file: string) => {
    let text = readFileSync(file, 'utf8');
    for (const [from, to] of renames) text = text.replace(from, to);
    writeFileSync(file, text);
  };
  for (const sub of ['entries', 'neighbourhoods']) {
    for (const name of readdirSync(join(dir, sub))) {
      let renamed = name;
      for (const [from, to] of renames.slice(0, 8)) renamed = renamed.replace(from, to);
      if (renamed !== name) renameSync(join(dir, sub, name), join(dir, sub, renamed));
      rewrite(join(dir, sub, renamed));
    }
  }
  rewrite(join(dir, 'site.yaml'));
  const site = join(dir, 'site.yaml');
  writeFileSync(site, readFileSync(site, 'utf8').replace(/^url: .*$/m, `url: ${MEMBERS.ryeford.url}`));
  // Its own category, which the region's vocabulary (the fork book's) does not have.
  writeFileSync(
    join(dir, 'categories.yaml'),
    `${readFileSync(join(dir, 'categories.yaml'), 'utf8')}- id: allotments\n  name: Allotments and growing\n  synonyms: [allotment, gardening]\n`,
  );
  const club = join(dir, 'entries', 'ryeford-east-friendship-club.md');
  writeFileSync(
    club,
    readFileSync(club, 'utf8').replace('categories: [meeting-people]', 'categories: [meeting-people, allotments]'),
  );
  return dir;
}

/** The region's content folder: the fork book's vocabulary, no entries, and region.yaml. */
export function regionContent(paths: Record<MemberId, string>): string {
  const dir = tempFolder('region-content');
  for (const f of ['site.yaml', 'categories.yaml']) cpSync(join(FORK, f), join(dir, f));
  cpSync(join(FORK, 'neighbourhoods'), join(dir, 'neighbourhoods'), { recursive: true });
  mkdirSync(join(dir, 'entries'));
  const site = join(dir, 'site.yaml');
  writeFileSync(
    site,
    readFileSync(site, 'utf8')
      .replace(/^url: .*$/m, 'url: https://region.example.org')
      .replace(/^title: .*$/m, 'title: Fixture Region')
      // The whole region in view: Kestrel Vale, Ryeford a degree north, Wigan to the north-west.
      .replace(/^bounds: .*$/m, 'bounds: [[52.0, -2.9], [53.7, -1.0]]')
      .replace(/^ {2}centre: .*$/m, '  centre: [52.85, -1.95]')
      .replace(/^ {2}zoom: .*$/m, '  zoom: 7'),
  );
  const members = (Object.keys(MEMBERS) as MemberId[])
    .map(
      (id) =>
        `  - id: ${id}\n    name: ${MEMBERS[id].name}\n    url: ${MEMBERS[id].url}\n    path: ${JSON.stringify(paths[id])}\n`,
    )
    .join('');
  writeFileSync(join(dir, 'region.yaml'), `members:\n${members}`);
  return dir;
}

/**
 * Builds the region of three books; `wigan` is a site already built from the sample book.
 * Returns each member's built site and the region's. Retries the one known transient failure of
 * parallel Astro builds on one checkout, as buildBook does.
 */
export function buildRegionOfThree(wigan: string, env: Record<string, string> = {}) {
  const kestrel = buildBook(FORK, 'region-kestrel', { env });
  const ryefordContent = ryefordBook();
  const ryeford = buildBook(ryefordContent, 'region-ryeford', { env });
  const content = regionContent({ wigan, 'kestrel-vale': kestrel, ryeford });
  const out = buildFolder('region-site');
  for (let attempt = 1; ; attempt++) {
    try {
      execFileSync('npm', ['run', '--silent', 'build:region'], {
        cwd: repoRoot,
        env: { ...process.env, BOOK_CONTENT: content, BOOK_OUT: out, BOOK_TODAY: BUILD_TODAY, ...env },
        stdio: 'pipe',
        maxBuffer: 64 * 1024 * 1024,
      });
      break;
    } catch (err) {
      const e = err as { stdout?: Buffer; stderr?: Buffer };
      const log = `${e.stdout?.toString() ?? ''}\n${e.stderr?.toString() ?? ''}`;
      if (attempt < 3 && /Cannot find module .*\.prerender/.test(log)) continue;
      throw new Error(`build:region failed:\n${log.slice(-4000)}`);
    }
  }
  return {
    sites: { wigan, 'kestrel-vale': kestrel, ryeford } as Record<MemberId, string>,
    out,
    made: [kestrel, ryeford, ryefordContent, content, out],
  };
}

/** Removes what buildRegionOfThree made. */
export function removeRegion(made: readonly string[]): void {
  for (const d of made) rmSync(d, { recursive: true, force: true });
}
