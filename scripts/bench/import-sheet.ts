/**
 * `npm run bench:import [-- --rows 10000 --runs 3]`: a generated spreadsheet with the mess real
 * ones have (day/time text in many phrasings, missing postcodes, repeated rows, odd capitals,
 * trailing spaces, dates written three ways, blank rows, notes in merged cells) imported into an
 * empty copy of the sample book; then `npm run validate` over the entries it wrote. Prints the
 * medians and their ratio, checks the report accounts for every row, and writes
 * docs/bench-import.json. No timed asserts: the goal (import at most 3 × validate) is read from
 * the file and docs/performance.md.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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

async function main() {
  generate(ROWS);
  const book = join(work, 'book');
  rmSync(book, { recursive: true, force: true });
  for (const f of ['site.yaml', 'categories.yaml', 'neighbourhoods'])
    cpSync(join(sample, f), join(book, f), { recursive: true });
  const env = { BOOK_CONTENT: book };
  const imports: number[] = [];
  const validates: number[] = [];
  let report: { summary: { records: number; imported: number; notImported: number; duplicates: number } } | undefined;
  let peak = 0;
  for (let run = 0; run < RUNS; run++) {
    rmSync(join(book, 'entries'), { recursive: true, force: true });
    const imp = await measure(
      process.execPath,
      [
        join(root, 'scripts/lib/bundled.mjs'),
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
    const val = await measure(
      process.execPath,
      [join(root, 'scripts/lib/bundled.mjs'), join(root, 'scripts/content/validate.ts'), '--quiet'],
      env,
    );
    if (val.code !== 0) throw new Error(`The imported entries do not validate:\n${val.output}`);
    imports.push(imp.seconds);
    validates.push(val.seconds);
    peak = Math.max(peak, imp.peakMiB);
    report = JSON.parse(readFileSync(join(work, 'report.json'), 'utf8'));
  }
  const s = report!.summary;
  const dataRows = readFileSync(join(work, 'sheet.csv'), 'utf8').trimEnd().split('\n').length - 1;
  const accounted = s.imported + s.notImported;
  const mergedNotes = existsSync(join(work, 'report.json'))
    ? (() => {
        const full = JSON.parse(readFileSync(join(work, 'report.json'), 'utf8'));
        return ([...full.entries, ...full.not_imported] as { guesses?: string[] }[]).reduce(
          (n, e) => n + (e.guesses ?? []).filter((g) => / \(a note with no name under this row\)/.test(g)).length,
          0,
        );
      })()
    : 0;
  const result = {
    rows: dataRows,
    runs: RUNS,
    entries_written: s.imported,
    not_imported: s.notImported,
    notes_merged_into_the_row_above: mergedNotes,
    every_row_accounted_for: accounted + mergedNotes === dataRows,
    duplicate_pairs: s.duplicates,
    import_seconds_median: Math.round(median(imports) * 100) / 100,
    validate_seconds_median: Math.round(median(validates) * 100) / 100,
    ratio: Math.round((median(imports) / median(validates)) * 100) / 100,
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
