/**
 * Writes the data files (src/server/data-files.ts: each entry's calendar and Open Referral
 * document, the book-wide files, the search index's manifest of parts) into a folder:
 *
 *   node scripts/lib/bundled.mjs scripts/build/write-data-files.ts <folder>
 *
 * `astro build` runs this beside the page rendering (src/server/integration.ts) and moves the
 * folder's contents into the site. Reads `content/` or the folder named by BOOK_CONTENT.
 */
import { writeDataFiles } from '../../src/server/data-files';

const out = process.argv[2];
if (!out) {
  process.stderr.write('Usage: node scripts/lib/bundled.mjs scripts/build/write-data-files.ts <folder>\n');
  process.exit(2);
}
const started = performance.now();
try {
  const count = writeDataFiles(out);
  process.stdout.write(
    `${count} calendars, open-data and map files written in ${Math.round(performance.now() - started)} ms`,
  );
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
