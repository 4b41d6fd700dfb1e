/**
 * The .xlsx reader (scripts/import/xlsx.ts) on a small workbook made for this test
 * (tests/fixtures/import/xlsx/groups.xlsx: a notes sheet first, then the groups; a phone number
 * stored as a number, a date cell, a true/false cell, a row shorter than the header), and on a
 * workbook saved by LibreOffice from a CSV, imported beside that CSV.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { readSheet, readXlsx, storedNumberText } from '../../../scripts/import/xlsx';
import { readFrontMatter } from '../../../src/lib/content/front-matter';
import { postcodeLookup } from '../../../src/lib/import/places';
import { planImport } from '../../../src/lib/import/plan';
import { checkMapping, headersOf, sheetToCandidates } from '../../../src/lib/import/sheet';
import { differences, importBook, importFixtures } from '../../helpers/import-book';

const file = join(importFixtures, 'xlsx', 'groups.xlsx');

describe('readXlsx', () => {
  it('reads the named sheet as rows of text: numbers as stored, dates as YYYY-MM-DD, true as yes', async () => {
    const rows = await readXlsx(file, 'groups');
    expect(rows[0]).toEqual(['Name', 'When', 'Phone', 'Checked', 'Free']);
    expect(rows[1]).toEqual(['Leigh Lunch Club', 'Tues & Thurs 10-12', '01942000001', '2025-12-09', 'yes']);
    expect(rows[2].slice(0, 3)).toEqual(['Café Côté', '', '2.5']);
  });
  it('reads the first sheet when none is named', async () => {
    expect((await readXlsx(file))[0][0]).toBe('Kept by the neighbourhood team');
  });
  it('names the sheets there are when the mapping names one that is not', async () => {
    await expect(readXlsx(file, 'Clubs')).rejects.toThrow(/has no sheet "Clubs". Fix: use one of "Notes", "Groups"/);
  });
});

/**
 * A workbook saved by LibreOffice Calc from groups.csv (tests/fixtures/import/libreoffice/README.md):
 * shared strings, date cells, a TRUE cell, formulas with their saved results, merged cells, a blank
 * row, a second sheet. Imported through the same mapping, it gives the same entries as the CSV.
 */
describe('a workbook saved by LibreOffice', () => {
  const dir = join(importFixtures, 'libreoffice');
  const raw = yaml.load(readFileSync(join(dir, 'mapping.yaml'), 'utf8')) as { sheet: string; header_row: number };
  const postcodes = parse(readFileSync(join(importFixtures, 'sheet', 'postcodes.csv'), 'utf8')) as string[][];

  /** The import of one of the two files, as `npm run import` does it, with the file's name made neutral. */
  async function importOf(name: string) {
    const rows = await readSheet(join(dir, name), raw.sheet);
    const book = importBook();
    book.postcodes = postcodeLookup(postcodes);
    const { candidates, notImported } = sheetToCandidates(
      rows,
      checkMapping(raw, headersOf(rows, raw.header_row)),
      name,
      book,
    );
    const result = planImport(candidates, book, []);
    result.notImported.unshift(...notImported);
    // The file's name is the source system (and so in the checksum): the rest must be the same.
    const neutral = (s: string) => s.replaceAll(name, 'groups.*').replace(/\n {2}checksum: [0-9a-f]{40}/, '');
    return {
      rows,
      entries: result.entries.map((e) => ({ id: e.id, text: neutral(e.text), guesses: e.guesses.map(neutral) })),
      notImported: result.notImported.map((n) => ({ row: n.origin.row, reasons: n.reasons.map(neutral) })),
      duplicates: result.duplicates,
    };
  }

  it('reads the cells as the CSV has them: leading zeros, dates, TRUE, formula results, merged note, blank row', async () => {
    const { rows } = await importOf('groups.xlsx');
    expect(rows).toHaveLength(10);
    expect(rows[1].every((c) => c === '')).toBe(true);
    expect(rows[4].slice(1, 2)).toEqual(['Chair Yoga']); // =PROPER("chair")&" Yoga"
    expect(rows[4][12]).toBe('01942000002');
    expect(rows[3][15]).toBe('2026-11-01'); // a date cell shown 01/11/2026
    expect(rows[7][14]).toBe('yes'); // a TRUE cell
    expect(rows[8][11]).toBe('£1.50'); // ="£"&TEXT(1.5;"0.00")
    expect(rows[5][2]).toBe('Bring a bottle of water and wear something comfy.'); // merged across C6:Q6
    expect(rows[6].every((c) => c === '')).toBe(true);
  });

  it('imports the same entries, and reports the same rows, as the CSV it came from', async () => {
    const csv = await importOf('groups.csv');
    const xlsx = await importOf('groups.xlsx');
    expect(differences(xlsx.entries, csv.entries)).toEqual([]);
    expect(xlsx.notImported).toEqual(csv.notImported);
    expect(xlsx.duplicates).toEqual(csv.duplicates);
    expect(xlsx.entries.map((e) => e.id)).toEqual([
      'knit-and-natter',
      'chair-yoga',
      'carers-coffee-morning',
      'toddler-tunes',
    ]);
    expect(xlsx.notImported.map((n) => n.row)).toEqual([1, 7, 10]);
    const fm = (id: string) =>
      readFrontMatter(xlsx.entries.find((e) => e.id === id)!.text).data as Record<string, unknown>;
    expect(fm('chair-yoga').contacts).toEqual([{ phone: '01942000002' }]);
    expect(fm('knit-and-natter').last_verified).toEqual(new Date('2026-11-01'));
    expect(fm('carers-coffee-morning').accessibility).toEqual(['step-free']);
    expect(fm('toddler-tunes').cost).toEqual({ amounts: [{ amount: 1.5 }] });
    expect(xlsx.entries.find((e) => e.id === 'chair-yoga')!.text).toContain('Bring a bottle of water');
  });
});

/** Workbooks saved by Excel itself (tests/fixtures/import/excel/README.md says where each is from). */
describe('workbooks saved by Excel', () => {
  const dir = join(importFixtures, 'excel');
  it('read numbers as Excel shows them, the same cells another program wrote', async () => {
    const excel = await readXlsx(join(dir, 'f1-excel-2007.xlsx'));
    const sheetjs = await readXlsx(join(dir, 'f1-sheetjs.xlsx'));
    expect(excel).toEqual(sheetjs);
    expect(excel[4]).toEqual(['a6', '0.00068', '-0.568']); // stored as 6.8000000000000005E-4 and -0.56799999999999995
    expect(excel[1]).toEqual(['a1', '23', 'he,llo']);
  });
  it('read a date cell and the sheets by name as LibreOffice\u2019s copy of the same sheet', async () => {
    const mac = await readXlsx(join(dir, 'two-sheets-mac-excel-2016.xlsx'));
    expect(mac).toEqual(await readXlsx(join(dir, 'two-sheets-libreoffice.xlsx')));
    expect(mac[1]).toEqual(['string', '1986-09-27', '20064']);
    await expect(readXlsx(join(dir, 'two-sheets-mac-excel-2016.xlsx'), 'sheet1')).resolves.toBeDefined();
  });
  it('find the headings under a title row, on the sheet the mapping names', async () => {
    const rows = await readXlsx(join(dir, 'title-row-mac-excel-2013.xlsx'), 'Sheet2');
    expect(rows[0][0]).toMatch(/^Title/);
    expect(headersOf(rows, 3)).toEqual(['columnA', 'column B', 'column-C']);
    expect(rows[3][0]).toMatch(/^value Sheet?r?2-1-A$/);
  });
  it('say what to do with a workbook saved with a password, naming the file', async () => {
    const file = join(dir, 'password.xlsx');
    await expect(readXlsx(file)).rejects.toThrow(
      `${file} is not an .xlsx workbook: it is an older Excel file (.xls), or a workbook saved with a password. Fix: open it and save it as "Excel Workbook (.xlsx)" without a password, or as "CSV UTF-8".`,
    );
  });
  it('say what a file that is no workbook at all is', async () => {
    const file = join(importFixtures, 'libreoffice', 'groups.csv');
    await expect(readXlsx(file)).rejects.toThrow(`${file} is not an .xlsx workbook (an .xlsx file is a zip archive`);
  });
});

describe('storedNumberText', () => {
  it.each([
    ['2.2999999999999998', '2.3'],
    ['0.30000000000000004', '0.3'],
    ['6.8000000000000005E-4', '0.00068'],
    ['-0.56799999999999995', '-0.568'],
    ['1.5', '1.5'],
    ['1.0', '1'],
    ['01942000001', '01942000001'],
    ['123456789012345678', '123456789012345678'],
    ['1E-7', '1E-7'],
  ])('%s reads as %s', (stored, shown) => expect(storedNumberText(stored)).toBe(shown));
});
