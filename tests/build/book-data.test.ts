/**
 * src/lib/book/book.ts: the book the pages see (made from Astro's content collections) and the
 * book the build's export process sees (made from the files) must be the same book, whatever
 * order each reader happens to give the parts in.
 */
import fc from 'fast-check';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bookOrder } from '../../src/lib/book/order';
import {
  categoriesWithParents,
  entriesIn,
  entriesInCategory,
  isSensitive,
  makeBook,
  neighbourhoodNames,
} from '../../src/lib/book/book';
import {
  loadCategories,
  loadContext,
  loadNeighbourhoods,
  loadSite,
  readEntryFiles,
} from '../../src/server/content-files';
import { repoRoot } from '../helpers/build';

const content = resolve(repoRoot, 'tests/fixtures/sample-book');
const parts = () => ({
  site: loadSite(content),
  entries: readEntryFiles(content, loadContext(content)).entries,
  categories: loadCategories(content),
  neighbourhoods: loadNeighbourhoods(content),
});

describe('makeBook', () => {
  const reference = makeBook(parts());

  it('gives the same book whatever order the entries, categories and neighbourhoods come in', () => {
    const p = parts();
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { minLength: p.entries.length, maxLength: p.entries.length }),
        fc.integer(),
        (keys, seed) => {
          const shuffle = <T>(xs: T[], salt: number) =>
            xs
              .map((x, i) => ({ x, k: (keys[i % keys.length] ?? 0) ^ (salt * (i + 1)) }))
              .sort((a, b) => a.k - b.k)
              .map((o) => o.x);
          const book = makeBook({
            site: p.site,
            entries: shuffle(p.entries, seed),
            categories: shuffle(p.categories, seed + 1),
            neighbourhoods: shuffle(p.neighbourhoods, seed + 2),
          });
          expect(book.entries.map((e) => e.id)).toEqual(reference.entries.map((e) => e.id));
          expect(book.categories).toEqual(reference.categories);
          expect(book.neighbourhoods).toEqual(reference.neighbourhoods);
          expect(book.tree).toEqual(reference.tree);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('puts entries in name order, then id; neighbourhoods by name; categories by id', () => {
    const names = reference.entries.map((e) => e.data.name);
    for (let i = 1; i < reference.entries.length; i++)
      expect(bookOrder(reference.entries[i - 1], reference.entries[i])).toBeLessThanOrEqual(0);
    expect(names[0].localeCompare(names.at(-1)!, 'en-GB')).toBeLessThan(0);
    const ids = reference.categories.map((c) => c.id);
    expect(ids).toEqual([...ids].sort());
    const hoods = reference.neighbourhoods.map((n) => n.name);
    expect(hoods).toEqual([...hoods].sort((a, b) => a.localeCompare(b, 'en-GB')));
    // Same name, different ids: the id decides.
    const twin = (id: string) => ({ id, data: { name: 'Walking Group' } });
    expect(bookOrder(twin('a-walk'), twin('b-walk'))).toBeLessThan(0);
  });

  it('keeps every entry, category and neighbourhood it was given', () => {
    const p = parts();
    expect(reference.entries.length).toBe(p.entries.length);
    expect(new Set(reference.entries.map((e) => e.id))).toEqual(new Set(p.entries.map((e) => e.id)));
    expect(reference.categories.length).toBe(p.categories.length);
    expect(reference.neighbourhoods.length).toBe(p.neighbourhoods.length);
    expect(reference.tree.flatMap((t) => [t.category, ...t.children]).length).toBe(p.categories.length);
  });
});

describe('the helpers over a book', () => {
  const book = makeBook(parts());

  it('names neighbourhoods, and borough-wide entries as all of the place', () => {
    const [first] = book.neighbourhoods;
    expect(neighbourhoodNames(book, [first.id, 'borough-wide'])).toEqual([first.name, `All of ${book.site.place}`]);
  });

  it('adds parents to an entry’s categories, once each, and finds sensitive ones through the parent', () => {
    const child = book.categories.find(
      (c) => c.parent && book.categories.filter((d) => d.parent === c.parent).length > 1,
    )!;
    const sibling = book.categories.find((c) => c.parent === child.parent && c.id !== child.id)!;
    expect(categoriesWithParents(book, [child.id, sibling.id]).map((c) => c.id)).toEqual([
      child.parent,
      child.id,
      sibling.id,
    ]);
    const sensitiveParent = book.categories.find((c) => c.sensitive && !c.parent);
    const underIt = sensitiveParent && book.categories.find((c) => c.parent === sensitiveParent.id && !c.sensitive);
    if (underIt) expect(isSensitive(book, [underIt.id])).toBe(true);
    expect(
      isSensitive(book, [
        book.categories.find(
          (c) => !c.sensitive && !c.parent && !book.categories.some((d) => d.parent === c.id && d.sensitive),
        )!.id,
      ]),
    ).toBe(false);
  });

  it('finds a neighbourhood’s entries with the borough-wide ones, and a category’s with its sub-categories’', () => {
    const hood = book.neighbourhoods[0].id;
    const inHood = entriesIn(book, hood);
    expect(inHood.length).toBeGreaterThan(0);
    for (const e of inHood)
      expect(e.data.neighbourhoods.includes(hood) || e.data.neighbourhoods.includes('borough-wide')).toBe(true);
    expect(
      book.entries.filter((e) => e.data.neighbourhoods.includes(hood) || e.data.neighbourhoods.includes('borough-wide'))
        .length,
    ).toBe(inHood.length);
    const top = book.tree.find((t) => t.children.length > 0)!;
    const ids = new Set([top.category.id, ...top.children.map((c) => c.id)]);
    expect(entriesInCategory(book, top.category.id).map((e) => e.id)).toEqual(
      book.entries.filter((e) => e.data.categories.some((c) => ids.has(c))).map((e) => e.id),
    );
  });
});
