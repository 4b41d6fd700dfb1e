/**
 * The data files: everything the site publishes that is not a page. Each entry's calendar and
 * Open Referral document (src/lib/exports/entry-files.ts), the book-wide files (the map's venues,
 * the list data, the neighbourhood calendars, CSV, GeoJSON, the HSDS lists:
 * src/lib/exports/book-files.ts), and, for the build only, the search index's manifest of parts
 * (src/lib/search/shards.ts).
 *
 * They are made from the content files read the way the content collection reads them (Astro's
 * front-matter split, js-yaml, the same entry schema), into the same book the pages see
 * (src/lib/book/book.ts); a test holds the two to the same bytes. `astro build` has them written
 * by a second process (src/server/integration.ts); `astro dev` serves them from memory.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { facetBook, makeBook, type Entry } from '../lib/book/book';
import { WORDS_PATH, addWords, entryText, wordListText } from '../lib/search/spelling';
import { searchTerms, termsText } from '../lib/search/terms';
import { bookDataFiles } from '../lib/exports/book-files';
import { exportContext } from '../lib/exports/context';
import { entryExportFiles, type OutputFile } from '../lib/exports/entry-files';
import { SHARD_MANIFEST, shardSize, splitIntoShards, type ShardManifest } from '../lib/search/shards';
import {
  contentDir,
  eachEntryFile,
  loadCategories,
  loadContext,
  loadNeighbourhoods,
  loadSite,
  loadVocabulary,
} from './content-files';
import { entryModifiedTimes } from './entry-dates';
import { loadMessages } from './messages';

export type { OutputFile };

/**
 * Every data file of a content folder, entry by entry and then the book-wide ones. Throws,
 * naming them, when any entry does not pass the schema (after the others' own files: the
 * book-wide files would leave those entries out).
 */
export function* dataFiles(dir = contentDir(), { build = false } = {}): Generator<OutputFile> {
  // The book's words, for the labels, dates and schedules the files write (`t`).
  loadMessages(dir);
  const invalid: string[] = [];
  const entries: Entry[] = [];
  // The words the index will know, for correcting misspellings (src/lib/search/spelling.ts).
  const words = new Map<string, number>();
  function* valid(): Generator<Entry> {
    for (const e of eachEntryFile(dir, loadContext(dir))) {
      if (e.invalid) invalid.push(e.id);
      else {
        const entry = { id: e.id, data: e.data };
        addWords(words, entryText({ ...e.data, body: e.body }));
        entries.push(entry);
        yield entry;
      }
    }
  }
  // The book's order of categories and neighbourhoods (makeBook), the entries to come.
  const parts = {
    site: loadSite(dir),
    categories: loadCategories(dir),
    neighbourhoods: loadNeighbourhoods(dir),
    vocabulary: loadVocabulary(dir),
  };
  // When each entry last changed: one pass over the git history (none outside git).
  const modified = entryModifiedTimes(dir);
  yield* entryExportFiles(valid(), exportContext(makeBook({ ...parts, entries: [] }), modified));
  if (invalid.length) {
    throw new Error(
      `These entries do not pass the schema, so their calendars and open data cannot be written: ${invalid.join(', ')}. Run npm run validate to see why.`,
    );
  }
  const book = makeBook({ ...parts, entries });
  yield* bookDataFiles(book, modified);
  addWords(words, termsText(searchTerms(facetBook(book), book.categories, book.vocabulary)));
  yield { path: WORDS_PATH.slice(1), body: wordListText(words) };
  if (build) {
    const manifest: ShardManifest = {
      shards: splitIntoShards(
        book.entries.map((e) => e.id),
        shardSize(process.env.BOOK_SEARCH_SHARD_SIZE),
      ),
    };
    yield { path: SHARD_MANIFEST, body: JSON.stringify(manifest) };
  }
}

/** Writes the build's data files into `outDir`; returns how many it wrote. */
export function writeDataFiles(outDir: string, dir = contentDir()): number {
  const made = new Set<string>();
  let count = 0;
  for (const file of dataFiles(dir, { build: true })) {
    const path = join(outDir, file.path);
    const folder = dirname(path);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(path, file.body);
    count++;
  }
  return count;
}

/**
 * The Content-Type a data file is served with (by its extension), for the dev server: the Open
 * Referral feed's files are JSON whatever their names (public/_headers says the same to hosts).
 */
export function dataFileType(path: string): string {
  if (path.startsWith('openreferral/')) return 'application/json; charset=utf-8';
  if (path.endsWith('.ics')) return 'text/calendar; charset=utf-8';
  if (path.endsWith('.csv')) return 'text/csv; charset=utf-8';
  if (path.endsWith('.geojson')) return 'application/geo+json; charset=utf-8';
  if (path.endsWith('.txt')) return 'text/plain; charset=utf-8';
  return 'application/json; charset=utf-8';
}

/**
 * The dev server's copy of the data files: `file(urlPath)` gives the file a build would have
 * written at that path, made afresh from the content folder when a second has passed since the
 * last request (so an edited entry shows on the next reload).
 */
export function devDataFiles(dir = contentDir()): { file(urlPath: string): OutputFile | undefined } {
  let made = -Infinity;
  let files = new Map<string, OutputFile>();
  return {
    file(urlPath) {
      const path = decodeURIComponent(urlPath.split(/[?#]/)[0]).replace(/^\/+/, '');
      if (performance.now() - made > 1000) {
        files = new Map([...dataFiles(dir)].map((f) => [f.path, f]));
        made = performance.now();
      }
      // A folder's address answers with its index file, as a static host does (the feed's lists).
      return files.get(path) ?? files.get(`${path.replace(/\/$/, '')}/index.html`.replace(/^\//, ''));
    },
  };
}

/**
 * Moves everything under `from` into `to`, which may already hold other files (Astro writes
 * map/index.html and open-data/index.html beside the data files). A path written by both is an
 * error, never a silent overwrite.
 */
export function mergeMove(from: string, to: string): void {
  if (!existsSync(to)) {
    mkdirSync(dirname(to), { recursive: true });
    renameSync(from, to);
    return;
  }
  for (const name of readdirSync(from)) {
    const a = join(from, name);
    const b = join(to, name);
    if (!existsSync(b)) renameSync(a, b);
    else if (statSync(a).isDirectory() && statSync(b).isDirectory()) mergeMove(a, b);
    else throw new Error(`${b} would be written twice: by a page and as a data file.`);
  }
  rmSync(from, { recursive: true, force: true });
}
