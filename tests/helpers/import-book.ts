/**
 * Test helper for the importer (not a test file itself): a book folder as the importer sees it,
 * and a field-by-field difference of two JSON values.
 */
import { resolve } from 'node:path';
import type { ImportBook } from '../../src/lib/import/context';
import { loadCategories, loadContext, loadNeighbourhoods, loadSite } from '../../src/server/content-files';
import { repoRoot } from './opendata-book';

export const sampleBookDir = resolve(repoRoot, 'tests/fixtures/sample-book');
export const importFixtures = resolve(repoRoot, 'tests/fixtures/import');

export function importBook(dir = sampleBookDir, today = '2026-12-01'): ImportBook {
  return {
    ctx: loadContext(dir),
    site: loadSite(dir),
    categories: loadCategories(dir),
    neighbourhoods: loadNeighbourhoods(dir).map((n) => ({ id: n.id, name: n.name, boundary: n.boundary })),
    today,
  };
}

/** Every path where `a` and `b` differ: `schedules[0].byday: "TU" ≠ "TH"`. */
export function differences(a: unknown, b: unknown, path = ''): string[] {
  if (Array.isArray(a) && Array.isArray(b)) {
    const out: string[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) out.push(...differences(a[i], b[i], `${path}[${i}]`));
    return out;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k),
    );
  }
  return Object.is(a, b) ? [] : [`${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`];
}
