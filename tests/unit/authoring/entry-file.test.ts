import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import yaml from 'js-yaml';
import YAML from 'yaml';
import { serialiseEntry, needsQuotes } from '../../../src/lib/authoring/entry-file';
import {
  CONTACT_FIELDS,
  ENTRY_FIELDS,
  VENUE_FIELDS,
  contactSchema,
  makeEntrySchema,
  venueSchema,
  type EntryInput,
  type SchemaContext,
} from '../../../src/schema';

const ctx: SchemaContext = {
  bounds: [
    [53.42, -2.76],
    [53.63, -2.4],
  ],
  categoryIds: new Set(['walking', 'food', 'debt-advice', 'lunch-clubs', 'carers', 'dementia']),
  neighbourhoodIds: new Set(['leigh', 'hindley-and-abram', 'wigan-central']),
};
const schema = makeEntrySchema(ctx);

/** Splits an entry file the way Astro does: front matter between `---` lines, then the body. */
function split(text: string): { front: string; body: string } {
  const m = /^---\n([\s\S]*?)^---\n([\s\S]*)$/m.exec(text);
  if (!m) throw new Error(`not an entry file:\n${text}`);
  return { front: m[1], body: m[2] };
}

function load(text: string): unknown {
  return yaml.load(split(text).front);
}

const venue = {
  name: 'Hindley Library',
  address: 'Market Street',
  town: 'Hindley',
  postcode: 'WN2 3AN',
  lat: 53.5423,
  lng: -2.5772,
};

const minimal: EntryInput = {
  name: 'Hindley Health Walks',
  summary: 'Friendly led walks of about an hour at a gentle pace.',
  categories: ['walking'],
  neighbourhoods: ['hindley-and-abram'],
  join: ['drop-in'],
  venues: [venue],
  schedules: [{ weekly: ['tue'], start: '10:00', end: '11:00' }],
  contacts: [{ name: 'Walk leader', phone: '01942 123456' }],
  last_verified: '2026-03-14',
};

const inputs: Record<string, EntryInput> = {
  minimal,
  'every schedule kind': {
    ...minimal,
    name: 'Leigh Lunch Club',
    schedules: [
      { weekly: ['mon', 'thu'], start: '12:00', end: '14:00' },
      { weekly: ['wed'], every: 2, from: '2026-01-07', start: '18:30', end: '20:00', note: 'Not on bank holidays' },
      { monthly: ['2nd tue'], start: '10:00' },
      { monthly: ['1st wed', '3rd wed'], start: '13:30', end: '15:00' },
      { monthly: ['last fri'] },
      { dates: ['2026-12-12', new Date(Date.UTC(2026, 11, 19))], start: '09:00', end: '12:00' },
      { weekly: ['fri'], from: new Date(Date.UTC(2026, 8, 7)), until: '2026-12-18', note: 'Term time only' },
    ],
  },
  'several venues, contacts and amounts': {
    ...minimal,
    name: 'Golborne Community Pantry',
    organisation: 'Golborne & Lowton Community Trust',
    categories: ['food', 'debt-advice'],
    neighbourhoods: ['leigh', 'wigan-central'],
    status: 'temporarily-closed',
    alert: 'Closed for repairs: back on 6 January',
    join: ['membership', 'self-referral'],
    delivery: ['in-person', 'phone'],
    min_age: 18,
    max_age: 99,
    audience: ['families', 'older-people'],
    eligibility: 'People living in WN7 or WA3: bring proof of address',
    cost: {
      amounts: [
        { amount: 3.5, description: 'per shop' },
        { amount: 0 },
        { amount: 12, description: 'a year: membership' },
      ],
      note: 'First shop free',
    },
    accessibility: ['step-free', 'hearing-loop', 'bsl'],
    languages: ['en', 'pl', 'ur'],
    venues: [
      venue,
      { name: "St Mary's Church Hall", address: '12 Church Street', postcode: 'wa3  3aa', lat: 53.4771, lng: -2.5951 },
    ],
    contacts: [
      { name: 'Pantry co-ordinator', phone: '07700 900123', email: 'pantry@example.org' },
      { email: 'hello@example.org' },
      { phone: '+44 1942 654321' },
      { phone: '111' },
    ],
    website: 'https://example.org/pantry?x=1&y=2#top',
    last_verified: new Date(Date.UTC(2025, 10, 30)),
    verified_by: 'Leigh neighbourhood team',
  },
  'online only, free': {
    name: 'Wigan Carers Online Café',
    summary: 'A monthly video call for carers.',
    categories: ['carers'],
    neighbourhoods: ['borough-wide'],
    join: ['booking'],
    delivery: ['online', 'phone'],
    cost: { free: true, note: 'Donations welcome' },
    schedules: [{ monthly: ['last wed'], start: '19:00', end: '20:00' }],
    website: 'https://example.net/carers',
    last_verified: '2026-10-01',
  },
  'appointment only, false free': {
    name: 'Debt Advice',
    summary: 'By appointment.',
    categories: ['debt-advice'],
    neighbourhoods: ['wigan-central'],
    join: ['booking'],
    delivery: ['home-visit'],
    cost: { free: false, amounts: [{ amount: 1 }] },
    contacts: [{ email: 'advice@example.com' }],
    last_verified: '2026-01-01',
  },
  'awkward strings': {
    ...minimal,
    name: '- Yes: the "Knit & Natter" #1',
    summary: "Tea, cake and chat: it's free! Bring a friend 😊 — café in Płock-style ñ ü 中文",
    organisation: 'yes',
    alert: '0123',
    eligibility: '[not a list] {not a map}',
    verified_by: '  padded  ',
    cost: { free: true, note: 'null' },
    venues: [{ ...venue, name: '*Star* Hall', address: '@home, 1 Main St.', town: 'true' }],
    schedules: [
      { dates: ['2026-11-05'], note: '2026-11-05' },
      { weekly: ['sat'], note: '%done? ok | > !' },
    ],
    contacts: [
      { name: '~', email: 'a.b+c@example.org' },
      { name: "'quoted'", phone: '0800 123 4567' },
      { name: '`code`', phone: '01942 111222' },
    ],
  },
};

describe('serialiseEntry', () => {
  for (const [label, input] of Object.entries(inputs)) {
    it(`round-trips through js-yaml and the schema: ${label}`, () => {
      const expected = schema.parse(input);
      const text = serialiseEntry(input, 'Some words.\n\n- a list\n- [a link](https://example.org)');
      expect(schema.parse(load(text))).toEqual(expected);
      // The `yaml` package (YAML 1.2 core schema, dates as strings) reads the same entry.
      expect(schema.parse(YAML.parse(split(text).front))).toEqual(expected);
    });
  }

  it('writes the volunteer-friendly layout', () => {
    const text = serialiseEntry(
      {
        ...minimal,
        audience: [],
        accessibility: ['step-free'],
        cost: { amounts: [{ amount: 2.5, description: 'per session' }] },
        languages: ['en'],
      },
      'We walk every Tuesday.\n',
    );
    expect(text).toBe(`---
name: Hindley Health Walks
summary: Friendly led walks of about an hour at a gentle pace.
categories: [walking]
neighbourhoods: [hindley-and-abram]
join: [drop-in]
cost:
  amounts:
    - amount: 2.5
      description: per session
accessibility: [step-free]
languages: [en]
venues:
  - name: Hindley Library
    address: Market Street
    town: Hindley
    postcode: WN2 3AN
    lat: 53.5423
    lng: -2.5772
schedules:
  - weekly: [tue]
    start: "10:00"
    end: "11:00"
contacts:
  - name: Walk leader
    phone: "01942 123456"
last_verified: 2026-03-14
---

We walk every Tuesday.
`);
  });

  it('always quotes monthly rules and writes dates unquoted', () => {
    const text = serialiseEntry(
      {
        ...minimal,
        schedules: [
          { monthly: ['2nd mon', 'last fri'] },
          { dates: ['2026-12-12', '2026-12-19'] },
          { weekly: ['thu'], every: 2, from: '2026-01-08' },
        ],
      },
      '',
    );
    expect(text).toContain('  - monthly: ["2nd mon", "last fri"]\n');
    expect(text).toContain('  - dates: [2026-12-12, 2026-12-19]\n');
    expect(text).toContain('    every: 2\n    from: 2026-01-08\n');
    expect(text.endsWith('last_verified: 2026-03-14\n---\n')).toBe(true);
  });

  it('keeps mistakes visible to the schema instead of hiding them', () => {
    // An impossible date must not be turned into a real one by the YAML date parser.
    const bad = serialiseEntry({ ...minimal, last_verified: '2026-02-30' }, '');
    expect((load(bad) as { last_verified: unknown }).last_verified).toBe('2026-02-30');
    expect(schema.safeParse(load(bad)).success).toBe(false);
    // Numbers stay numbers, so the schema can say "put the time in quotes".
    const num = serialiseEntry({ ...minimal, schedules: [{ weekly: ['tue'], start: 10 }] }, '');
    expect(schema.safeParse(load(num)).success).toBe(false);
    // Empty required lists are written, not dropped.
    const empty = serialiseEntry({ ...minimal, categories: [], languages: [] }, '');
    expect(load(empty)).toMatchObject({ categories: [], languages: [] });
  });

  it('puts long lists one item a line', () => {
    const text = serialiseEntry(
      {
        ...minimal,
        accessibility: [
          'step-free',
          'accessible-toilet',
          'hearing-loop',
          'parking',
          'blue-badge-parking',
          'near-bus-stop',
        ],
      },
      '',
    );
    expect(text).toContain('accessibility:\n  - step-free\n  - accessible-toilet\n');
    expect(schema.parse(load(text))).toEqual(
      schema.parse({
        ...minimal,
        accessibility: [
          'step-free',
          'accessible-toilet',
          'hearing-loop',
          'parking',
          'blue-badge-parking',
          'near-bus-stop',
        ],
      }),
    );
  });

  it('reads back any string exactly, plain or quoted, in block and flow position', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.constantFrom(
        'yes',
        'No',
        'ON',
        'null',
        '~',
        'true',
        '0123',
        '1e3',
        '.5',
        '-1',
        '+44',
        '0x1F',
        '0o17',
        '.inf',
        '-.NaN',
        '12:30',
        '2026-12-12',
        '2026-1-2 10:00',
        '1_000',
        '<<',
        '=',
        '...',
        '---',
        '- item',
        'a #b',
        'a: b',
        'a,b',
        '[x]',
        '{y}',
        '#tag',
        '&anchor',
        '*alias',
        '!tag',
        '|',
        '>',
        "'",
        '"',
        '%',
        '@',
        '`',
        '?',
        ':',
        ',',
        ' a',
        'a ',
        '\t',
        'a\nb',
        '\u2028',
        '\u0085',
        '\ufeff',
      ),
    );
    fc.assert(
      fc.property(text, (s) => {
        const doc = yaml.load(split(serialiseEntry({ ...minimal, name: s, categories: [s, 'walking'] }, '')).front) as {
          name: unknown;
          categories: unknown[];
        };
        expect(doc.name).toBe(s);
        expect(doc.categories).toEqual([s, 'walking']);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves ordinary words unquoted', () => {
    for (const s of [
      'Hindley Library',
      "St Mary's Church Hall",
      'Tea, cake and chat',
      '3 friendly walks a week',
      'Café',
      'per session',
    ]) {
      expect(needsQuotes(s)).toBe(false);
    }
    expect(needsQuotes('Tea, cake', true)).toBe(true);
  });
});

describe('the field lists (src/schema/vocab.ts) the writer and the form use', () => {
  it("are the schema's fields, in the schema's order", () => {
    const keys = (schema: unknown) => Object.keys((schema as { shape: Record<string, unknown> }).shape);
    expect([...ENTRY_FIELDS]).toEqual(keys(makeEntrySchema(ctx)));
    expect([...VENUE_FIELDS]).toEqual(keys(venueSchema(ctx)));
    expect([...CONTACT_FIELDS]).toEqual(keys(contactSchema));
  });
});
