/**
 * Which files of a content folder are entries (`entries/*.md`) and neighbourhoods
 * (`neighbourhoods/*.yaml`), in file-name order. The build, the validator, the content
 * collections' reader and the data-files process all list them here, so they agree on what the
 * book holds. No schema is loaded, so the build can count entries before it starts its steps.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The content folder: `content/`, unless BOOK_CONTENT names another (fixture and generated books). */
export function contentDir(): string {
  return resolve(process.env.BOOK_CONTENT ?? 'content');
}

/** The entry files' names (`<id>.md`), sorted; none when the folder has no entries folder. */
export function entryFileNames(dir: string): string[] {
  try {
    return readdirSync(join(dir, 'entries'), { withFileTypes: true })
      .filter((d) => !d.isDirectory() && d.name.endsWith('.md'))
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
}

/** How many entry files the content folder has. */
export function countEntryFiles(dir = contentDir()): number {
  return entryFileNames(dir).length;
}

/** The neighbourhood files' names (`<id>.yaml`), sorted; none when the folder has none. */
export function neighbourhoodFileNames(dir: string): string[] {
  try {
    return readdirSync(join(dir, 'neighbourhoods'))
      .filter((f) => f.endsWith('.yaml'))
      .sort();
  } catch {
    return [];
  }
}
