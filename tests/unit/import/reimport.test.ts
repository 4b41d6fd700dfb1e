/**
 * `npm run import` end to end on a copy of the sample book with no entries: the files it writes
 * pass `npm run validate`; a second import changes nothing; an entry edited by hand is left alone
 * unless --force; a changed source row updates its entry in place; --dry-run writes only the report.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checksumState, withChecksum } from '../../../src/lib/import/finish';
import { importFixtures, sampleBookDir } from '../../helpers/import-book';
import { repoRoot } from '../../helpers/opendata-book';

const work = mkdtempSync(join(tmpdir(), 'cb-import-'));
const book = join(work, 'book');
for (const f of ['site.yaml', 'categories.yaml', 'neighbourhoods'])
  cpSync(join(sampleBookDir, f), join(book, f), { recursive: true });
const sheetDir = join(work, 'sheet');
cpSync(join(importFixtures, 'sheet'), sheetDir, { recursive: true });
const entries = join(book, 'entries');
const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function importSheet(...extra: string[]) {
  const args = [
    join(repoRoot, 'scripts/import/import.ts'),
    join(sheetDir, 'groups.csv'),
    '--mapping',
    join(sheetDir, 'mapping.yaml'),
    '--postcodes',
    join(sheetDir, 'postcodes.csv'),
    '--report',
    join(work, 'report'),
    '--today',
    '2026-12-01',
    ...extra,
  ];
  const out = execFileSync(tsx, args, { env: { ...process.env, BOOK_CONTENT: book }, encoding: 'utf8' });
  return { out, report: JSON.parse(readFileSync(join(work, 'report.json'), 'utf8')) };
}
const actions = (report: { entries: { id: string; action: string }[] }) =>
  Object.fromEntries(report.entries.map((e) => [e.id, e.action]));

describe('npm run import', { timeout: 60_000 }, () => {
  it('--dry-run writes only the report', () => {
    const { report } = importSheet('--dry-run');
    expect(existsSync(entries)).toBe(false);
    expect(report.summary.imported).toBe(5);
    expect(existsSync(join(work, 'report.md'))).toBe(true);
  });

  it('writes entries that pass npm run validate', () => {
    const { out } = importSheet();
    expect(out).toMatch(/5 files written/);
    expect(readdirSync(entries).sort()).toEqual([
      'abram-knit-and-natter.md',
      'chair-exercise-for-over-60s.md',
      'leigh-mens-shed-2.md',
      'leigh-mens-shed.md',
      'tai-chi-in-the-park.md',
    ]);
    const v = spawnSync(
      process.execPath,
      [join(repoRoot, 'scripts/lib/bundled.mjs'), join(repoRoot, 'scripts/content/validate.ts')],
      {
        env: { ...process.env, BOOK_CONTENT: book },
        encoding: 'utf8',
      },
    );
    expect(v.stdout + v.stderr).toMatch(/Checked 5 entries: no errors/);
    expect(v.status).toBe(0);
  });

  it('changes nothing on a second import', () => {
    const { out, report } = importSheet();
    expect(out).toMatch(/0 files written/);
    expect(new Set(Object.values(actions(report)))).toEqual(new Set(['unchanged']));
  });

  it('leaves an entry edited by hand alone, and says so, unless --force', () => {
    const file = join(entries, 'tai-chi-in-the-park.md');
    const edited = readFileSync(file, 'utf8').replace(
      'summary: Slow movement outdoors',
      'summary: Slow movement outdoors, checked by phone',
    );
    writeFileSync(file, edited);
    const { report } = importSheet();
    expect(actions(report)['tai-chi-in-the-park']).toBe('kept-edited');
    expect(readFileSync(file, 'utf8')).toBe(edited);
    expect(readFileSync(join(work, 'report.md'), 'utf8')).toMatch(
      /Edited by hand since the last import\n\n- `tai-chi-in-the-park`: edited by hand/,
    );
    importSheet('--force');
    expect(readFileSync(file, 'utf8')).not.toContain('checked by phone');
  });

  it('updates the same entry when the source row changes, without a second file', () => {
    const csv = join(sheetDir, 'groups.csv');
    writeFileSync(
      csv,
      readFileSync(csv, 'utf8').replace(
        'G008,Tai Chi in the Park,Slow movement outdoors,Exercise,Wigan North,Haigh Hall,Haigh Country Park,WN2 1PE,53.5854,-2.6000,Saturdays 10am',
        'G008,Tai Chi in the Park,Slow movement outdoors,Exercise,Wigan North,Haigh Hall,Haigh Country Park,WN2 1PE,53.5854,-2.6000,Sundays 11am',
      ),
    );
    const { report } = importSheet();
    expect(actions(report)['tai-chi-in-the-park']).toBe('update');
    expect(readFileSync(join(entries, 'tai-chi-in-the-park.md'), 'utf8')).toContain('weekly: [sun]');
    expect(readdirSync(entries)).toHaveLength(5);
  });

  it('--merge-duplicates leaves out the second of a pair', () => {
    rmSync(entries, { recursive: true });
    const { report } = importSheet('--merge-duplicates');
    expect(actions(report)['leigh-mens-shed-2']).toBe('merged');
    expect(existsSync(join(entries, 'leigh-mens-shed-2.md'))).toBe(false);
  });
});

describe('the checksum that tells a hand-edited entry', () => {
  const text = '---\nname: X\nsource:\n  system: s\n  id: "1"\n---\n\nBody\n';
  it('matches the file it was made for, and not an edited one', () => {
    const stamped = withChecksum(text);
    expect(stamped).toMatch(/ {2}id: "1"\n {2}checksum: [0-9a-f]{40}\n---/);
    expect(checksumState(stamped)).toBe('matches');
    expect(checksumState(stamped.replace('Body', 'Body, edited'))).toBe('edited');
    expect(checksumState(text)).toBe('none');
  });
});
