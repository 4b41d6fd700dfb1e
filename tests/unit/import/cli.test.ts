/**
 * The command line itself (`npm run import`), for the paths the other tests reach only through
 * their functions: `--suggest-mapping` on a spreadsheet (a workbook saved by LibreOffice and the
 * CSV it was made from), and a folder of HSDS documents, as a maintainer would run them.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { importFixtures, sampleBookDir } from '../../helpers/import-book';
import { repoRoot } from '../../helpers/build';

const work = mkdtempSync(join(tmpdir(), 'cb-import-cli-'));
const book = join(work, 'book');
for (const f of ['site.yaml', 'categories.yaml', 'neighbourhoods'])
  cpSync(join(sampleBookDir, f), join(book, f), { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (...args: string[]) =>
  promisify(execFile)(
    process.execPath,
    [join(repoRoot, 'scripts/lib/bundled.mjs'), 'scripts/import/import.ts', ...args],
    {
      cwd: repoRoot,
      env: { ...process.env, BOOK_CONTENT: book },
    },
  );

describe('npm run import, on the command line', { timeout: 120_000 }, () => {
  it('--suggest-mapping writes a starter mapping from the heading row, the same for the workbook and its CSV', async () => {
    const sheets = join(importFixtures, 'libreoffice');
    const fromXlsx = (await run('--suggest-mapping', join(sheets, 'groups.xlsx'))).stdout;
    // The sheet has a title row and a blank row above its headings: the suggestion says so.
    expect(fromXlsx).toContain('header_row: 3');
    const fromCsv = (await run('--suggest-mapping', join(sheets, 'groups.csv'))).stdout;
    expect(fromXlsx).toBe(fromCsv);
    const mapping = yaml.load(fromXlsx) as Record<string, unknown>;
    expect(mapping && typeof mapping).toBe('object');
    // Every heading of the sheet is named in the suggestion, so none is silently dropped.
    for (const heading of ['Group Name', 'Postcode', 'Day and time', 'Wheelchair access', 'Notes'])
      expect(fromXlsx).toContain(heading);
  });

  it('a folder of HSDS documents: a dry run writes only the report, and accounts for every document', async () => {
    const folder = join(importFixtures, 'hsds-examples');
    const documents = readdirSync(folder).filter((f) => f.endsWith('.json'));
    const report = join(work, 'report');
    await run(folder, '--dry-run', '--report', report, '--today', '2026-12-01');
    expect(existsSync(join(book, 'entries')) && readdirSync(join(book, 'entries')).length).toBeFalsy();
    const json = JSON.parse(readFileSync(`${report}.json`, 'utf8')) as {
      entries: unknown[];
      not_imported: { origin: { file?: string }; reasons: string[] }[];
    };
    // 13 documents, one of them (service_list.json) with the same service again: 13 records.
    expect(json.entries).toEqual([]);
    const files = new Set(json.not_imported.map((r) => r.origin.file?.split('/').pop()?.split(' ')[0]));
    for (const f of documents) expect(files.has(f), f).toBe(true);
    for (const r of json.not_imported) expect(r.reasons.join(' '), JSON.stringify(r.origin)).toMatch(/\w/);
    expect(json.not_imported.find((r) => r.origin.file?.endsWith('/location.json'))?.reasons[0]).toMatch(
      /an HSDS location, not a service/,
    );
    expect(readFileSync(`${report}.md`, 'utf8')).toMatch(/not imported/i);
  });
});
