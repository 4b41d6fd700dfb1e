/**
 * One big book in shards as the build finds it: shards.yaml (src/schema/shards.ts) read and
 * checked the way `npm run validate` checks it, against the book's neighbourhoods, and what the
 * plan (src/lib/region/shards.ts) needs of every entry: its neighbourhoods.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';
import { shardsSchema, shardsSchemaFor, type ShardsConfig } from '../schema/shards';
import { formatProblem, validateDataFile } from '../lib/validate';
import { readFrontMatter } from '../lib/content/front-matter';
import type { ShardEntry } from '../lib/region/shards';
import { neighbourhoodIds } from './content-files';
import { contentDir, entryFileNames } from './content-paths';
import { RegionError } from './region';

/** The shards file of a content folder. */
export const SHARDS_FILE = 'shards.yaml';

/** True when the content folder is a book built in shards. */
export function hasShards(dir = contentDir()): boolean {
  return existsSync(join(dir, SHARDS_FILE));
}

/** shards.yaml, checked against the book's neighbourhoods (file, line, field); throws a RegionError. */
export function readShards(dir = contentDir()): ShardsConfig {
  const file = join(dir, SHARDS_FILE);
  const shown = relative(process.cwd(), file) || file;
  if (!existsSync(file))
    throw new RegionError(
      `There is no ${SHARDS_FILE} in ${relative(process.cwd(), dir) || dir}, so there are no shards to build. Fix: add one (docs/maintainers.md, "One big book in shards").`,
    );
  const text = readFileSync(file, 'utf8');
  const problems = validateDataFile(text, shown, shardsSchemaFor(neighbourhoodIds(dir))).filter(
    (p) => p.severity === 'error',
  );
  if (problems.length) throw new RegionError(problems.map(formatProblem).join('\n'));
  return shardsSchema.parse(yaml.load(text, { filename: file }));
}

/**
 * Every entry's id and neighbourhoods, from its front matter alone (the shard's own build checks
 * the rest). An entry whose front matter cannot be read has none, and the plan names it.
 */
export function shardEntries(dir = contentDir()): ShardEntry[] {
  return entryFileNames(dir).map((name) => {
    let hoods: unknown;
    try {
      hoods = (readFrontMatter(readFileSync(join(dir, 'entries', name), 'utf8')).data as { neighbourhoods?: unknown })
        .neighbourhoods;
    } catch {
      hoods = undefined;
    }
    return {
      id: name.slice(0, -'.md'.length),
      neighbourhoods: Array.isArray(hoods) ? hoods.filter((n): n is string => typeof n === 'string') : [],
    };
  });
}
