/**
 * The baseline for `npm run validate` in the benchmark: read every entry and parse its front
 * matter with js-yaml (what Astro does), nothing else.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

const dir = join(process.argv[2] ?? 'content', 'entries');
let parsed = 0;
for (const name of readdirSync(dir)) {
  if (!name.endsWith('.md')) continue;
  const text = readFileSync(join(dir, name), 'utf8');
  const end = text.indexOf('\n---', 4);
  yaml.load(text.slice(4, end));
  parsed += 1;
}
console.log(`parsed ${parsed} files`);
