/**
 * `npm run bench:import [-- --rows 10000 --runs 3]`: a generated spreadsheet with the mess real
 * ones have (day/time text in many phrasings, missing postcodes, repeated rows, odd capitals,
 * trailing spaces, dates written three ways, blank rows, notes in merged cells) imported into an
 * empty copy of the sample book (a new one each run); then `npm run validate` over the entries it
 * wrote. Prints each run and the medians of wall and CPU time (user and system, of the process and
 * its threads) and their ratios, checks the report accounts for every row, and writes
 * docs/bench-import.json. No timed asserts: the goal (import at most 3 × validate) is read from
 * the file and docs/performance.md.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFrontMatter } from '../../src/lib/content/front-matter';
import { measure, median } from '../lib/measure';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg('--rows', 10_000);
const RUNS = arg('--runs', 3);
const work = join(root, '.bench', 'import');
const sample = join(root, 'tests', 'fixtures', 'sample-book');

/** A small deterministic random number generator (mulberry32), so every run imports the same sheet. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Venue = { name: string; address: string; postcode: string; lat: number; lng: number };

function venuesOfSample(): Venue[] {
  const dir = join(sample, 'entries');
  const out = new Map<string, Venue>();
  for (const f of readdirSync(dir))
    for (const v of (readFrontMatter(readFileSync(join(dir, f), 'utf8')).data as { venues?: Venue[] }).venues ?? [])
      out.set(v.postcode, v);
  return [...out.values()];
}

const WHEN = [
  'Tuesdays 10am–12',
  'Tues & Thurs 10-12',
  '2nd and 4th Monday, 1.30-3pm',
  'Mon-Fri 9am-5pm',
  'last Friday of the month, 7pm',
  'Wednesdays 9.30am-12.30pm',
  'Every Thursday 2-4pm except bank holidays',
  'Monday 10am-12 term time only',
  'Saturdays 10am',
  '1st & 3rd Tue 6.30pm-8pm',
  'Weds 12 noon - 1.30',
  'Sun 11:00-13:00',
  'By appointment',
  'Fridays 10-12, and Mondays 1-3',
];
const COSTS = ['Free', '£2.50', '£3 per session', 'free', 'Donation', '£1.50 a week', '£2 (£1 concessions)', ''];
const WORDS = [
  'Knit',
  'Natter',
  'Walk',
  'Talk',
  'Chair',
  'Yoga',
  'Coffee',
  'Carers',
  'Toddler',
  'Tunes',
  "Men's",
  'Shed',
  'Craft',
  'Garden',
  'Choir',
  'Dance',
  'Chess',
  'Reading',
  'Bingo',
  'Lunch',
];
const CATS = ['Crafts', 'Exercise', 'Social', 'Walking', 'Baby and toddler', 'Food', 'Carers'];
const AREAS = [
  'Hindley',
  'Leigh',
  'Wigan Central',
  'Wigan North',
  'Wigan West',
  'Ashton and Golborne',
  'Atherton and Tyldesley',
  '',
];

function csvCell(v: string): string {
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function generate(rows: number): void {
  const r = rng(21);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const venues = venuesOfSample();
  const head = [
    'Ref',
    'Group name',
    'What happens',
    'Category',
    'Area',
    'Venue',
    'Address',
    'Postcode',
    'Lat',
    'Long',
    'Day and time',
    'Cost',
    'Phone',
    'Email',
    'Last checked',
    'Notes',
  ];
  const lines = [head.join(',')];
  let last: string[] = [];
  for (let i = 1; i <= rows; i++) {
    const roll = r();
    if (roll < 0.01) {
      lines.push(','.repeat(head.length - 1)); // a blank row
      continue;
    }
    if (roll < 0.02) {
      lines.push(`${','.repeat(head.length - 1)}${csvCell('Note: ring first in the school holidays.')}`); // a merged note
      continue;
    }
    if (roll < 0.04 && last.length) {
      lines.push(last.map(csvCell).join(',')); // a repeated row
      continue;
    }
    const v = pick(venues);
    let name = `${pick(WORDS)} ${pick(WORDS)} ${i}`;
    if (r() < 0.05) name = name.toUpperCase();
    if (r() < 0.1) name = `${name}  `;
    const day = 1 + Math.floor(r() * 27);
    const month = 1 + Math.floor(r() * 10);
    const date = [
      `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      `${day}/${month}/2026`,
      `${day} ${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October'][month - 1]} 2026`,
    ][i % 3];
    const noPostcode = r() < 0.03;
    const noCoords = !noPostcode && r() < 0.2;
    const row = [
      `R${i}`,
      name,
      `${name.trim()} meets for ${pick(['a chat', 'a cuppa', 'company', 'some exercise'])}.`,
      pick(CATS),
      pick(AREAS),
      v.name,
      v.address,
      noPostcode ? '' : r() < 0.3 ? v.postcode.toLowerCase().replace(' ', '') : v.postcode,
      noCoords ? '' : String(v.lat),
      noCoords ? '' : String(v.lng),
      pick(WHEN),
      pick(COSTS),
      r() < 0.7 ? `01942 ${String(100000 + Math.floor(r() * 899999))}` : '',
      r() < 0.5 ? `group${i}@example.org` : '',
      date,
      r() < 0.2 ? 'Tea and biscuits provided.' : '',
    ];
    if (!row[12] && !row[13]) row[13] = `hello${i}@example.org`;
    last = row;
    lines.push(row.map(csvCell).join(','));
  }
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, 'sheet.csv'), `${lines.join('\n')}\n`);
  writeFileSync(
    join(work, 'postcodes.csv'),
    `pcds,lat,long\n${venues.map((v) => `${v.postcode},${v.lat},${v.lng}`).join('\n')}\n`,
  );
  writeFileSync(
    join(work, 'mapping.yaml'),
    `columns:\n  id: Ref\n  name: Group name\n  summary: What happens\n  body: Notes\n  categories: Category\n  neighbourhoods: Area\n  venue_name: Venue\n  address: Address\n  postcode: Postcode\n  lat: Lat\n  lng: Long\n  when: Day and time\n  cost: Cost\n  phone: Phone\n  email: Email\n  last_verified: Last checked\nvalues:\n  categories: { Crafts: hobbies-and-crafts, Exercise: physical-activity, Social: social-connection, Baby and toddler: baby-and-toddler, Carers: carers-groups }\n  neighbourhoods: { Hindley: hindley-and-abram }\ndefaults:\n  join: [drop-in]\n`,
  );
}

/**
 * CPU seconds (user and system) used so far by this process's finished children, from
 * /proc/self/stat (cutime, cstime; Linux counts them in hundredths of a second). Less moved than
 * the wall time by other work on a shared machine.
 */
function childCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[13]) + Number(f[14])) / 100;
}

/** The books of earlier runs, moved out of the way (a rename) to be deleted after this run's timings. */
function setAside(): string {
  const aside = join(work, `old-${Date.now()}`);
  for (const name of existsSync(work) ? readdirSync(work) : [])
    if (/^(?:book(?:-\d+)?|old-\d+)$/.test(name)) {
      mkdirSync(aside, { recursive: true });
      renameSync(join(work, name), join(aside, name));
    }
  return aside;
}

async function main() {
  generate(ROWS);
  // Each run imports into a new book, and nothing is deleted until every run is timed: ext4 gives
  // a new file an inode by skipping, one at a time, those freed in the last minutes, so creating
  // 10,000 files just after deleting 10,000 costs seconds of kernel time that no import into a
  // new book pays (docs/performance.md, "Import").
  const aside = setAside();
  const runner = join(root, 'scripts/lib/bundled.mjs');
  // Bundled once before timing (the runner makes a script's bundle again after a change).
  for (const script of ['scripts/import/import.ts', 'scripts/content/validate.ts'])
    await measure(process.execPath, [runner, join(root, script), '--help']);
  const imports: number[] = [];
  const validates: number[] = [];
  const importCpu: number[] = [];
  const validateCpu: number[] = [];
  let report: { summary: { records: number; imported: number; notImported: number; duplicates: number } } | undefined;
  let peak = 0;
  const books: string[] = [];
  for (let run = 0; run < RUNS; run++) {
    const book = join(work, `book-${run + 1}`);
    books.push(book);
    for (const f of ['site.yaml', 'categories.yaml', 'neighbourhoods'])
      cpSync(join(sample, f), join(book, f), { recursive: true });
    const env = { BOOK_CONTENT: book };
    const cpu0 = childCpuSeconds();
    const imp = await measure(
      process.execPath,
      [
        runner,
        join(root, 'scripts/import/import.ts'),
        join(work, 'sheet.csv'),
        '--mapping',
        join(work, 'mapping.yaml'),
        '--postcodes',
        join(work, 'postcodes.csv'),
        '--report',
        join(work, 'report'),
        '--today',
        '2026-12-01',
        '--quiet',
      ],
      env,
    );
    if (imp.code !== 0) throw new Error(imp.output);
    const cpu1 = childCpuSeconds();
    const val = await measure(process.execPath, [runner, join(root, 'scripts/content/validate.ts'), '--quiet'], env);
    if (val.code !== 0) throw new Error(`The imported entries do not validate:\n${val.output}`);
    imports.push(imp.seconds);
    validates.push(val.seconds);
    importCpu.push(cpu1 - cpu0);
    validateCpu.push(childCpuSeconds() - cpu1);
    process.stderr.write(
      `run ${run + 1}: import ${imp.seconds.toFixed(2)} s (CPU ${(cpu1 - cpu0).toFixed(2)} s), validate ${val.seconds.toFixed(2)} s (CPU ${validateCpu[run].toFixed(2)} s)\n`,
    );
    peak = Math.max(peak, imp.peakMiB);
    report = JSON.parse(readFileSync(join(work, 'report.json'), 'utf8'));
  }
  // The last run's book stays for a look; the rest go now that the timing is done.
  for (const b of books.slice(0, -1)) rmSync(b, { recursive: true, force: true });
  rmSync(aside, { recursive: true, force: true });
  const s = report!.summary;
  const dataRows = readFileSync(join(work, 'sheet.csv'), 'utf8').trimEnd().split('\n').length - 1;
  const accounted = s.imported + s.notImported;
  const full = JSON.parse(readFileSync(join(work, 'report.json'), 'utf8')) as {
    entries: { guesses?: string[] }[];
    not_imported: { guesses?: string[]; reasons: string[] }[];
  };
  const mergedNotes = [...full.entries, ...full.not_imported].reduce(
    (n, e) => n + (e.guesses ?? []).filter((g) => / \(a note with no name under this row\)/.test(g)).length,
    0,
  );
  // The reasons rows were not imported, counted, with their numbers and quoted values left out.
  const byReason: Record<string, number> = {};
  for (const n of full.not_imported) {
    const why = n.reasons
      .map((r) =>
        r
          .replace(/"[^"]*"/g, '"…"')
          .replace(/\d+/g, 'N')
          .replace(/\. Fix:.*$/, ''),
      )
      .join('; ');
    byReason[why] = (byReason[why] ?? 0) + 1;
  }
  const round = (x: number) => Math.round(x * 100) / 100;
  const result = {
    rows: dataRows,
    runs: RUNS,
    entries_written: s.imported,
    not_imported: s.notImported,
    not_imported_by_reason: Object.fromEntries(Object.entries(byReason).sort((a, b) => b[1] - a[1])),
    notes_merged_into_the_row_above: mergedNotes,
    every_row_accounted_for: accounted + mergedNotes === dataRows,
    duplicate_pairs: s.duplicates,
    import_seconds: imports.map(round),
    validate_seconds: validates.map(round),
    import_seconds_median: round(median(imports)),
    validate_seconds_median: round(median(validates)),
    ratio: round(median(imports) / median(validates)),
    import_cpu_seconds_median: round(median(importCpu)),
    validate_cpu_seconds_median: round(median(validateCpu)),
    cpu_ratio: round(median(importCpu) / median(validateCpu)),
    import_peak_mib: Math.round(peak),
    goal: 'import at most 3 × npm run validate on the entries it writes',
  };
  writeFileSync(join(root, 'docs', 'bench-import.json'), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (!result.every_row_accounted_for) {
    process.stderr.write(`The report accounts for ${accounted + mergedNotes} of ${dataRows} rows.\n`);
    process.exitCode = 1;
  }
}

await main();
