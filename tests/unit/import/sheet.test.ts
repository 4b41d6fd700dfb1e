/**
 * A spreadsheet with the mess real ones hold (tests/fixtures/import/sheet): a title row, blank
 * rows, a note in merged cells, "Tues & Thurs 10-12", £ signs, a duplicate row, a near-duplicate
 * name, trailing spaces, capitals, dates three ways, a missing postcode, a postcode with no
 * coordinates. Every row becomes an entry or is reported with its row and why.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../../src/lib/content/front-matter';
import { postcodeLookup } from '../../../src/lib/import/places';
import { planImport } from '../../../src/lib/import/plan';
import {
  checkMapping,
  headersOf,
  sheetToCandidates,
  suggestMapping,
  tidyCapitals,
} from '../../../src/lib/import/sheet';
import { importBook, importFixtures } from '../../helpers/import-book';

const dir = join(importFixtures, 'sheet');
const rows = parse(readFileSync(join(dir, 'groups.csv'), 'utf8'), { relax_column_count: true }) as string[][];
const raw = yaml.load(readFileSync(join(dir, 'mapping.yaml'), 'utf8')) as { header_row: number };

function run(withPostcodes = true) {
  const book = importBook();
  if (withPostcodes) book.postcodes = postcodeLookup(parse(readFileSync(join(dir, 'postcodes.csv'), 'utf8')));
  const mapping = checkMapping(raw, headersOf(rows, raw.header_row));
  const { candidates, notImported } = sheetToCandidates(rows, mapping, 'groups.csv', book);
  const result = planImport(candidates, book, []);
  result.notImported.unshift(...notImported);
  return result;
}
const data = (text: string) => readFrontMatter(text).data as Record<string, unknown>;

describe('spreadsheet import', () => {
  const result = run();
  const byRow = new Map<number, string>();
  for (const e of result.entries) byRow.set(e.origin.row!, `entry ${e.id}`);
  for (const n of result.notImported) byRow.set(n.origin.row!, `not imported: ${n.reasons.join('; ')}`);

  it('accounts for every row of the sheet, once', () => {
    const counted = [...result.entries, ...result.notImported].map((x) => x.origin.row).sort((a, b) => a! - b!);
    // Row 2 is blank above the headings and row 3 holds the headings; row 6 is a note merged into row 5.
    const expected = Array.from({ length: rows.length }, (_, i) => i + 1).filter((r) => ![2, 3, 6].includes(r));
    expect(counted).toEqual(expected);
    expect(result.entries.find((e) => e.origin.row === 5)!.guesses).toContain(
      'body: row 6 (a note with no name under this row) added to the text',
    );
  });

  it('reports each row it could not import with the row, the column and the validator\u2019s message', () => {
    expect(byRow.get(1)).toMatch(/above the heading row/);
    expect(byRow.get(7)).toBe('not imported: a blank row');
    expect(byRow.get(10)).toMatch(/row 10, columns Venue, Address, Postcode .*postcode. is missing/);
    expect(byRow.get(11)).toMatch(/row 11, column Email .*not an email address/);
    expect(byRow.get(12)).toMatch(/no way to get in touch/);
    expect(byRow.get(13)).toMatch(/row 13, column Category .*categories. is missing/);
    expect(byRow.get(14)).toMatch(/source id G001 appears twice/);
  });

  it('reads the awkward values', () => {
    const knit = data(result.entries.find((e) => e.id === 'abram-knit-and-natter')!.text);
    expect(knit.name).toBe('Abram Knit and Natter');
    expect(knit.schedules).toEqual([{ weekly: ['tue', 'thu'], start: '10:00', end: '12:00' }]);
    expect(knit.cost).toEqual({ amounts: [{ amount: 2.5, description: 'per session' }] });
    expect(knit.accessibility).toEqual(['step-free']);
    expect(knit.last_verified).toEqual(new Date('2026-11-01'));
    expect((knit.venues as { postcode: string }[])[0].postcode).toBe('WN2 5XB');
    const chair = result.entries.find((e) => e.origin.row === 5)!;
    expect(data(chair.text).name).toBe('Chair Exercise for Over 60s');
    expect(data(chair.text).schedules).toEqual([{ monthly: ['2nd mon', '4th mon'], start: '13:30', end: '15:00' }]);
    expect(readFrontMatter(chair.text).body).toBe(
      'Please bring water and wear comfy shoes. Merged from the row above.',
    );
    const shed = data(result.entries.find((e) => e.id === 'leigh-mens-shed')!.text);
    expect(shed.cost).toEqual({ pay_what_you_can: true, amounts: [{ amount: 1 }], note: '£1 (pay what you can)' });
    expect(shed.last_verified).toEqual(new Date('2026-10-01'));
    expect((shed.venues as { lat: number }[])[0].lat).toBe(53.4975);
  });

  it('reports a near-duplicate name at the same venue', () => {
    expect(result.duplicates).toEqual([
      {
        a: 'leigh-mens-shed',
        b: 'leigh-mens-shed-2',
        evidence:
          'names "Leigh Men\'s Shed" and "Leigh Mens Shed" differ by 1 letter at the same venue (Leigh Library)',
      },
    ]);
  });

  it('says which venues need the postcode file when there is none', () => {
    const without = run(false);
    const shed = without.notImported.find((n) => n.origin.row === 8)!;
    expect(shed.reasons[0]).toMatch(
      /WN7 1DY\) has no coordinates, and no postcode file was given. Fix: pass --postcodes/,
    );
  });

  it('accounts for every cell of the imported rows', () => {
    expect(result.entries.flatMap((e) => e.unplaced)).toEqual([]);
  });

  it('suggests a mapping from the headings', () => {
    const text = suggestMapping(headersOf(rows, 3));
    const m = yaml.load(text) as { columns: Record<string, string> };
    expect(m.columns).toMatchObject({
      id: 'Ref',
      name: 'Group name',
      postcode: 'Postcode',
      when: 'Day and time',
      cost: 'Cost',
      email: 'Email',
    });
    expect(() => checkMapping(m, headersOf(rows, 3))).not.toThrow();
  });

  it("shows the book's own category and neighbourhood in the mapping's examples", () => {
    const text = suggestMapping(headersOf(rows, 3), 3, {
      category: { id: 'lunch-clubs', name: 'Lunch clubs' },
      neighbourhood: { id: 'farnworth', name: 'Farnworth & Kearsley' },
    });
    expect(text).toContain('categories: {}   # e.g. Lunch clubs: lunch-clubs');
    expect(text).toContain('neighbourhoods: {}   # e.g. "Farnworth & Kearsley": farnworth');
    expect(text).not.toMatch(/Hindley|Wigan/);
    expect(suggestMapping(headersOf(rows, 3))).not.toMatch(/Hindley|Wigan/);
  });

  it('refuses a mapping that names a column the sheet lacks', () => {
    expect(() => checkMapping({ columns: { name: 'Title' } }, headersOf(rows, 3))).toThrow(/"Title" is not a column/);
  });

  it('tidies names written in capitals only', () => {
    expect(tidyCapitals('CHAIR EXERCISE FOR OVER 60s')).toBe('Chair Exercise for Over 60s');
    expect(tidyCapitals('NHS Health Check')).toBe('NHS Health Check');
  });
});
