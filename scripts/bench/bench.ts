/**
 * `npm run bench`: builds synthetic books of several sizes and measures, side by side,
 * - the floor: the same entries as bare Astro pages plus Pagefind (scripts/bench/floor), carrying
 *   what the full build's entry pages give Pagefind (the same text, filters, metadata, sorts and
 *   weights, cut out of the first full build: scripts/lib/indexed-html.ts), so the ratio measures
 *   the site's own cost, not a smaller index; and the old floor (name, summary and body only),
 *   kept beside it for one release so the change of floor is visible;
 * - the full build (`npm run build`, scripts/build/build.ts: validate, pages, index, map data, feeds,
 *   calendars, service worker);
 * - `npm run validate` against a bare front-matter parse of the same files;
 * - the size of the built site;
 * - in the browser (with --browser): first-search bytes, keystroke-to-results time and map
 *   load time, by the measure:search and measure:map scripts, on the 10k build.
 * Prints a table of medians and ratios, writes JSON to .bench/ (and docs/ with --docs, which
 * also rewrites the table in docs/performance.md). No pass/fail: timings on shared machines are
 * noisy, so the numbers are for people to read, never for tests to assert.
 *
 * Each ratio is the median of rounds: round i builds the full site, then the floor, then the old
 * floor (and times validate and then the bare parse), so the sides of a ratio meet the machine in
 * the same state. On a shared machine whose speed drifts from one minute to the next, this is what
 * keeps the ratio meaningful; --runs 3 gives three rounds.
 *
 *   npm run bench -- --sizes 1000,10000,50000 --runs 3 --browser --docs
 */
import { mkdirSync, readdirSync, statSync, writeFileSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { measure, median, type Measured } from '../lib/measure';
import { hasClass, indexedHtml } from '../lib/indexed-html';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const sizes = option('sizes', '1000,10000,50000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const runs = Math.max(1, Number(option('runs', '1')));
const root = resolve('.');
const work = resolve(option('work', '.bench'));
const tsx = join(root, 'node_modules/.bin/tsx');
const bundled = join(root, 'scripts/lib/bundled.mjs');
const astro = join(root, 'node_modules/.bin/astro');
const pagefind = join(root, 'node_modules/.bin/pagefind');

function dirBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path);
    total += st.isDirectory() ? dirBytes(path) : st.size;
  }
  return total;
}

/** The size of every Pagefind folder a built site holds (one, or one per part of the index). */
function indexBytes(site: string): number {
  return readdirSync(site)
    .filter((name) => /^pagefind(-\d+)?$/.test(name) && statSync(join(site, name)).isDirectory())
    .reduce((sum, name) => sum + dirBytes(join(site, name)), 0);
}

function check(m: Measured, what: string): Measured {
  if (m.code !== 0) {
    console.error(`\n${what} failed (exit ${m.code}): ${m.command}\n${m.output}`);
    process.exit(1);
  }
  return m;
}

/** Two steps measured as one: wall time adds up, peak memory is the larger. */
function sequence(a: Measured, b: Measured): Measured {
  return {
    command: `${a.command} && ${b.command}`,
    seconds: a.seconds + b.seconds,
    peakMiB: Math.max(a.peakMiB, b.peakMiB),
    code: a.code || b.code,
    output: b.output,
  };
}

interface Summary {
  seconds: number;
  peakMiB: number;
  runs: number[];
}

/** Median time and highest peak of some runs. */
function summary(all: Measured[]): Summary {
  return {
    seconds: median(all.map((m) => m.seconds)),
    peakMiB: Math.max(...all.map((m) => m.peakMiB)),
    runs: all.map((m) => +m.seconds.toFixed(2)),
  };
}

/**
 * Runs the steps one after another, `times` rounds over (a b c a b c …, never a a b b), and returns
 * each step's summary and, for every step after the first, the median of the per-round ratios
 * first ÷ that step (each round's steps meet the machine in the same state).
 */
async function rounds(
  times: number,
  steps: (() => Promise<Measured>)[],
): Promise<{ summaries: Summary[]; ratios: { median: number; each: number[] }[] }> {
  const all: Measured[][] = steps.map(() => []);
  for (let i = 0; i < times; i++) for (let k = 0; k < steps.length; k++) all[k].push(await steps[k]());
  const ratios = all.slice(1).map((ms) => {
    const each = ms.map((m, i) => all[0][i].seconds / m.seconds);
    return { median: median(each), each: each.map((r) => +r.toFixed(3)) };
  });
  return { summaries: all.map(summary), ratios };
}

interface Row {
  entries: number;
  /** The floor with the entry pages' indexed text (scripts/bench/floor with BOOK_FLOOR_INDEXED). */
  floor: Summary;
  /** The floor before 2 December: name, summary and body only (kept beside the new one for a release). */
  oldFloor: Summary;
  full: Summary;
  /** Median of the per-round ratios full ÷ floor (each round built one after the other). */
  fullOverFloor: number;
  fullOverOldFloor: number;
  validate: Summary;
  bareParse: Summary;
  /** Median of the per-pair ratios validate ÷ bare parse. */
  validateOverParse: number;
  /** Each step of the full build: median time, highest peak. */
  steps: Record<string, { seconds: number; peakMiB: number }>;
  distMiB: number;
  floorDistMiB: number;
  /** Pagefind's index folder, full build and indexed floor: the same text should index alike. */
  indexMiB: { full: number; floor: number; oldFloor: number };
  browser?: Record<string, unknown>;
}

const rows: Row[] = [];
mkdirSync(work, { recursive: true });
const madeDirs: string[] = [];
/**
 * A site folder for one build: new, and removed at the end of the run (see below). Its build
 * cache (content layer, in node_modules; a few files) is removed now, so every build is cold.
 */
function fresh(dir: string, cache = join(root, 'node_modules', `.astro-${dir.replace(/[^a-z0-9]+/gi, '-')}`)): string {
  rmSync(dir, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  madeDirs.push(dir, cache);
  return dir;
}
for (const n of sizes) {
  const book = join(work, `book-${n}`);
  const outFull = join(work, `out-full-${n}`);
  const outFloor = join(work, `out-floor-${n}`);
  const outOldFloor = join(work, `out-old-floor-${n}`);
  process.stdout.write(`\n${n} entries: generating…`);
  check(
    await measure(tsx, ['scripts/content/generate.ts', '--count', String(n), '--out', book, '--seed', '42']),
    'generate',
  );
  const env = { BOOK_CONTENT: book, BOOK_TODAY: '2026-11-01' };

  // The floors: bare Astro pages indexed by Pagefind. The indexed floor's pages carry what the
  // full build's entry pages give Pagefind, cut out of the first full build (untimed; see
  // scripts/lib/indexed-html.ts); the old floor's carry the name, summary and body only.
  const indexedDir = join(work, `floor-indexed-${n}`);
  const floorRuns = { indexed: 0, old: 0 };
  const floorBuild = (kind: 'indexed' | 'old') => async () => {
    process.stdout.write(kind === 'indexed' ? ' floor…' : ' old floor…');
    const out = fresh(
      `${kind === 'indexed' ? outFloor : outOldFloor}-${++floorRuns[kind]}`,
      join(root, 'node_modules', '.astro-floor'),
    );
    const floorEnv = { ...env, BOOK_OUT: out, ...(kind === 'indexed' ? { BOOK_FLOOR_INDEXED: indexedDir } : {}) };
    const build = check(
      await measure(astro, ['build', '--root', 'scripts/bench/floor', '--silent'], floorEnv),
      `${kind} floor astro build`,
    );
    const index = check(await measure(pagefind, ['--site', out, '--silent']), `${kind} floor pagefind`);
    return sequence(build, index);
  };
  const cutIndexedText = (site: string) => {
    if (existsSync(indexedDir)) return;
    process.stdout.write(' (the indexed text…)');
    mkdirSync(indexedDir, { recursive: true });
    madeDirs.push(indexedDir);
    for (const file of readdirSync(join(book, 'entries'))) {
      const id = file.replace(/\.md$/, '');
      const html = readFileSync(join(site, 'entries', id, 'index.html'), 'utf8');
      const part = indexedHtml(html, (tag) => hasClass(tag, 'prose'));
      if (part === null) throw new Error(`entries/${id}/index.html has no data-pagefind-body`);
      writeFileSync(join(indexedDir, `${id}.html`), part);
    }
  };

  // `npm run build` (scripts/build/build.ts) as one command: its steps overlap (the validator runs
  // beside astro build), so the total is measured whole, time and peak memory of the process
  // tree; each step's start, end and peak come from the script's own timings file.
  let fullRun = 0;
  const steps: Record<string, Measured[]> = { validate: [], astro: [], pagefind: [], serviceWorker: [] };
  const fullBuild = async () => {
    process.stdout.write(' full…');
    const out = fresh(`${outFull}-${++fullRun}`);
    const timings = join(work, `timings-${n}-${fullRun}.json`);
    const m = check(
      await measure(tsx, ['scripts/build/build.ts'], { ...env, BOOK_OUT: out, BOOK_BUILD_TIMINGS: timings }),
      'npm run build',
    );
    const t = JSON.parse(readFileSync(timings, 'utf8')) as {
      steps: { name: string; start: number; end: number; peakMiB: number }[];
    };
    for (const name of Object.keys(steps)) {
      // Pagefind in parts: the parts' times add up, the peak is the largest part's.
      const mine = t.steps.filter((x) => x.name === name || x.name.startsWith(`${name} `));
      steps[name].push({
        command: name,
        seconds: mine.reduce((sum, x) => sum + (x.end - x.start), 0),
        peakMiB: Math.max(0, ...mine.map((x) => x.peakMiB)),
        code: 0,
        output: '',
      });
    }
    cutIndexedText(out);
    return m;
  };
  const builds = await rounds(runs, [fullBuild, floorBuild('indexed'), floorBuild('old')]);

  // Both run the way `npm run validate` does (scripts/lib/bundled.mjs: one bundled file on plain Node),
  // so neither pays for loading TypeScript and the ratio is the checking alone. Each is run once
  // first, untimed, so that the bundles are made before the pairs (a volunteer pays that once per
  // change to the code, about 0.2 s).
  process.stdout.write(' validate…');
  const bareParse = [bundled, 'scripts/bench/bare-parse.ts', book];
  const validate = [bundled, 'scripts/content/validate.ts', '--quiet'];
  check(await measure(process.execPath, bareParse), 'bare parse (warm-up)');
  check(await measure(process.execPath, validate, env), 'validate (warm-up)');
  const checks = await rounds(Math.max(runs, 3), [
    async () => check(await measure(process.execPath, validate, env), 'validate'),
    async () => check(await measure(process.execPath, bareParse), 'bare parse'),
  ]);

  const row: Row = {
    entries: n,
    full: builds.summaries[0],
    floor: builds.summaries[1],
    oldFloor: builds.summaries[2],
    fullOverFloor: builds.ratios[0].median,
    fullOverOldFloor: builds.ratios[1].median,
    validate: checks.summaries[0],
    bareParse: checks.summaries[1],
    validateOverParse: checks.ratios[0].median,
    steps: Object.fromEntries(
      Object.entries(steps).map(([k, ms]) => [
        k,
        { seconds: median(ms.map((m) => m.seconds)), peakMiB: Math.max(...ms.map((m) => m.peakMiB)) },
      ]),
    ),
    distMiB: dirBytes(`${outFull}-1`) / 1024 / 1024,
    floorDistMiB: dirBytes(`${outFloor}-1`) / 1024 / 1024,
    indexMiB: {
      full: indexBytes(`${outFull}-1`) / 1024 / 1024,
      floor: indexBytes(`${outFloor}-1`) / 1024 / 1024,
      oldFloor: indexBytes(`${outOldFloor}-1`) / 1024 / 1024,
    },
  };
  if (flag('browser') && n === 10000) {
    row.browser = {};
    for (const [name, script] of [
      ['search', 'scripts/bench/measure-search.ts'],
      ['map', 'scripts/bench/measure-map.ts'],
    ] as const) {
      if (!existsSync(script)) continue;
      process.stdout.write(` ${name} in Chromium…`);
      const m = await measure(tsx, [script, '--out', `${outFull}-1`, '--json', join(work, `${name}-${n}.json`)], env);
      if (m.code === 0 && existsSync(join(work, `${name}-${n}.json`)))
        row.browser[name] = JSON.parse(readFileSync(join(work, `${name}-${n}.json`), 'utf8'));
      else row.browser[name] = { error: m.output.slice(-500) };
    }
  }
  rows.push(row);
  console.log(' done');
}

// Built sites are removed only now. Every build writes into a folder never used before, and
// nothing is deleted while builds are timed: on ext4, creating tens of thousands of files just
// after deleting tens of thousands is slowed by the kernel's inode allocator (it steps over
// recently deleted inodes), which made repeated builds here 30-60% slower, run after run.
if (!flag('keep')) for (const dir of madeDirs) rmSync(dir, { recursive: true, force: true });

const f = (x: number, d = 1) => x.toFixed(d);
const lines = [
  '| entries | floor build | old floor build | full build | full ÷ floor | full ÷ old floor | floor peak | full peak | validate | bare parse | validate ÷ parse | dist/ |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.entries.toLocaleString('en-GB')} | ${f(r.floor.seconds)} s | ${f(r.oldFloor.seconds)} s | ${f(r.full.seconds)} s | **${f(r.fullOverFloor, 2)}×** | ${f(r.fullOverOldFloor, 2)}× | ${f(r.floor.peakMiB, 0)} MiB | ${f(r.full.peakMiB, 0)} MiB | ${f(r.validate.seconds, 2)} s | ${f(r.bareParse.seconds, 2)} s | **${f(r.validateOverParse, 2)}×** | ${f(r.distMiB, 0)} MiB |`,
  ),
  '',
  "The search index (Pagefind's folder) of each: the indexed floor should come close to the full build's.",
  '',
  '| entries | full build | floor | old floor |',
  '|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.entries.toLocaleString('en-GB')} | ${f(r.indexMiB.full)} MiB | ${f(r.indexMiB.floor)} MiB | ${f(r.indexMiB.oldFloor)} MiB |`,
  ),
];
lines.push(
  '',
  'The full build step by step (`npm run build`), time and peak memory:',
  '',
  '| entries | validate | astro build | pagefind | service worker |',
  '|---:|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.entries.toLocaleString('en-GB')} | ${['validate', 'astro', 'pagefind', 'serviceWorker'].map((k) => `${f(r.steps[k].seconds)} s, ${f(r.steps[k].peakMiB, 0)} MiB`).join(' | ')} |`,
  ),
);
const table = lines.join('\n');
console.log(`\n${table}\n`);
for (const r of rows) if (r.browser) console.log(`browser (${r.entries}):`, JSON.stringify(r.browser));

const result = {
  machine: { cpus: cpus().length, memoryGiB: +(totalmem() / 2 ** 30).toFixed(1), node: process.version },
  runs,
  rows,
};
writeFileSync(join(work, 'results.json'), JSON.stringify(result, null, 2));
if (flag('docs')) {
  writeFileSync('docs/bench-results.json', JSON.stringify(result, null, 2) + '\n');
  const doc = readFileSync('docs/performance.md', 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const machine = `Measured on ${result.machine.cpus} cores, ${result.machine.memoryGiB} GiB, Node ${result.machine.node}; median of ${runs} run(s) for builds, ${Math.max(runs, 3)} for validate; each ratio is the median of rounds run one after another (full build, floor, old floor; validate, bare parse).`;
  const next = doc.includes(start)
    ? doc.replace(new RegExp(`${start}[\\s\\S]*?${end}`), `${start}\n${machine}\n\n${table}\n${end}`)
    : `${doc}\n${start}\n${machine}\n\n${table}\n${end}\n`;
  writeFileSync('docs/performance.md', next);
  console.log('Wrote docs/bench-results.json and the table in docs/performance.md');
}
