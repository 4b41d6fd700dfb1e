/**
 * `npm run build:shards` on the fork book (tests/fixtures/fork-book: 3 neighbourhoods, 12
 * entries) in two shards, with the real builds: each shard's site has exactly its entries (every
 * entry in exactly one shard, none lost), the region's union feed has every service, a second
 * run with nothing changed skips both shards, and a changed entry rebuilds only its shard. Each
 * shard is built twice at most: the machine is slow.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/lib/content/front-matter';
import { BUILD_TODAY, removeBuild, repoRoot, tempFolder } from '../helpers/build';

const FORK = join(repoRoot, 'tests/fixtures/fork-book');
const SHARDS = {
  north: { url: 'https://north.kestrelvale.example', neighbourhoods: ['brackenford', 'harrow-cross'] },
  south: { url: 'https://example.github.io/south', neighbourhoods: ['oakmere'] },
} as const;
type ShardId = keyof typeof SHARDS;
const IDS = Object.keys(SHARDS) as ShardId[];

const book = tempFolder('shards-book');
const out = tempFolder('shards-out');
cpSync(FORK, book, { recursive: true });
writeFileSync(
  join(book, 'shards.yaml'),
  `url: https://directory.kestrelvale.example
whole_area: south
shards:
${IDS.map((id) => `  - id: ${id}\n    name: Kestrel Vale ${id}\n    url: ${SHARDS[id].url}\n    neighbourhoods: [${SHARDS[id].neighbourhoods.join(', ')}]\n`).join('')}`,
);

// The book is a git repository of its own: each entry's last_modified is its last commit's date,
// read from the book's history though the shard is built from another folder.
const COMMITTED = '2026-09-15T10:00:00.000Z';
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], {
    cwd: book,
    env: { ...process.env, GIT_AUTHOR_DATE: COMMITTED, GIT_COMMITTER_DATE: COMMITTED },
    stdio: 'pipe',
  });
git('init', '-q');
git('add', '.');
git('commit', '-qm', 'The book');

/** Every entry of the book with its front matter. */
const entries = () =>
  readdirSync(join(book, 'entries'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({
      id: f.slice(0, -3),
      data: readFrontMatter(readFileSync(join(book, 'entries', f), 'utf8')).data as {
        neighbourhoods: string[];
        status?: string;
        name: string;
      },
    }));
/** The shard an entry belongs to by the rules: its first neighbourhood's, whole-area ones to `whole_area`. */
const shardOf = (hoods: string[]): ShardId =>
  hoods[0] === 'borough-wide'
    ? 'south'
    : IDS.find((id) => (SHARDS[id].neighbourhoods as readonly string[]).includes(hoods[0]))!;

function buildShards(...args: string[]) {
  const r = spawnSync('npm', ['run', '--silent', 'build:shards', '--', '--out', out, ...args], {
    cwd: repoRoot,
    env: { ...process.env, BOOK_CONTENT: book, BOOK_TODAY: BUILD_TODAY, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const said = r.stdout
    .split('\n')
    .filter((l) => l.startsWith('build:shards: '))
    .map((l) => l.slice('build:shards: '.length));
  return { code: r.status, said, log: `${r.stdout}\n${r.stderr}` };
}
const site = (id: string) => join(out, 'shards', id);
const builtPages = (id: string) =>
  readdirSync(join(site(id), 'entries')).filter((f) => existsSync(join(site(id), 'entries', f, 'index.html')));
const stamp = (id: ShardId) => statSync(join(site(id), 'index.html')).mtimeMs;
const hashOf = (id: ShardId) => readFileSync(join(out, 'shards', `${id}.hash`), 'utf8').trim();

let first: ReturnType<typeof buildShards>;
beforeAll(() => {
  first = buildShards();
  if (first.code !== 0) throw new Error(`build:shards failed:\n${first.log.slice(-4000)}`);
}, 600_000);

afterAll(() => {
  for (const id of IDS) removeBuild(site(id));
  removeBuild(join(out, 'region'));
  rmSync(out, { recursive: true, force: true });
  rmSync(book, { recursive: true, force: true });
});

describe('npm run build:shards', { timeout: 600_000 }, () => {
  it('says what it built', () => {
    expect(first.said).toEqual([
      expect.stringMatching(/^Shard "north": built \(\d+ entries, hash [0-9a-f]{12}\)/),
      expect.stringMatching(/^Shard "south": built \(\d+ entries, hash [0-9a-f]{12}\)/),
      expect.stringMatching(/^Region of 2 shards: built into /),
    ]);
  });

  it("gives each shard's site exactly its entries: every entry in exactly one shard, none lost", () => {
    const all = entries();
    expect(all).toHaveLength(12);
    const pages = IDS.map(builtPages);
    for (const [k, id] of IDS.entries())
      expect(pages[k].sort(), id).toEqual(
        all
          .filter((e) => shardOf(e.data.neighbourhoods) === id)
          .map((e) => e.id)
          .sort(),
      );
    expect(pages.flat().sort()).toEqual(all.map((e) => e.id).sort());
    // Both shards have entries, and the one for the whole area has its whole-area entries.
    expect(pages.every((p) => p.length > 0)).toBe(true);
    expect(pages[1]).toEqual(expect.arrayContaining(['kestrel-vale-food-parcels', 'safe-at-home-helpline']));
    // Each shard is its own book: its address, its title.
    const south = readFileSync(join(site('south'), 'index.html'), 'utf8');
    expect(south).toContain('Kestrel Vale south');
    expect(south).toContain('/south/');
  });

  it("puts every shard's services in the region's union feed, ids unique, entry pages on their shard's site", () => {
    const feed = JSON.parse(readFileSync(join(out, 'region', 'openreferral', 'services.json'), 'utf8')) as {
      contents: { id: string; name: string; url: string }[];
    };
    const open = entries().filter((e) => e.data.status !== 'closed');
    expect(open.length).toBeGreaterThan(0);
    expect(feed.contents.map((s) => s.name).sort()).toEqual(open.map((e) => e.data.name).sort());
    // A service without a website of its own links to its entry page, on its own shard's site.
    for (const e of open) {
      const page = `/entries/${e.id}/`;
      const service = feed.contents.find((s) => s.name === e.data.name)!;
      if (service.url.endsWith(page)) expect(service.url).toBe(`${SHARDS[shardOf(e.data.neighbourhoods)].url}${page}`);
    }
    // Dates from the book's own history, not the day each entry was last verified.
    expect(feed.contents.map((s) => (s as { last_modified?: string }).last_modified)).toEqual(
      feed.contents.map(() => COMMITTED),
    );
    expect(new Set(feed.contents.map((s) => s.id)).size).toBe(feed.contents.length);
    const region = JSON.parse(readFileSync(join(out, 'region', 'region.json'), 'utf8')) as {
      members: { id: string }[];
    };
    expect(region.members.map((m) => m.id)).toEqual(IDS);
  });

  it('prints the matrix with the hash each shard was built from', () => {
    const matrix = JSON.parse(
      execFileSync('npx', ['tsx', 'scripts/build/shards.ts', '--matrix'], {
        cwd: repoRoot,
        env: { ...process.env, BOOK_CONTENT: book },
        encoding: 'utf8',
      }),
    ) as { include: { shard: string; name: string; hash: string }[] };
    expect(matrix.include).toEqual(IDS.map((id) => ({ shard: id, name: `Kestrel Vale ${id}`, hash: hashOf(id) })));
  });

  it('refuses --only with a shard that is not there, building nothing', () => {
    const r = buildShards('--only', 'north,west', '--no-region');
    expect(r.code).toBe(1);
    expect(r.log).toContain('--only names "west", which is not in shards.yaml. Fix: use north, south.');
  });

  it('skips both shards when nothing changed, and rebuilds only the shard of a changed entry', () => {
    const before = { north: stamp('north'), south: stamp('south') };
    const hashes = { north: hashOf('north'), south: hashOf('south') };
    const again = buildShards('--no-region');
    expect(again.code, again.log.slice(-2000)).toBe(0);
    expect(again.said).toEqual([
      expect.stringMatching(/^Shard "north": unchanged/),
      expect.stringMatching(/^Shard "south": unchanged/),
    ]);
    expect({ north: stamp('north'), south: stamp('south') }).toEqual(before);

    const file = join(book, 'entries', 'oakmere-swim-club.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^name: .*$/m, 'name: Oakmere Lido Swimmers'));
    const changed = buildShards('--no-region');
    expect(changed.code, changed.log.slice(-2000)).toBe(0);
    expect(changed.said).toEqual([
      expect.stringMatching(/^Shard "north": unchanged/),
      expect.stringMatching(/^Shard "south": built \(/),
    ]);
    expect(stamp('north')).toBe(before.north);
    expect(hashOf('north')).toBe(hashes.north);
    expect(hashOf('south')).not.toBe(hashes.south);
    expect(readFileSync(join(site('south'), 'entries', 'oakmere-swim-club', 'index.html'), 'utf8')).toContain(
      'Oakmere Lido Swimmers',
    );
  });
});
