/**
 * Test helper for the open-data tests (not a test file itself): reads a book folder exactly as
 * the build does (front matter with js-yaml 4, the same zod schema), and adds a few hand-made
 * entries that cover every schedule shape, every status and hostile text, so the tests have
 * something to chew on even while content/ is small.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from 'astro/markdown';
import yaml from 'js-yaml';
import { makeEntrySchema, neighbourhoodSchema, type Category, type EntryInput } from '../../src/schema';
import { loadCategories, loadContext, loadSite } from '../../src/server/content-files';
import type { ExportContext, ExportEntry } from '../../src/lib/exports/context';

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
// The official Open Referral schemas, copied unchanged into the repository (CC BY-SA 4.0, see its README).
export const hsdsDir = resolve(repoRoot, 'tests', 'fixtures', 'hsds-3.0');

export interface TestBook {
  ctx: ExportContext;
  entries: ExportEntry[];
  tree: { category: Category; children: Category[] }[];
}

/** The book in `dir` (default: the sample book the tests keep, tests/fixtures/sample-book), plus the hand-made entries. */
export function loadTestBook(dir = resolve(repoRoot, 'tests/fixtures/sample-book'), withExtras = true): TestBook {
  const site = loadSite(dir);
  const categories = loadCategories(dir);
  const schema = makeEntrySchema(loadContext(dir));
  const hoodDir = join(dir, 'neighbourhoods');
  const neighbourhoods = readdirSync(hoodDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({
      id: f.replace(/\.yaml$/, ''),
      ...neighbourhoodSchema.parse(yaml.load(readFileSync(join(hoodDir, f), 'utf8'))),
    }));
  const entryDir = join(dir, 'entries');
  const files = existsSync(entryDir)
    ? readdirSync(entryDir)
        .filter((f) => f.endsWith('.md'))
        .sort()
    : [];
  const entries: ExportEntry[] = files.map((f) => ({
    id: f.replace(/\.md$/, ''),
    data: schema.parse(parseFrontmatter(readFileSync(join(entryDir, f), 'utf8')).frontmatter),
  }));
  if (withExtras) {
    const hoods = neighbourhoods.map((n) => n.id);
    const cats = categories.filter((c) => c.parent).map((c) => c.id);
    for (const [id, input] of Object.entries(extraEntries(hoods, cats)))
      entries.push({ id, data: schema.parse(input) });
  }
  const tree = categories
    .filter((c) => !c.parent)
    .map((category) => ({ category, children: categories.filter((c) => c.parent === category.id) }));
  return { ctx: { site, categories, neighbourhoods }, entries, tree };
}

/** Hand-made entries: every schedule shape and status, and text that tries to break each format. */
export function extraEntries(hoods: string[], cats: string[]): Record<string, EntryInput> {
  const venue = {
    name: 'Test Hall',
    address: '1 "Quoted", Street',
    town: 'Wigan',
    postcode: 'WN1 1AA',
    lat: 53.545,
    lng: -2.632,
  };
  return {
    'zz-test-fortnightly': {
      name: '=HYPERLINK("http://evil.example","click") & co',
      // No line break: one-line fields refuse them (src/schema/fields.ts); the exports' own
      // escaping of line breaks is tested on the functions directly (exports.test.ts).
      summary: 'Every other Thursday, "bring your own"; tea and <!-- biscuits',
      organisation: 'Test Trust',
      categories: [cats[0], cats[1]],
      neighbourhoods: [hoods[0]],
      join: ['drop-in', 'booking'],
      eligibility: 'Line one; line two, with a comma',
      cost: {
        amounts: [
          { amount: 2.5, description: 'per session' },
          { amount: 1, description: 'concessions' },
        ],
      },
      accessibility: ['step-free', 'hearing-loop'],
      languages: ['en', 'pl'],
      venues: [venue, { ...venue, name: 'Second Hall', lat: 53.5, lng: -2.5 }],
      schedules: [
        { weekly: ['thu'], every: 2, from: '2026-01-08', until: '2026-11-26', start: '09:30', end: '11:00' },
        { dates: ['2026-03-29', '2026-10-25', '2026-12-12'], start: '01:30', end: '03:00' },
      ],
      contacts: [{ name: '@organiser', phone: '+44 1942 555666', email: 'a@example.org' }, { phone: '01942 111222' }],
      website: 'https://example.org/fortnightly',
      last_verified: '2025-11-02',
      verified_by: '-team',
    },
    'zz-test-monthly': {
      name: 'Test Monthly Café',
      summary: 'Second Tuesday, fifth Wednesday and last Friday.',
      categories: [cats[2]],
      neighbourhoods: [hoods[1], hoods[2]],
      join: ['drop-in'],
      cost: { free: true },
      venues: [venue],
      schedules: [
        { monthly: ['2nd tue', '5th wed', 'last fri'], start: '18:00', end: '20:30', note: 'Not in August' },
        { weekly: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '2026-02-01' },
      ],
      contacts: [{ email: 'cafe@example.org' }],
      last_verified: '2026-05-20',
    },
    'zz-test-closed': {
      name: 'Test Closed Club',
      summary: 'Stopped meeting.',
      categories: [cats[0]],
      neighbourhoods: [hoods[0]],
      status: 'closed',
      join: ['drop-in'],
      venues: [venue],
      schedules: [{ weekly: ['wed'], start: '12:00' }],
      contacts: [{ email: 'closed@example.org' }],
      last_verified: '2024-01-10',
    },
    'zz-test-helpline': {
      name: 'Test Helpline',
      summary: 'Phone support for the whole borough.',
      categories: [cats[3]],
      neighbourhoods: ['borough-wide'],
      status: 'temporarily-closed',
      alert: 'Closed until further notice.',
      join: ['self-referral', 'professional-referral'],
      delivery: ['phone', 'online'],
      min_age: 16,
      max_age: 25,
      schedules: [{ weekly: ['mon', 'wed'], start: '09:00', end: '17:00', until: '2027-03-31' }],
      contacts: [{ name: 'Helpline', phone: '0800 123 4567' }],
      last_verified: '2026-08-31',
    },
    'zz-test-bank-holidays': {
      name: 'Test Monday Club',
      summary: 'Every Monday, but not on bank holidays; home visits too.',
      categories: [cats[1]],
      neighbourhoods: [hoods[0]],
      join: ['drop-in'],
      delivery: ['in-person', 'home-visit'],
      venues: [venue],
      schedules: [{ weekly: ['mon'], start: '10:00', end: '12:00', not_on_bank_holidays: true }],
      contacts: [{ phone: '01942 333444' }],
      last_verified: '2026-03-01',
    },
    'zz-test-reopens': {
      name: 'Test Reopening Group',
      summary: 'Closed for repairs; back in December.',
      categories: [cats[2]],
      neighbourhoods: [hoods[1]],
      status: 'temporarily-closed',
      reopens: '2026-12-02',
      join: ['drop-in'],
      venues: [venue],
      schedules: [{ weekly: ['wed'], start: '14:00', end: '15:00' }],
      contacts: [{ email: 'reopens@example.org' }],
      last_verified: '2026-09-01',
    },
  };
}
