/**
 * Reads the content folder from Node (build, scripts). The folder is `content/` unless
 * `BOOK_CONTENT` names another (fixture books for tests, generated books for benchmarks).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { byName } from '../lib/book/order';
import { readFrontMatter } from '../lib/content/front-matter';
import { compiled } from '../schema/zod';
import { contentDir, countEntryFiles, entryFileNames, neighbourhoodFileNames } from './content-paths';
import {
  makeEntrySchema,
  neighbourhoodSchema,
  siteSchema,
  taxonomySchema,
  vocabularySchema,
  EMPTY_VOCABULARY,
  type Category,
  type EntryData,
  type Neighbourhood,
  type SchemaContext,
  type SiteConfig,
  type Vocabulary,
} from '../schema';

export { contentDir, countEntryFiles };

function readYaml(file: string): unknown {
  return yaml.load(readFileSync(file, 'utf8'), { filename: file });
}

/**
 * Whether the content files are settled for the life of this process: in a production build
 * (Astro's prerender, where Vite sets `import.meta.env.PROD`) nothing edits them while the pages
 * render, so a file read once is not looked at again. Elsewhere (the dev server, where a person
 * edits them, and scripts and tests, where there is no `import.meta.env` or it is not PROD) each
 * read checks the file's modification time first. At 10,000 entries the checks were millions of
 * system calls: every message looked up asked for two files' times.
 */
export const contentSettled = (): boolean => import.meta.env?.PROD === true;

const sites = new Map<string, { mtime: number; site: SiteConfig }>();

/** site.yaml, parsed once per change of the file (every page's layout asks for it). */
export function loadSite(dir = contentDir()): SiteConfig {
  const file = join(dir, 'site.yaml');
  const known = sites.get(file);
  if (known && contentSettled()) return known.site;
  const mtime = statSync(file).mtimeMs;
  if (known?.mtime === mtime) return known.site;
  const site = siteSchema.parse(readYaml(file));
  sites.set(file, { mtime, site });
  return site;
}

export function loadCategories(dir = contentDir()): Category[] {
  return taxonomySchema.parse(readYaml(join(dir, 'categories.yaml')));
}

/** The everyday words of vocabulary.yaml (optional: none without it). */
export function loadVocabulary(dir = contentDir()): Vocabulary {
  const file = join(dir, 'vocabulary.yaml');
  return existsSync(file) ? vocabularySchema.parse(readYaml(file) ?? {}) : EMPTY_VOCABULARY;
}

export function neighbourhoodIds(dir = contentDir()): string[] {
  return neighbourhoodFileNames(dir).map((f) => f.replace(/\.yaml$/, ''));
}

/** What the entry schema needs, read from the content folder. */
export function loadContext(dir = contentDir()): SchemaContext {
  const site = loadSite(dir);
  return {
    bounds: site.bounds,
    centre: site.map.centre,
    categoryIds: new Set(loadCategories(dir).map((c) => c.id)),
    neighbourhoodIds: new Set(neighbourhoodIds(dir)),
    examples: site.examples,
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
): Generator<{ id: string; data: EntryData; body: string; invalid?: false } | { id: string; invalid: true }> {
  const schema = compiled(makeEntrySchema(ctx));
  const folder = join(dir, 'entries');
  for (const name of entryFileNames(dir)) {
    const id = name.slice(0, -3);
    let parsed;
    let body = '';
    try {
      const file = readFrontMatter(readFileSync(join(folder, name), 'utf8'));
      body = file.body;
      parsed = schema.safeParse(file.data);
    } catch {
      parsed = undefined;
    }
    yield parsed?.success ? { id, data: parsed.data, body } : { id, invalid: true };
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
