/**
 * src/server/content-paths.ts `relativeNamer`, which names each file in `npm run validate`'s
 * problems: the same answer as `relative(from, p) || p` for every path, wherever the working
 * folder is.
 */
import { describe, expect, it } from 'vitest';
import { join, relative, sep } from 'node:path';
import { relativeNamer } from '../../../src/server/content-paths';

const folder = join(sep, 'work', 'book', 'book-folder', 'entries');
const froms = [
  join(sep, 'work', 'book'),
  folder,
  join(folder, 'sub'),
  join(sep, 'work', 'book', 'book-folder'),
  join(sep, 'elsewhere', 'x'),
  sep,
];
const paths = [
  join(folder, 'hindley-health-walks.md'),
  join(folder, 'a.md'),
  join(folder, 'archive', 'old.md'),
  folder,
  join(sep, 'work', 'book', 'book-folder', 'site.yaml'),
  join(sep, 'work', 'book', 'book-folder', 'entries-old', 'x.md'),
  join(sep, 'other', 'entries', 'x.md'),
  join(sep, 'work', 'book'),
];

describe('relativeNamer', () => {
  for (const from of froms) {
    it(`answers as relative() from ${from}`, () => {
      const rel = relativeNamer(from, folder);
      for (const p of paths) expect(rel(p), p).toBe(relative(from, p) || p);
    });
  }

  it('takes a folder given with a trailing separator', () => {
    const rel = relativeNamer(join(sep, 'work', 'book'), folder + sep);
    for (const p of paths) expect(rel(p), p).toBe(relative(join(sep, 'work', 'book'), p) || p);
  });
});
