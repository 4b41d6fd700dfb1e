/**
 * Writes each entry's calendar and HSDS service document, and the book-wide data files (map
 * venues, list data, neighbourhood calendars, CSV, GeoJSON, HSDS lists), into a folder:
 *
 *   node scripts/lib/bundled.mjs scripts/build/write-data-files.ts <folder>
 *
 * `astro build` runs this alongside the page rendering (src/server/data-files.ts) and
 * moves the folder's contents into the site. Reads `content/` or the folder named by BOOK_CONTENT.
 */
import { writeEntryExports } from '../../src/server/data-files';

const out = process.argv[2];
if (!out) {
  process.stderr.write('Usage: node scripts/lib/bundled.mjs scripts/build/write-data-files.ts <folder>\n');
  process.exit(2);
}
const started = performance.now();
try {
  const count = writeEntryExports(out);
  process.stdout.write(
    `${count} calendars, open-data and map files written in ${Math.round(performance.now() - started)} ms`,
  );
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
