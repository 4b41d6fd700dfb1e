/**
 * The per-entry calendars and HSDS documents, and the book-wide data files, that `astro build`
 * writes in one pass (src/server/data-files.ts): the right files, the right bytes, read
 * from the content the same way the collection reads it, and never a silent gap when an entry is
 * broken.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEntryFiles, loadCategories, loadContext, loadNeighbourhoods, loadSite } from '../../src/server/content-files';
import { makeBook } from '../../src/lib/book/book';
import { bookDataFiles } from '../../src/lib/exports/book-files';
import { exportContext } from '../../src/lib/exports/context';
import { entryCalendarFile, entryExportFiles, entryServiceFile } from '../../src/lib/exports/entry-files';
import { hasCalendar } from '../../src/lib/exports/ics';
import { hsdsService } from '../../src/lib/exports/hsds';
import { serviceUuid } from '../../src/lib/exports/uuid';
import { exportHeapMiB, mergeMove, writeEntryExports } from '../../src/server/data-files';
import { fixtureBook, tempFolder } from '../helpers/build';
import { loadTestBook, repoRoot } from '../helpers/opendata-book';

const content = resolve(repoRoot, 'content');
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('per-entry export files', () => {
  const book = loadTestBook(content);

  it('gives every entry an HSDS document and a calendar exactly when it has sessions to publish', () => {
    const files = [...entryExportFiles(book.entries, book.ctx)];
    const withCalendar = book.entries.filter((e) => hasCalendar(e, book.ctx.site.url));
    expect(withCalendar.length).toBeGreaterThan(0);
    expect(withCalendar.length).toBeLessThan(book.entries.length); // the hand-made closed entries have none
    expect(files.map((f) => f.path).sort()).toEqual(
      [
        ...book.entries.map((e) => `openreferral/services/${serviceUuid(e.id)}.json`),
        ...withCalendar.map((e) => `calendar/${e.id}.ics`),
      ].sort(),
    );
  });

  it('writes the service document as the HSDS builder makes it, and the calendar as VCALENDAR text', () => {
    const e = book.entries.find((x) => hasCalendar(x, book.ctx.site.url))!;
    expect(JSON.parse(entryServiceFile(e, book.ctx).body)).toEqual(hsdsService(e, book.ctx));
    expect(entryServiceFile(e, book.ctx).body.endsWith('}\n')).toBe(true);
    const ics = entryCalendarFile(e, book.ctx)!.body;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain(`/entries/${e.id}/`);
    const closed = book.entries.find((x) => x.data.status === 'closed')!;
    expect(entryCalendarFile(closed, book.ctx)).toBeUndefined();
  });
});

describe('readEntryFiles', () => {
  it('reads the same entries, with the same data, as a gray-matter read through the schema', () => {
    const { entries, invalid } = readEntryFiles(content, loadContext(content));
    expect(invalid).toEqual([]);
    const reference = loadTestBook(content, false).entries;
    expect(entries.map((e) => e.id)).toEqual(reference.map((e) => e.id));
    expect(entries).toEqual(reference);
  });

  it('names the files that do not pass instead of dropping them', () => {
    const dir = fixtureBook([resolve(repoRoot, 'tests/fixtures/entries/valid')], {
      'broken-entry': '---\nname: Broken\n---\n',
    });
    made.push(dir);
    const { entries, invalid } = readEntryFiles(dir, loadContext(dir));
    expect(invalid).toEqual(['broken-entry']);
    expect(entries.length).toBe(
      readdirSync(resolve(repoRoot, 'tests/fixtures/entries/valid')).filter((f) => f.endsWith('.md')).length,
    );
  });
});

describe('writeEntryExports (the build step)', () => {
  /** Every file under `dir`, as paths relative to it. */
  const walk = (dir: string, prefix = ''): string[] =>
    readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? walk(dir, `${prefix}${d.name}/`) : [`${prefix}${d.name}`],
    );

  it('writes every per-entry and book-wide file into the site folder, byte for byte what the builders return, and nothing else', () => {
    const out = tempFolder('exports');
    made.push(out);
    const count = writeEntryExports(out, content);
    const { entries } = readEntryFiles(content, loadContext(content));
    const book = makeBook({
      site: loadSite(content),
      entries,
      categories: loadCategories(content),
      neighbourhoods: loadNeighbourhoods(content),
    });
    const expected = [...entryExportFiles(book.entries, exportContext(book)), ...bookDataFiles(book)];
    expect(
      expected
        .filter((f) => !f.path.startsWith('openreferral/services/') && !/^calendar\/[^/]+\.ics$/.test(f.path))
        .map((f) => f.path),
    ).toEqual(
      expect.arrayContaining([
        'map/venues.json',
        'list-data/index.json',
        'open-data/entries.csv',
        'open-data/venues.geojson',
        'openreferral/services.json',
        'openreferral/index.json',
        'calendar/neighbourhoods/leigh.ics',
      ]),
    );
    expect(count).toBe(expected.length);
    expect(walk(out).sort()).toEqual(expected.map((f) => f.path).sort());
    for (const f of expected) expect(readFileSync(join(out, f.path), 'utf8')).toBe(f.body);
  });

  it('stops the build, naming the entry, when an entry does not pass the schema', () => {
    const dir = fixtureBook([resolve(repoRoot, 'tests/fixtures/entries/valid')], {
      'broken-entry': '---\nname: Broken\n---\n',
    });
    const out = tempFolder('exports-broken');
    made.push(dir, out);
    expect(() => writeEntryExports(out, dir)).toThrow(/broken-entry.*npm run validate/);
  });
});

describe('mergeMove (staging folder into the site)', () => {
  const put = (path: string, text: string) => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  };

  it('moves a folder in whole, or file by file beside what the pages wrote', () => {
    const root = tempFolder('merge');
    made.push(root);
    put(join(root, 'stage/calendar/a.ics'), 'A');
    put(join(root, 'stage/calendar/b.ics'), 'B');
    put(join(root, 'stage/openreferral/services/x.json'), 'X');
    put(join(root, 'site/calendar/neighbourhoods/n.ics'), 'N');
    put(join(root, 'site/openreferral/services.json'), 'S');
    for (const name of readdirSync(join(root, 'stage'))) mergeMove(join(root, 'stage', name), join(root, 'site', name));
    const read = (p: string) => readFileSync(join(root, 'site', p), 'utf8');
    expect([
      read('calendar/a.ics'),
      read('calendar/b.ics'),
      read('calendar/neighbourhoods/n.ics'),
      read('openreferral/services/x.json'),
      read('openreferral/services.json'),
    ]).toEqual(['A', 'B', 'N', 'X', 'S']);
    expect(readdirSync(join(root, 'stage'))).toEqual([]);
  });

  it('refuses to overwrite a file the pages wrote', () => {
    const root = tempFolder('merge-clash');
    made.push(root);
    put(join(root, 'stage/calendar/a.ics'), 'from exports');
    put(join(root, 'site/calendar/a.ics'), 'from a page');
    expect(() => mergeMove(join(root, 'stage/calendar'), join(root, 'site/calendar'))).toThrow(
      /calendar\/a\.ics would be written twice/,
    );
    expect(readFileSync(join(root, 'site/calendar/a.ics'), 'utf8')).toBe('from a page');
    expect(existsSync(join(root, 'stage/calendar/a.ics'))).toBe(true);
  });
});

describe('exportHeapMiB (the export process’s heap limit)', () => {
  it('grows with the book, from 512 MiB, with room above the 640 MiB a 50,000-entry book was measured to need', () => {
    expect(exportHeapMiB(0)).toBe(512);
    expect(exportHeapMiB(160)).toBe(512);
    expect(exportHeapMiB(50_000)).toBe(745);
    expect(exportHeapMiB(50_000)).toBeGreaterThan(640);
    expect(exportHeapMiB(200_000)).toBeGreaterThan(exportHeapMiB(100_000));
  });
});
