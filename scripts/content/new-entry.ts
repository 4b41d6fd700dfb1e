/**
 * `npm run new-entry`: writes a new entry file, checked before it is written.
 *
 * In a terminal it asks for each detail in plain words. For scripts, everything can be given as
 * flags instead (see USAGE); `--yes` writes without asking. It never overwrites an existing entry.
 *
 *   npm run new-entry
 *   npm run new-entry -- --name "Riverside Knit and Natter" --summary "Knitting and a chat over a cuppa." \
 *     --category <category-id> --neighbourhood <neighbourhood-id> --join drop-in \
 *     --venue-name "Central Library" --address "Market Street" --postcode "<postcode>" \
 *     --lat <latitude> --lng <longitude> --weekly tue --start 10:00 --end 11:30 --free \
 *     --phone "<phone>" --verified-by "the neighbourhood team" --yes
 *
 * (The questions' and messages' examples are the book's own: site.yaml `examples` and `map.centre`.)
 *
 * Reads `content/`, or the folder named by BOOK_CONTENT.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentDir, loadCategories, loadContext, loadNeighbourhoods, loadSite } from '../../src/server/content-files';
import { loadMessages } from '../../src/server/messages';
import { parseTime } from '../../src/lib/import/schedule-text';
import { tidyWebsite } from '../../src/lib/authoring/tidy';
import { wholeAreaName } from '../../src/lib/book/area';
import { formatProblem, validateEntryText, type Problem } from '../../src/lib/validate';
import { draftToFile, emptyAmount, emptyContact, emptyDraft, emptySchedule, emptyVenue, splitLatLng, type EntryDraft, type ScheduleDraft } from '../../src/lib/authoring/entry-draft';
import { entryIdFromName, isEntryId, uniqueEntryId } from '../../src/lib/authoring/entry-id';
import { londonDate } from '../../src/lib/calendar/london';
import { pointExample } from '../../src/schema/context';
import { ACCESSIBILITY, ACCESSIBILITY_LABELS, AUDIENCES, AUDIENCE_LABELS, BOROUGH_WIDE, DAYS, DELIVERY_LABELS, DELIVERY_MODES, JOIN_LABELS, JOIN_ROUTES, ORDINALS, STATUSES, type Day, type Ordinal, type Status } from '../../src/schema/vocab';

export const USAGE = `Usage: npm run new-entry [-- flags]

With no flags, in a terminal, it asks for each detail. With flags it writes the entry directly:

  About the group
    --name TEXT              the group's name (the file name is made from it)
    --summary TEXT           one sentence, at most 160 characters
    --organisation TEXT      who runs it
    --category ID            a category id from categories.yaml (repeat, or separate with commas)
    --neighbourhood ID       a neighbourhood id, or borough-wide (repeat, or commas)
    --status STATUS          active (default), temporarily-closed or closed
    --alert TEXT             a short notice shown at the top of the page
  Taking part
    --join WAY               ${JOIN_ROUTES.join(', ')}
    --delivery MODE          ${DELIVERY_MODES.join(', ')} (default in-person)
    --min-age N --max-age N  ages welcome
    --audience TAG           who it is especially for, e.g. carers, older-people
    --eligibility TEXT       who can take part, if there are rules
    --free                   it costs nothing
    --cost POUNDS            what it costs, e.g. 2.50 (with --cost-for "per session")
    --cost-note TEXT         e.g. "Donations welcome"
    --accessibility FEATURE  e.g. step-free, hearing-loop
    --language CODE          languages spoken, e.g. en, pl (default en)
  Where (one venue)
    --venue-name TEXT --address TEXT --town TEXT --postcode TEXT --lat N --lng N
  When (one schedule)
    --weekly DAYS            e.g. tue or "mon,thu"
    --every N                with --weekly: every N weeks (needs --from)
    --monthly RULES          e.g. "2nd tue" or "1st mon, 3rd mon"
    --dates DATES            e.g. "2026-12-12, 2026-12-19"
    --start HH:MM --end HH:MM --from YYYY-MM-DD --until YYYY-MM-DD --schedule-note TEXT
  Contact (one)
    --contact-name TEXT --phone NUMBER --email ADDRESS
    --website URL
  About the entry
    --description TEXT       the description (Markdown); or --description-file PATH
    --verified-by TEXT       who checked the details
    --last-verified DATE     when they were checked (default today)
    --id ID                  the file name, if not the one made from the name
  Then
    --yes                    write without asking
    --dry-run                print the file, write nothing
`;

// ---------------------------------------------------------------------------------------------
// Parsing words into vocabulary values

const DAY_WORDS: Record<string, Day> = {};
for (const d of DAYS) DAY_WORDS[d] = d;
Object.assign(DAY_WORDS, {
  monday: 'mon',
  tuesday: 'tue',
  tues: 'tue',
  wednesday: 'wed',
  thursday: 'thu',
  thur: 'thu',
  thurs: 'thu',
  friday: 'fri',
  saturday: 'sat',
  sunday: 'sun',
});

/** "tue, Thursday" → [tue, thu]; throws a message naming the word it does not know. */
export function parseDays(text: string): Day[] {
  const out: Day[] = [];
  for (const word of text
    .toLowerCase()
    .split(/[\s,;/&]+|\band\b/)
    .filter(Boolean)) {
    const day = DAY_WORDS[word.replace(/s$/, '')] ?? DAY_WORDS[word];
    if (!day) throw new Error(`"${word}" is not a day. Use mon, tue, wed, thu, fri, sat or sun.`);
    if (!out.includes(day)) out.push(day);
  }
  return out;
}

const ORDINAL_WORDS: Record<string, Ordinal> = {
  '1st': '1st',
  first: '1st',
  '2nd': '2nd',
  second: '2nd',
  '3rd': '3rd',
  third: '3rd',
  '4th': '4th',
  fourth: '4th',
  '5th': '5th',
  fifth: '5th',
  last: 'last',
};

/** "2nd tue, last fri" → schedule drafts (one per different set of weeks). */
export function parseMonthly(text: string, base: ScheduleDraft): ScheduleDraft[] {
  const byDay = new Map<Day, Ordinal[]>();
  for (const part of text
    .split(/[,;]+/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(\S+)\s+(\S+)$/.exec(part.toLowerCase());
    const week = m ? ORDINAL_WORDS[m[1]] : undefined;
    const day = m ? (DAY_WORDS[m[2]] ?? DAY_WORDS[m[2].replace(/s$/, '')]) : undefined;
    if (!week || !day)
      throw new Error(`"${part}" is not a day of the month. Write the week and the day, e.g. "2nd tue" or "last fri".`);
    byDay.set(day, [...(byDay.get(day) ?? []), week]);
  }
  // Days sharing the same weeks go in one schedule (weeks × days).
  const groups = new Map<string, { weeks: Ordinal[]; days: Day[] }>();
  for (const [day, weeks] of byDay) {
    const key = [...new Set(weeks)].sort().join(',');
    const g = groups.get(key) ?? { weeks: [...new Set(weeks)], days: [] };
    g.days.push(day);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => ({ ...base, kind: 'monthly', weeks: g.weeks, days: g.days }));
}

/** "a, b" and repeated flags → [a, b]. */
function listOf(values: readonly string[]): string[] {
  return values
    .flatMap((v) => v.split(/[,;]+/))
    .map((s) => s.trim())
    .filter(Boolean);
}

// ---------------------------------------------------------------------------------------------
// Flags

const VALUE_FLAGS = [
  'name',
  'summary',
  'organisation',
  'organization',
  'category',
  'neighbourhood',
  'neighborhood',
  'status',
  'alert',
  'join',
  'delivery',
  'min-age',
  'max-age',
  'audience',
  'eligibility',
  'cost',
  'cost-for',
  'cost-note',
  'accessibility',
  'language',
  'venue-name',
  'address',
  'town',
  'postcode',
  'lat',
  'lng',
  'weekly',
  'every',
  'monthly',
  'dates',
  'start',
  'end',
  'from',
  'until',
  'schedule-note',
  'contact-name',
  'phone',
  'email',
  'website',
  'description',
  'description-file',
  'verified-by',
  'last-verified',
  'id',
] as const;
const SWITCHES = ['free', 'yes', 'dry-run', 'help'] as const;

export interface Flags {
  values: Map<string, string[]>;
  switches: Set<string>;
}

/** Reads `--flag value`, `--flag=value` and switches. Throws a message on anything unknown. */
export function parseFlags(argv: readonly string[]): Flags {
  const values = new Map<string, string[]>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') continue;
    if (arg === '-h') {
      switches.add('help');
      continue;
    }
    if (!arg.startsWith('--'))
      throw new Error(`"${arg}" is not an option. Options start with --, e.g. --name "Riverside Knit and Natter".`);
    const eq = arg.indexOf('=');
    const key = (eq > 0 ? arg.slice(2, eq) : arg.slice(2)).toLowerCase();
    if ((SWITCHES as readonly string[]).includes(key)) {
      switches.add(key);
      continue;
    }
    if (!(VALUE_FLAGS as readonly string[]).includes(key))
      throw new Error(`Unknown option --${key}. Run npm run new-entry -- --help for the list.`);
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      i++;
      // `--lng -1.25` is a value, `--name --summary` is a forgotten value.
      if (value === undefined || (value.startsWith('--') && value.length > 2))
        throw new Error(`--${key} needs a value, e.g. --${key} "…".`);
    }
    const canonical = key === 'organization' ? 'organisation' : key === 'neighborhood' ? 'neighbourhood' : key;
    values.set(canonical, [...(values.get(canonical) ?? []), value]);
  }
  return { values, switches };
}

/** The draft the flags describe. Throws a message for values that cannot be read (days, statuses). */
export function draftFromFlags(
  flags: Flags,
  today: string,
  readFile: (path: string) => string = (p) => readFileSync(p, 'utf8'),
): EntryDraft {
  const one = (k: string) => flags.values.get(k)?.at(-1) ?? '';
  const many = (k: string) => listOf(flags.values.get(k) ?? []);
  const d = emptyDraft(today);
  d.id = one('id');
  d.name = one('name');
  d.summary = one('summary');
  d.organisation = one('organisation');
  d.categories = many('category');
  d.neighbourhoods = many('neighbourhood');
  const status = one('status');
  if (status) {
    if (!(STATUSES as readonly string[]).includes(status))
      throw new Error(`--status must be one of ${STATUSES.join(', ')}.`);
    d.status = status as Status;
  }
  d.alert = one('alert');
  d.join = many('join');
  if (flags.values.has('delivery')) d.delivery = many('delivery');
  d.minAge = one('min-age');
  d.maxAge = one('max-age');
  d.audience = many('audience');
  d.eligibility = one('eligibility');
  if (flags.switches.has('free')) d.cost = 'free';
  if (flags.values.has('cost')) {
    if (d.cost === 'free') throw new Error('Give either --free or --cost, not both.');
    d.cost = 'paid';
    d.amounts = [{ amount: one('cost'), description: one('cost-for') }];
  }
  d.costNote = one('cost-note');
  d.accessibility = many('accessibility');
  if (flags.values.has('language')) d.languages = many('language');

  const venue = {
    ...emptyVenue(),
    name: one('venue-name'),
    address: one('address'),
    town: one('town'),
    postcode: one('postcode'),
    lat: one('lat'),
    lng: one('lng'),
  };
  const pair = splitLatLng(venue.lat);
  if (pair && !venue.lng) Object.assign(venue, pair);
  d.venues = Object.values(venue).some(Boolean) ? [venue] : [];

  const base: ScheduleDraft = {
    ...emptySchedule(),
    start: one('start'),
    end: one('end'),
    from: one('from'),
    until: one('until'),
    note: one('schedule-note'),
  };
  const kinds = ['weekly', 'monthly', 'dates'].filter((k) => flags.values.has(k));
  if (kinds.length > 1)
    throw new Error(
      `Give one of --weekly, --monthly or --dates (got ${kinds.map((k) => `--${k}`).join(' and ')}); add other schedules to the file afterwards.`,
    );
  if (flags.values.has('weekly')) {
    const days = parseDays(many('weekly').join(','));
    const every = one('every');
    d.schedules = [{ ...base, kind: every && every !== '1' ? 'every' : 'weekly', days, every: every || '2' }];
  } else if (flags.values.has('monthly')) {
    d.schedules = parseMonthly(many('monthly').join(','), base);
  } else if (flags.values.has('dates')) {
    d.schedules = [{ ...base, kind: 'dates', dates: many('dates').join(', ') }];
  } else if (flags.values.has('every')) {
    throw new Error('--every goes with --weekly, e.g. --weekly thu --every 2 --from 2026-01-08.');
  } else {
    d.schedules = [base.start, base.end, base.from, base.until, base.note].some(Boolean) ? [base] : [];
  }

  const contact = { ...emptyContact(), name: one('contact-name'), phone: one('phone'), email: one('email') };
  d.contacts = Object.values(contact).some(Boolean) ? [contact] : [];
  d.website = one('website');
  d.description = flags.values.has('description-file') ? readFile(one('description-file')) : one('description');
  if (flags.values.has('last-verified')) d.lastVerified = one('last-verified');
  d.verifiedBy = one('verified-by');
  if (d.cost !== 'paid') d.amounts = [emptyAmount()];
  return d;
}

// ---------------------------------------------------------------------------------------------
// Checking and writing

export interface Io {
  /** The content folder. */
  dir: string;
  /** `YYYY-MM-DD` */
  today: string;
  out: (text: string) => void;
  err: (text: string) => void;
  /** Asks a question and returns the answer; absent when there is no terminal to ask. */
  ask?: (question: string) => Promise<string>;
  /** Writes the file (default: fs.writeFileSync). */
  write?: (path: string, text: string) => void;
}

/** Ids of the entries already in the book, lower-cased. */
export function existingIds(dir: string): Set<string> {
  try {
    return new Set(
      readdirSync(join(dir, 'entries'))
        .filter((f) => f.toLowerCase().endsWith('.md'))
        .map((f) => f.slice(0, -3).toLowerCase()),
    );
  } catch {
    return new Set();
  }
}

/** Problems with the file a draft makes, including "the id is taken" and "no id". */
export function checkDraft(
  d: EntryDraft,
  dir: string,
): { id: string; path: string; text: string; problems: Problem[] } {
  const ctx = loadContext(dir);
  const staleMonths = loadSite(dir).stale_after_months;
  const file = draftToFile(d);
  const path = join(dir, 'entries', `${file.id || 'group-name'}.md`);
  const shown = relative(process.cwd(), path) || path;
  const problems = validateEntryText(file.text, shown, ctx, { staleMonths });
  if (!file.id) {
    problems.unshift({
      file: shown,
      line: 1,
      column: 1,
      field: 'id',
      severity: 'error',
      message:
        'No file name could be made from the name (it has no letters a–z or digits). Fix: give one with --id, e.g. --id riverside-knit-and-natter.',
    });
  } else if (isEntryId(file.id) && existingIds(dir).has(file.id.toLowerCase())) {
    const free = uniqueEntryId(file.id, existingIds(dir));
    problems.unshift({
      file: shown,
      line: 1,
      column: 1,
      field: 'id',
      severity: 'error',
      message: `There is already an entry called \`${file.id}\` (${shown}). If it is the same group, edit that file instead. Otherwise choose another id, e.g. \`${free}\` (--id ${free}).`,
    });
  }
  return { id: file.id, path, text: file.text, problems };
}

function nextSteps(shown: string, id: string): string {
  return [
    '',
    `Written: ${shown}`,
    '',
    'Next steps:',
    `  1. Read it through: ${shown} (the description is the part after the second ---).`,
    `  2. Check it:        npm run validate ${shown}`,
    `  3. Look at it:      npm run dev, then open http://localhost:4321/entries/${id}/`,
    '  4. Propose it:      commit the file on a new branch and open a pull request.',
    '',
  ].join('\n');
}

/** Writes the entry described by flags. Returns the exit code (0 written, 1 not written, 2 usage). */
export async function runFlags(argv: readonly string[], io: Io): Promise<number> {
  let flags: Flags;
  let draft: EntryDraft;
  try {
    flags = parseFlags(argv);
    if (flags.switches.has('help')) {
      io.out(USAGE);
      return 0;
    }
    draft = draftFromFlags(flags, io.today);
  } catch (err) {
    io.err(`${(err as Error).message}\n`);
    return 2;
  }
  const checked = checkDraft(draft, io.dir);
  const errors = checked.problems.filter((p) => p.severity === 'error');
  const shown = relative(process.cwd(), checked.path) || checked.path;
  if (flags.switches.has('dry-run')) {
    io.out(checked.text);
    for (const p of checked.problems) io.err(`${formatProblem(p)}\n`);
    return errors.length ? 1 : 0;
  }
  if (errors.length) {
    io.err(
      `The entry was not written, because of ${errors.length === 1 ? 'this problem' : `these ${errors.length} problems`}:\n\n`,
    );
    for (const p of errors) io.err(`  ${p.field} — ${p.message}\n`);
    io.err(
      '\nGive the missing or corrected details as options (see --help); --dry-run shows the file it would write.\n',
    );
    return 1;
  }
  for (const p of checked.problems) io.err(`Note: ${p.field} — ${p.message}\n`);
  if (!flags.switches.has('yes')) {
    if (!io.ask) {
      io.out(checked.text);
      io.err(`\nNothing written. Add --yes to write ${shown}.\n`);
      return 1;
    }
    io.out(`\n${checked.text}\n`);
    const answer = (await io.ask(`Write this to ${shown}? (yes/no) `)).trim().toLowerCase();
    if (!/^y(es)?$/.test(answer)) {
      io.out('Nothing written.\n');
      return 1;
    }
  }
  return writeEntry(checked, io);
}

function writeEntry(checked: { id: string; path: string; text: string }, io: Io): number {
  // Checked again just before writing: never overwrite.
  if (existsSync(checked.path) || existingIds(io.dir).has(checked.id.toLowerCase())) {
    io.err(`There is already an entry called ${checked.id}; nothing written.\n`);
    return 1;
  }
  const write = io.write ?? ((p: string, t: string) => writeFileSync(p, t, { encoding: 'utf8', flag: 'wx' }));
  write(checked.path, checked.text);
  io.out(nextSteps(relative(process.cwd(), checked.path) || checked.path, checked.id));
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Questions

/** True when a problem's field (`venues[0].postcode`) is the asked-for field or inside it. */
export function isAbout(problemField: string, field: string): boolean {
  return problemField === field || problemField.startsWith(`${field}.`) || problemField.startsWith(`${field}[`);
}

/** Picks from a numbered list: "1, 3", ids, or names. Returns the ids, or throws a message. */
export function pick(answer: string, options: readonly { id: string; label: string }[]): string[] {
  const out: string[] = [];
  for (const part of answer
    .split(/[,;]+/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    let found: string | undefined;
    if (/^\d+$/.test(part)) found = options[Number(part) - 1]?.id;
    else found = options.find((o) => o.id === part.toLowerCase() || o.label.toLowerCase() === part.toLowerCase())?.id;
    if (!found) throw new Error(`"${part}" is not one of the choices. Type the numbers, separated by commas.`);
    if (!out.includes(found)) out.push(found);
  }
  return out;
}

function menu(options: readonly { id: string; label: string }[], { ids = true } = {}): string {
  const width = String(options.length).length;
  return options
    .map(
      (o, i) =>
        `  ${String(i + 1).padStart(width)}  ${o.label}${!ids || o.label.toLowerCase() === o.id ? '' : ` (${o.id})`}`,
    )
    .join('\n');
}

const yes = (a: string) => /^y(es)?$/i.test(a.trim());

/** Asks the questions for one part of the entry (by field name). */
type Section = (d: EntryDraft) => Promise<void>;

/** The interactive wizard. Returns the exit code. */
export async function runInteractive(io: Io): Promise<number> {
  const ask = io.ask!;
  const say = (s = '') => io.out(`${s}\n`);
  const ctx = { categories: loadCategories(io.dir), hoods: loadNeighbourhoods(io.dir) };
  const site = loadSite(io.dir);
  const point = pointExample({ bounds: site.bounds, centre: site.map.centre });

  /**
   * Asks, puts the answer in the draft, and checks the draft with the validator: while it has an
   * error about this field (or these fields), says it and asks again; its warnings are said once.
   */
  async function checked(
    d: EntryDraft,
    question: string,
    fields: string | string[],
    apply: (answer: string) => void,
  ): Promise<void> {
    for (;;) {
      apply(await ask(question));
      const mine = checkDraft(d, io.dir).problems.filter((p) => [fields].flat().some((f) => isAbout(p.field, f)));
      for (const p of mine.filter((q) => q.severity === 'warning')) say(`  Note: ${p.message}`);
      const errors = mine.filter((q) => q.severity === 'error');
      if (!errors.length) return;
      for (const p of errors) say(`  ${p.message}`);
    }
  }

  /** Asks until `read` accepts the answer (it throws a message otherwise). */
  async function until<T>(question: string, read: (answer: string) => T): Promise<T> {
    for (;;) {
      const answer = await ask(question);
      try {
        return read(answer);
      } catch (err) {
        say(`  ${(err as Error).message}`);
      }
    }
  }
  const choose = (
    question: string,
    options: { id: string; label: string }[],
    { required = false, fallback = [] as string[] } = {},
  ) => {
    say(menu(options));
    return until(question, (a) => {
      if (!a.trim()) {
        if (required && !fallback.length) throw new Error('Choose at least one: type its number.');
        return fallback;
      }
      return pick(a, options);
    });
  };

  const categoryOptions = ctx.categories.map((c) => ({ id: c.id, label: c.parent ? `  ${c.name}` : c.name }));
  // The neighbourhoods by name, in the book's order (as every page lists them), numbered from 1;
  // 0 is the whole area.
  const hoodOptions = ctx.hoods.map((h) => ({ id: h.id, label: h.name }));
  const whole = wholeAreaName(site.place);

  const sections: Record<string, Section> = {
    name: (d) => checked(d, 'What is the group called? ', 'name', (a) => (d.name = a)),
    summary: (d) =>
      checked(d, 'In one sentence, what happens there? (at most 160 characters)\n> ', 'summary', (a) => (d.summary = a)),
    organisation: (d) =>
      checked(d, 'Which organisation runs it? (leave blank if none) ', 'organisation', (a) => (d.organisation = a)),
    categories: async (d) => {
      say('\nWhich needs does it meet?');
      d.categories = await choose('Numbers, separated by commas: ', categoryOptions, { required: true });
    },
    neighbourhoods: async (d) => {
      say('\nWhere does it serve?');
      say(menu(hoodOptions, { ids: false }));
      say(`  ${'0'.padStart(String(hoodOptions.length).length)}  ${whole}`);
      d.neighbourhoods = await until(`Numbers, separated by commas (0 for ${whole}): `, (a) => {
        if (!a.trim()) throw new Error('Choose at least one: type its number.');
        if (a.trim() === '0' || a.trim().toLowerCase() === whole.toLowerCase()) return [BOROUGH_WIDE];
        return pick(a, hoodOptions);
      });
    },
    join: async (d) => {
      say('\nHow do people take part?');
      d.join = await choose(
        'Numbers, separated by commas: ',
        JOIN_ROUTES.map((id) => ({ id, label: JOIN_LABELS[id] })),
        { required: true },
      );
    },
    delivery: async (d) => {
      say('\nHow is it delivered?');
      d.delivery = await choose(
        'Numbers (blank for in person): ',
        DELIVERY_MODES.map((id) => ({ id, label: DELIVERY_LABELS[id] })),
        { fallback: ['in-person'] },
      );
    },
    venues: async (d) => {
      d.venues = [];
      if (!d.delivery.includes('in-person')) return;
      say(
        '\nWhere does it meet? (Latitude and longitude: right-click the place on openstreetmap.org, choose "Show address", and copy the two numbers; you can paste both into the latitude question.)',
      );
      for (;;) {
        const v = emptyVenue();
        d.venues.push(v);
        const k = `venues[${d.venues.length - 1}]`;
        await checked(d, '  Name of the building or place: ', `${k}.name`, (a) => (v.name = a));
        await checked(d, '  Street address (without town or postcode): ', `${k}.address`, (a) => (v.address = a));
        await checked(d, '  Town: ', `${k}.town`, (a) => (v.town = a));
        await checked(d, '  Postcode: ', `${k}.postcode`, (a) => (v.postcode = a));
        // The point: both numbers are asked again while they are not a point in the area.
        for (;;) {
          let pair: { lat: string; lng: string } | undefined;
          v.lng = '';
          await checked(d, `  Latitude (e.g. ${point.lat}): `, `${k}.lat`, (a) => {
            v.lat = a;
            pair = splitLatLng(a);
            if (pair) Object.assign(v, pair);
          });
          if (!pair) await checked(d, `  Longitude (e.g. ${point.lng}): `, `${k}.lng`, (a) => (v.lng = a));
          const outside = checkDraft(d, io.dir).problems.filter(
            (p) => p.severity === 'error' && isAbout(p.field, `${k}.lat`),
          );
          if (!outside.length) break;
          for (const p of outside) say(`  ${p.message}`);
        }
        if (!yes(await ask('Add another venue? (yes/no) '))) break;
      }
    },
    schedules: async (d) => {
      d.schedules = [];
      const kinds = [
        { id: 'weekly', label: 'Every week' },
        { id: 'every', label: 'Every few weeks' },
        { id: 'monthly', label: 'On set days of the month (e.g. 2nd Tuesday)' },
        { id: 'dates', label: 'On set dates' },
        { id: 'none', label: 'No regular sessions (by appointment, or get in touch)' },
      ];
      say('\nWhen does it meet?');
      for (;;) {
        const [kind] = await choose('Number: ', kinds, { required: true });
        if (kind === 'none') break;
        const s: ScheduleDraft = { ...emptySchedule(), kind: kind as ScheduleDraft['kind'] };
        d.schedules.push(s);
        const k = `schedules[${d.schedules.length - 1}]`;
        // Times as people write them ("10am", "1.30pm", "13:30"), written on the 24-hour clock.
        const time = (a: string) => (a.trim() ? (parseTime(a) ?? a.trim()) : '');
        if (kind === 'monthly') {
          s.weeks = await until('  Which weeks of the month? (e.g. 1st, 3rd, last) ', (a) =>
            listOf([a]).map((w) => {
              const o = ORDINAL_WORDS[w.toLowerCase()];
              if (!o) throw new Error(`"${w}" is not a week of the month: use ${Object.keys(ORDINALS).join(', ')}.`);
              return o;
            }),
          );
        }
        if (kind !== 'dates') s.days = await until('  Which days? (e.g. tue, thu) ', parseDays);
        if (kind === 'every') {
          await checked(d, '  Every how many weeks? (e.g. 2) ', `${k}.every`, (a) => (s.every = a));
          await checked(d, '  The date of one meeting, to count from (YYYY-MM-DD): ', `${k}.from`, (a) => (s.from = a));
        }
        if (kind === 'dates')
          await checked(d, '  Which dates? (YYYY-MM-DD, separated by commas) ', `${k}.dates`, (a) => (s.dates = a));
        await checked(d, '  Start time (e.g. 10am, 1.30pm or 13:30; blank if none): ', `${k}.start`, (a) => {
          s.start = time(a);
        });
        if (s.start.trim())
          await checked(d, '  End time (e.g. 11.30am; blank if none): ', `${k}.end`, (a) => (s.end = time(a)));
        s.note = await ask('  Anything else about when? (e.g. Term time only; blank if not) ');
        if (!yes(await ask('Add another time it meets? (yes/no) '))) break;
        say('How often?');
      }
    },
    cost: async (d) => {
      const answer = (await ask('\nIs it free? (yes / no / blank if you do not know) ')).trim().toLowerCase();
      d.cost = yes(answer) ? 'free' : /^no?$/.test(answer) ? 'paid' : 'unknown';
      if (d.cost === 'paid') {
        d.amounts = [
          {
            amount: await ask('  How much, in pounds? (e.g. 2.50) '),
            description: await ask('  What for? (e.g. per session) '),
          },
        ];
      }
      if (d.cost !== 'unknown')
        d.costNote = await ask('  Anything else about cost? (e.g. Donations welcome; blank if not) ');
    },
    contacts: async (d) => {
      d.contacts = [];
      say(
        "\nWho should people contact? Use the group's own phone or email where you can, and only publish someone's details with their agreement.",
      );
      for (;;) {
        const c = emptyContact();
        d.contacts.push(c);
        const k = `contacts[${d.contacts.length - 1}]`;
        await checked(d, '  Who answers? (a role such as "Group organiser") ', `${k}.name`, (a) => (c.name = a));
        await checked(d, '  Phone (blank if none): ', `${k}.phone`, (a) => (c.phone = a));
        await checked(d, '  Email (blank if none): ', `${k}.email`, (a) => (c.email = a));
        if (!c.name.trim() && !c.phone.trim() && !c.email.trim()) d.contacts.pop();
        if (!yes(await ask('Add another contact? (yes/no) '))) break;
      }
    },
    website: (d) =>
      checked(d, 'Website (like https://example.org; blank if none): ', 'website', (a) => (d.website = tidyWebsite(a))),
    who: async (d) => {
      await checked(d, '\nYoungest age welcome, in years (blank if any age): ', 'min_age', (a) => (d.minAge = a));
      await checked(d, 'Oldest age welcome (blank if no limit): ', 'max_age', (a) => (d.maxAge = a));
      say('Is it especially for anyone? (blank if for everyone)');
      d.audience = await choose(
        'Numbers, separated by commas: ',
        AUDIENCES.map((id) => ({ id, label: AUDIENCE_LABELS[id] })),
      );
      await checked(d, 'Any rules about who can take part? (blank if none) ', 'eligibility', (a) => (d.eligibility = a));
    },
    accessibility: async (d) => {
      say('\nAccessibility: which of these does it have? (blank if you do not know)');
      d.accessibility = await choose(
        'Numbers, separated by commas: ',
        ACCESSIBILITY.map((id) => ({ id, label: ACCESSIBILITY_LABELS[id] })),
      );
    },
    languages: async (d) => {
      const answer = await ask('Languages spoken, as two-letter codes (blank for English only; e.g. en, pl): ');
      d.languages = answer.trim() ? listOf([answer.toLowerCase()]) : ['en'];
    },
    description: async (d) => {
      say(
        '\nDescribe it for someone thinking of going, in a few lines. Finish with an empty line. (You can add more paragraphs to the file afterwards.)',
      );
      const lines: string[] = [];
      for (;;) {
        const line = await ask('> ');
        if (!line.trim()) break;
        lines.push(line);
      }
      d.description = lines.join('\n').trim();
    },
    checked: async (d) => {
      await checked(
        d,
        `\nWhen were these details checked with the group? (YYYY-MM-DD, blank for today ${io.today}) `,
        'last_verified',
        (a) => (d.lastVerified = a.trim() || io.today),
      );
      await checked(
        d,
        `Who checked them? (a team or role, e.g. "${site.examples.verified_by}") `,
        'verified_by',
        (a) => (d.verifiedBy = a),
      );
    },
    id: async (d) => {
      const made = entryIdFromName(d.name);
      const taken = existingIds(io.dir);
      const suggestion = made ? uniqueEntryId(made, taken) : '';
      if (made && taken.has(made))
        say(
          `\nThere is already an entry called ${made}. If it is the same group, edit content/entries/${made}.md instead.`,
        );
      await checked(
        d,
        `The file name (the web address will be /entries/<name>/)${suggestion ? ` [${suggestion}]` : ''}: `,
        'id',
        (a) => (d.id = a.trim() || suggestion),
      );
    },
  };

  /** Which section asks for the field a problem is about. */
  const sectionOf = (field: string): string => {
    const root = field.split(/[.[]/)[0];
    if (['min_age', 'max_age', 'audience', 'eligibility'].includes(root)) return 'who';
    if (['last_verified', 'verified_by'].includes(root)) return 'checked';
    if (root === 'body') return 'description';
    if (root === 'status' || root === 'alert' || root === 'front matter' || root === 'file') return 'name';
    return root in sections ? root : 'name';
  };

  say(`Adding a group to ${site.title}. Press Enter to skip anything optional; Ctrl+C stops without writing.\n`);
  const d = emptyDraft(io.today);
  d.schedules = [];
  d.contacts = [];
  d.venues = [];
  const order = [
    'name',
    'summary',
    'organisation',
    'categories',
    'neighbourhoods',
    'join',
    'delivery',
    'venues',
    'schedules',
    'cost',
    'contacts',
    'website',
    'who',
    'accessibility',
    'languages',
    'description',
    'checked',
    'id',
  ];
  for (const s of order) await sections[s](d);

  for (let round = 0; ; round++) {
    const checked = checkDraft(d, io.dir);
    const errors = checked.problems.filter((p) => p.severity === 'error');
    for (const p of checked.problems.filter((q) => q.severity === 'warning')) say(`Note: ${p.message}`);
    if (!errors.length) {
      say(`\nThis is the entry:\n\n${checked.text}`);
      const shown = relative(process.cwd(), checked.path) || checked.path;
      if (!yes(await ask(`Write it to ${shown}? (yes/no) `))) {
        say('Nothing written.');
        return 1;
      }
      return writeEntry(checked, io);
    }
    say(`\nA few things need fixing:`);
    for (const p of errors) say(`  - ${p.field}: ${p.message}`);
    if (round >= 4 && !yes(await ask('Try again? (yes/no) '))) {
      say('Nothing written.');
      return 1;
    }
    const again = [...new Set(errors.map((p) => sectionOf(p.field)))];
    say('');
    for (const s of order.filter((o) => again.includes(o))) await sections[s](d);
  }
}

// ---------------------------------------------------------------------------------------------

export async function main(argv: string[]): Promise<number> {
  const dir = contentDir();
  // The book's words, for the labels and the whole area's name the questions show.
  loadMessages(dir);
  const pinned = process.env.BOOK_TODAY;
  const today = pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned) ? pinned : londonDate(new Date());
  const tty = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const io: Io = { dir, today, out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };
  const args = argv.filter((a) => a !== '--');
  if (!tty) return runFlags(args.length ? args : ['--help'], io).then((code) => (args.length ? code : 2));
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  io.ask = (q) => rl.question(q);
  try {
    const onlySwitches = args.every((a) => ['--yes', '--dry-run'].includes(a));
    return onlySwitches ? await runInteractive(io) : await runFlags(args, io);
  } finally {
    rl.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`new-entry: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
