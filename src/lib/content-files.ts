/**
 * Reads the content folder from Node (build, scripts). The folder is `content/` unless
 * `BOOK_CONTENT` names another (fixture books for tests, generated books for benchmarks).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import yaml from 'js-yaml';
import { siteSchema, taxonomySchema, type Category, type SchemaContext, type SiteConfig } from '../schema';

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

/** What the entry schema needs, read from the content folder. */
export function loadContext(dir = contentDir()): SchemaContext {
  return {
    bounds: loadSite(dir).bounds,
    categoryIds: new Set(loadCategories(dir).map((c) => c.id)),
    neighbourhoodIds: new Set(neighbourhoodIds(dir)),
  };
}
