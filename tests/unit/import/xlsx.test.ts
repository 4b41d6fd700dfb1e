/**
 * The .xlsx reader (scripts/import/xlsx.ts) on a small workbook made for this test
 * (tests/fixtures/import/xlsx/groups.xlsx: a notes sheet first, then the groups; a phone number
 * stored as a number, a date cell, a true/false cell, a row shorter than the header).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../scripts/import/xlsx';
import { importFixtures } from '../../helpers/import-book';

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
