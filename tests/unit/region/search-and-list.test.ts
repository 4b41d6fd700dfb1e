/**
 * A region's one search and one list over its members (src/lib/region/search.ts, list.ts and
 * regionSearchParts in members.ts): each member's results and list entries link to the member's
 * own pages and carry its name and the region's ids. (The filters' words are the map's:
 * tests/unit/region/map.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { memberFragment } from '../../../src/lib/region/search';
import { memberListEntries, memberListEntry } from '../../../src/lib/region/list';
import { regionSearchParts } from '../../../src/lib/region/members';
import { toCard } from '../../../src/lib/search/results';
import { parseRegionEntryId } from '../../../src/schema/ids';
import { normaliseIds, decodeFragment, encodeFragment } from '../../../src/lib/list/codec';
import type { ListEntry } from '../../../src/lib/list/data';

const wigan = { id: 'wigan', name: 'Wigan Community Book', url: 'https://wigan.example.org' };
const two = { id: 'two', name: 'Book Two', url: 'https://example.github.io/two' };

describe("a member's search result in the region", () => {
  const fragment = { url: '/entries/food-bank/', meta: { id: 'food-bank', title: 'Food bank', status: 'active' } };

  it("links to the member's own entry page, under the member's path too", () => {
    expect(memberFragment(fragment, wigan).url).toBe('https://wigan.example.org/entries/food-bank/');
    expect(memberFragment(fragment, two).url).toBe('https://example.github.io/two/entries/food-bank/');
    expect(memberFragment(fragment, { ...two, url: 'https://example.github.io/two/' }).url).toBe(
      'https://example.github.io/two/entries/food-bank/',
    );
  });

  it("takes the region's id, so two members' food-banks stay two, and names the book on its card", () => {
    const a = memberFragment(fragment, wigan);
    const b = memberFragment(fragment, two);
    expect([a.meta.id, b.meta.id]).toEqual(['wigan.food-bank', 'two.food-bank']);
    expect(parseRegionEntryId(a.meta.id)).toEqual({ member: 'wigan', id: 'food-bank' });
    const card = toCard(a, new Date('2026-12-01T10:00:00Z'), 12, 'none');
    expect(card).toMatchObject({ id: 'wigan.food-bank', name: 'Food bank', book: 'Wigan Community Book' });
    expect(card.url).toBe('https://wigan.example.org/entries/food-bank/');
    // A book's own result names no book.
    expect(toCard(fragment, new Date('2026-12-01T10:00:00Z'), 12, 'none').book).toBeUndefined();
    // The fragment Pagefind gave is left as it was.
    expect(fragment.meta.id).toBe('food-bank');
  });

  it("asks every member's bundles, in region.yaml's order, each part knowing whose it is", () => {
    const parts = regionSearchParts([
      { book: wigan, bundles: ['pagefind', 'pagefind-2'] },
      { book: two, bundles: ['pagefind'] },
    ]);
    expect(parts).toEqual([
      { base: '/members/wigan/pagefind/', book: wigan },
      { base: '/members/wigan/pagefind-2/', book: wigan },
      { base: '/members/two/pagefind/', book: two },
    ]);
  });
});

describe("the region's list", () => {
  const entry = { id: 'food-bank', name: 'Food bank', summary: 'Food.', status: 'active' } as ListEntry;

  it("holds a member's entry under the region's id, with its own page and its book", () => {
    expect(memberListEntry(entry, two)).toMatchObject({
      id: 'two.food-bank',
      name: 'Food bank',
      url: 'https://example.github.io/two/entries/food-bank/',
      book: 'Book Two',
    });
    const { entries, problems } = memberListEntries(
      [
        { path: 'list-data/2-0.json', body: { 'food-bank': entry } },
        { path: 'list-data/2-1.json', body: [] },
      ],
      wigan,
    );
    expect(entries.map((e) => e.id)).toEqual(['wigan.food-bank']);
    expect(problems).toEqual([expect.stringMatching(/^Member "wigan" .*list-data\/2-1\.json is not .* Fix: /)]);
  });

  it('keeps region ids in the saved list and the share link, beside a book’s own', () => {
    const ids = ['wigan.food-bank', 'food-bank', 'two.food-bank', 'two..x', 'Two.food-bank'];
    expect(normaliseIds(ids)).toEqual(['wigan.food-bank', 'food-bank', 'two.food-bank']);
    expect(decodeFragment(`#${encodeFragment(ids)}`)).toEqual(['wigan.food-bank', 'food-bank', 'two.food-bank']);
  });
});
