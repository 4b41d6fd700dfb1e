/**
 * `npm run bench:region`: a region of generated member books, built one after another as their
 * own CI runners would, then the region on top (issue 23), and measured in Chromium.
 *
 *   npm run bench:region -- --members 10 --size 10000 [--work .bench/region] [--browser] [--phone]
 *                           [--json FILE] [--keep]
 *
 * Each member is a synthetic book (scripts/content/generate.ts, seed = its number, so every
 * member has other entries) at its own address, built with the real `npm run build`, timed with
 * its peak memory (the whole process tree). Then the region (its own pages, the members' files
 * copied, the merged map, list data and feed: `npm run build:region`), timed the same way. With
 * `--browser`, the region's search and map are measured by `measure:search` and `measure:map`
 * against the built region (first search's bytes, warm keystrokes, map ready), and with
 * `--phone` on the phone profile too. Prints a table and writes JSON (`--json`, default
 * `<work>/region-<members>x<size>.json`). Members are reused from an earlier run of the same
 * size when `--keep` is given (their build times are then those of that run).
 * No pass/fail: timings on a shared machine are noisy; the figures are for docs/performance.md.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { measure, type Measured } from '../lib/measure';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const flag = (name: string) => args.includes(`--${name}`);
const members = Math.max(1, Number(option('members', '10')));
const size = Math.max(1, Number(option('size', '10000')));
const root = resolve('.');
const work = resolve(option('work', '.bench/region'));
const jsonOut = resolve(option('json', join(work, `region-${members}x${size}.json`)));
const tsx = join(root, 'node_modules/.bin/tsx');
const BOOK_TODAY = '2026-11-01';

function dirBytes(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) {
      const d = dirBytes(path);
      bytes += d.bytes;
      files += d.files;
    } else {
      bytes += st.size;
      files++;
    }
  }
  return { bytes, files };
}

/**
 * Runs a build, again (up to three times) on the one known transient failure: Astro builds run
 * at once on one checkout share `.astro/.prerender` (as tests/helpers/build.ts retries it).
 */
async function build(args: string[], env: NodeJS.ProcessEnv): Promise<Measured> {
  for (let attempt = 1; ; attempt++) {
    const m = await measure('npm', args, env);
    if (m.code === 0 || attempt >= 3 || !/Cannot find module .*\.prerender/.test(m.output)) return m;
    process.stdout.write('(Astro build clashed with another on this checkout; building again)\n');
  }
}

function ok(m: Measured, what: string): Measured {
  if (m.code !== 0) {
    process.stderr.write(`${what} failed (exit ${m.code}):\n${m.output.slice(-4000)}\n`);
    process.exit(1);
  }
  return m;
}

/** A book folder's site.yaml at another address and title. */
function readdress(dir: string, url: string, title: string) {
  const site = join(dir, 'site.yaml');
  writeFileSync(
    site,
    readFileSync(site, 'utf8')
      .replace(/^url: .*$/m, `url: ${url}`)
      .replace(/^title: .*$/m, `title: ${title}`),
  );
}

interface MemberRun {
  id: string;
  entries: number;
  seconds: number;
  peakMiB: number;
  siteMiB: number;
}

async function main() {
  mkdirSync(work, { recursive: true });
  const runs: MemberRun[] = [];
  for (let k = 1; k <= members; k++) {
    const id = `member-${k}`;
    const dir = join(work, `${size}`, id);
    const content = join(dir, 'content');
    const out = join(dir, 'dist');
    const timings = join(dir, 'run.json');
    if (flag('keep') && existsSync(join(out, 'index.html')) && existsSync(timings)) {
      runs.push(JSON.parse(readFileSync(timings, 'utf8')) as MemberRun);
      process.stdout.write(`${id}: kept from an earlier run\n`);
      continue;
    }
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const gen = spawnSync(
      tsx,
      ['scripts/content/generate.ts', '--count', String(size), '--out', content, '--seed', String(k)],
      {
        cwd: root,
        stdio: 'pipe',
      },
    );
    if (gen.status !== 0) throw new Error(`generate failed for ${id}:\n${gen.stderr.toString().slice(-2000)}`);
    readdress(content, `https://${id}.example.org`, `Member book ${k}`);
    const m = ok(
      await build(['run', '--silent', 'build'], {
        BOOK_CONTENT: content,
        BOOK_OUT: out,
        BOOK_TODAY,
        ASTRO_TELEMETRY_DISABLED: '1',
      }),
      `${id}'s build`,
    );
    const run = { id, entries: size, seconds: m.seconds, peakMiB: m.peakMiB, siteMiB: dirBytes(out).bytes / 2 ** 20 };
    writeFileSync(timings, JSON.stringify(run));
    runs.push(run);
    process.stdout.write(
      `${id}: ${size} entries built in ${m.seconds.toFixed(1)} s, peak ${m.peakMiB.toFixed(0)} MiB\n`,
    );
  }

  // The region: the sample book's vocabulary and neighbourhoods (every member's), no entries.
  const regionDir = join(work, `${size}`, `region-${members}`);
  const content = join(regionDir, 'content');
  const out = join(regionDir, 'dist');
  rmSync(regionDir, { recursive: true, force: true });
  mkdirSync(join(content, 'entries'), { recursive: true });
  const first = join(work, `${size}`, 'member-1', 'content');
  for (const f of readdirSync(first))
    if (f !== 'entries') cpSync(join(first, f), join(content, f), { recursive: true });
  readdress(content, 'https://region.example.org', `Region of ${members} books`);
  writeFileSync(
    join(content, 'region.yaml'),
    `members:\n${runs
      .map(
        (r) =>
          `  - id: ${r.id}\n    name: Member book ${r.id.slice(7)}\n    url: https://${r.id}.example.org\n    path: ${JSON.stringify(join(work, `${size}`, r.id, 'dist'))}\n`,
      )
      .join('')}`,
  );
  const region = ok(
    await build(['run', '--silent', 'build:region'], {
      BOOK_CONTENT: content,
      BOOK_OUT: out,
      BOOK_TODAY,
      ASTRO_TELEMETRY_DISABLED: '1',
    }),
    "the region's build",
  );
  const site = dirBytes(out);
  process.stdout.write(
    `region of ${members} × ${size}: built in ${region.seconds.toFixed(1)} s, peak ${region.peakMiB.toFixed(0)} MiB, ${site.files} files, ${(site.bytes / 2 ** 20).toFixed(0)} MiB\n`,
  );

  const browser: Record<string, unknown> = {};
  if (flag('browser')) {
    const measureJson = (script: string, extra: string[] = []) => {
      const file = join(regionDir, `${script}${extra.length ? '-phone' : ''}.json`);
      const r = spawnSync(tsx, [`scripts/bench/${script}.ts`, '--out', out, '--json', file, ...extra], {
        cwd: root,
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      // A measurement that cannot finish (the phone's map at 100,000 venues) is a figure too.
      if (r.status !== 0)
        return { failed: `${script}${extra.length ? ' --phone' : ''} did not finish (exit ${r.status})` };
      return JSON.parse(readFileSync(file, 'utf8')) as unknown;
    };
    browser.search = measureJson('measure-search');
    browser.map = measureJson('measure-map');
    if (flag('phone')) {
      browser.searchPhone = measureJson('measure-search', ['--phone']);
      browser.mapPhone = measureJson('measure-map', ['--phone']);
    }
  }

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30) },
    members,
    size,
    entries: members * size,
    memberBuilds: {
      medianSeconds: median(runs.map((r) => r.seconds)),
      maxSeconds: Math.max(...runs.map((r) => r.seconds)),
      maxPeakMiB: Math.max(...runs.map((r) => r.peakMiB)),
      each: runs,
    },
    region: { seconds: region.seconds, peakMiB: region.peakMiB, files: site.files, MiB: site.bytes / 2 ** 20 },
    browser,
  };
  mkdirSync(resolve(jsonOut, '..'), { recursive: true });
  writeFileSync(jsonOut, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`Written to ${jsonOut}\n`);
}

await main();
