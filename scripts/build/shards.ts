/**
 * `npm run build:shards`: one big book built as shards, with a region on top.
 *
 * Reads `shards.yaml` from the content folder (`content/`, or BOOK_CONTENT; src/schema/shards.ts)
 * and plans which entries each shard gets (src/lib/region/shards.ts). Then, into the output folder
 * (`dist-shards/`, or BOOK_OUT, or --out):
 *
 *   content/<id>/      each shard's content folder: the book's site.yaml with the shard's url and
 *                      title, the book's categories, vocabulary and messages, its neighbourhoods,
 *                      and hard links to its entries (copies where links cannot be made)
 *   shards/<id>/       each shard's site, built with the real `npm run build`, one after another
 *   shards/<id>.hash   the content hash it was built from: a shard whose hash is unchanged is not
 *                      built again (the GitHub workflow keys its cache on the same hash)
 *   content/region/    the region's content folder: the book's vocabulary and neighbourhoods, no
 *                      entries, region.yaml listing the shards with `path:` at their sites
 *   region/            the region, built with `npm run build:region`
 *
 * Options:
 *   --only a,b       build only these shards (the region step still needs every shard's site)
 *   --no-region      build the shards only (the workflow's matrix jobs)
 *   --region-only    build the region only, from shards already built (the workflow's last job)
 *   --force          build the shards even when their hash is unchanged
 *   --matrix         print the workflow's matrix (every shard's id, name and hash) as JSON, and stop
 *   --out <dir>      the output folder
 *
 * The hash covers the shard's content files, its site.yaml and the code that builds it (src/,
 * scripts/, public/, the package files and astro.config.mjs), so a new version of Community Book
 * builds every shard again. It does not cover the day of the build (BOOK_TODAY).
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentDir } from '../../src/server/content-paths';
import { neighbourhoodIds } from '../../src/server/content-files';
import { RegionError, REGION_FILE } from '../../src/server/region';
import { SHARDS_FILE, readShards, shardEntries } from '../../src/server/shards';
import {
  chooseShards,
  planShards,
  regionYamlFor,
  shardMatrix,
  siteYamlFor,
  type ShardPlan,
} from '../../src/lib/region/shards';
import type { ShardsConfig } from '../../src/schema/shards';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

/** The files and folders of the code that builds a shard: a change to any builds every shard again. */
const CODE = ['src', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];
/** What the book's content folder holds that is not copied as it is into a shard's (nor hidden files: `.git`). */
const NOT_COPIED = new Set(['entries', 'neighbourhoods', 'site.yaml', SHARDS_FILE, REGION_FILE]);

const copied = (name: string) => !name.startsWith('.') && !NOT_COPIED.has(name);

const USAGE = `Usage: npm run build:shards [-- [--only a,b] [--no-region | --region-only] [--force] [--matrix] [--out <dir>]]
`;

export interface ShardsOptions {
  only?: string[];
  region: boolean;
  shards: boolean;
  force: boolean;
  matrix: boolean;
  out: string;
}

/** The command line's options; throws a RegionError for one it does not know. */
export function parseArgs(argv: readonly string[], env = process.env): ShardsOptions {
  const o: ShardsOptions = {
    region: true,
    shards: true,
    force: false,
    matrix: false,
    out: resolve(root, env.BOOK_OUT ?? 'dist-shards'),
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new RegionError(`${flag} needs a value.\n${USAGE}`);
      return v;
    };
    if (flag === '--') continue;
    else if (flag === '--only')
      o.only = value()
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    else if (flag === '--no-region') o.region = false;
    else if (flag === '--region-only') o.shards = false;
    else if (flag === '--force') o.force = true;
    else if (flag === '--matrix') o.matrix = true;
    else if (flag === '--out') o.out = resolve(value());
    else throw new RegionError(`Unknown option ${argv[i]}.\n${USAGE}`);
  }
  if (!o.region && !o.shards) throw new RegionError(`--no-region and --region-only leave nothing to build.\n${USAGE}`);
  return o;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** Every file under `path` (or `path` itself), relative to `base`, sorted; no hidden ones (`.git`, `.DS_Store`). */
function filesUnder(path: string, base: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [relative(base, path)];
  return readdirSync(path)
    .filter((name) => !name.startsWith('.'))
    .sort()
    .flatMap((name) => filesUnder(join(path, name), base));
}

let codeHash: string | undefined;
/** The fingerprint of the code that builds the shards. */
function codeFingerprint(): string {
  codeHash ??= sha256(
    CODE.flatMap((p) => filesUnder(join(root, p), root))
      .map((f) => `${f}\0${sha256(readFileSync(join(root, f)))}\n`)
      .join(''),
  );
  return codeHash;
}

/** The files of a shard's content folder: [path in the folder, path in the book]. */
function shardFiles(dir: string, plan: ShardPlan): [string, string][] {
  const shared = readdirSync(dir)
    .filter(copied)
    .sort()
    .flatMap((name) => filesUnder(join(dir, name), dir));
  return [
    ...shared.map((f): [string, string] => [f, join(dir, f)]),
    ...plan.neighbourhoods.map((n): [string, string] => [
      `neighbourhoods/${n}.yaml`,
      join(dir, 'neighbourhoods', `${n}.yaml`),
    ]),
    ...plan.entries.map((id): [string, string] => [`entries/${id}.md`, join(dir, 'entries', `${id}.md`)]),
  ];
}

/** A shard's site.yaml: the book's with the shard's address and its name as title. */
const shardSite = (dir: string, plan: ShardPlan) =>
  siteYamlFor(readFileSync(join(dir, 'site.yaml'), 'utf8'), { url: plan.shard.url, title: plan.shard.name });

/** The hash a shard's build is keyed by: its content folder's files and the code. */
export function shardHash(dir: string, plan: ShardPlan): string {
  const lines = [`community-book shards 1`, `code\0${codeFingerprint()}`, `site.yaml\0${sha256(shardSite(dir, plan))}`];
  for (const [path, from] of shardFiles(dir, plan)) lines.push(`${path}\0${sha256(readFileSync(from))}`);
  return sha256(lines.join('\n'));
}

/** Writes a shard's content folder afresh: links to the book's files where it can, copies elsewhere. */
function writeShardContent(dir: string, plan: ShardPlan, to: string): void {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(join(to, 'entries'), { recursive: true });
  mkdirSync(join(to, 'neighbourhoods'), { recursive: true });
  for (const [path, from] of shardFiles(dir, plan)) {
    const dest = join(to, path);
    mkdirSync(join(dest, '..'), { recursive: true });
    try {
      linkSync(from, dest);
    } catch {
      copyFileSync(from, dest);
    }
  }
  writeFileSync(join(to, 'site.yaml'), shardSite(dir, plan));
}

/** The region's content folder: the book's vocabulary and neighbourhoods, no entries, the shards as members. */
function writeRegionContent(dir: string, config: ShardsConfig, to: string, siteOf: (id: string) => string): void {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(join(to, 'entries'), { recursive: true });
  for (const name of readdirSync(dir))
    if (copied(name) || name === 'neighbourhoods')
      cpSync(join(dir, name), join(to, name), {
        recursive: true,
        filter: (from) => !basename(from).startsWith('.'),
      });
  writeFileSync(
    join(to, 'site.yaml'),
    siteYamlFor(readFileSync(join(dir, 'site.yaml'), 'utf8'), { url: config.url, title: config.title }),
  );
  writeFileSync(join(to, REGION_FILE), regionYamlFor(config, siteOf));
}

/** Runs one of the project's build scripts with a content folder and an output folder. */
function run(script: string, content: string, out: string, what: string, env: NodeJS.ProcessEnv = {}): void {
  const r = spawnSync(tsx, [join(root, script)], {
    cwd: root,
    env: { ...process.env, ...env, BOOK_CONTENT: content, BOOK_OUT: out },
    stdio: 'inherit',
  });
  if (r.status !== 0)
    throw new RegionError(`${what} did not build (${script} of ${content} stopped; its messages are above).`);
}

/** Everything build:shards does; returns what it did, a line a step. `say` reports as it goes. */
export function buildShards(dir: string, o: ShardsOptions, say: (line: string) => void = () => {}): string[] {
  const config = readShards(dir);
  const { shards: plans, problems } = planShards(config, {
    neighbourhoods: neighbourhoodIds(dir),
    entries: shardEntries(dir),
  });
  if (problems.length) throw new RegionError(problems.join('\n'));
  const { chosen, problem } = chooseShards(plans, o.only);
  if (problem) throw new RegionError(problem);
  const done: string[] = [];
  const tell = (line: string) => {
    done.push(line);
    say(line);
  };
  const siteOf = (id: string) => join(o.out, 'shards', id);
  const hashFile = (id: string) => join(o.out, 'shards', `${id}.hash`);

  if (o.shards)
    for (const plan of chosen) {
      const { id } = plan.shard;
      const hash = shardHash(dir, plan);
      const count = `${plan.entries.length} ${plan.entries.length === 1 ? 'entry' : 'entries'}`;
      const built =
        existsSync(join(siteOf(id), 'index.html')) &&
        existsSync(hashFile(id)) &&
        readFileSync(hashFile(id), 'utf8').trim() === hash;
      if (built && !o.force) {
        tell(`Shard "${id}": unchanged (hash ${hash.slice(0, 12)}), not built again (${count}).`);
        continue;
      }
      const content = join(o.out, 'content', id);
      writeShardContent(dir, plan, content);
      rmSync(hashFile(id), { force: true });
      run('scripts/build/build.ts', content, siteOf(id), `Shard "${id}"`, {
        BOOK_ENTRIES_HISTORY: join(dir, 'entries'),
      });
      writeFileSync(hashFile(id), `${hash}\n`);
      tell(`Shard "${id}": built (${count}, hash ${hash.slice(0, 12)}) into ${relative(process.cwd(), siteOf(id))}.`);
    }

  if (o.region) {
    const missing = config.shards.filter((s) => !existsSync(join(siteOf(s.id), 'index.html'))).map((s) => s.id);
    if (missing.length)
      throw new RegionError(
        `The region needs every shard's site, and ${missing.map((id) => `"${id}"`).join(', ')} ${missing.length === 1 ? 'has' : 'have'} none in ${relative(process.cwd(), join(o.out, 'shards'))}. Fix: build ${missing.length === 1 ? 'it' : 'them'} first (npm run build:shards -- --only ${missing.join(',')} --no-region).`,
      );
    const content = join(o.out, 'content', 'region');
    writeRegionContent(dir, config, content, siteOf);
    run('scripts/build/region.ts', content, join(o.out, 'region'), 'The region');
    tell(
      `Region of ${config.shards.length} ${config.shards.length === 1 ? 'shard' : 'shards'}: built into ${relative(process.cwd(), join(o.out, 'region'))}.`,
    );
  }
  return done;
}

/** The workflow's matrix: every shard with its hash. */
export function matrixOf(dir: string): ReturnType<typeof shardMatrix> {
  const config = readShards(dir);
  const { shards: plans, problems } = planShards(config, {
    neighbourhoods: neighbourhoodIds(dir),
    entries: shardEntries(dir),
  });
  if (problems.length) throw new RegionError(problems.join('\n'));
  return shardMatrix(plans.map((p) => ({ id: p.shard.id, name: p.shard.name, hash: shardHash(dir, p) })));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const argv = process.argv.slice(2);
    if (argv.includes('--help')) process.stdout.write(USAGE);
    else {
      const o = parseArgs(argv);
      if (o.matrix) process.stdout.write(`${JSON.stringify(matrixOf(contentDir()))}\n`);
      else buildShards(contentDir(), o, (line) => process.stdout.write(`build:shards: ${line}\n`));
    }
  } catch (err) {
    const known = err instanceof RegionError || (err instanceof Error && /Fix: /.test(err.message));
    process.stderr.write(
      `build:shards: ${known ? (err as Error).message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = 1;
  }
}
