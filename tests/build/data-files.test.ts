/**
 * The data files (src/server/data-files.ts): the per-entry calendars and HSDS documents and the
 * book-wide files that `astro build` writes in one pass and `astro dev` serves from memory. The
 * right files, the right bytes, read from the content the same way the collection reads it, and
 * never a silent gap when an entry is broken.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eachEntryFile,
  readEntryFiles,
  loadCategories,
  loadVocabulary,
  loadContext,
  loadNeighbourhoods,
  loadSite,
} from '../../src/server/content-files';
import { facetBook, makeBook } from '../../src/lib/book/book';
import { WORDS_PATH, buildWordList, entryText } from '../../src/lib/search/spelling';
import { searchTerms, termsText } from '../../src/lib/search/terms';
import { bookDataFiles } from '../../src/lib/exports/book-files';
import { exportContext } from '../../src/lib/exports/context';
import { entryCalendarFile, entryExportFiles } from '../../src/lib/exports/entry-files';
import { hasCalendar } from '../../src/lib/exports/ics';
import { hsdsService } from '../../src/lib/exports/hsds';
import { serviceUuid } from '../../src/lib/exports/uuid';
import { serviceAtLocationId } from '../../src/lib/exports/hsds';
import { entryModifiedTimes } from '../../src/server/entry-dates';
import { dataFileType, dataFiles, devDataFiles, mergeMove, writeDataFiles } from '../../src/server/data-files';
import { dataFilesHeapMiB } from '../../src/server/integration';
import { SHARD_MANIFEST } from '../../src/lib/search/shards';
import { fixtureBook, tempFolder } from '../helpers/build';
import { loadTestBook, repoRoot } from '../helpers/opendata-book';

const content = resolve(repoRoot, 'tests/fixtures/sample-book');
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('per-entry export files', () => {
  const book = loadTestBook(content);

  it('gives every entry its Open Referral records, and a calendar exactly when it has sessions to publish', () => {
    const files = [...entryExportFiles(book.entries, book.ctx)];
    const withCalendar = book.entries.filter((e) => hasCalendar(e, book.ctx.site.url));
    expect(withCalendar.length).toBeGreaterThan(0);
    expect(withCalendar.length).toBeLessThan(book.entries.length); // the hand-made closed entries have none
    expect(files.map((f) => f.path).sort()).toEqual(
      [
        // GET /services/{id}, at its API address and at the first feed's .json address.
        ...book.entries.flatMap((e) => [
          `openreferral/services/${serviceUuid(book.ctx.site.url, e.id)}`,
          `openreferral/services/${serviceUuid(book.ctx.site.url, e.id)}.json`,
        ]),
        ...book.entries.flatMap((e) =>
          e.data.venues.map(
            (_, i) => `openreferral/service_at_locations/${serviceAtLocationId(book.ctx.site.url, e.id, i)}`,
          ),
        ),
        ...withCalendar.map((e) => `calendar/${e.id}.ics`),
      ].sort(),
    );
  });

  it('writes the service document as the HSDS builder makes it, and the calendar as VCALENDAR text', () => {
    const e = book.entries.find((x) => hasCalendar(x, book.ctx.site.url))!;
    const files = [...entryExportFiles([e], book.ctx)];
    const service = files.find((f) => f.path === `openreferral/services/${serviceUuid(book.ctx.site.url, e.id)}`)!.body;
    expect(JSON.parse(service)).toEqual(hsdsService(e, book.ctx));
    expect(service.endsWith('}\n')).toBe(true);
    expect(files.find((f) => f.path.endsWith('.json'))!.body).toBe(service);
    const ics = entryCalendarFile(e, book.ctx)!.body;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain(`/entries/${e.id}/`);
    const closed = book.entries.find((x) => x.data.status === 'closed')!;
    expect(entryCalendarFile(closed, book.ctx)).toBeUndefined();
  });
});

describe('readEntryFiles', () => {
  it('reads the same entries, with the same data, as Astro’s own front-matter parser through the schema', () => {
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

describe('writeDataFiles (the build step)', () => {
  /** Every file under `dir`, as paths relative to it. */
  const walk = (dir: string, prefix = ''): string[] =>
    readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? walk(dir, `${prefix}${d.name}/`) : [`${prefix}${d.name}`],
    );

  it('writes every per-entry and book-wide file into the site folder, byte for byte what the builders return, and nothing else', () => {
    const out = tempFolder('exports');
    made.push(out);
    const count = writeDataFiles(out, content);
    const { entries } = readEntryFiles(content, loadContext(content));
    const book = makeBook({
      site: loadSite(content),
      entries,
      categories: loadCategories(content),
      neighbourhoods: loadNeighbourhoods(content),
      vocabulary: loadVocabulary(content),
    });
    const modified = entryModifiedTimes(content);
    // The word list for corrections: every entry's words (body included) and the book's terms.
    const texts = [...eachEntryFile(content, loadContext(content))].flatMap((e) =>
      e.invalid ? [] : [entryText({ ...e.data, body: e.body })],
    );
    const words = buildWordList([...texts, termsText(searchTerms(facetBook(book), book.categories, book.vocabulary))]);
    const expected = [
      ...entryExportFiles(book.entries, exportContext(book, modified)),
      ...bookDataFiles(book, modified),
      { path: WORDS_PATH.slice(1), body: words },
    ];
    expect(
      expected
        .filter(
          (f) => !/^openreferral\/\w+\/[0-9a-f-]{36}(\.json)?$/.test(f.path) && !/^calendar\/[^/]+\.ics$/.test(f.path),
        )
        .map((f) => f.path),
    ).toEqual(
      expect.arrayContaining([
        'map/venues.json',
        'list-data/index.json',
        'open-data/entries.csv',
        'open-data/venues.geojson',
        'openreferral/index.html',
        'openreferral/services/index.html',
        'openreferral/service_at_locations/index.html',
        'openreferral/taxonomies/index.html',
        'openreferral/taxonomy_terms/index.html',
        'openreferral/services.json',
        'openreferral/index.json',
        'calendar/neighbourhoods/leigh.ics',
      ]),
    );
    // Plus the build's manifest of search-index parts, which the indexing step reads and removes.
    expect(count).toBe(expected.length + 1);
    expect(walk(out).sort()).toEqual([...expected.map((f) => f.path), SHARD_MANIFEST].sort());
    for (const f of expected) expect(readFileSync(join(out, f.path), 'utf8')).toBe(f.body);
    expect(JSON.parse(readFileSync(join(out, SHARD_MANIFEST), 'utf8'))).toEqual({
      shards: [book.entries.map((e) => e.id)],
    });
  });

  it('is what the dev server answers at each address, with the Content-Type a static host would give', () => {
    const out = tempFolder('exports-dev');
    made.push(out);
    writeDataFiles(out, content);
    const dev = devDataFiles(content);
    for (const path of walk(out).filter((p) => p !== SHARD_MANIFEST)) {
      expect(dev.file(`/${path}?v=1`)?.body, path).toBe(readFileSync(join(out, path), 'utf8'));
    }
    expect(dev.file('/entries/not-a-data-file/')).toBeUndefined();
    expect(dev.file(`/${SHARD_MANIFEST}`)).toBeUndefined();
    expect(dataFileType('calendar/x.ics')).toBe('text/calendar; charset=utf-8');
    expect(dataFileType('open-data/entries.csv')).toBe('text/csv; charset=utf-8');
    expect(dataFileType('search/words.txt')).toBe('text/plain; charset=utf-8');
    expect(dataFileType('open-data/venues.geojson')).toBe('application/geo+json; charset=utf-8');
    expect(dataFileType('map/venues.json')).toBe('application/json; charset=utf-8');
    // The feed's lists answer at their folders' addresses, as a static host serves index files.
    expect(dev.file('/openreferral/services?page=1')?.path).toBe('openreferral/services/index.html');
    expect(dev.file('/openreferral/')?.path).toBe('openreferral/index.html');
    expect(dataFileType('openreferral/services/index.html')).toBe('application/json; charset=utf-8');
    expect(dataFileType(`openreferral/services/${serviceUuid('https://example.org', 'x')}`)).toBe(
      'application/json; charset=utf-8',
    );
  });

  it('stops the build, naming the entry, when an entry does not pass the schema', () => {
    const dir = fixtureBook([resolve(repoRoot, 'tests/fixtures/entries/valid')], {
      'broken-entry': '---\nname: Broken\n---\n',
    });
    const out = tempFolder('exports-broken');
    made.push(dir, out);
    expect(() => writeDataFiles(out, dir)).toThrow(/broken-entry.*npm run validate/);
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

describe('ids that cannot collide with another book’s (a member of a region)', () => {
  const VALID = resolve(repoRoot, 'tests/fixtures/entries/valid');
  const foodBank = readFileSync(join(VALID, 'wigan-memory-cafe.md'), 'utf8');
  /** tests/fixtures/book at `url`, with the valid entries and one called `food-bank`. */
  function bookAt(url: string): string {
    const dir = fixtureBook([VALID], { 'food-bank': foodBank });
    made.push(dir);
    const site = join(dir, 'site.yaml');
    const text = readFileSync(site, 'utf8');
    expect(text).toMatch(/^url: https:\/\/fixture\.example\.org$/m);
    writeFileSync(site, text.replace(/^url: .*$/m, `url: ${url}`));
    return dir;
  }
  /** The Open Referral feed's files of a book, as the build writes them: path → parsed document. */
  const feed = (dir: string) =>
    new Map(
      [...dataFiles(dir)]
        .filter((f) => f.path.startsWith('openreferral/'))
        .map((f) => [f.path, JSON.parse(f.body) as Record<string, unknown>]),
    );
  /** Every `id` and `…_id` anywhere in a document. */
  const ids = (value: unknown, out = new Set<string>()): Set<string> => {
    if (Array.isArray(value)) value.forEach((v) => ids(v, out));
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value))
        if (/(^|_)id$/.test(k) && typeof v === 'string') out.add(v);
        else ids(v, out);
    return out;
  };
  const serviceOf = (docs: Map<string, Record<string, unknown>>, url: string) =>
    docs.get(`openreferral/services/${serviceUuid(url, 'food-bank')}`) as {
      id: string;
      name: string;
      service_at_locations: { id: string; location_id: string }[];
    };

  const one = 'https://one.example.org';
  const two = 'https://example.github.io/two';
  let a: Map<string, Record<string, unknown>>;
  let b: Map<string, Record<string, unknown>>;
  beforeAll(() => {
    a = feed(bookAt(one));
    b = feed(bookAt(two));
  });

  it('two books with an entry `food-bank` publish different service and location ids', () => {
    const [sa, sb] = [serviceOf(a, one), serviceOf(b, two)];
    expect(sa.name).toBe(sb.name); // the same entry in both books
    expect(sa.id).not.toBe(sb.id);
    expect(sa.service_at_locations.length).toBeGreaterThan(0);
    for (const [i, link] of sa.service_at_locations.entries()) {
      expect(link.location_id).not.toBe(sb.service_at_locations[i].location_id);
      expect(link.id).not.toBe(sb.service_at_locations[i].id);
    }
    // No id at all in common: every record, nested object, organisation, taxonomy and term is the
    // book's own (this book's categories name no LGA term, the one vocabulary books share).
    const all = (docs: Map<string, unknown>) => ids([...docs.values()]);
    expect(all(a).size).toBeGreaterThan(50);
    expect([...all(a)].filter((id) => all(b).has(id))).toEqual([]);
  });

  it('the same book, built again from another folder, gives the same ids and the same bytes', () => {
    const again = feed(bookAt(one));
    expect([...again.keys()]).toEqual([...a.keys()]);
    for (const [path, doc] of a) expect(again.get(path), path).toEqual(doc);
    expect(serviceOf(again, one).id).toBe(serviceOf(a, one).id);
  });
});

describe('dataFilesHeapMiB (the data-files process’s heap limit)', () => {
  it('grows with the book, from 512 MiB, with room above the 640 MiB a 50,000-entry book was measured to need', () => {
    expect(dataFilesHeapMiB(0)).toBe(512);
    expect(dataFilesHeapMiB(160)).toBe(512);
    expect(dataFilesHeapMiB(50_000)).toBe(745);
    expect(dataFilesHeapMiB(50_000)).toBeGreaterThan(640);
    expect(dataFilesHeapMiB(200_000)).toBeGreaterThan(dataFilesHeapMiB(100_000));
  });
});
