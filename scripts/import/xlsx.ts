/**
 * A spreadsheet file as rows of text: CSV, or a sheet of an .xlsx workbook. Workbooks are read
 * through read-excel-file (MIT, read-only, small, maintained; SheetJS's npm releases stopped at
 * 0.18.5 with known advisories, and exceljs pulls in a writer and archiver the importer does not
 * need). Numbers keep the digits the file stored; date cells become YYYY-MM-DD; TRUE/FALSE cells
 * become yes/no; a formula gives the result the program saved with it. Tested on a handmade
 * workbook and on one saved by LibreOffice (tests/fixtures/import/libreoffice).
 */
import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}

export async function readXlsx(file: string, sheet?: string): Promise<string[][]> {
  const sheets = await readXlsxFile<string>(readFileSync(file), { parseNumber: (s) => s });
  const found = sheet ? sheets.find((s) => s.sheet.toLowerCase() === sheet.toLowerCase()) : sheets[0];
  if (!found)
    throw new Error(
      `${file} has no sheet "${sheet}". Fix: use one of ${sheets.map((s) => `"${s.sheet}"`).join(', ')} as sheet: in the mapping.`,
    );
  return found.data.map((row) => row.map(cellText));
}

/** A spreadsheet's rows: CSV (UTF-8, with or without BOM) or the named sheet of an XLSX file. */
export async function readSheet(file: string, sheet?: string): Promise<string[][]> {
  if (/\.xlsx$/i.test(file)) return readXlsx(file, sheet);
  const text = readFileSync(file, 'utf8').replace(/^\ufeff/, '');
  return parseCsv(text, { relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
}
