/**
 * A spreadsheet file as rows of text: CSV, or a sheet of an .xlsx workbook. Workbooks are read
 * through read-excel-file (MIT, read-only, small, maintained; SheetJS's npm releases stopped at
 * 0.18.5 with known advisories, and exceljs pulls in a writer and archiver the importer does not
 * need). Numbers keep the digits the file stored; date cells become YYYY-MM-DD; TRUE/FALSE cells
 * become yes/no; a formula gives the result the program saved with it. A number Excel stored with
 * binary noise (2.3 saved as 2.2999999999999998) reads as Excel shows it: 15 significant digits.
 * Tested on a handmade workbook, on one saved by LibreOffice (tests/fixtures/import/libreoffice)
 * and on workbooks saved by Excel itself (tests/fixtures/import/excel).
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

/**
 * A number cell's stored text as Excel shows it. A whole number keeps every digit it was stored
 * with (a long reference number stays exact); any other number is rounded to 15 significant
 * digits, the precision Excel works to, so 2.2999999999999998 is 2.3 and 6.8000000000000005E-4
 * is 0.00068.
 */
export function storedNumberText(stored: string): string {
  const s = stored.trim();
  if (/^-?\d+$/.test(s)) return s;
  const n = Number(s);
  if (!Number.isFinite(n)) return stored;
  const shown = Number(n.toPrecision(15));
  return Math.abs(shown) >= 1e-6 && Math.abs(shown) < 1e21 ? String(shown) : shown.toExponential().toUpperCase();
}

/** What a file that is not an .xlsx workbook is, in words a maintainer can act on. */
export function notAWorkbook(file: string, head: Uint8Array): string | undefined {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0xd0, 0xcf, 0x11, 0xe0))
    return `${file} is not an .xlsx workbook: it is an older Excel file (.xls), or a workbook saved with a password. Fix: open it and save it as "Excel Workbook (.xlsx)" without a password, or as "CSV UTF-8".`;
  if (!starts(0x50, 0x4b))
    return `${file} is not an .xlsx workbook (an .xlsx file is a zip archive, and this one is not). Fix: save the sheet as "Excel Workbook (.xlsx)" or as "CSV UTF-8".`;
  return undefined;
}

export async function readXlsx(file: string, sheet?: string): Promise<string[][]> {
  const bytes = readFileSync(file);
  const wrong = notAWorkbook(file, bytes.subarray(0, 4));
  if (wrong) throw new Error(wrong);
  let sheets: Awaited<ReturnType<typeof readXlsxFile<string>>>;
  try {
    sheets = await readXlsxFile<string>(bytes, { parseNumber: storedNumberText });
  } catch (err) {
    throw new Error(
      `${file} could not be read as an .xlsx workbook: ${(err as Error).message}. Fix: open it and save it again as "Excel Workbook (.xlsx)", or as "CSV UTF-8".`,
    );
  }
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
