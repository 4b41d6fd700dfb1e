/**
 * `npx tsx scripts/security/scan-build.ts <built site folder>`: scans every page, feed and data file of a
 * built site for scripts that are not the project's own, `javascript:` / `data:` / `vbscript:`
 * URLs, `on…=` attributes, iframes and other embeds, markup inside data, and spreadsheet
 * formulas (the rules are in scripts/security/scan.ts). Prints one line per finding and exits 1 if there
 * is any; prints a one-line summary and exits 0 when the site is clean.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatFinding } from './scan';
import { scanBuild } from './scan-folder';

const dir = process.argv[2];
if (!dir) {
  console.error('Usage: npx tsx scripts/security/scan-build.ts <built site folder, e.g. dist>');
  process.exit(2);
}
const { files, findings } = scanBuild(resolve(dir), (p) => readFileSync(p, 'utf8'));
for (const f of findings) console.log(formatFinding(f));
console.log(
  `Scanned ${files} files in ${dir}: ${findings.length === 0 ? 'no findings' : `${findings.length} finding${findings.length === 1 ? '' : 's'}`}.`,
);
process.exit(findings.length ? 1 : 0);
