/**
 * A sheet of an .xlsx workbook as rows of text, through read-excel-file (MIT, read-only, small,
 * maintained; SheetJS's npm releases stopped at 0.18.5 with known advisories, and exceljs pulls in
 * a writer and archiver the importer does not need). Numbers keep the digits Excel stored; dates
 * become YYYY-MM-DD; true/false become yes/no.
 */
import { readFileSync } from 'node:fs';
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
