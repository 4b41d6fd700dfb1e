/**
 * `tsx scripts/build/link-members.ts JOBS`: places a region's members' files, for the region build
 * (scripts/build/region.ts), in a process of its own so that it runs while the region build checks
 * the members. JOBS is a JSON file: `{ "links": [{ "from", "to", "as" }] }`, each a file or folder
 * placed whole with linkTree (hard links). When all are placed it writes `JOBS.placed.json`, the
 * path in the site of every file placed; on any failure it says which and exits 1.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { linkTree } from '../lib/link-tree';

interface Jobs {
  links: { from: string; to: string; as: string }[];
}

const jobsFile = process.argv[2];
if (!jobsFile) {
  process.stderr.write('Usage: tsx scripts/build/link-members.ts JOBS.json\n');
  process.exit(2);
}
const { links } = JSON.parse(readFileSync(jobsFile, 'utf8')) as Jobs;
const placed: string[] = [];
for (const link of links) {
  try {
    linkTree(link.from, link.to, placed, link.as);
  } catch (err) {
    process.stderr.write(`Placing ${link.from} at ${link.to}: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
writeFileSync(`${jobsFile}.placed.json`, JSON.stringify(placed));
