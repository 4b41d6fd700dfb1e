/**
 * `npm run new-entry` without a terminal: the flag path writes a valid file, refuses to overwrite,
 * and writes nothing when the entry has errors. The interactive path is driven by scripted answers.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  draftFromFlags,
  parseDays,
  parseFlags,
  parseMonthly,
  pick,
  runFlags,
  runInteractive,
  type Io,
} from '../../../scripts/content/new-entry';
import { emptySchedule } from '../../../src/lib/authoring/entry-draft';
import { validateEntryText } from '../../../src/lib/validate';
import { loadContext, loadNeighbourhoods, loadSite } from '../../../src/server/content-files';
import { wholeAreaName } from '../../../src/lib/book/area';

let dir: string;
let out: string;
let err: string;
const io = (extra: Partial<Io> = {}): Io => ({
  dir,
  today: '2026-03-14',
  out: (t) => (out += t),
  err: (t) => (err += t),
  ...extra,
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'new-entry-'));
  cpSync(resolve('tests/fixtures/book'), dir, { recursive: true });
  mkdirSync(join(dir, 'entries'));
  cpSync(resolve('tests/fixtures/entries/valid/hindley-health-walks.md'), join(dir, 'entries/hindley-health-walks.md'));
  out = '';
  err = '';
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const FLAGS = [
  '--name',
  'Leigh Knit & Natter',
  '--summary',
  'Knitting, crochet and a chat over a cuppa.',
  '--category',
  'social-connection',
  '--neighbourhood',
  'leigh',
  '--join',
  'drop-in',
  '--venue-name',
  'Leigh Library',
  '--address',
  'Turnpike Centre',
  '--town',
  'Leigh',
  '--postcode',
  'wn7 1eb',
  '--lat',
  '53.4975',
  '--lng',
  '-2.5157',
  '--weekly',
  'tue,Thursday',
  '--start',
  '10:00',
  '--end',
  '11:30',
  '--free',
  '--phone',
  '01942 404040',
  '--verified-by',
  'Leigh neighbourhood team',
  '--description',
  'All welcome.\n\nBring your own needles.',
];

describe('npm run new-entry with flags', () => {
  it('writes a valid file, named from the name, and says what to do next', async () => {
    expect(await runFlags([...FLAGS, '--yes'], io())).toBe(0);
    const path = join(dir, 'entries/leigh-knit-and-natter.md');
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('name: Leigh Knit & Natter\n');
    expect(text).toContain('  - weekly: [tue, thu]\n    start: "10:00"\n    end: "11:30"\n');
    expect(text).toContain('last_verified: 2026-03-14\n');
    expect(text.endsWith('---\n\nAll welcome.\n\nBring your own needles.\n')).toBe(true);
    expect(validateEntryText(text, path, loadContext(dir), { today: '2026-03-14' })).toEqual([]);
    expect(out).toContain('Written: ');
    expect(out).toContain('leigh-knit-and-natter.md');
    expect(out).toContain('npm run validate');
  });

  it('refuses to overwrite an existing entry and suggests a free id', async () => {
    const before = readFileSync(join(dir, 'entries/hindley-health-walks.md'), 'utf8');
    const flags = FLAGS.map((f) => (f === 'Leigh Knit & Natter' ? 'Hindley Health Walks' : f));
    expect(await runFlags([...flags, '--yes'], io())).toBe(1);
    expect(readFileSync(join(dir, 'entries/hindley-health-walks.md'), 'utf8')).toBe(before);
    expect(err).toContain('There is already an entry called `hindley-health-walks`');
    expect(err).toContain('--id hindley-health-walks-2');
    // With another id it is written.
    expect(await runFlags([...flags, '--id', 'hindley-health-walks-2', '--yes'], io())).toBe(0);
    expect(existsSync(join(dir, 'entries/hindley-health-walks-2.md'))).toBe(true);
  });

  it('writes nothing when the entry has errors, and says which', async () => {
    const bad = FLAGS.map((f) => (f === 'wn7 1eb' ? 'not a postcode' : f === '-2.5157' ? '2.5157' : f));
    expect(await runFlags([...bad, '--yes'], io())).toBe(1);
    expect(existsSync(join(dir, 'entries/leigh-knit-and-natter.md'))).toBe(false);
    expect(err).toContain('venues[0].postcode — This is not a UK postcode');
    expect(err).toContain('venues[0].lat — The point 53.4975, 2.5157 is outside the area');
  });

  it('without --yes and without a terminal, prints the file and writes nothing', async () => {
    expect(await runFlags(FLAGS, io())).toBe(1);
    expect(out).toMatch(/^---\nname: Leigh Knit & Natter\n/);
    expect(err).toContain('Nothing written. Add --yes');
    expect(existsSync(join(dir, 'entries/leigh-knit-and-natter.md'))).toBe(false);
  });

  it('--dry-run prints the file only', async () => {
    expect(await runFlags([...FLAGS, '--dry-run', '--yes'], io())).toBe(0);
    expect(out).toContain('neighbourhoods: [leigh]');
    expect(existsSync(join(dir, 'entries/leigh-knit-and-natter.md'))).toBe(false);
  });

  it('says what is wrong with the options themselves', async () => {
    expect(await runFlags(['--name'], io())).toBe(2);
    expect(err).toContain('--name needs a value');
    err = '';
    expect(await runFlags(['--colour', 'red'], io())).toBe(2);
    expect(err).toContain('Unknown option --colour');
    err = '';
    expect(await runFlags([...FLAGS, '--monthly', '2nd tue'], io())).toBe(2);
    expect(err).toContain('Give one of --weekly, --monthly or --dates');
    err = '';
    expect(await runFlags(['--help'], io())).toBe(0);
    expect(out).toContain('Usage: npm run new-entry');
  });

  it('reads every schedule kind and more than one value per option', () => {
    const d = draftFromFlags(
      parseFlags([
        '--category',
        'walking, carers',
        '--category',
        'food',
        '--monthly',
        '2nd tue, 4th tue, last fri',
        '--lng=-2.6',
      ]),
      '2026-03-14',
    );
    expect(d.categories).toEqual(['walking', 'carers', 'food']);
    expect(d.venues[0].lng).toBe('-2.6');
    expect(d.schedules.map((s) => [s.kind, s.weeks, s.days])).toEqual([
      ['monthly', ['2nd', '4th'], ['tue']],
      ['monthly', ['last'], ['fri']],
    ]);
    const every = draftFromFlags(parseFlags(['--weekly', 'thu', '--every', '2', '--from', '2026-01-08']), '2026-03-14');
    expect(every.schedules[0]).toMatchObject({ kind: 'every', days: ['thu'], every: '2', from: '2026-01-08' });
    expect(() => parseDays('tue, someday')).toThrow('"someday" is not a day');
    expect(() => parseMonthly('second tuesday, fortnightly', emptySchedule())).toThrow(
      '"fortnightly" is not a day of the month',
    );
    expect(
      pick('2, walking', [
        { id: 'food', label: 'Food' },
        { id: 'carers', label: 'Carers' },
        { id: 'walking', label: 'Walking groups' },
      ]),
    ).toEqual(['carers', 'walking']);
    expect(() => pick('9', [{ id: 'a', label: 'A' }])).toThrow('not one of the choices');
  });
});

describe('npm run new-entry in a terminal', () => {
  it('asks in plain words, asks again about what is wrong, then writes', async () => {
    const answers = [
      'Golborne Pantry', // name
      'Low-cost food for local people.', // summary
      '', // organisation
      '9', // categories: food (see tests/fixtures/book/categories.yaml order)
      '0', // neighbourhoods: the whole area
      '1', // join: drop-in
      '', // delivery: in person
      'Golborne Library',
      'High Street',
      'Golborne',
      'WA3 3AB',
      '53.4781, -2.5967',
      'no', // venue (lat and lng pasted together)
      '1',
      'fri',
      '10:00',
      '12:00',
      '',
      'no', // every week on Friday
      'no',
      '3',
      'a bag of shopping',
      '', // costs £3
      'Pantry team',
      '01942 000000',
      '',
      'no', // contact
      '', // website
      '',
      '',
      '',
      '', // ages, audience, eligibility
      '', // accessibility
      '', // languages
      'Bring a bag.',
      '', // description
      '',
      'Golborne team', // checked today by
      '', // id as suggested
      'yes', // write it
    ];
    const asked: string[] = [];
    const ask = async (q: string) => {
      asked.push(q);
      if (!answers.length) throw new Error(`No answer for: ${q}`);
      return answers.shift()!;
    };
    const code = await runInteractive(io({ ask }));
    expect(err).toBe('');
    expect(code).toBe(0);
    const text = readFileSync(join(dir, 'entries/golborne-pantry.md'), 'utf8');
    expect(text).toContain('neighbourhoods: [borough-wide]');
    expect(text).toContain('    lat: 53.4781\n    lng: -2.5967\n');
    expect(text).toContain('  amounts:\n    - amount: 3\n      description: a bag of shopping\n');
    expect(asked[0]).toBe('What is the group called? ');
    expect(asked.at(-1)).toMatch(/^Write it to .*golborne-pantry\.md\? \(yes\/no\) $/);
    expect(answers).toEqual([]);
  });

  it('asks again for the part that has a problem', async () => {
    const answers = [
      'Golborne Pantry',
      'Low-cost food.',
      '',
      '9',
      '0',
      '1',
      '',
      'Golborne Library',
      'High Street',
      'Golborne',
      'WA3 3AB',
      '53.4781',
      '2.5967', // longitude wrong: the point is asked again at once
      '53.4781',
      '-2.5967',
      'no',
      '5', // no regular sessions
      '',
      'Pantry team',
      '01942 000000',
      '',
      'no',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      'yes',
    ];
    const asked: string[] = [];
    const ask = async (q: string) => {
      asked.push(q);
      if (!answers.length) throw new Error(`No answer for: ${q}`);
      return answers.shift()!;
    };
    expect(await runInteractive(io({ ask }))).toBe(0);
    expect(out).toContain('The point 53.4781, 2.5967 is outside the area');
    expect(out).not.toContain('A few things need fixing');
    expect(asked.filter((q) => q.includes('Name of the building')).length).toBe(1);
    expect(asked.filter((q) => q.includes('Latitude')).length).toBe(2);
    expect(readFileSync(join(dir, 'entries/golborne-pantry.md'), 'utf8')).toContain('lng: -2.5967');
  });
});

describe('npm run new-entry checks each answer when it is given', () => {
  /** Runs the questions with these answers; what was asked, and what it said. */
  async function run(answers: string[]) {
    const asked: string[] = [];
    const ask = async (q: string) => {
      asked.push(q);
      if (!answers.length) throw new Error(`No answer for: ${q}\n${out}`);
      return answers.shift()!;
    };
    const code = await runInteractive(io({ ask }));
    return { code, asked, left: answers };
  }
  /** Everything up to the venue's name, then a venue, a weekly Tuesday time and a contact. */
  const upToVenue = ['Golborne Pantry', 'Low-cost food.', '', '9', '1', '1', ''];
  const rest = (start: string[], phone = '01942 000000') => [
    ...start,
    'no', // no more venues
    '1', // every week
    'tue',
    ...['10am', '1.30pm'],
    '',
    'no',
    'no', // cost
    '3',
    '',
    '',
    'Pantry team',
    phone,
    '',
    'no',
    ...['', '', '', '', '', '', '', '', '', '', ''], // website, ages, audience, eligibility, accessibility, languages, description, checked, by whom, file name
    'yes',
  ];

  it("re-asks only the question whose answer is wrong, with the validator's message", async () => {
    const venue = ['Golborne Library', 'High Street', 'Golborne', 'not a postcode', 'WA3 3AB', '53.4781, -2.5967'];
    const { code, asked, left } = await run(rest([...upToVenue, ...venue]));
    expect(left).toEqual([]);
    expect(code).toBe(0);
    // The validator's own words for a bad postcode, said at once, and only the postcode asked again.
    const ctx = loadContext(dir);
    const bad = validateEntryText(
      readFileSync(join(dir, 'entries/golborne-pantry.md'), 'utf8').replace('postcode: WA3 3AB', 'postcode: not a postcode'),
      'x.md',
      ctx,
    ).find((p) => p.field === 'venues[0].postcode')!.message;
    expect(out).toContain(`  ${bad}`);
    expect(asked.filter((q) => q.includes('Postcode')).length).toBe(2);
    expect(asked.filter((q) => q.includes('Name of the building')).length).toBe(1);
    expect(asked.filter((q) => q.includes('Street address')).length).toBe(1);
  });

  it('takes times as people write them and writes them on the 24-hour clock', async () => {
    const venue = ['Golborne Library', 'High Street', 'Golborne', 'WA3 3AB', '53.4781, -2.5967'];
    const { code } = await run(rest([...upToVenue, ...venue]));
    expect(code).toBe(0);
    const text = readFileSync(join(dir, 'entries/golborne-pantry.md'), 'utf8');
    expect(text).toContain('start: "10:00"');
    expect(text).toContain('end: "13:30"');
  });

  it('says a warning (a mobile number) once and goes on', async () => {
    const venue = ['Golborne Library', 'High Street', 'Golborne', 'WA3 3AB', '53.4781, -2.5967'];
    const { code, asked } = await run(rest([...upToVenue, ...venue], '07700 900123'));
    expect(code).toBe(0);
    expect(out).toMatch(/Note: "07700 900123" is a mobile number/);
    expect(asked.filter((q) => q.includes('Phone')).length).toBe(1);
  });

  it("lists the neighbourhoods by name in the book's order, 0 for the whole area", async () => {
    // A neighbourhood whose file name sorts first but whose name sorts last.
    writeFileSync(
      join(dir, 'neighbourhoods/aardvark-lane.yaml'),
      readFileSync(join(dir, 'neighbourhoods/leigh.yaml'), 'utf8').replace(/^name: .*$/m, 'name: Zebra Crossing'),
    );
    const names = loadNeighbourhoods(dir).map((n) => n.name);
    expect(names.at(-1)).toBe('Zebra Crossing');
    const venue = ['Golborne Library', 'High Street', 'Golborne', 'WA3 3AB', '53.4781, -2.5967'];
    const answers = rest([...upToVenue, ...venue]);
    answers[4] = String(names.length); // the last by name
    const { code } = await run(answers);
    expect(code).toBe(0);
    const menu = out.slice(out.indexOf('Where does it serve?'));
    names.forEach((name, i) => expect(menu).toContain(`  ${i + 1}  ${name}`));
    expect(menu).toContain(`  0  ${wholeAreaName(loadSite(dir).place)}`);
    expect(menu).not.toContain('(aardvark-lane)');
    expect(readFileSync(join(dir, 'entries/golborne-pantry.md'), 'utf8')).toContain('neighbourhoods: [aardvark-lane]');
  });
});
