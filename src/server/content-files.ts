/**
 * Reads the content folder from Node (build, scripts). The folder is `content/` unless
 * `BOOK_CONTENT` names another (fixture books for tests, generated books for benchmarks).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import yaml from 'js-yaml';
import { byName } from '../lib/book/order';
import {
  makeEntrySchema,
  neighbourhoodSchema,
  siteSchema,
  taxonomySchema,
  type Category,
  type EntryData,
  type Neighbourhood,
  type SchemaContext,
  type SiteConfig,
} from '../schema';

export function contentDir(): string {
  return resolve(process.env.BOOK_CONTENT ?? 'content');
}

function readYaml(file: string): unknown {
  return yaml.load(readFileSync(file, 'utf8'), { filename: file });
}

const sites = new Map<string, { mtime: number; site: SiteConfig }>();

/** site.yaml, parsed once per change of the file (every page's layout asks for it). */
export function loadSite(dir = contentDir()): SiteConfig {
  const file = join(dir, 'site.yaml');
  const mtime = statSync(file).mtimeMs;
  const known = sites.get(file);
  if (known?.mtime === mtime) return known.site;
  const site = siteSchema.parse(readYaml(file));
  sites.set(file, { mtime, site });
  return site;
}

export function loadCategories(dir = contentDir()): Category[] {
  return taxonomySchema.parse(readYaml(join(dir, 'categories.yaml')));
}

export function neighbourhoodIds(dir = contentDir()): string[] {
  return readdirSync(join(dir, 'neighbourhoods'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();
}

/** How many entry files (`*.md`) the content folder has; 0 when it has no entries folder. */
export function countEntryFiles(dir = contentDir()): number {
  try {
    return readdirSync(join(dir, 'entries')).filter((f) => f.endsWith('.md')).length;
  } catch {
    return 0;
  }
}

/** What the entry schema needs, read from the content folder. */
export function loadContext(dir = contentDir()): SchemaContext {
  return {
    bounds: loadSite(dir).bounds,
    categoryIds: new Set(loadCategories(dir).map((c) => c.id)),
    neighbourhoodIds: new Set(neighbourhoodIds(dir)),
  };
}

/** Every neighbourhood, in name order (as the pages list them). */
export function loadNeighbourhoods(dir = contentDir()): ({ id: string } & Neighbourhood)[] {
  return neighbourhoodIds(dir)
    .map((id) => ({ id, ...neighbourhoodSchema.parse(readYaml(join(dir, 'neighbourhoods', `${id}.yaml`))) }))
    .sort(byName);
}

/**
 * Every entry read the way the build reads it (the front matter through js-yaml, then the entry
 * schema), one at a time in file-name order, so a big book need not be held in memory. A file that
 * does not pass comes as `{ id, invalid: true }`, never dropped silently: `npm run validate` says
 * what is wrong with it.
 */
export function* eachEntryFile(
  dir: string,
  ctx: SchemaContext,
): Generator<{ id: string; data: EntryData; invalid?: false } | { id: string; invalid: true }> {
  const schema = makeEntrySchema(ctx);
  const folder = join(dir, 'entries');
  let names: string[] = [];
  try {
    names = readdirSync(folder)
      .filter((f) => f.endsWith('.md'))
      .sort();
  } catch {
    return;
  }
  for (const name of names) {
    const id = name.slice(0, -3);
    let parsed;
    try {
      const text = readFileSync(join(folder, name), 'utf8')
        .replace(/^\ufeff/, '')
        .replace(/\r\n/g, '\n');
      const m = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
      parsed = schema.safeParse(m ? yaml.load(m[1]) : undefined);
    } catch {
      parsed = undefined;
    }
    yield parsed?.success ? { id, data: parsed.data } : { id, invalid: true };
  }
}

/** Every entry, as eachEntryFile reads them, with the ids of the files that do not pass. */
export function readEntryFiles(
  dir: string,
  ctx: SchemaContext,
): { entries: { id: string; data: EntryData }[]; invalid: string[] } {
  const entries: { id: string; data: EntryData }[] = [];
  const invalid: string[] = [];
  for (const e of eachEntryFile(dir, ctx)) {
    if (e.invalid) invalid.push(e.id);
    else entries.push({ id: e.id, data: e.data });
  }
  return { entries, invalid };
}
